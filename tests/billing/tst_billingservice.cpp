// The Billing gRPC service in-process on loopback: grouped queries equal a
// direct SQL computation on the same SQLite file, forecast, what-if, live
// charge stream with resume, FOCUS import and export over gRPC.
#include "backends/billing/billingbackend.h"
#include "backends/billing/focuscsv.h"
#include "backends/billing/timeutil.h"
#include "opsdeck/v1/billing.grpc.pb.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <sqlite3.h>

#include <atomic>
#include <cmath>
#include <future>
#include <map>
#include <thread>

using namespace opsdeck::billing;
namespace v1 = opsdeck::v1;

namespace {

const std::int64_t kEpoch = unixNs(2026, 10, 28);
const std::int64_t kEnd = unixNs(2026, 11, 3, 6);

int timeoutMs(int ms)
{
    const double scale = qEnvironmentVariableIsSet("OPSDECK_TIMEOUT_SCALE")
        ? qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble()
        : 1.0;
    return int(ms * (scale > 0 ? scale : 1.0));
}

struct Key
{
    std::int64_t bucket;
    std::string a, b;
    bool operator<(const Key &o) const { return std::tie(bucket, a, b) < std::tie(o.bucket, o.a, o.b); }
};

} // namespace

class TestBillingService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<BillingBackend> m_backend;
    std::unique_ptr<v1::Billing::Stub> m_stub;
    sqlite3 *m_db = nullptr;

    // The reference: the same question asked of SQLite directly, written by hand.
    std::map<Key, double> direct(const std::string &sql)
    {
        std::map<Key, double> out;
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
            qFatal("%s", sqlite3_errmsg(m_db));
        while (sqlite3_step(s) == SQLITE_ROW) {
            auto col = [&](int i) {
                const auto *t = sqlite3_column_text(s, i);
                return t ? std::string(reinterpret_cast<const char *>(t)) : std::string();
            };
            out[{ sqlite3_column_int64(s, 0), col(1), col(2) }] = sqlite3_column_double(s, 3);
        }
        sqlite3_finalize(s);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        BillingOptions options;
        options.ledgerPath = m_dir.filePath("ledger.sqlite").toStdString();
        options.syntheticWorkload = false;
        std::string error;
        m_backend = BillingBackend::create(options, &error);
        QVERIFY2(m_backend, error.c_str());
        QVERIFY2(m_backend->start(&error), error.c_str());
        QVERIFY(m_backend->port() > 0);
        // Six days of the seeded demo workload, fed through the UsageSink.
        WorkloadGenerator workload(7, kEpoch);
        for (const Commitment &c : workload.commitments())
            m_backend->commit(c);
        std::vector<UsageEvent> events;
        workload.generate(kEpoch, kEnd, &events);
        QVERIFY(events.size() > 1000);
        m_backend->submitAll(events);
        m_backend->settle(kEnd);
        QCOMPARE(m_backend->usageErrors(), 0u);
        m_stub = v1::Billing::NewStub(
            grpc::CreateChannel(m_backend->address(), grpc::InsecureChannelCredentials()));
        QCOMPARE(
            sqlite3_open_v2(options.ledgerPath.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    }

    void cleanupTestCase()
    {
        sqlite3_close(m_db);
        m_backend->stop();
    }

    void groupByServiceAndDayEqualsDirectSql()
    {
        v1::CostQuery q;
        q.set_start_unix_ns(kEpoch);
        q.set_end_unix_ns(kEnd);
        q.set_granularity(v1::GRANULARITY_DAY);
        q.add_group_by()->set_dimension(v1::DIMENSION_SERVICE);
        grpc::ClientContext ctx;
        v1::CostReport report;
        const grpc::Status status = m_stub->QueryCosts(&ctx, q, &report);
        QVERIFY2(status.ok(), status.error_message().c_str());
        const auto expected = direct(
            "SELECT period_start - period_start % 86400000000000, service_name, '', SUM(effective_cost)"
            " FROM line_items WHERE period_start >= "
            + std::to_string(kEpoch) + " AND period_start < " + std::to_string(kEnd) + " GROUP BY 1, 2");
        QCOMPARE(std::size_t(report.rows_size()), expected.size());
        QVERIFY(expected.size() >= 7 * 4); // every day has several services
        double sum = 0;
        for (const auto &row : report.rows()) {
            QCOMPARE(row.keys_size(), 1);
            const auto it = expected.find({ row.bucket_start_unix_ns(), row.keys(0), "" });
            QVERIFY2(it != expected.end(), row.keys(0).c_str());
            QVERIFY(std::abs(it->second - row.effective_cost()) < 1e-9);
            sum += row.effective_cost();
        }
        QVERIFY(std::abs(report.totals().effective_cost() - sum) < 1e-6);
        QCOMPARE(report.currency(), std::string("USD"));
    }

    void groupByTagAndPricingWithFilterEqualsDirectSql()
    {
        v1::CostQuery q;
        q.set_granularity(v1::GRANULARITY_MONTH);
        auto *g = q.add_group_by();
        g->set_dimension(v1::DIMENSION_TAG);
        g->set_tag_key("workload");
        q.add_group_by()->set_dimension(v1::DIMENSION_PRICING_CATEGORY);
        auto *f = q.add_filters();
        f->set_dimension(v1::DIMENSION_SERVICE);
        f->add_values("Compute Instances");
        grpc::ClientContext ctx;
        v1::CostReport report;
        QVERIFY(m_stub->QueryCosts(&ctx, q, &report).ok());
        const auto expected = direct(
            "SELECT CAST(strftime('%s', period_start / 1000000000, 'unixepoch', 'start of month') AS INTEGER)"
            " * 1000000000, COALESCE(json_extract(tags, '$.workload'), ''),"
            " CASE pricing_category WHEN 1 THEN 'Standard' WHEN 2 THEN 'Dynamic' WHEN 3 THEN 'Committed' END,"
            " SUM(list_cost) - SUM(effective_cost)"
            " FROM line_items WHERE service_name = 'Compute Instances' GROUP BY 1, 2, 3");
        QCOMPARE(std::size_t(report.rows_size()), expected.size());
        bool spotSaved = false;
        for (const auto &row : report.rows()) {
            const auto it = expected.find({ row.bucket_start_unix_ns(), row.keys(0), row.keys(1) });
            QVERIFY(it != expected.end());
            QVERIFY(std::abs(it->second - row.savings()) < 1e-9);
            QCOMPARE(row.on_demand_equivalent(), row.list_cost());
            if (row.keys(1) == "Dynamic" && row.savings() > 0)
                spotSaved = true;
        }
        QVERIFY(spotSaved); // spot rows save against their on-demand equivalent
    }

    void hourlyAndTotalWithExcludeFilterEqualDirectSql()
    {
        for (const auto granularity : { v1::GRANULARITY_HOUR, v1::GRANULARITY_TOTAL }) {
            v1::CostQuery q;
            q.set_start_unix_ns(kEpoch + 12 * kNsPerHour);
            q.set_end_unix_ns(kEpoch + 36 * kNsPerHour);
            q.set_granularity(granularity);
            q.add_group_by()->set_dimension(v1::DIMENSION_RESOURCE);
            q.add_group_by()->set_dimension(v1::DIMENSION_CHARGE_CATEGORY);
            auto *f = q.add_filters();
            f->set_dimension(v1::DIMENSION_SERVICE);
            f->add_values("Object Storage");
            f->add_values("Functions");
            f->set_exclude(true);
            grpc::ClientContext ctx;
            v1::CostReport report;
            QVERIFY(m_stub->QueryCosts(&ctx, q, &report).ok());
            const std::string bucket
                = granularity == v1::GRANULARITY_HOUR ? "period_start - period_start % 3600000000000" : "0";
            const auto expected = direct("SELECT " + bucket
                + ", resource_id, CASE charge_category WHEN 1 THEN 'Usage' WHEN 2 THEN 'Purchase' END,"
                  " SUM(billed_cost) FROM line_items WHERE period_start >= "
                + std::to_string(q.start_unix_ns()) + " AND period_start < " + std::to_string(q.end_unix_ns())
                + " AND service_name NOT IN ('Object Storage', 'Functions') GROUP BY 1, 2, 3");
            QCOMPARE(std::size_t(report.rows_size()), expected.size());
            QVERIFY(expected.size() > (granularity == v1::GRANULARITY_HOUR ? 24u * 10 : 10u));
            for (const auto &row : report.rows()) {
                const auto it = expected.find({ row.bucket_start_unix_ns(), row.keys(0), row.keys(1) });
                QVERIFY(it != expected.end());
                QVERIFY(std::abs(it->second - row.billed_cost()) < 1e-9);
                QVERIFY(row.keys(0) != "bucket/recordings");
            }
        }
    }

    void forecastIsLinearToTheEndOfTheMonth()
    {
        v1::CostQuery q;
        q.set_include_forecast(true);
        grpc::ClientContext ctx;
        v1::CostReport report;
        QVERIFY(m_stub->QueryCosts(&ctx, q, &report).ok());
        const auto &f = report.forecast();
        QCOMPARE(f.month_start_unix_ns(), unixNs(2026, 11, 1));
        QCOMPARE(f.month_end_unix_ns(), unixNs(2026, 12, 1));
        const auto mtd = direct("SELECT 0, '', '', SUM(effective_cost) FROM line_items WHERE period_start >= "
            + std::to_string(unixNs(2026, 11, 1)) + " AND period_start < " + std::to_string(kEnd));
        QVERIFY(std::abs(mtd.begin()->second - f.month_to_date()) < 1e-9);
        const double elapsed = double(kEnd - unixNs(2026, 11, 1));
        QVERIFY(std::abs(f.forecast_month_total() - f.month_to_date() * (30.0 * kNsPerDay) / elapsed) < 1e-6);
        QVERIFY(f.burn_rate_per_hour() > 0);
    }

    void invalidQueriesAreRefused()
    {
        v1::CostQuery q;
        for (int i = 0; i < 4; ++i)
            q.add_group_by()->set_dimension(v1::DIMENSION_SERVICE);
        grpc::ClientContext ctx;
        v1::CostReport report;
        QCOMPARE(m_stub->QueryCosts(&ctx, q, &report).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    }

    void repriceShowsTheSixteenHourRule()
    {
        v1::RepriceRequest request;
        request.mutable_query()->set_start_unix_ns(kEpoch);
        request.mutable_query()->set_end_unix_ns(kEnd);
        grpc::ClientContext ctx;
        v1::RepriceReport report;
        QVERIFY(m_stub->Reprice(&ctx, request, &report).ok());
        QVERIFY(report.instances() >= 10);
        QVERIFY(report.hours_per_day() > 0 && report.hours_per_day() < 24);
        std::map<std::string, v1::RepriceOption> options;
        for (const auto &o : report.options())
            options[o.commitment_discount_type().empty() ? v1::PricingCategory_Name(o.pricing_category())
                                                         : o.commitment_discount_type()]
                = o;
        QVERIFY(options.count("Reserved"));
        QVERIFY(options.count("Savings Plan"));
        QVERIFY(options.count("PRICING_CATEGORY_DYNAMIC"));
        QVERIFY(std::abs(options["Reserved"].break_even_hours_per_day() - 16.0) < 1e-9);
        QVERIFY(std::abs(options["Savings Plan"].break_even_hours_per_day() - 16.8) < 1e-9);
        QVERIFY(options["PRICING_CATEGORY_DYNAMIC"].saving_vs_on_demand() > 0);
        grpc::ClientContext bad;
        request.set_hours_per_day(30);
        QCOMPARE(m_stub->Reprice(&bad, request, &report).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    }

    void streamChargesReplaysThenFollowsLiveAndResumes()
    {
        const std::uint64_t existing = m_backend->ledger().lastSeq();
        grpc::ClientContext ctx;
        v1::StreamChargesRequest request;
        auto reader = m_stub->StreamCharges(&ctx, request);
        std::atomic<std::uint64_t> received { 0 }, lastSeq { 0 };
        std::atomic<bool> ordered { true };
        std::thread t([&] {
            v1::LineItem item;
            while (reader->Read(&item)) {
                if (item.ledger_seq() <= lastSeq.load())
                    ordered = false;
                lastSeq = item.ledger_seq();
                ++received;
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(received.load(), existing, timeoutMs(10000));
        // New usage is priced and streamed at once.
        UsageEvent e;
        e.kind = UsageEvent::Kind::Instance;
        e.resourceId = "sim/live-node";
        e.product = "vm.large";
        e.startNs = kEnd;
        e.endNs = kEnd + 30 * kNsPerSecond;
        e.runEnds = true;
        m_backend->submit(e);
        QTRY_COMPARE_WITH_TIMEOUT(received.load(), existing + 1, timeoutMs(5000));
        QVERIFY(ordered);
        ctx.TryCancel();
        t.join();

        // Resume after a reconnect: only what came after the last seq seen.
        grpc::ClientContext resume;
        request.set_after_ledger_seq(existing);
        auto again = m_stub->StreamCharges(&resume, request);
        v1::LineItem item;
        QVERIFY(again->Read(&item));
        QCOMPARE(item.ledger_seq(), existing + 1);
        QCOMPARE(item.resource_id(), std::string("sim/live-node"));
        QVERIFY(std::abs(item.billed_cost() - 60.0 / 3600.0 * 0.40) < 1e-12); // the 60 s minimum
        resume.TryCancel();
        while (again->Read(&item)) { }
    }

    void importAndExportOverGrpc()
    {
        const std::uint64_t before = m_backend->ledger().lastSeq();
        grpc::ClientContext ctx;
        v1::ImportReport report;
        auto writer = m_stub->ImportFocus(&ctx, &report);
        QFile file(QString::fromUtf8(OPSDECK_DEFAULT_PRICE_BOOK).section('/', 0, -2)
            + "/samples/focus-with-errors.csv");
        QVERIFY(file.open(QIODevice::ReadOnly));
        bool first = true;
        while (!file.atEnd()) {
            v1::ImportChunk chunk;
            if (first)
                chunk.set_file_name("focus-with-errors.csv");
            first = false;
            chunk.set_data(file.read(97).toStdString()); // odd chunks split quoted fields
            QVERIFY(writer->Write(chunk));
        }
        writer->WritesDone();
        QVERIFY(writer->Finish().ok());
        QCOMPARE(report.rows_imported(), 5u);
        QCOMPARE(report.rows_rejected(), 11u);
        QCOMPARE(report.file_name(), std::string("focus-with-errors.csv"));
        QCOMPARE(m_backend->ledger().lastSeq(), before + 5);

        // Export the imported range only (2026-11-01T00 .. 01) and read it back.
        v1::ExportRequest ex;
        ex.mutable_query()->set_start_unix_ns(unixNs(2026, 11, 1));
        ex.mutable_query()->set_end_unix_ns(unixNs(2026, 11, 1, 0, 0, 1));
        auto *f = ex.mutable_query()->add_filters();
        f->set_dimension(v1::DIMENSION_ACCOUNT);
        f->add_values("acct-a");
        grpc::ClientContext exCtx;
        auto exReader = m_stub->ExportFocus(&exCtx, ex);
        std::string csv;
        v1::ExportChunk chunk;
        while (exReader->Read(&chunk))
            csv += chunk.data();
        QVERIFY(exReader->Finish().ok());
        int rows = 0;
        FocusCsvReader reader(
            "USD", [&](LedgerRow &) { ++rows; },
            [&](const FocusCsvReader::Rejection &r) { QFAIL(r.reason.c_str()); });
        reader.feed(csv);
        reader.finish();
        QCOMPARE(rows, 5);
    }

    void healthCheckIsServing()
    {
        // grpc.health.v1.Health/Check with an empty HealthCheckRequest; the
        // reply HealthCheckResponse{status: SERVING} is the two bytes 08 01.
        grpc::GenericStub generic(
            grpc::CreateChannel(m_backend->address(), grpc::InsecureChannelCredentials()));
        grpc::ClientContext ctx;
        grpc::Slice empty { std::string() };
        grpc::ByteBuffer request(&empty, 1), response; // a default ByteBuffer is "no message"
        std::promise<grpc::Status> done;
        generic.UnaryCall(&ctx, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request, &response,
            [&](grpc::Status status) { done.set_value(status); });
        auto future = done.get_future();
        QVERIFY(future.wait_for(std::chrono::milliseconds(timeoutMs(5000))) == std::future_status::ready);
        QVERIFY(future.get().ok());
        std::vector<grpc::Slice> slices;
        QVERIFY(response.Dump(&slices).ok());
        std::string bytes;
        for (const auto &slice : slices)
            bytes.append(reinterpret_cast<const char *>(slice.begin()), slice.size());
        QCOMPARE(bytes, std::string("\x08\x01", 2));
    }

    void priceBookOverGrpc()
    {
        grpc::ClientContext ctx;
        v1::PriceBook book;
        QVERIFY(m_stub->GetPriceBook(&ctx, {}, &book).ok());
        QCOMPARE(book.currency(), std::string("USD"));
        QVERIFY(book.prices_size() >= 20);
    }
};

QTEST_GUILESS_MAIN(TestBillingService)
#include "tst_billingservice.moc"
