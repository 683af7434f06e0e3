#include "backends/billing/ledger.h"

#include <sqlite3.h>

#include <algorithm>

namespace opsdeck::billing {
namespace {

bool exec(sqlite3 *db, const char *sql, std::string *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = std::string("sqlite: ") + (message ? message : "error") + " in: " + sql;
    sqlite3_free(message);
    return false;
}

int userVersion(sqlite3 *db)
{
    sqlite3_stmt *stmt = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return version;
}

// Forward migrations: index i takes the schema from version i to i + 1.
// Never edit a released step; append a new one.
const char *const kMigrations[] = {
    // 0 → 1: the FOCUS line items.
    "CREATE TABLE line_items("
    " seq INTEGER PRIMARY KEY,"
    " billed_cost REAL NOT NULL, effective_cost REAL NOT NULL,"
    " list_cost REAL NOT NULL, contracted_cost REAL NOT NULL,"
    " currency TEXT NOT NULL,"
    " period_start INTEGER NOT NULL, period_end INTEGER NOT NULL,"
    " charge_category INTEGER NOT NULL, pricing_category INTEGER NOT NULL,"
    " commitment_type TEXT NOT NULL, commitment_id TEXT NOT NULL, commitment_status TEXT NOT NULL,"
    " service_name TEXT NOT NULL, service_category TEXT NOT NULL, region_id TEXT NOT NULL,"
    " sub_account_id TEXT NOT NULL, resource_id TEXT NOT NULL,"
    " consumed_quantity REAL NOT NULL, consumed_unit TEXT NOT NULL,"
    " sku_id TEXT NOT NULL, charge_description TEXT NOT NULL, tags TEXT NOT NULL);"
    "CREATE INDEX line_items_period ON line_items(period_start);"
    "CREATE TABLE ledger_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // 1 → 2: drill-down by service and by resource over a time range.
    "CREATE INDEX line_items_service_period ON line_items(service_name, period_start);"
    "CREATE INDEX line_items_resource_period ON line_items(resource_id, period_start);",
};
static_assert(std::size(kMigrations) == Ledger::kSchemaVersion);

} // namespace

Ledger::~Ledger()
{
    sqlite3_finalize(m_insert);
    sqlite3_close(m_reader);
    sqlite3_close(m_writer);
}

std::unique_ptr<Ledger> Ledger::open(
    const std::string &path, const std::string &currency, std::string *error, int cacheMiB)
{
    const std::string cachePragma
        = "PRAGMA cache_size=-" + std::to_string(std::max(1, cacheMiB) * 1024) + ";";
    std::unique_ptr<Ledger> ledger(new Ledger);
    ledger->m_path = path;
    ledger->m_currency = currency;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &ledger->m_writer, flags, nullptr) != SQLITE_OK) {
        if (error)
            *error = "cannot open ledger " + path + ": " + sqlite3_errmsg(ledger->m_writer);
        return nullptr;
    }
    sqlite3_busy_timeout(ledger->m_writer, 5000);
    // WAL: readers never block the writer. The page cache (64 MiB for the
    // service) keeps the indexes' hot pages in memory during large imports.
    // An import is one transaction that SQLite spills to the WAL;
    // journal_size_limit gives the disk back (down to 64 MiB) when the WAL is
    // next reset.
    if (!exec(ledger->m_writer,
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=67108864;", error)
        || !exec(ledger->m_writer, cachePragma.c_str(), error) || !ledger->migrate(error))
        return nullptr;
    // The ledger keeps one currency: a file written with another is refused.
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(
            ledger->m_writer, "SELECT value FROM ledger_meta WHERE key='currency'", -1, &stmt, nullptr);
        std::string stored;
        if (sqlite3_step(stmt) == SQLITE_ROW)
            stored = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
        if (stored.empty()) {
            const std::string sql = "INSERT INTO ledger_meta VALUES('currency', '" + currency + "')";
            if (!exec(ledger->m_writer, sql.c_str(), error))
                return nullptr;
        } else if (stored != currency) {
            if (error)
                *error = "ledger " + path + " is in " + stored + ", the price book in " + currency;
            return nullptr;
        }
    }
    const char *insertSql
        = "INSERT INTO line_items(billed_cost, effective_cost, list_cost, contracted_cost, currency,"
          " period_start, period_end, charge_category, pricing_category, commitment_type, commitment_id,"
          " commitment_status, service_name, service_category, region_id, sub_account_id, resource_id,"
          " consumed_quantity, consumed_unit, sku_id, charge_description, tags)"
          " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    if (sqlite3_prepare_v3(
            ledger->m_writer, insertSql, -1, SQLITE_PREPARE_PERSISTENT, &ledger->m_insert, nullptr)
        != SQLITE_OK) {
        if (error)
            *error = std::string("sqlite: ") + sqlite3_errmsg(ledger->m_writer);
        return nullptr;
    }
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(
            ledger->m_writer, "SELECT COALESCE(MAX(seq), 0) FROM line_items", -1, &stmt, nullptr);
        if (sqlite3_step(stmt) == SQLITE_ROW)
            ledger->m_lastSeq = std::uint64_t(sqlite3_column_int64(stmt, 0));
        ledger->m_committedSeq = ledger->m_lastSeq;
        sqlite3_finalize(stmt);
    }
    if (sqlite3_open_v2(path.c_str(), &ledger->m_reader, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        if (error)
            *error = "cannot open ledger reader " + path;
        return nullptr;
    }
    sqlite3_busy_timeout(ledger->m_reader, 5000);
    exec(ledger->m_reader, cachePragma.c_str(), nullptr);
    return ledger;
}

bool Ledger::migrate(std::string *error)
{
    int version = userVersion(m_writer);
    if (version > kSchemaVersion) {
        if (error)
            *error = "ledger schema " + std::to_string(version) + " is newer than this program ("
                + std::to_string(kSchemaVersion) + ")";
        return false;
    }
    for (; version < kSchemaVersion; ++version) {
        const std::string step = std::string("BEGIN;") + kMigrations[version]
            + "PRAGMA user_version=" + std::to_string(version + 1) + ";COMMIT;";
        if (!exec(m_writer, step.c_str(), error)) {
            exec(m_writer, "ROLLBACK", nullptr);
            return false;
        }
    }
    return true;
}

int Ledger::schemaVersion() const
{
    std::lock_guard lock(m_writeMutex);
    return userVersion(m_writer);
}

bool Ledger::bindInsert(const LedgerRow &r, std::string *error)
{
    sqlite3_stmt *s = m_insert;
    auto text = [s](int i, const std::string &v) {
        sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_STATIC);
    };
    sqlite3_bind_double(s, 1, r.billedCost);
    sqlite3_bind_double(s, 2, r.effectiveCost);
    sqlite3_bind_double(s, 3, r.listCost);
    sqlite3_bind_double(s, 4, r.contractedCost);
    text(5, r.currency);
    sqlite3_bind_int64(s, 6, r.periodStartNs);
    sqlite3_bind_int64(s, 7, r.periodEndNs);
    sqlite3_bind_int(s, 8, r.chargeCategory);
    sqlite3_bind_int(s, 9, r.pricingCategory);
    text(10, r.commitmentDiscountType);
    text(11, r.commitmentDiscountId);
    text(12, r.commitmentDiscountStatus);
    text(13, r.serviceName);
    text(14, r.serviceCategory);
    text(15, r.regionId);
    text(16, r.subAccountId);
    text(17, r.resourceId);
    sqlite3_bind_double(s, 18, r.consumedQuantity);
    text(19, r.consumedUnit);
    text(20, r.skuId);
    text(21, r.chargeDescription);
    text(22, r.tagsJson);
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        if (error)
            *error = std::string("sqlite insert: ") + sqlite3_errmsg(m_writer);
        return false;
    }
    ++m_lastSeq;
    return true;
}

bool Ledger::beginBatch()
{
    return exec(m_writer, "BEGIN", nullptr);
}

bool Ledger::commitBatch(std::string *error)
{
    if (!exec(m_writer, "COMMIT", error)) {
        exec(m_writer, "ROLLBACK", nullptr);
        m_lastSeq = m_committedSeq.load();
        return false;
    }
    m_committedSeq = m_lastSeq;
    return true;
}

bool Ledger::insert(std::vector<LedgerRow> &rows, std::string *error)
{
    if (rows.empty())
        return true;
    std::lock_guard lock(m_writeMutex);
    if (!beginBatch())
        return false;
    for (LedgerRow &row : rows) {
        if (row.currency.empty())
            row.currency = m_currency;
        if (!bindInsert(row, error)) {
            exec(m_writer, "ROLLBACK", nullptr);
            m_lastSeq = m_committedSeq.load();
            return false;
        }
        row.seq = std::uint64_t(sqlite3_last_insert_rowid(m_writer));
    }
    return commitBatch(error);
}

Ledger::Writer::Writer(Ledger &ledger, std::size_t batchRows)
    : m_ledger(ledger)
    , m_lock(ledger.m_writeMutex)
    , m_batchRows(batchRows)
{ }

Ledger::Writer::~Writer()
{
    if (m_inBatch == 0)
        return;
    if (m_failed || m_batchRows == kOneTransaction)
        rollbackOpen();
    else
        m_ledger.commitBatch(nullptr);
}

void Ledger::Writer::rollbackOpen()
{
    exec(m_ledger.m_writer, "ROLLBACK", nullptr);
    m_ledger.m_lastSeq = m_ledger.m_committedSeq.load();
    m_inBatch = 0;
}

void Ledger::Writer::rollback()
{
    if (m_inBatch > 0)
        rollbackOpen();
    m_failed = true;
}

bool Ledger::Writer::add(const LedgerRow &row, std::string *error)
{
    if (m_failed)
        return false;
    if (m_inBatch == 0 && !m_ledger.beginBatch()) {
        m_failed = true;
        return false;
    }
    ++m_inBatch; // counted before the insert: a failed insert still leaves a transaction to roll back
    if (!m_ledger.bindInsert(row, error)) {
        m_failed = true;
        return false;
    }
    if (m_batchRows != kOneTransaction && m_inBatch >= m_batchRows) {
        m_inBatch = 0;
        if (!m_ledger.commitBatch(error)) {
            m_failed = true;
            return false;
        }
    }
    return true;
}

bool Ledger::Writer::finish(std::string *error)
{
    if (m_inBatch == 0 || m_failed)
        return !m_failed; // a failed batch is rolled back by the destructor
    m_inBatch = 0;
    if (!m_ledger.commitBatch(error)) {
        m_failed = true; // commitBatch rolled back already
        return false;
    }
    return true;
}

} // namespace opsdeck::billing
