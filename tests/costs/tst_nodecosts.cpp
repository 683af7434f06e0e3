// model::NodeCosts: the cost ledger's resources matched to topology nodes, fed
// the way the console feeds them — LineItem envelopes into CostLedger, node
// samples into Topology — and checked against sums computed here.
#include "model/costledger.h"
#include "model/nodecosts.h"
#include "model/topology.h"

#include <QTest>

using namespace opsdeck;
namespace v1 = opsdeck::v1;

namespace {

constexpr std::int64_t kHour = 3'600'000'000'000;
constexpr std::int64_t kStart = 1'794'000'000'000'000'000; // Nov 2026

v1::Envelope node(std::uint32_t id, const std::string &name)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    e.set_source("127.0.0.1:50051");
    auto *s = e.mutable_bridge_sample();
    s->set_source("sim-1");
    auto *n = s->mutable_node();
    n->set_node_id(id);
    n->set_name(name);
    n->set_kind(v1::NODE_KIND_AIRCRAFT);
    n->set_status(v1::NODE_STATUS_OK);
    n->mutable_geo()->set_lat_deg(47.0);
    n->mutable_geo()->set_lon_deg(8.0);
    n->mutable_geo()->set_alt_m(9000);
    n->mutable_enu()->set_east_m(1000.0 * id);
    n->mutable_enu()->set_up_m(9000);
    n->set_owner_member("sim-1");
    return e;
}

v1::Envelope charge(const std::string &resource, double effective, double list, v1::PricingCategory pricing,
    int hour, std::uint64_t seq)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BILLING);
    e.set_source("127.0.0.1:50053");
    auto *item = e.mutable_line_item();
    item->set_ledger_seq(seq);
    item->set_billing_currency("USD");
    item->set_billed_cost(effective);
    item->set_effective_cost(effective);
    item->set_list_cost(list);
    item->set_consumed_quantity(3600);
    item->set_consumed_unit("s");
    item->set_charge_category(v1::CHARGE_CATEGORY_USAGE);
    item->set_pricing_category(pricing);
    item->set_service_name("Compute");
    item->set_resource_id(resource);
    item->set_charge_period_start_unix_ns(kStart + hour * kHour);
    item->set_charge_period_end_unix_ns(kStart + (hour + 1) * kHour);
    return e;
}

} // namespace

class TestNodeCosts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeIdRule_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<qint64>("id"); // -1: no node
        QTest::newRow("demo") << "sim/node-17" << qint64(17);
        QTest::newRow("bare") << "node-0" << qint64(0);
        QTest::newRow("deep") << "fleet/eu/node-4294967295" << qint64(4294967295);
        QTest::newRow("too big") << "node-4294967296" << qint64(-1);
        QTest::newRow("no digits") << "sim/node-" << qint64(-1);
        QTest::newRow("letters") << "sim/node-1a" << qint64(-1);
        QTest::newRow("sign") << "sim/node--1" << qint64(-1);
        QTest::newRow("not last") << "node-3/disk" << qint64(-1);
        QTest::newRow("replica") << "mesh/payments-1" << qint64(-1);
        QTest::newRow("arabic-indic digits") << QString::fromUtf8("node-\u0661") << qint64(-1);
    }

    void nodeIdRule()
    {
        QFETCH(QString, resource);
        QFETCH(qint64, id);
        const auto got = model::NodeCosts::nodeIdOf(resource);
        QCOMPARE(got.has_value() ? qint64(*got) : qint64(-1), id);
    }

    void matchesResourcesToNodes()
    {
        model::Topology topology(nullptr);
        const std::vector<v1::Envelope> nodes
            = { node(1, "AC-001"), node(2, "AC-002"), node(3, "GS-ZRH"), node(4, "AC-004") };
        topology.apply(nodes);
        topology.publish();

        model::CostLedger ledger(nullptr);
        std::uint64_t seq = 0;
        std::vector<v1::Envelope> items;
        for (int h = 0; h < 3; ++h) {
            // node 1 by the id rule, every hour, on spot (list price higher)
            items.push_back(charge("sim/node-1", 0.03, 0.10, v1::PRICING_CATEGORY_DYNAMIC, h, ++seq));
            // node 2 by the id rule, on demand; and its volume by name ("…/AC-002")
            items.push_back(charge("sim/node-2", 0.10, 0.10, v1::PRICING_CATEGORY_STANDARD, h, ++seq));
            items.push_back(charge("volumes/AC-002", 0.01, 0.01, v1::PRICING_CATEGORY_STANDARD, h, ++seq));
            // node 3 by its exact name
            items.push_back(charge("GS-ZRH", 0.06, 0.10, v1::PRICING_CATEGORY_COMMITTED, h, ++seq));
            // not nodes: a replica, and a node id the topology does not have
            items.push_back(charge("mesh/payments-1", 0.5, 0.5, v1::PRICING_CATEGORY_STANDARD, h, ++seq));
            items.push_back(charge("sim/node-99", 0.2, 0.2, v1::PRICING_CATEGORY_STANDARD, h, ++seq));
        }
        ledger.apply(items);
        ledger.publish();

        const auto costs = model::NodeCosts::build(*ledger.snapshot(), *topology.snapshot());
        QCOMPARE(costs->currency(), QString("USD"));
        QCOMPARE(costs->entries().size(), std::size_t(3)); // node 4 was never billed
        QVERIFY(!costs->find(4));
        QCOMPARE(costs->unmatchedNodeResources(), std::size_t(1)); // sim/node-99

        const auto *one = costs->find(1);
        QVERIFY(one);
        QCOMPARE(one->resource, QString("sim/node-1"));
        QVERIFY(qFuzzyCompare(one->sums.effective, 0.09));
        QVERIFY(qFuzzyCompare(one->sums.list, 0.30));
        QVERIFY(qFuzzyCompare(one->sums.savings(), 0.21));
        QCOMPARE(one->sums.items, std::uint64_t(3));

        // Two resources of one node add up; the larger one names it.
        const auto *two = costs->find(2);
        QVERIFY(two);
        QVERIFY(qFuzzyCompare(two->sums.effective, 0.33));
        QCOMPARE(two->sums.items, std::uint64_t(6));
        QCOMPARE(two->resource, QString("sim/node-2"));
        QCOMPARE(two->service, QString("Compute"));
        QVERIFY(!two->pricing.isEmpty());

        const auto *three = costs->find(3);
        QVERIFY(three);
        QCOMPARE(three->resource, QString("GS-ZRH"));
        QVERIFY(qFuzzyCompare(three->sums.effective, 0.18));

        // The scale of the 3D layer: the most expensive node is 1.
        QVERIFY(qFuzzyCompare(costs->maxEffective(), 0.33));
        QVERIFY(qFuzzyCompare(costs->totalEffective(), 0.09 + 0.33 + 0.18));
        QVERIFY(qFuzzyCompare(costs->fraction(*two), 1.0));
        QVERIFY(qFuzzyCompare(costs->fraction(*one), 0.09 / 0.33));
    }

    void nothingBilledGivesAnEmptyLayer()
    {
        model::Topology topology(nullptr);
        topology.apply(std::vector<v1::Envelope> { node(1, "AC-001") });
        topology.publish();
        model::CostLedger ledger(nullptr);
        ledger.apply(std::vector<v1::Envelope> {
            charge("mesh/orders-0", 1.0, 1.0, v1::PRICING_CATEGORY_STANDARD, 0, 1) });
        ledger.publish();
        const auto costs = model::NodeCosts::build(*ledger.snapshot(), *topology.snapshot());
        QVERIFY(costs->empty());
        QCOMPARE(costs->maxEffective(), 0.0);
        QVERIFY(!costs->find(1));
    }
};

QTEST_GUILESS_MAIN(TestNodeCosts)
#include "tst_nodecosts.moc"
