// What a restarted billing backend reads back from its ledger before it goes
// on (BillingBackend::restoreEngine): this month's quantities per (account,
// SKU) and the storage already cold. The ledger sums and picks these in C++
// (ledgerquery.cpp says why); checked here against SQLite's own GROUP BY over
// a week of the synthetic workload's charges.
#include "backends/billing/billingbackend.h"
#include "backends/billing/ledger.h"
#include "backends/billing/sqlitepool.h"
#include "backends/billing/timeutil.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <map>
#include <set>

using namespace opsdeck::billing;

namespace {
struct Db
{
    sqlite3 *db = nullptr;
    explicit Db(const std::string &path)
    {
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    }
    ~Db() { sqlite3_close(db); }
    template<typename Row> void each(const std::string &sql, Row &&row)
    {
        sqlite3_stmt *s = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK);
        while (sqlite3_step(s) == SQLITE_ROW)
            row(s);
        sqlite3_finalize(s);
    }
};

std::string column(sqlite3_stmt *s, int i)
{
    const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(s, i));
    return t ? t : "";
}
} // namespace

class TestLedgerRestore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // As the in-process demo does: SQLite's page cache in its own pool,
        // so that SQLite's heap below is what a query itself takes.
        std::string error;
        QVERIFY2(reserveSqlitePageCache(BillingOptions::kEmbeddedPoolBytes, &error), error.c_str());
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("ledger.sqlite")).toStdString();
        BillingOptions options;
        options.ledgerPath = m_path;
        options.backfillHours = 7 * 24; // the snapshots bucket goes cold after 5 days
        options.cacheMiB = BillingOptions::kEmbeddedCacheMiB;
        auto backend = BillingBackend::create(options, &error);
        QVERIFY2(backend && backend->start(&error), error.c_str());
        backend->stop();
    }

    void monthlyQuantitiesAreSQLitesSums()
    {
        const std::int64_t month = monthStartNs(wallNowNs());
        std::map<std::pair<std::string, std::string>, double> expected;
        Db db(m_path);
        db.each("SELECT COUNT(*) FROM line_items", [](sqlite3_stmt *) {}); // schema read
        const std::int64_t before = sqlite3_memory_used();
        sqlite3_memory_highwater(1);
        db.each("SELECT sub_account_id, sku_id, SUM(consumed_quantity) FROM line_items"
                " WHERE period_start >= "
                + std::to_string(month) + " AND period_start < " + std::to_string(nextMonthStartNs(month))
                + " AND charge_category = 1 AND pricing_category = 1 GROUP BY 1, 2",
            [&](sqlite3_stmt *s) {
                expected[{ column(s, 0), column(s, 1) }] = sqlite3_column_double(s, 2);
            });
        m_groupByPeak = sqlite3_memory_highwater(1) - before;
        QVERIFY2(expected.size() >= 5, "the week's workload bills several (account, SKU) pairs this month");

        std::string error;
        auto ledger = Ledger::open(m_path, "USD", &error, BillingOptions::kEmbeddedCacheMiB);
        QVERIFY2(ledger, error.c_str());
        // SQLite's heap while the ledger sums (its page cache included),
        // against what the GROUP BY took above.
        const std::int64_t used = sqlite3_memory_used();
        sqlite3_memory_highwater(1);
        const auto got = ledger->monthlyQuantities(month);
        const std::int64_t ours = sqlite3_memory_highwater(1) - used;
        qInfo("SQLite heap peak: GROUP BY %lld B, summed in C++ %lld B", (long long)m_groupByPeak,
            (long long)ours);
        // The GROUP BY's sorter holds every matching row; the sums need none.
        QVERIFY2(ours * 4 < m_groupByPeak,
            qPrintable(QStringLiteral("%1 B vs %2 B").arg(ours).arg(m_groupByPeak)));
        QCOMPARE(got.size(), expected.size());
        std::pair<std::string, std::string> previous;
        for (const Ledger::MonthlyQuantity &q : got) {
            const std::pair<std::string, std::string> key { q.accountId, q.skuId };
            QVERIFY(previous < key); // each pair once, in order
            previous = key;
            const auto it = expected.find(key);
            QVERIFY2(it != expected.end(), (q.accountId + " " + q.skuId).c_str());
            QVERIFY2(std::abs(q.quantity - it->second) <= 1e-9 * std::max(1.0, std::abs(it->second)),
                (q.skuId + ": " + std::to_string(q.quantity) + " vs " + std::to_string(it->second)).c_str());
        }
    }

    void coldStorageIsTheLatestCapacityClass()
    {
        std::set<std::string> expected;
        Db(m_path).each("SELECT resource_id, sku_id, MAX(period_start) FROM line_items WHERE sku_id IN"
                        " ('storage.hot.capacity', 'storage.cold.capacity') GROUP BY resource_id",
            [&](sqlite3_stmt *s) {
                if (column(s, 1) == "storage.cold.capacity")
                    expected.insert(column(s, 0));
            });
        // The archive is cold from the start, the snapshots after 5 days; the
        // recordings stay hot.
        QVERIFY2(expected.size() >= 2, std::to_string(expected.size()).c_str());

        std::string error;
        auto ledger = Ledger::open(m_path, "USD", &error, BillingOptions::kEmbeddedCacheMiB);
        QVERIFY2(ledger, error.c_str());
        const std::vector<std::string> got = ledger->coldStorageResources();
        QCOMPARE(std::set<std::string>(got.begin(), got.end()), expected);
        QCOMPARE(got.size(), expected.size());
    }

private:
    QTemporaryDir m_dir;
    std::string m_path;
    std::int64_t m_groupByPeak = 0;
};

QTEST_GUILESS_MAIN(TestLedgerRestore)
#include "tst_ledgerrestore.moc"
