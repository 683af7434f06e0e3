// FOCUS CSV: a file with good and bad rows keeps every good row and reports
// every bad one with its line; chunking never changes the result; export and
// re-import round-trip.
#include "backends/billing/focuscsv.h"
#include "backends/billing/focusimport.h"
#include "backends/billing/ledger.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <set>

using namespace opsdeck::billing;

namespace {

QString sample(const char *name)
{
    return QString::fromUtf8(OPSDECK_DEFAULT_PRICE_BOOK).section('/', 0, -2) + "/samples/" + name;
}

std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll().toStdString();
}

struct Parsed
{
    std::vector<LedgerRow> rows;
    std::vector<FocusCsvReader::Rejection> rejected;
};

Parsed parseInChunks(const std::string &text, std::size_t chunk)
{
    Parsed p;
    FocusCsvReader reader(
        "USD", [&](LedgerRow &r) { p.rows.push_back(r); },
        [&](const FocusCsvReader::Rejection &r) { p.rejected.push_back(r); });
    for (std::size_t i = 0; i < text.size(); i += chunk)
        reader.feed(std::string_view(text).substr(i, chunk));
    reader.finish();
    return p;
}

} // namespace

class TestFocusCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodRowsInBadRowsReportedWithTheirLine()
    {
        QTemporaryDir dir;
        std::string error;
        auto ledger = Ledger::open(dir.filePath("ledger.sqlite").toStdString(), "USD", &error);
        QVERIFY2(ledger, error.c_str());
        const auto report = importFocusFile(*ledger, sample("focus-with-errors.csv").toStdString(), &error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(report.rows_read(), 16u);
        QCOMPARE(report.rows_imported(), 5u);
        QCOMPARE(report.rows_rejected(), 11u);

        // Every bad row with the line it starts on and the column at fault.
        const std::set<std::pair<std::uint64_t, std::string>> expected
            = { { 3, "BillingCurrency" }, { 6, "BilledCost" }, { 7, "EffectiveCost" },
                  { 9, "ChargeCategory" }, { 10, "ChargePeriodStart" }, { 11, "" }, { 13, "PricingCategory" },
                  { 14, "Tags" }, { 15, "ChargePeriodEnd" }, { 17, "ListCost" }, { 18, "" } };
        std::set<std::pair<std::uint64_t, std::string>> seen;
        for (const auto &r : report.rejected()) {
            seen.insert({ r.line(), r.column() });
            QVERIFY2(!r.reason().empty(), "every rejection says why");
        }
        QCOMPARE(seen.size(), expected.size());
        QVERIFY(seen == expected);
        for (const auto &r : report.rejected()) {
            if (r.line() == 3)
                QVERIFY(r.reason().find("EUR") != std::string::npos);
            if (r.line() == 11)
                QVERIFY(r.reason().find("expected 22 columns, found 15") != std::string::npos);
            if (r.line() == 18)
                QVERIFY(r.reason().find("unterminated") != std::string::npos);
        }

        // Every good row is in the ledger, exactly as written.
        std::map<std::string, LedgerRow> byResource;
        QVERIFY(ledger->scan(
            {},
            [&](const LedgerRow &r) {
                byResource[r.resourceId] = r;
                return true;
            },
            &error));
        QCOMPARE(byResource.size(), 5u);
        for (const char *id : { "good-2", "good-4", "good-8", "good-12", "good-16" })
            QVERIFY2(byResource.count(id), id);
        QCOMPARE(byResource["good-2"].chargeDescription, std::string("small, on demand"));
        QCOMPARE(byResource["good-2"].tagsJson, std::string("{\"app\":\"mesh\"}"));
        QCOMPARE(byResource["good-4"].chargeDescription, std::string("first line\nsecond \"quoted\" line"));
        QCOMPARE(byResource["good-4"].billedCost, 2.25);
        QCOMPARE(byResource["good-8"].billedCost, -5.0); // credits may be negative
        QCOMPARE(byResource["good-8"].chargeCategory, int(opsdeck::v1::CHARGE_CATEGORY_CREDIT));
        QCOMPARE(byResource["good-12"].serviceName, std::string("Data Transfer, Premium"));
        QCOMPARE(byResource["good-16"].pricingCategory, int(opsdeck::v1::PRICING_CATEGORY_UNSPECIFIED));
        QCOMPARE(byResource["good-16"].tagsJson, std::string("{}"));
    }

    void chunkBoundariesDoNotMatter()
    {
        const std::string text = readAll(sample("focus-with-errors.csv"));
        const Parsed whole = parseInChunks(text, text.size());
        for (std::size_t chunk : { 1u, 2u, 7u, 64u }) {
            const Parsed p = parseInChunks(text, chunk);
            QCOMPARE(p.rows.size(), whole.rows.size());
            QCOMPARE(p.rejected.size(), whole.rejected.size());
            for (std::size_t i = 0; i < p.rows.size(); ++i) {
                QCOMPARE(p.rows[i].resourceId, whole.rows[i].resourceId);
                QCOMPARE(p.rows[i].chargeDescription, whole.rows[i].chargeDescription);
            }
            for (std::size_t i = 0; i < p.rejected.size(); ++i)
                QCOMPARE(p.rejected[i].line, whole.rejected[i].line);
        }
    }

    void columnsMatchedByNameInAnyOrder()
    {
        const Parsed p = parseInChunks(readAll(sample("focus-sample.csv")), 4096);
        QCOMPARE(p.rejected.size(), 0u);
        QCOMPARE(p.rows.size(), 84u);
        QCOMPARE(p.rows[0].regionId, std::string("eu-west-1"));
        QCOMPARE(p.rows[0].chargeDescription, std::string("imported, sample"));
        QCOMPARE(p.rows[0].tagsJson, std::string("{\"team\":\"ops\"}"));
    }

    void aHeaderWithoutRequiredColumnsRejectsEveryRow()
    {
        const Parsed p = parseInChunks("BilledCost,ServiceName\n1,a\n2,b\n", 100);
        QCOMPARE(p.rows.size(), 0u);
        QCOMPARE(p.rejected.size(), 3u);
        QCOMPARE(p.rejected[0].line, 1u);
        QVERIFY(p.rejected[0].reason.find("header") != std::string::npos);
        QCOMPARE(p.rejected[2].line, 3u);
    }

    void exportRoundTrips()
    {
        QTemporaryDir dir;
        std::string error;
        auto a = Ledger::open(dir.filePath("a.sqlite").toStdString(), "USD", &error);
        QVERIFY(a);
        importFocusFile(*a, sample("focus-sample.csv").toStdString(), &error);
        importFocusFile(*a, sample("focus-with-errors.csv").toStdString(), &error);
        std::string csv;
        FocusCsvWriter::header(&csv);
        std::vector<LedgerRow> original;
        QVERIFY(a->scan(
            {},
            [&](const LedgerRow &r) {
                original.push_back(r);
                FocusCsvWriter::row(r, &csv);
                return true;
            },
            &error));
        QCOMPARE(original.size(), 89u);
        const Parsed back = parseInChunks(csv, 1000);
        QCOMPARE(back.rejected.size(), 0u);
        QCOMPARE(back.rows.size(), original.size());
        for (std::size_t i = 0; i < original.size(); ++i) {
            QCOMPARE(back.rows[i].billedCost, original[i].billedCost); // shortest round-trip doubles
            QCOMPARE(back.rows[i].periodStartNs, original[i].periodStartNs);
            QCOMPARE(back.rows[i].chargeDescription, original[i].chargeDescription);
            QCOMPARE(back.rows[i].tagsJson, original[i].tagsJson);
            QCOMPARE(back.rows[i].serviceName, original[i].serviceName);
        }
    }

    void ledgerSchemaIsVersionedAndRefusesAnotherCurrency()
    {
        QTemporaryDir dir;
        std::string error;
        const std::string path = dir.filePath("v.sqlite").toStdString();
        {
            auto ledger = Ledger::open(path, "USD", &error);
            QVERIFY(ledger);
            QCOMPARE(ledger->schemaVersion(), Ledger::kSchemaVersion);
        }
        QVERIFY(!Ledger::open(path, "EUR", &error));
        QVERIFY(error.find("USD") != std::string::npos);

        auto exec = [&](const char *sql) {
            sqlite3 *db = nullptr;
            sqlite3_open(path.c_str(), &db);
            const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
            sqlite3_close(db);
            return rc == SQLITE_OK;
        };
        auto indexCount = [&] {
            sqlite3 *db = nullptr;
            sqlite3_open(path.c_str(), &db);
            sqlite3_stmt *s = nullptr;
            sqlite3_prepare_v2(db,
                "SELECT COUNT(*) FROM sqlite_master WHERE type='index' AND tbl_name='line_items'", -1, &s,
                nullptr);
            sqlite3_step(s);
            const int n = sqlite3_column_int(s, 0);
            sqlite3_finalize(s);
            sqlite3_close(db);
            return n;
        };
        // A version-1 file (no drill-down indexes yet) is migrated on open.
        QCOMPARE(indexCount(), 3);
        QVERIFY(exec("DROP INDEX line_items_service_period; DROP INDEX line_items_resource_period;"
                     "PRAGMA user_version=1;"));
        QCOMPARE(indexCount(), 1);
        {
            auto ledger = Ledger::open(path, "USD", &error);
            QVERIFY2(ledger, error.c_str());
            QCOMPARE(ledger->schemaVersion(), 2);
        }
        QCOMPARE(indexCount(), 3);
        // A file from a newer program is refused, not damaged.
        QVERIFY(exec("PRAGMA user_version=99;"));
        QVERIFY(!Ledger::open(path, "USD", &error));
        QVERIFY(error.find("newer") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestFocusCsv)
#include "tst_focuscsv.moc"
