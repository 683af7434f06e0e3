// The SQLite page-cache pool (backends/billing/sqlitepool.h): a real billing
// backend's ledger takes its cache pages from the pool, gives them back when
// it stops, and the next backend on the same ledger takes the same pages
// again instead of new heap; once SQLite is in use the pool is refused with
// a reason.
#include "backends/billing/billingbackend.h"
#include "backends/billing/sqlitepool.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace opsdeck::billing;

namespace {
struct PoolUse
{
    sqlite3_int64 pages = 0, highWater = 0, overflowBytes = 0;
};

PoolUse poolUse()
{
    PoolUse u;
    sqlite3_int64 ignored = 0;
    sqlite3_status64(SQLITE_STATUS_PAGECACHE_USED, &u.pages, &u.highWater, 0);
    sqlite3_status64(SQLITE_STATUS_PAGECACHE_OVERFLOW, &u.overflowBytes, &ignored, 0);
    return u;
}
} // namespace

class TestSqlitePool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        std::string error;
        QVERIFY2(reserveSqlitePageCache(BillingOptions::kEmbeddedPoolBytes, &error), error.c_str());
        QVERIFY(sqliteResidentBytes() >= BillingOptions::kEmbeddedPoolBytes * 9 / 10);
    }

    void restartedBackendReusesThePool()
    {
        QTemporaryDir dir;
        BillingOptions options;
        options.ledgerPath = dir.filePath(QStringLiteral("ledger.sqlite")).toStdString();
        options.cacheMiB = BillingOptions::kEmbeddedCacheMiB;
        std::string error;

        auto backend = BillingBackend::create(options, &error);
        QVERIFY2(backend && backend->start(&error), error.c_str());
        const PoolUse running = poolUse();
        // A week of synthetic costs is megabytes of ledger pages: in the pool.
        qInfo("pool pages %lld high water %lld heap %lld", running.pages, running.highWater,
            sqlite3_memory_used());
        QVERIFY2(running.pages > 100, qPrintable(QString::number(running.pages)));
        QCOMPARE(running.overflowBytes, sqlite3_int64(0));
        const sqlite3_int64 heapRunning = sqlite3_memory_used();
        backend.reset();
        QVERIFY2(poolUse().pages < running.pages / 10, "stopping the backend gives the pages back");

        backend = BillingBackend::create(options, &error); // on the same ledger, as the soak restarts it
        QVERIFY2(backend && backend->start(&error), error.c_str());
        const PoolUse again = poolUse();
        QVERIFY(again.pages > 100);
        QCOMPARE(again.overflowBytes, sqlite3_int64(0));
        // Its cache came from the pool, not from new heap.
        QVERIFY2(sqlite3_memory_used() < heapRunning + (1 << 20),
            qPrintable(QStringLiteral("%1 -> %2").arg(heapRunning).arg(sqlite3_memory_used())));
        backend.reset();
    }

    void refusedOnceSqliteIsInUse()
    {
        std::string error;
        QVERIFY(!reserveSqlitePageCache(1 << 20, &error));
        QVERIFY2(error.find("already in use") != std::string::npos, error.c_str());
        QVERIFY(sqliteResidentBytes() >= BillingOptions::kEmbeddedPoolBytes * 9 / 10); // the first pool stays
    }
};

QTEST_GUILESS_MAIN(TestSqlitePool)
#include "tst_sqlitepool.moc"
