// The read side of the ledger: grouped cost queries, forecasts, scans.
#include "backends/billing/ledger.h"
#include "backends/billing/timeutil.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <variant>

namespace opsdeck::billing {
namespace {

using opsdeck::v1::Dimension;
using Param = std::variant<std::int64_t, double, std::string>;

// Builds SQL with either ? placeholders (bound later) or inlined literals.
struct SqlBuilder
{
    bool inlineParams = false;
    std::string sql;
    std::vector<Param> params;

    SqlBuilder &operator<<(std::string_view s)
    {
        sql += s;
        return *this;
    }
    void param(Param p)
    {
        if (!inlineParams) {
            sql += '?';
            params.push_back(std::move(p));
            return;
        }
        if (auto *i = std::get_if<std::int64_t>(&p)) {
            sql += std::to_string(*i);
        } else if (auto *d = std::get_if<double>(&p)) {
            sql += std::to_string(*d);
        } else {
            sql += '\'';
            for (char c : std::get<std::string>(p)) {
                if (c == '\'')
                    sql += '\'';
                sql += c;
            }
            sql += '\'';
        }
    }
};

bool isCategory(Dimension d)
{
    return d == opsdeck::v1::DIMENSION_PRICING_CATEGORY || d == opsdeck::v1::DIMENSION_CHARGE_CATEGORY;
}

void dimensionExpr(SqlBuilder &b, Dimension d, const std::string &tagKey)
{
    switch (d) {
    case opsdeck::v1::DIMENSION_SERVICE:
        b << "service_name";
        break;
    case opsdeck::v1::DIMENSION_REGION:
        b << "region_id";
        break;
    case opsdeck::v1::DIMENSION_ACCOUNT:
        b << "sub_account_id";
        break;
    case opsdeck::v1::DIMENSION_PRICING_CATEGORY:
        b << "pricing_category";
        break;
    case opsdeck::v1::DIMENSION_CHARGE_CATEGORY:
        b << "charge_category";
        break;
    case opsdeck::v1::DIMENSION_RESOURCE:
        b << "resource_id";
        break;
    case opsdeck::v1::DIMENSION_SERVICE_CATEGORY:
        b << "service_category";
        break;
    case opsdeck::v1::DIMENSION_TAG:
        b << "COALESCE(json_extract(tags, ";
        b.param("$.\"" + tagKey + "\"");
        b << "), '')";
        break;
    default:
        b << "''";
        break;
    }
}

void whereClause(SqlBuilder &b, std::int64_t start, std::int64_t end,
    const google::protobuf::RepeatedPtrField<opsdeck::v1::Filter> &filters)
{
    // An open range adds no condition, so SQLite scans the table in order
    // instead of walking the period index with a lookup per row.
    b << " WHERE 1";
    if (start > 0) {
        b << " AND period_start >= ";
        b.param(start);
    }
    if (end < INT64_MAX) {
        b << " AND period_start < ";
        b.param(end);
    }
    for (const auto &f : filters) {
        if (f.dimension() == opsdeck::v1::DIMENSION_UNSPECIFIED)
            continue;
        b << " AND ";
        dimensionExpr(b, f.dimension(), f.tag_key());
        b << (f.exclude() ? " NOT IN (" : " IN (");
        if (f.values().empty())
            b << "NULL";
        for (int i = 0; i < f.values_size(); ++i) {
            if (i)
                b << ", ";
            if (isCategory(f.dimension())) {
                const auto c = f.dimension() == opsdeck::v1::DIMENSION_PRICING_CATEGORY
                    ? parsePricingCategory(f.values(i))
                    : parseChargeCategory(f.values(i));
                b.param(std::int64_t(c ? *c : -1)); // an unknown name matches nothing
            } else {
                b.param(f.values(i));
            }
        }
        b << ")";
    }
}

void bucketExpr(SqlBuilder &b, opsdeck::v1::Granularity g)
{
    switch (g) {
    case opsdeck::v1::GRANULARITY_HOUR:
        b << "(period_start / 3600000000000) * 3600000000000";
        break;
    case opsdeck::v1::GRANULARITY_DAY:
        b << "(period_start / 86400000000000) * 86400000000000";
        break;
    case opsdeck::v1::GRANULARITY_MONTH:
        b << "CAST(strftime('%s', period_start / 1000000000, 'unixepoch', 'start of month') AS INTEGER)"
             " * 1000000000";
        break;
    default:
        b << "0";
        break;
    }
}

const char *kSums = "SUM(billed_cost), SUM(effective_cost), SUM(list_cost), SUM(consumed_quantity), COUNT(*)";

SqlBuilder groupedQuery(const opsdeck::v1::CostQuery &q, bool inlineParams)
{
    SqlBuilder b;
    b.inlineParams = inlineParams;
    b << "SELECT ";
    bucketExpr(b, q.granularity());
    b << " AS bucket";
    const int groups = std::min(q.group_by_size(), 3);
    for (int i = 0; i < groups; ++i) {
        b << ", ";
        dimensionExpr(b, q.group_by(i).dimension(), q.group_by(i).tag_key());
        b << " AS k" << std::to_string(i);
    }
    b << ", " << kSums << " FROM line_items";
    whereClause(b, q.start_unix_ns(), q.end_unix_ns() > 0 ? q.end_unix_ns() : INT64_MAX, q.filters());
    b << " GROUP BY bucket";
    for (int i = 0; i < groups; ++i)
        b << ", k" << std::to_string(i);
    b << " ORDER BY bucket";
    for (int i = 0; i < groups; ++i)
        b << ", k" << std::to_string(i);
    return b;
}

bool prepare(sqlite3 *db, const SqlBuilder &b, sqlite3_stmt **stmt, std::string *error)
{
    if (sqlite3_prepare_v2(db, b.sql.c_str(), int(b.sql.size()), stmt, nullptr) != SQLITE_OK) {
        if (error)
            *error = std::string("sqlite: ") + sqlite3_errmsg(db);
        return false;
    }
    for (std::size_t i = 0; i < b.params.size(); ++i) {
        const int index = int(i + 1);
        const Param &p = b.params[i];
        if (auto *v = std::get_if<std::int64_t>(&p))
            sqlite3_bind_int64(*stmt, index, *v);
        else if (auto *d = std::get_if<double>(&p))
            sqlite3_bind_double(*stmt, index, *d);
        else
            sqlite3_bind_text(*stmt, index, std::get<std::string>(p).c_str(), -1, SQLITE_TRANSIENT);
    }
    return true;
}

void fillSums(sqlite3_stmt *s, int first, opsdeck::v1::CostRow *row)
{
    row->set_billed_cost(sqlite3_column_double(s, first));
    row->set_effective_cost(sqlite3_column_double(s, first + 1));
    row->set_list_cost(sqlite3_column_double(s, first + 2));
    row->set_consumed_quantity(sqlite3_column_double(s, first + 3));
    row->set_line_items(std::uint64_t(sqlite3_column_int64(s, first + 4)));
    // On-demand equivalent: ListCost is the on-demand price of the usage
    // (the pricing engine fills it for committed and spot rows).
    row->set_on_demand_equivalent(row->list_cost());
    row->set_savings(row->list_cost() - row->effective_cost());
}

std::string text(sqlite3_stmt *s, int i)
{
    const auto *p = sqlite3_column_text(s, i);
    return p ? std::string(reinterpret_cast<const char *>(p), std::size_t(sqlite3_column_bytes(s, i)))
             : std::string();
}

double sumEffective(sqlite3 *db, std::int64_t start, std::int64_t end,
    const google::protobuf::RepeatedPtrField<opsdeck::v1::Filter> &filters)
{
    SqlBuilder b;
    b << "SELECT TOTAL(effective_cost) FROM line_items";
    whereClause(b, start, end, filters);
    sqlite3_stmt *s = nullptr;
    double v = 0;
    if (prepare(db, b, &s, nullptr) && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_double(s, 0);
    sqlite3_finalize(s);
    return v;
}

} // namespace

std::string Ledger::groupedSql(const opsdeck::v1::CostQuery &query) const
{
    return groupedQuery(query, true).sql + ";";
}

bool Ledger::query(const opsdeck::v1::CostQuery &q, opsdeck::v1::CostReport *report, std::string *error)
{
    if (q.group_by_size() > 3) {
        if (error)
            *error = "at most three group-by dimensions";
        return false;
    }
    for (const auto &g : q.group_by())
        if (g.dimension() == opsdeck::v1::DIMENSION_TAG && g.tag_key().empty()) {
            if (error)
                *error = "grouping by tag needs a tag_key";
            return false;
        }
    const std::int64_t end = q.end_unix_ns() > 0 ? q.end_unix_ns() : INT64_MAX;
    if (end <= q.start_unix_ns()) {
        if (error)
            *error = "the range ends before it starts";
        return false;
    }
    const std::size_t maxRows = q.max_rows() > 0 ? q.max_rows() : 100000;
    std::lock_guard lock(m_readMutex);
    report->set_currency(m_currency);
    report->set_generated_unix_ns(wallNowNs());

    const SqlBuilder b = groupedQuery(q, false);
    sqlite3_stmt *s = nullptr;
    if (!prepare(m_reader, b, &s, error))
        return false;
    const int groups = q.group_by_size();
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (std::size_t(report->rows_size()) >= maxRows) {
            report->set_truncated(true);
            break;
        }
        auto *row = report->add_rows();
        row->set_bucket_start_unix_ns(sqlite3_column_int64(s, 0));
        for (int i = 0; i < groups; ++i) {
            const Dimension d = q.group_by(i).dimension();
            if (d == opsdeck::v1::DIMENSION_PRICING_CATEGORY)
                row->add_keys(std::string(pricingCategoryName(sqlite3_column_int(s, 1 + i))));
            else if (d == opsdeck::v1::DIMENSION_CHARGE_CATEGORY)
                row->add_keys(std::string(chargeCategoryName(sqlite3_column_int(s, 1 + i))));
            else
                row->add_keys(text(s, 1 + i));
        }
        fillSums(s, 1 + groups, row);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        if (error)
            *error = std::string("sqlite: ") + sqlite3_errmsg(m_reader);
        return false;
    }

    if (!report->truncated()) {
        // The grouped rows partition the range: their sum is the total, no
        // second scan needed.
        opsdeck::v1::CostRow *totals = report->mutable_totals();
        for (const auto &row : report->rows()) {
            totals->set_billed_cost(totals->billed_cost() + row.billed_cost());
            totals->set_effective_cost(totals->effective_cost() + row.effective_cost());
            totals->set_list_cost(totals->list_cost() + row.list_cost());
            totals->set_consumed_quantity(totals->consumed_quantity() + row.consumed_quantity());
            totals->set_line_items(totals->line_items() + row.line_items());
        }
        totals->set_on_demand_equivalent(totals->list_cost());
        totals->set_savings(totals->list_cost() - totals->effective_cost());
    } else {
        SqlBuilder t;
        t << "SELECT " << kSums << " FROM line_items";
        whereClause(t, q.start_unix_ns(), end, q.filters());
        if (prepare(m_reader, t, &s, error) && sqlite3_step(s) == SQLITE_ROW)
            fillSums(s, 0, report->mutable_totals());
        sqlite3_finalize(s);
    }
    std::int64_t latestEnd = 0;
    if (q.include_forecast()) {
        // Purchases span their whole term, so "the latest charge" is the latest usage.
        SqlBuilder t;
        t << "SELECT MAX(period_end) FROM line_items";
        whereClause(t, q.start_unix_ns(), end, q.filters());
        t << " AND charge_category = 1";
        if (prepare(m_reader, t, &s, error) && sqlite3_step(s) == SQLITE_ROW)
            latestEnd = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
    }
    report->set_line_items_scanned(report->totals().line_items());

    if (q.include_forecast() && latestEnd > 0) {
        // The month of the latest charge in range; "now" is the end of the
        // charges so far (a ledger of past months forecasts its last month).
        const std::int64_t now = std::min(end, latestEnd);
        const std::int64_t monthStart = monthStartNs(now - 1);
        const std::int64_t monthEnd = nextMonthStartNs(now - 1);
        auto *f = report->mutable_forecast();
        f->set_month_start_unix_ns(monthStart);
        f->set_month_end_unix_ns(monthEnd);
        const double mtd = sumEffective(m_reader, monthStart, now, q.filters());
        f->set_month_to_date(mtd);
        const double elapsed = double(now - monthStart);
        f->set_forecast_month_total(elapsed > 0 ? mtd * double(monthEnd - monthStart) / elapsed : mtd);
        f->set_burn_rate_per_hour(sumEffective(m_reader, now - kNsPerHour, now, q.filters()));
    }
    return true;
}

bool Ledger::scan(const Scan &sc, const std::function<bool(const LedgerRow &)> &visit, std::string *error)
{
    std::uint64_t after = sc.afterSeq;
    google::protobuf::RepeatedPtrField<opsdeck::v1::Filter> filters(sc.filters.begin(), sc.filters.end());
    for (;;) {
        std::vector<LedgerRow> page;
        {
            std::lock_guard lock(m_readMutex);
            SqlBuilder b;
            b << "SELECT seq, billed_cost, effective_cost, list_cost, contracted_cost, currency, "
                 "period_start,"
                 " period_end, charge_category, pricing_category, commitment_type, commitment_id,"
                 " commitment_status, service_name, service_category, region_id, sub_account_id, resource_id,"
                 " consumed_quantity, consumed_unit, sku_id, charge_description, tags FROM line_items";
            whereClause(b, sc.startNs, sc.endNs, filters);
            b << " AND seq > ";
            b.param(std::int64_t(after));
            b << " ORDER BY seq LIMIT ";
            b.param(std::int64_t(sc.pageRows));
            sqlite3_stmt *s = nullptr;
            if (!prepare(m_reader, b, &s, error))
                return false;
            while (sqlite3_step(s) == SQLITE_ROW) {
                LedgerRow r;
                r.seq = std::uint64_t(sqlite3_column_int64(s, 0));
                r.billedCost = sqlite3_column_double(s, 1);
                r.effectiveCost = sqlite3_column_double(s, 2);
                r.listCost = sqlite3_column_double(s, 3);
                r.contractedCost = sqlite3_column_double(s, 4);
                r.currency = text(s, 5);
                r.periodStartNs = sqlite3_column_int64(s, 6);
                r.periodEndNs = sqlite3_column_int64(s, 7);
                r.chargeCategory = sqlite3_column_int(s, 8);
                r.pricingCategory = sqlite3_column_int(s, 9);
                r.commitmentDiscountType = text(s, 10);
                r.commitmentDiscountId = text(s, 11);
                r.commitmentDiscountStatus = text(s, 12);
                r.serviceName = text(s, 13);
                r.serviceCategory = text(s, 14);
                r.regionId = text(s, 15);
                r.subAccountId = text(s, 16);
                r.resourceId = text(s, 17);
                r.consumedQuantity = sqlite3_column_double(s, 18);
                r.consumedUnit = text(s, 19);
                r.skuId = text(s, 20);
                r.chargeDescription = text(s, 21);
                r.tagsJson = text(s, 22);
                page.push_back(std::move(r));
            }
            sqlite3_finalize(s);
        }
        for (const LedgerRow &r : page)
            if (!visit(r))
                return true;
        if (page.size() < sc.pageRows)
            return true;
        after = page.back().seq;
    }
}

bool Ledger::instanceUsage(
    const opsdeck::v1::CostQuery &q, std::vector<InstanceUsage> *out, std::string *error)
{
    std::lock_guard lock(m_readMutex);
    SqlBuilder b;
    b << "SELECT sku_id, resource_id, SUM(consumed_quantity), MIN(period_start), MAX(period_end) FROM "
         "line_items";
    whereClause(b, q.start_unix_ns(), q.end_unix_ns() > 0 ? q.end_unix_ns() : INT64_MAX, q.filters());
    b << " AND consumed_unit = 'Hours' AND charge_category = 1 AND commitment_status != 'Unused'"
         " GROUP BY sku_id, resource_id";
    sqlite3_stmt *s = nullptr;
    if (!prepare(m_reader, b, &s, error))
        return false;
    while (sqlite3_step(s) == SQLITE_ROW)
        out->push_back({ text(s, 0), text(s, 1), sqlite3_column_double(s, 2), sqlite3_column_int64(s, 3),
            sqlite3_column_int64(s, 4) });
    sqlite3_finalize(s);
    return true;
}

std::int64_t Ledger::latestPeriodEndNs()
{
    std::lock_guard lock(m_readMutex);
    sqlite3_stmt *s = nullptr;
    std::int64_t v = 0;
    if (sqlite3_prepare_v2(m_reader,
            "SELECT COALESCE(MAX(period_end), 0) FROM line_items WHERE charge_category = 1", -1, &s, nullptr)
            == SQLITE_OK
        && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

std::string Ledger::meta(const std::string &key)
{
    std::lock_guard lock(m_readMutex);
    SqlBuilder b;
    b << "SELECT value FROM ledger_meta WHERE key = ";
    b.param(key);
    sqlite3_stmt *s = nullptr;
    std::string value;
    if (prepare(m_reader, b, &s, nullptr) && sqlite3_step(s) == SQLITE_ROW)
        value = text(s, 0);
    sqlite3_finalize(s);
    return value;
}

bool Ledger::setMeta(const std::string &key, const std::string &value)
{
    std::lock_guard lock(m_writeMutex);
    SqlBuilder b;
    b << "INSERT OR REPLACE INTO ledger_meta(key, value) VALUES(";
    b.param(key);
    b << ", ";
    b.param(value);
    b << ")";
    sqlite3_stmt *s = nullptr;
    const bool ok = prepare(m_writer, b, &s, nullptr) && sqlite3_step(s) == SQLITE_DONE;
    sqlite3_finalize(s);
    return ok;
}

std::vector<Ledger::MonthlyQuantity> Ledger::monthlyQuantities(std::int64_t monthStartNs)
{
    std::lock_guard lock(m_readMutex);
    // Summed here, not by GROUP BY: SQLite groups by sorting every matching
    // row, and that sorter's memory (megabytes for a month of charges) is
    // freed again right after a backend's start, which left the in-process
    // demo larger after every billing restart (docs/RELIABILITY.md, "Soak").
    // A few dozen (account, SKU) sums need no sort.
    SqlBuilder b;
    b << "SELECT sub_account_id, sku_id, consumed_quantity FROM line_items WHERE period_start >= ";
    b.param(monthStartNs);
    b << " AND period_start < ";
    b.param(nextMonthStartNs(monthStartNs));
    b << " AND charge_category = 1 AND pricing_category = 1";
    std::map<std::pair<std::string, std::string>, double> sums;
    sqlite3_stmt *s = nullptr;
    if (prepare(m_reader, b, &s, nullptr))
        while (sqlite3_step(s) == SQLITE_ROW)
            sums[{ text(s, 0), text(s, 1) }] += sqlite3_column_double(s, 2);
    sqlite3_finalize(s);
    std::vector<MonthlyQuantity> out;
    out.reserve(sums.size());
    for (const auto &[key, quantity] : sums)
        out.push_back({ key.first, key.second, quantity });
    return out;
}

std::vector<std::string> Ledger::coldStorageResources()
{
    std::lock_guard lock(m_readMutex);
    // The class of each data set's latest capacity charge; picked here rather
    // than by GROUP BY, for the reason above.
    SqlBuilder b;
    b << "SELECT resource_id, sku_id, period_start FROM line_items"
         " WHERE sku_id IN ('storage.hot.capacity', 'storage.cold.capacity')";
    std::map<std::string, std::pair<std::int64_t, bool>> latest; // resource -> (period, cold)
    sqlite3_stmt *s = nullptr;
    if (prepare(m_reader, b, &s, nullptr))
        while (sqlite3_step(s) == SQLITE_ROW) {
            const std::int64_t start = sqlite3_column_int64(s, 2);
            auto [it, added] = latest.try_emplace(text(s, 0), start, false);
            if (added || start >= it->second.first) // the later row wins a tie
                it->second = { start, text(s, 1) == "storage.cold.capacity" };
        }
    sqlite3_finalize(s);
    std::vector<std::string> out;
    for (const auto &[resource, last] : latest)
        if (last.second)
            out.push_back(resource);
    return out;
}

std::int64_t Ledger::commitmentSettledUntil(const std::string &commitmentId)
{
    std::lock_guard lock(m_readMutex);
    SqlBuilder b;
    b << "SELECT COUNT(*), MAX(CASE WHEN charge_category = 1 THEN period_end END), MIN(period_start)"
         " FROM line_items WHERE commitment_id = ";
    b.param(commitmentId);
    sqlite3_stmt *s = nullptr;
    std::int64_t until = 0;
    if (prepare(m_reader, b, &s, nullptr) && sqlite3_step(s) == SQLITE_ROW
        && sqlite3_column_int64(s, 0) > 0) {
        until = sqlite3_column_type(s, 1) == SQLITE_NULL ? sqlite3_column_int64(s, 2)
                                                         : sqlite3_column_int64(s, 1);
        until = std::max<std::int64_t>(until, 1); // found: never 0
    }
    sqlite3_finalize(s);
    return until;
}

} // namespace opsdeck::billing
