// The console's CostLedger fed by the real BillingClient from a real billing
// backend in-process: its totals match the backend's QueryCosts, also across
// a backend restart (reconnect with backoff, resume without duplicates).
#include "backends/billing/billingbackend.h"
#include "backends/billing/timeutil.h"
#include "clients/billingclient.h"
#include "model/costledger.h"
#include "model/diagnostics.h"
#include "model/eventstream.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace opsdeck;
namespace v1 = opsdeck::v1;

namespace {

const std::int64_t kEpoch = billing::unixNs(2026, 11, 9);
const std::int64_t kEnd = billing::unixNs(2026, 11, 11, 12);

int timeoutMs(int ms)
{
    const double scale = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE", QStringLiteral("1")).toDouble();
    return int(ms * (scale > 0 ? scale : 1.0));
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b));
}

std::unique_ptr<billing::BillingBackend> startBackend(const QString &ledger, const std::string &listen)
{
    billing::BillingOptions options;
    options.ledgerPath = ledger.toStdString();
    options.listenAddress = listen;
    options.syntheticWorkload = false;
    std::string error;
    auto backend = billing::BillingBackend::create(options, &error);
    if (!backend || !backend->start(&error))
        qWarning("backend: %s", error.c_str());
    return backend;
}

billing::UsageEvent nodeRun(const std::string &id, std::int64_t start, int seconds)
{
    billing::UsageEvent e;
    e.kind = billing::UsageEvent::Kind::Instance;
    e.resourceId = id;
    e.product = "vm.small";
    e.startNs = start;
    e.endNs = start + seconds * billing::kNsPerSecond;
    e.runEnds = true;
    e.tags = { { "app", "sim" } };
    return e;
}

} // namespace

class TestCostLedger : public QObject
{
    Q_OBJECT

    v1::CostReport query(clients::BillingClient &client, const v1::CostQuery &q)
    {
        QSignalSpy ready(&client, &clients::BillingClient::costsReady);
        client.queryCosts(q);
        if (!ready.wait(timeoutMs(10000)))
            return {};
        return ready.first().first().value<v1::CostReport>();
    }

private Q_SLOTS:
    void matchesTheBackendTotalsOverGrpc()
    {
        QTemporaryDir dir;
        auto backend = startBackend(dir.filePath("ledger.sqlite"), "127.0.0.1:0");
        QVERIFY(backend);
        billing::WorkloadGenerator workload(3, kEpoch);
        for (const auto &c : workload.commitments())
            backend->commit(c);
        std::vector<billing::UsageEvent> events;
        workload.generate(kEpoch, kEnd, &events);
        backend->submitAll(events);
        backend->settle(kEnd);

        model::EventStream stream;
        model::Diagnostics diagnostics;
        model::CostLedger ledger(&diagnostics);
        stream.addSink([&](std::span<const v1::Envelope> batch) { ledger.apply(batch); });
        clients::Endpoint endpoint;
        endpoint.target = QString::fromStdString(backend->address());
        clients::BillingClient client(endpoint, &stream);
        client.startCharges();
        const std::uint64_t rows = backend->ledger().lastSeq();
        QTRY_COMPARE_WITH_TIMEOUT(ledger.totals().items, rows, timeoutMs(15000));

        // Live: new usage arrives in the console while it streams.
        backend->submit(nodeRun("sim/member-live", kEnd, 20));
        QTRY_COMPARE_WITH_TIMEOUT(ledger.totals().items, rows + 1, timeoutMs(5000));

        v1::CostQuery q;
        q.set_include_forecast(true);
        q.add_group_by()->set_dimension(v1::DIMENSION_SERVICE);
        const v1::CostReport report = query(client, q);
        QVERIFY(report.rows_size() >= 4);
        QCOMPARE(report.totals().line_items(), ledger.totals().items);
        QVERIFY(near(report.totals().effective_cost(), ledger.totals().effective));
        QVERIFY(near(report.totals().billed_cost(), ledger.totals().billed));
        QVERIFY(near(report.totals().list_cost(), ledger.totals().list));
        QVERIFY(near(report.totals().savings(), ledger.totals().savings()));

        // The report reached the ledger as an envelope, and per service it agrees.
        QTRY_VERIFY_WITH_TIMEOUT((ledger.publish(), ledger.snapshot()->forecastFromBackend), timeoutMs(5000));
        const auto snap = ledger.snapshot();
        QCOMPARE(snap->forecast.month_start_unix_ns(), billing::unixNs(2026, 11, 1));
        QVERIFY(near(snap->forecast.forecast_month_total(), report.forecast().forecast_month_total()));
        QCOMPARE(std::size_t(report.rows_size()), snap->services.size());
        for (const auto &row : report.rows()) {
            const auto it = std::find_if(snap->services.begin(), snap->services.end(),
                [&](const auto &s) { return s.service == QString::fromStdString(row.keys(0)); });
            QVERIFY(it != snap->services.end());
            QVERIFY(near(it->sums.effective, row.effective_cost()));
        }
        QCOMPARE(snap->latestNs, kEnd + 20 * billing::kNsPerSecond); // the end of the live run (billed 60 s)
        QVERIFY(snap->burnRatePerHour > 0);
        QCOMPARE(diagnostics.total(), 0u);
        client.stopCharges();
    }

    void reconnectsAfterARestartWithoutLosingOrRepeating()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("ledger.sqlite");
        auto backend = startBackend(file, "127.0.0.1:0");
        QVERIFY(backend);
        const int port = backend->port();
        for (int i = 0; i < 50; ++i)
            backend->submit(
                nodeRun("sim/member-" + std::to_string(i % 5), kEpoch + i * 600 * billing::kNsPerSecond, 90));

        model::EventStream stream;
        model::CostLedger ledger;
        stream.addSink([&](std::span<const v1::Envelope> batch) { ledger.apply(batch); });
        clients::Endpoint endpoint;
        endpoint.target = QString::fromStdString(backend->address());
        endpoint.initialBackoff = std::chrono::milliseconds(50);
        endpoint.maxBackoff = std::chrono::milliseconds(400);
        clients::BillingClient client(endpoint, &stream);
        QSignalSpy states(&client, &clients::BillingClient::stateChanged);
        client.startCharges();
        QTRY_COMPARE_WITH_TIMEOUT(ledger.totals().items, 50u, timeoutMs(10000));

        backend->stop();
        backend.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!client.isConnected(), timeoutMs(5000));
        // The same ledger comes back on the same port with more charges.
        backend = startBackend(file, "127.0.0.1:" + std::to_string(port));
        QVERIFY(backend);
        for (int i = 50; i < 80; ++i)
            backend->submit(
                nodeRun("sim/member-" + std::to_string(i % 5), kEpoch + i * 600 * billing::kNsPerSecond, 30));
        QTRY_COMPARE_WITH_TIMEOUT(ledger.totals().items, 80u, timeoutMs(15000));
        QVERIFY(client.connectAttempts() >= 2);
        bool sawFailure = false;
        for (const auto &args : states)
            sawFailure |= args.at(0).toInt() == v1::CONNECTION_STATE_TRANSIENT_FAILURE;
        QVERIFY(sawFailure);

        v1::CostQuery q;
        const v1::CostReport report = query(client, q);
        QCOMPARE(report.totals().line_items(), 80u);
        QVERIFY(near(report.totals().effective_cost(), ledger.totals().effective));
        // 50 runs of 90 s and 30 runs billed the 60 s minimum, at 0.10 an hour.
        QVERIFY(near(ledger.totals().effective, (50 * 90 + 30 * 60) / 3600.0 * 0.10));
        client.stopCharges();
    }

    void boundedAndDropsBadInput()
    {
        model::Diagnostics diagnostics;
        model::CostLedger::Options options;
        options.maxHours = 24;
        options.maxResources = 10;
        model::CostLedger ledger(&diagnostics, options);
        std::vector<v1::Envelope> batch;
        for (int i = 0; i < 100; ++i) {
            v1::Envelope e;
            e.set_channel(v1::CHANNEL_BILLING);
            auto *item = e.mutable_line_item();
            item->set_ledger_seq(std::uint64_t(i + 1));
            item->set_effective_cost(1.0);
            item->set_billed_cost(1.0);
            item->set_list_cost(2.0);
            item->set_billing_currency("USD");
            item->set_service_name("Compute Instances");
            item->set_resource_id("vm-" + std::to_string(i));
            item->set_pricing_category(v1::PRICING_CATEGORY_DYNAMIC);
            item->set_charge_category(v1::CHARGE_CATEGORY_USAGE);
            item->set_charge_period_start_unix_ns(kEpoch + i * billing::kNsPerHour);
            item->set_charge_period_end_unix_ns(kEpoch + (i + 1) * billing::kNsPerHour);
            batch.push_back(e);
        }
        v1::Envelope bad = batch.back();
        bad.mutable_line_item()->set_ledger_seq(1000);
        bad.mutable_line_item()->set_effective_cost(std::nan(""));
        batch.push_back(bad);
        batch.push_back(batch.front()); // a repeat of seq 1
        ledger.apply(batch);
        ledger.publish();
        const auto snap = ledger.snapshot();
        QCOMPARE(snap->totals.items, 100u);
        QCOMPARE(snap->totals.effective, 100.0);
        QCOMPARE(snap->totals.savings(), 100.0);
        QCOMPARE(snap->buckets.size(), 24u); // the chart keeps the last day
        QCOMPARE(snap->buckets.back().startNs, kEpoch + 99 * billing::kNsPerHour);
        QCOMPARE(snap->resources.size(), 11u); // 10 + "(other resources)"
        QCOMPARE(snap->rejected, 1u);
        QCOMPARE(diagnostics.total(), 1u);
        QCOMPARE(snap->burnRatePerHour, 1.0); // the last hour of charges cost 1.0
        // Without a backend forecast the ledger extrapolates its own month:
        // charges run from Nov 9 00:00 to Nov 13 04:00, 1.0 an hour, 24 of them
        // still in the chart; 24 in 100 hours of November → ×720/100.
        QVERIFY(snap->hasForecast && !snap->forecastFromBackend);
        QCOMPARE(snap->forecast.month_start_unix_ns(), billing::unixNs(2026, 11, 1));
        QCOMPARE(snap->forecast.month_to_date(), 24.0);
    }
};

QTEST_GUILESS_MAIN(TestCostLedger)
#include "tst_costledger.moc"
