// UsageMeter: "started / stopped / calls" from the running system become
// priced intervals, with the 60-second minimum applied to the whole run.
#include "backends/billing/pricingengine.h"
#include "backends/billing/timeutil.h"
#include "backends/billing/usagemeter.h"

#include <QTest>

using namespace opsdeck::billing;

namespace {

// Prices what the meter submits, like BillingBackend does.
class PricingSink : public UsageSink
{
public:
    PricingSink()
        : engine([] {
            PriceBook book;
            std::vector<PriceBookError> errors;
            PriceBook::load(OPSDECK_DEFAULT_PRICE_BOOK, &book, &errors);
            return book;
        }())
    { }
    void submit(const UsageEvent &e) override
    {
        events.push_back(e);
        engine.price(e, &rows);
    }
    void commit(const Commitment &c) override { engine.addCommitment(c, &rows); }
    void settle(std::int64_t until) override { engine.settle(until, &rows); }

    double billed(const std::string &resource) const
    {
        double sum = 0;
        for (const auto &r : rows)
            if (r.resourceId == resource)
                sum += r.billedCost;
        return sum;
    }

    PricingEngine engine;
    std::vector<UsageEvent> events;
    std::vector<LedgerRow> rows;
};

const std::int64_t T0 = unixNs(2026, 11, 20, 9);
constexpr std::int64_t S = kNsPerSecond;

} // namespace

class TestUsageMeter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instancesAreBilledPerIntervalWithTheRunMinimum()
    {
        UsageMeter meter;
        PricingSink sink;
        UsageMeter::InstanceSpec spec;
        spec.tags = { { "app", "sim" } };
        meter.started("sim/node-1", spec, T0);
        meter.started("sim/node-2", spec, T0);
        meter.started("sim/node-1", spec, T0 + 5 * S); // already running: ignored
        meter.flush(T0 + 10 * S, sink);
        meter.flush(T0 + 20 * S, sink);
        meter.stopped("sim/node-1", T0 + 25 * S); // a 25 s run
        meter.flush(T0 + 30 * S, sink);
        meter.flush(T0 + 130 * S, sink);
        QCOMPARE(meter.running(), 1u);
        // node-1: 10 + 10 + 5 s reported, topped up to the 60 s minimum at its stop.
        QVERIFY(qAbs(sink.billed("sim/node-1") - 60.0 / 3600.0 * 0.10) < 1e-12);
        // node-2 is still running: exactly the 130 s so far.
        QVERIFY(qAbs(sink.billed("sim/node-2") - 130.0 / 3600.0 * 0.10) < 1e-12);
        for (const auto &e : sink.events)
            QCOMPARE(e.tags.at("app"), std::string("sim"));
    }

    void interruptedSpotIsBilledAsRun()
    {
        UsageMeter meter;
        PricingSink sink;
        UsageMeter::InstanceSpec spec;
        spec.offer = "spot";
        meter.started("mesh/batch-1", spec, T0);
        meter.stopped("mesh/batch-1", T0 + 20 * S, true);
        meter.flush(T0 + 30 * S, sink);
        QVERIFY(qAbs(sink.billed("mesh/batch-1") - 20.0 / 3600.0 * 0.03) < 1e-12);
    }

    void callsAreAggregatedPerFlush()
    {
        UsageMeter meter;
        PricingSink sink;
        meter.flush(T0, sink);
        for (int i = 0; i < 1000; ++i)
            meter.calls("mesh/orders", 1500, 1500 * 0.1 * 0.5);
        meter.flush(T0 + 10 * S, sink);
        QCOMPARE(sink.events.size(), 1u);
        QCOMPARE(sink.events[0].requests, 1'500'000.0);
        QCOMPARE(sink.events[0].startNs, T0);
        // 500,000 requests above the free million at 0.20 per million; the
        // 75,000 GB-seconds are inside the free 400,000.
        QVERIFY(qAbs(sink.billed("mesh/orders") - 0.10) < 1e-9);
        meter.flush(T0 + 20 * S, sink);
        QCOMPARE(sink.events.size(), 1u); // nothing new
    }
};

QTEST_GUILESS_MAIN(TestUsageMeter)
#include "tst_usagemeter.moc"
