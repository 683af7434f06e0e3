#include "model/topology.h"
#include "views3d/topologydetails.h"

#include <QTest>
#include <QTreeWidget>

using namespace opsdeck;

namespace {

v1::Envelope node(std::uint32_t id, v1::NodeStatus status = v1::NODE_STATUS_OK)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    auto *n = e.mutable_bridge_sample()->mutable_node();
    n->set_node_id(id);
    n->set_name(QStringLiteral("AC%1").arg(id).toStdString());
    n->set_kind(v1::NODE_KIND_AIRCRAFT);
    n->set_status(status);
    n->mutable_enu()->set_east_m(id * 1000.0);
    return e;
}

v1::Envelope link(std::uint32_t a, std::uint32_t b, bool up = true)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    auto *l = e.mutable_bridge_sample()->mutable_link();
    l->set_a(a);
    l->set_b(b);
    l->set_up(up);
    l->set_quality(0.75);
    l->set_latency_ms(1.25);
    return e;
}

v1::Envelope route(std::uint32_t flow, std::vector<std::uint32_t> hops)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    auto *r = e.mutable_bridge_sample()->mutable_route();
    r->set_flow_id(flow);
    r->set_src(hops.front());
    r->set_dst(hops.back());
    for (auto h : hops)
        r->add_hops(h);
    r->set_reachable(true);
    return e;
}

QTreeWidgetItem *section(QTreeWidget *tree, const QString &prefix)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0).startsWith(prefix))
            return tree->topLevelItem(i);
    return nullptr;
}

} // namespace

class TestTopologyDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsNodeLinksAndRoutesAndFollowsRemoval()
    {
        model::Topology topology(nullptr);
        topology.apply(std::vector<v1::Envelope> {
            node(1), node(2), node(3), link(1, 2), link(2, 3), route(5, { 1, 2, 3 }) });
        topology.publish();
        views3d::TopologyDetails details;
        QVERIFY(details.title().contains(QStringLiteral("Nothing selected")));
        details.setSnapshot(topology.snapshot());
        details.showNode(2);
        QVERIFY(details.title().startsWith(QStringLiteral("AC2")));
        QTreeWidgetItem *links = section(details.tree(), QStringLiteral("Links"));
        QVERIFY(links);
        QCOMPARE(links->childCount(), 2);
        QCOMPARE(links->child(0)->text(0), QStringLiteral("AC1"));
        QVERIFY(links->child(0)->text(1).contains(QStringLiteral("1.25 ms")));
        QTreeWidgetItem *routes = section(details.tree(), QStringLiteral("Routes"));
        QCOMPARE(routes->childCount(), 1);
        QVERIFY(routes->child(0)->text(1).contains(QStringLiteral("AC1 → AC2 → AC3")));

        details.showLink(3, 2);
        QVERIFY(details.title().contains(QStringLiteral("AC2")));
        QCOMPARE(section(details.tree(), QStringLiteral("Routes over it"))->childCount(), 1);

        // The link goes down: the view says so instead of showing stale data.
        topology.apply(std::vector<v1::Envelope> { link(2, 3, false) });
        topology.publish();
        details.setSnapshot(topology.snapshot());
        QVERIFY(details.title().contains(QStringLiteral("no longer up")));
        QCOMPARE(details.tree()->topLevelItemCount(), 0);

        topology.apply(std::vector<v1::Envelope> { node(2, v1::NODE_STATUS_REMOVED) });
        topology.publish();
        details.setSnapshot(topology.snapshot());
        details.showNode(2);
        QVERIFY(details.title().contains(QStringLiteral("no longer in the topology")));
    }
};

QTEST_MAIN(TestTopologyDetails)
#include "tst_topologydetails.moc"
