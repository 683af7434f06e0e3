#pragma once

#include "backends/billing/ledgerrow.h"
#include "opsdeck/v1/billing.pb.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace opsdeck::billing {

// The SQLite ledger of FOCUS line items. Schema versioned with PRAGMA
// user_version and forward migrations; WAL journal; indexes for the queries.
// One writer connection and one reader connection, each behind its own mutex,
// so queries run while usage is being written. All methods are thread-safe.
class Ledger
{
public:
    static constexpr int kSchemaVersion = 2;

    ~Ledger();
    Ledger(const Ledger &) = delete;
    Ledger &operator=(const Ledger &) = delete;

    // Opens (creating or migrating) the ledger file. nullptr + *error on failure.
    // cacheMiB: SQLite page cache of each of the two connections.
    static std::unique_ptr<Ledger> open(
        const std::string &path, const std::string &currency, std::string *error, int cacheMiB = 64);

    const std::string &path() const { return m_path; }
    const std::string &currency() const { return m_currency; }
    int schemaVersion() const;

    // Appends rows in one transaction and assigns each its seq.
    bool insert(std::vector<LedgerRow> &rows, std::string *error);

    // Incremental writer for large imports. Holds the writer for its lifetime.
    // With `batchRows` > 0 rows are committed every `batchRows` rows (readers
    // see them as they come). With kOneTransaction everything added is one
    // transaction: nothing is visible before finish(), and rollback() (or a
    // writer destroyed without finish()) leaves the ledger as it was — SQLite
    // spills a large transaction to the WAL, so memory stays bounded.
    class Writer
    {
    public:
        static constexpr std::size_t kOneTransaction = 0;

        explicit Writer(Ledger &ledger, std::size_t batchRows = 20000);
        ~Writer();
        bool add(const LedgerRow &row, std::string *error);
        bool finish(std::string *error); // commits the last batch
        void rollback(); // drops every row added since the last commit; add() fails afterwards

    private:
        void rollbackOpen();

        Ledger &m_ledger;
        std::unique_lock<std::mutex> m_lock;
        std::size_t m_batchRows;
        std::size_t m_inBatch = 0;
        bool m_failed = false;
    };

    bool query(const opsdeck::v1::CostQuery &query, opsdeck::v1::CostReport *report, std::string *error);
    // The SQL query() runs for the grouped rows, parameters inlined as literals
    // (for the sqlite3 shell in the benchmark and for humans).
    std::string groupedSql(const opsdeck::v1::CostQuery &query) const;

    struct Scan
    {
        std::uint64_t afterSeq = 0;
        std::int64_t startNs = INT64_MIN; // on period_start
        std::int64_t endNs = INT64_MAX;
        std::vector<opsdeck::v1::Filter> filters;
        std::size_t pageRows = 5000;
    };
    // Calls visit for each matching row in seq order (paged; the reader lock is
    // released between pages). visit returns false to stop.
    bool scan(const Scan &scan, const std::function<bool(const LedgerRow &)> &visit, std::string *error);

    struct InstanceUsage
    {
        std::string skuId;
        std::string resourceId;
        double hours = 0;
        std::int64_t firstStartNs = 0;
        std::int64_t lastEndNs = 0;
    };
    // Instance hours (unit "Hours", Usage, not "Unused") in the query's range.
    bool instanceUsage(
        const opsdeck::v1::CostQuery &query, std::vector<InstanceUsage> *out, std::string *error);

    // The last committed seq: every row up to it is visible to readers.
    std::uint64_t lastSeq() const { return m_committedSeq.load(); }
    std::int64_t latestPeriodEndNs();

    // Small key/value store next to the line items (ledger_meta).
    std::string meta(const std::string &key);
    bool setMeta(const std::string &key, const std::string &value);

    // For resuming the pricing engine after a restart.
    struct MonthlyQuantity
    {
        std::string accountId;
        std::string skuId;
        double quantity = 0;
    };
    std::vector<MonthlyQuantity> monthlyQuantities(std::int64_t monthStartNs);
    std::vector<std::string> coldStorageResources();
    // 0 when the ledger has no row of this commitment, else the end of its
    // last hourly row (or its start when only the purchase is there).
    std::int64_t commitmentSettledUntil(const std::string &commitmentId);

private:
    Ledger() = default;
    bool migrate(std::string *error);
    bool beginBatch();
    bool commitBatch(std::string *error);
    bool bindInsert(const LedgerRow &row, std::string *error);

    std::string m_path;
    std::string m_currency;
    sqlite3 *m_writer = nullptr;
    sqlite3 *m_reader = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    mutable std::mutex m_writeMutex;
    mutable std::mutex m_readMutex;
    std::uint64_t m_lastSeq = 0; // guarded by m_writeMutex; includes the open transaction
    std::atomic<std::uint64_t> m_committedSeq { 0 };
};

} // namespace opsdeck::billing
