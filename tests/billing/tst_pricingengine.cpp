// The pricing engine against hand-computed expectations (default price book).
#include "backends/billing/pricingengine.h"
#include "backends/billing/reprice.h"
#include "backends/billing/timeutil.h"

#include <QTest>

#include <numeric>

using namespace opsdeck::billing;

namespace {

PriceBook defaultBook()
{
    PriceBook book;
    std::vector<PriceBookError> errors;
    if (!PriceBook::load(OPSDECK_DEFAULT_PRICE_BOOK, &book, &errors))
        qFatal("%s", PriceBook::formatErrors(OPSDECK_DEFAULT_PRICE_BOOK, errors).c_str());
    return book;
}

const std::int64_t T0 = unixNs(2026, 11, 2, 10, 0, 0);
constexpr std::int64_t S = kNsPerSecond;

UsageEvent instance(std::int64_t start, std::int64_t end, const std::string &offer = "on-demand")
{
    UsageEvent e;
    e.kind = UsageEvent::Kind::Instance;
    e.resourceId = "mesh/frontend-1";
    e.product = "vm.small";
    e.offer = offer;
    e.startNs = start;
    e.endNs = end;
    e.runStartNs = start;
    e.runEnds = true;
    return e;
}

double sum(const std::vector<LedgerRow> &rows, double LedgerRow::*field)
{
    return std::accumulate(
        rows.begin(), rows.end(), 0.0, [&](double a, const LedgerRow &r) { return a + r.*field; });
}

} // namespace

class TestPricingEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perSecondWithSixtySecondMinimum()
    {
        PricingEngine engine(defaultBook());
        std::vector<LedgerRow> rows;
        // 30 s run: billed the 60 s minimum at 0.10 per hour.
        engine.price(instance(T0, T0 + 30 * S), &rows);
        QCOMPARE(rows.size(), 1u);
        QCOMPARE(rows[0].consumedQuantity, 60.0 / 3600.0);
        QVERIFY(qAbs(rows[0].billedCost - 0.10 / 60.0) < 1e-12);
        QCOMPARE(rows[0].pricingCategory, int(opsdeck::v1::PRICING_CATEGORY_STANDARD));
        QCOMPARE(rows[0].consumedUnit, std::string("Hours"));
        // 90.2 s: per second, rounded up to 91 s.
        rows.clear();
        engine.price(instance(T0, T0 + 90 * S + S / 5), &rows);
        QVERIFY(qAbs(rows[0].billedCost - 91.0 / 3600.0 * 0.10) < 1e-12);
        // A run reported in two pieces of 20 s: the minimum tops up the last piece.
        rows.clear();
        UsageEvent first = instance(T0, T0 + 20 * S);
        first.runEnds = false;
        UsageEvent second = instance(T0 + 20 * S, T0 + 40 * S);
        second.runStartNs = T0;
        engine.price(first, &rows);
        engine.price(second, &rows);
        QCOMPARE(rows.size(), 2u);
        QVERIFY(qAbs(sum(rows, &LedgerRow::billedCost) - 60.0 / 3600.0 * 0.10) < 1e-12);
        // A run still going is billed exactly what ran.
        rows.clear();
        UsageEvent running = instance(T0, T0 + 10 * S);
        running.runEnds = false;
        engine.price(running, &rows);
        QVERIFY(qAbs(rows[0].billedCost - 10.0 / 3600.0 * 0.10) < 1e-12);
        // Across an hour boundary: one row per hour.
        rows.clear();
        const std::int64_t h = T0 + kNsPerHour;
        engine.price(instance(h - 30 * S, h + 90 * S), &rows);
        QCOMPARE(rows.size(), 2u);
        QCOMPARE(rows[0].periodEndNs, h);
        QCOMPARE(rows[1].periodStartNs, h);
        QCOMPARE(rows[0].consumedQuantity * 3600.0, 30.0);
        QCOMPARE(rows[1].consumedQuantity * 3600.0, 90.0);
    }

    void spotIsDiscountedAndInterruptedRunsSkipTheMinimum()
    {
        PricingEngine engine(defaultBook());
        std::vector<LedgerRow> rows;
        UsageEvent spot = instance(T0, T0 + 30 * S, "spot");
        spot.interrupted = true;
        engine.price(spot, &rows);
        QCOMPARE(rows.size(), 1u);
        QCOMPARE(rows[0].pricingCategory, int(opsdeck::v1::PRICING_CATEGORY_DYNAMIC));
        QVERIFY(qAbs(rows[0].effectiveCost - 30.0 / 3600.0 * 0.03) < 1e-12);
        // ListCost is what on-demand would have charged for the same seconds.
        QVERIFY(qAbs(rows[0].listCost - 30.0 / 3600.0 * 0.10) < 1e-12);
        QVERIFY(rows[0].tagsJson.find("\"interrupted\":\"true\"") != std::string::npos);
    }

    void commitmentAmortisedOverItsTerm()
    {
        PricingEngine engine(defaultBook());
        std::vector<LedgerRow> rows;
        const Commitment ri { "ri-1", "vm.small.reserved", 1, T0, "eu-central-1", "acct" };
        QVERIFY(engine.addCommitment(ri, &rows));
        QCOMPARE(rows.size(), 1u); // the purchase: billed at once, effective over the term
        QCOMPARE(rows[0].chargeCategory, int(opsdeck::v1::CHARGE_CATEGORY_PURCHASE));
        QCOMPARE(rows[0].billedCost, 584.0);
        QCOMPARE(rows[0].effectiveCost, 0.0);
        rows.clear();

        // Two hours fully used: 584 / 8760 = 0.0666… per hour, nothing billed.
        UsageEvent used = instance(T0, T0 + 2 * kNsPerHour, "reserved");
        used.commitmentId = "ri-1";
        used.runEnds = false;
        engine.price(used, &rows);
        QCOMPARE(rows.size(), 2u);
        for (const LedgerRow &r : rows) {
            QCOMPARE(r.commitmentDiscountStatus, std::string("Used"));
            QVERIFY(qAbs(r.effectiveCost - 584.0 / 8760.0) < 1e-12);
            QCOMPARE(r.billedCost, 0.0);
            QVERIFY(qAbs(r.listCost - 0.10) < 1e-12);
        }
        // A second instance in the same hour is above the committed count: on-demand.
        UsageEvent extra = instance(T0, T0 + 1800 * S, "reserved");
        extra.resourceId = "mesh/frontend-2";
        extra.commitmentId = "ri-1";
        extra.runEnds = false;
        std::vector<LedgerRow> over;
        engine.price(extra, &over);
        QCOMPARE(over.size(), 1u);
        QCOMPARE(over[0].pricingCategory, int(opsdeck::v1::PRICING_CATEGORY_STANDARD));
        QVERIFY(qAbs(over[0].billedCost - 0.05) < 1e-12);

        // Settling the whole term: every unused hour carries the same rate, and
        // the effective cost of the term adds up to the upfront payment.
        engine.settle(T0 + 400 * kNsPerDay, &rows);
        QCOMPARE(rows.size(), 8760u); // 2 used + 8758 unused hours
        QCOMPARE(rows[2].commitmentDiscountStatus, std::string("Unused"));
        QCOMPARE(rows[2].periodStartNs, T0 + 2 * kNsPerHour);
        QVERIFY(qAbs(sum(rows, &LedgerRow::effectiveCost) - 584.0) < 1e-6);
        QCOMPARE(sum(rows, &LedgerRow::billedCost), 0.0);
        // Nothing after the term.
        std::vector<LedgerRow> after;
        engine.settle(T0 + 800 * kNsPerDay, &after);
        QVERIFY(after.empty());
    }

    void savingsPlanBillsItsHourlyFee()
    {
        PricingEngine engine(defaultBook());
        std::vector<LedgerRow> rows;
        QVERIFY(
            engine.addCommitment({ "sp-1", "vm.small.savings-plan", 1, T0, "eu-central-1", "acct" }, &rows));
        QVERIFY(rows.empty()); // no upfront, no purchase row
        UsageEvent used = instance(T0, T0 + 1800 * S, "savings-plan");
        used.commitmentId = "sp-1";
        used.runEnds = false;
        engine.price(used, &rows);
        engine.settle(T0 + kNsPerHour, &rows);
        QCOMPARE(rows.size(), 2u); // half an hour used, half unused
        QVERIFY(qAbs(rows[0].billedCost - 0.035) < 1e-12);
        QVERIFY(qAbs(rows[1].billedCost - 0.035) < 1e-12);
        QCOMPARE(rows[1].commitmentDiscountStatus, std::string("Unused"));
    }

    void tieredStorageCrossesATierBoundary()
    {
        PricingEngine engine(defaultBook());
        std::vector<LedgerRow> rows;
        UsageEvent e;
        e.kind = UsageEvent::Kind::Storage;
        e.resourceId = "bucket/recordings";
        e.startNs = T0;
        e.endNs = T0 + 73 * kNsPerHour;
        e.lastAccessNs = T0;
        e.storedGb = 510000; // x 73 h / 730 h = 51,000 GB-month, all in the first tier
        engine.price(e, &rows);
        QCOMPARE(rows.size(), 1u);
        QCOMPARE(rows[0].skuId, std::string("storage.hot.capacity"));
        QVERIFY(qAbs(rows[0].consumedQuantity - 51000) < 1e-6);
        QVERIFY(qAbs(rows[0].billedCost - 51000 * 0.023) < 1e-6);
        // 500 more GB-month: 200 at 0.023 up to 51,200, then 300 at 0.022.
        rows.clear();
        e.storedGb = 5000;
        engine.price(e, &rows);
        QVERIFY(qAbs(rows[0].billedCost - (200 * 0.023 + 300 * 0.022)) < 1e-9);
        // A new month starts again in the first tier.
        rows.clear();
        e.startNs = unixNs(2026, 12, 1);
        e.endNs = e.startNs + 73 * kNsPerHour;
        e.lastAccessNs = e.startNs;
        engine.price(e, &rows);
        QVERIFY(qAbs(rows[0].billedCost - 500 * 0.023) < 1e-9);
    }

    void serverlessWithTheMonthlyFreeAllowance()
    {
        PricingEngine engine(defaultBook());
        std::vector<LedgerRow> rows;
        UsageEvent e;
        e.kind = UsageEvent::Kind::Function;
        e.resourceId = "fn/ingest";
        e.startNs = T0;
        e.endNs = T0 + kNsPerHour;
        e.requests = 3'000'000;
        e.gbSeconds = 3'000'000 * 0.120 * 1.5; // 120 ms at 1,536 MB = 540,000 GB-s
        engine.price(e, &rows);
        QCOMPARE(rows.size(), 2u);
        // First million requests free: 2 M x 0.20 per million.
        QCOMPARE(rows[0].consumedUnit, std::string("Requests"));
        QVERIFY(qAbs(rows[0].billedCost - 0.40) < 1e-9);
        // First 400,000 GB-s free: 140,000 x 0.0000166667.
        QCOMPARE(rows[1].consumedUnit, std::string("GB-Seconds"));
        QVERIFY(qAbs(rows[1].billedCost - 140000 * 0.0000166667) < 1e-9);
        // The allowance is used up for the rest of the month…
        rows.clear();
        e.requests = 1000;
        e.gbSeconds = 0;
        engine.price(e, &rows);
        QVERIFY(qAbs(rows[0].billedCost - 1000 * 0.0000002) < 1e-12);
        // …and back next month.
        rows.clear();
        e.startNs = unixNs(2026, 12, 3);
        e.endNs = e.startNs + kNsPerHour;
        engine.price(e, &rows);
        QCOMPARE(rows[0].billedCost, 0.0);
    }

    void unusedDataMovesColdAfterNinetyDays()
    {
        PricingEngine engine(defaultBook());
        UsageEvent e;
        e.kind = UsageEvent::Kind::Storage;
        e.resourceId = "bucket/archive";
        e.startNs = T0;
        e.endNs = T0 + 73 * kNsPerHour; // 0.1 month
        e.storedGb = 1000;
        e.objects = 500;
        e.retrievedGb = 10;
        e.lastAccessNs = T0 - 89 * kNsPerDay;
        std::vector<LedgerRow> hot;
        engine.price(e, &hot);
        QCOMPARE(hot[0].skuId, std::string("storage.hot.capacity"));
        QVERIFY(qAbs(hot[0].billedCost - 100 * 0.023) < 1e-9);
        for (const LedgerRow &r : hot)
            QVERIFY(r.skuId != "storage.cold.retrieval"); // hot reads are not retrievals

        std::vector<LedgerRow> cold;
        e.startNs = T0 + 2 * kNsPerDay; // now 91 days unused
        e.endNs = e.startNs + 73 * kNsPerHour;
        engine.price(e, &cold);
        QCOMPARE(cold[0].skuId, std::string("storage.transition"));
        QVERIFY(qAbs(cold[0].billedCost - 500 * 0.00001) < 1e-12);
        QCOMPARE(cold[1].skuId, std::string("storage.cold.capacity"));
        QVERIFY(qAbs(cold[1].billedCost - 100 * 0.004) < 1e-9);
        bool retrieval = false;
        for (const LedgerRow &r : cold)
            if (r.skuId == "storage.cold.retrieval") {
                retrieval = true;
                QVERIFY(qAbs(r.billedCost - 0.10) < 1e-12);
            }
        QVERIFY(retrieval);
        // The move is charged once.
        std::vector<LedgerRow> again;
        e.startNs = e.endNs;
        e.endNs = e.startNs + kNsPerHour;
        engine.price(e, &again);
        QCOMPARE(again[0].skuId, std::string("storage.cold.capacity"));
    }

    void objectStorageHasAllSixCostComponents()
    {
        PricingEngine engine(defaultBook());
        UsageEvent e;
        e.kind = UsageEvent::Kind::Storage;
        e.resourceId = "bucket/recordings";
        e.startNs = T0;
        e.endNs = T0 + kNsPerHour;
        e.lastAccessNs = T0;
        e.storedGb = 100;
        e.objects = 4000;
        e.readRequests = 1000;
        e.writeRequests = 1000;
        e.transferOutGb = 200; // 100 free this month, 100 at 0.09
        e.acceleratedGb = 10;
        e.replicatedGb = 10;
        e.processedGb = 10;
        std::vector<LedgerRow> rows;
        engine.price(e, &rows);
        std::map<std::string, double> bySku;
        for (const LedgerRow &r : rows)
            bySku[r.skuId] += r.billedCost;
        QCOMPARE(bySku.size(), 7u);
        QVERIFY(bySku.count("storage.hot.capacity")); // storage
        QVERIFY(qAbs(bySku["storage.hot.requests"] - 2000 * 0.000005) < 1e-12); // requests
        QVERIFY(qAbs(bySku["storage.transfer-out"] - 100 * 0.09) < 1e-9); // transfer
        QVERIFY(qAbs(bySku["storage.acceleration"] - 0.4) < 1e-12); // acceleration
        QVERIFY(qAbs(bySku["storage.management"] - 4000 / 730.0 * 0.0000025) < 1e-12); // management
        QVERIFY(qAbs(bySku["storage.replication"] - 0.2) < 1e-12); // replication
        QVERIFY(qAbs(bySku["storage.processing"] - 0.007) < 1e-12); // in-flight processing
    }

    void unknownProductsAreReportedNotGuessed()
    {
        PricingEngine engine(defaultBook());
        std::vector<LedgerRow> rows;
        UsageEvent e = instance(T0, T0 + kNsPerHour);
        e.product = "vm.gigantic";
        std::string error;
        engine.price(e, &rows, &error);
        QVERIFY(rows.empty());
        QVERIFY(error.find("vm.gigantic") != std::string::npos);
    }

    void sixteenHoursRuleFallsOutOfTheDefaultPriceBook()
    {
        const PriceBook book = defaultBook();
        // 4 instances for 10 days at 12 hours a day.
        std::vector<Ledger::InstanceUsage> usage;
        for (int i = 0; i < 4; ++i)
            usage.push_back(
                { "vm.small.on-demand", "vm-" + std::to_string(i), 120, T0, T0 + 10 * kNsPerDay });
        const auto measured = reprice(book, usage, 0, T0, T0 + 10 * kNsPerDay);
        QCOMPARE(measured.hours_per_day(), 12.0);
        QVERIFY(qAbs(measured.on_demand_cost() - 4 * 120 * 0.10) < 1e-9);
        const opsdeck::v1::RepriceOption *reserved = nullptr;
        for (const auto &o : measured.options())
            if (o.commitment_discount_type() == "Reserved")
                reserved = &o;
        QVERIFY(reserved);
        QVERIFY(qAbs(reserved->break_even_hours_per_day() - 16.0) < 1e-9);
        QVERIFY(reserved->saving_vs_on_demand() < 0); // at 12 h/day on-demand is cheaper
        // Above 16 h/day the reservation wins; at exactly 16 they cost the same.
        for (double hours : { 16.0, 20.0 }) {
            const auto r = reprice(book, usage, hours, T0, T0 + 10 * kNsPerDay);
            for (const auto &o : r.options())
                if (o.commitment_discount_type() == "Reserved") {
                    if (hours == 16.0)
                        QVERIFY(qAbs(o.saving_vs_on_demand()) < 1e-9);
                    else
                        QVERIFY(o.saving_vs_on_demand() > 0);
                }
        }
    }

    void priceBookErrorsCarryLineNumbers()
    {
        const char *text = "currency = USD\n" // 1
                           "\n" // 2
                           "[vm.a]\n" // 3
                           "product = vm.a\n" // 4
                           "price = cheap\n" // 5
                           "colour = blue\n" // 6
                           "service = Compute\n" // 7
                           "unit = Hours\n" // 8
                           "[vm.a]\n" // 9
                           "just text\n" // 10
                           "[vm.b]\n" // 11
                           "pricing = Committed\n" // 12
                           "product = vm.b\n" // 13
                           "service = Compute\n" // 14
                           "unit = Hours\n"; // 15
        PriceBook book;
        std::vector<PriceBookError> errors;
        QVERIFY(!PriceBook::parse(text, &book, &errors));
        auto hasLine = [&](int line, const char *needle) {
            for (const auto &e : errors)
                if (e.line == line && e.message.find(needle) != std::string::npos)
                    return true;
            return false;
        };
        QVERIFY(hasLine(5, "not a number"));
        QVERIFY(hasLine(6, "unknown key 'colour'"));
        QVERIFY(hasLine(9, "duplicate SKU"));
        QVERIFY(hasLine(10, "expected 'key = value'"));
        QVERIFY(hasLine(11, "term_days"));
        const std::string formatted = PriceBook::formatErrors("book.conf", errors);
        QVERIFY(formatted.find("book.conf:5: price: 'cheap' is not a number") != std::string::npos);
    }

    void isoTimes()
    {
        std::int64_t t = 0;
        QVERIFY(parseIsoUtc("2026-11-01T00:00:00Z", &t));
        QCOMPARE(t, unixNs(2026, 11, 1));
        QVERIFY(parseIsoUtc("2026-11-01 12:30:15.5+00:00", &t));
        QCOMPARE(t, unixNs(2026, 11, 1, 12, 30, 15) + kNsPerSecond / 2);
        QVERIFY(!parseIsoUtc("2026-02-30T00:00:00Z", &t));
        QVERIFY(!parseIsoUtc("2026-11-01T25:00:00Z", &t));
        QVERIFY(!parseIsoUtc("yesterday", &t));
        QCOMPARE(formatIsoUtc(unixNs(2024, 2, 29, 23, 59, 59)), std::string("2024-02-29T23:59:59Z"));
        QCOMPARE(monthStartNs(unixNs(2026, 12, 31, 23)), unixNs(2026, 12, 1));
        QCOMPARE(nextMonthStartNs(unixNs(2026, 12, 31, 23)), unixNs(2027, 1, 1));
    }
};

QTEST_GUILESS_MAIN(TestPricingEngine)
#include "tst_pricingengine.moc"
