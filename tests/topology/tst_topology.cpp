#include "model/topology.h"

#include <QTest>

#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

using namespace opsdeck;
using model::Topology;
using v1::Envelope;

namespace {

Envelope nodeEnvelope(std::uint32_t id, double east, double north, double up, std::int64_t simNs = 0,
    v1::NodeStatus status = v1::NODE_STATUS_OK, bool snapshot = false)
{
    Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    e.set_source("127.0.0.1:50051");
    auto *s = e.mutable_bridge_sample();
    s->set_snapshot(snapshot);
    s->set_source("sim-1");
    auto *n = s->mutable_node();
    n->set_node_id(id);
    n->set_name("AC" + std::to_string(id));
    n->set_kind(v1::NODE_KIND_AIRCRAFT);
    n->set_status(status);
    n->mutable_geo()->set_lat_deg(48.0 + north / 111'000.0);
    n->mutable_geo()->set_lon_deg(11.0 + east / 74'000.0);
    n->mutable_geo()->set_alt_m(up);
    n->mutable_enu()->set_east_m(east);
    n->mutable_enu()->set_north_m(north);
    n->mutable_enu()->set_up_m(up);
    n->mutable_velocity_mps()->set_east_m(200);
    n->set_heading_deg(90);
    n->set_ground_speed_mps(200);
    n->set_sim_time_ns(simNs);
    n->set_step(std::uint64_t(simNs / 100'000'000));
    n->set_owner_member("sim-1");
    return e;
}

Envelope linkEnvelope(
    std::uint32_t a, std::uint32_t b, bool up = true, double quality = 0.8, bool snapshot = false)
{
    Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    auto *s = e.mutable_bridge_sample();
    s->set_snapshot(snapshot);
    auto *l = s->mutable_link();
    l->set_a(a);
    l->set_b(b);
    l->set_up(up);
    l->set_quality(quality);
    l->set_snr_db(20);
    l->set_latency_ms(1.5);
    l->set_bandwidth_mbps(54);
    l->set_distance_m(40'000);
    l->set_cost(1.25);
    return e;
}

Envelope routeEnvelope(
    std::uint32_t flow, std::vector<std::uint32_t> hops, bool reachable = true, bool snapshot = false)
{
    Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    auto *s = e.mutable_bridge_sample();
    s->set_snapshot(snapshot);
    auto *r = s->mutable_route();
    r->set_flow_id(flow);
    r->set_name("flow " + std::to_string(flow));
    if (!hops.empty()) {
        r->set_src(hops.front());
        r->set_dst(hops.back());
    }
    for (std::uint32_t h : hops)
        r->add_hops(h);
    r->set_reachable(reachable);
    r->set_latency_ms(3.0);
    return e;
}

Envelope snapshotComplete()
{
    Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    e.mutable_bridge_sample()->mutable_snapshot_complete()->set_keys_sent(1);
    return e;
}

} // namespace

class TestTopology : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesNodesLinksRoutes()
    {
        model::Diagnostics diagnostics;
        Topology topology(&diagnostics);
        // The link and the route come first in the batch: nodes are applied first.
        const std::vector<Envelope> batch { linkEnvelope(2, 1), routeEnvelope(7, { 1, 2, 3 }),
            nodeEnvelope(3, 30, 0, 1000), nodeEnvelope(1, 10, 0, 1000), nodeEnvelope(2, 20, 0, 1000),
            linkEnvelope(2, 3) };
        topology.apply(batch);
        QVERIFY(topology.publish());
        const auto snap = topology.snapshot();
        QCOMPARE(snap->nodes->size(), 3u);
        QCOMPARE((*snap->nodes)[0].id, 1u); // sorted by id
        QCOMPARE((*snap->nodes)[2].name, QStringLiteral("AC3"));
        QCOMPARE(snap->links->size(), 2u);
        const model::TopoLink *link = snap->findLink(2, 1);
        QVERIFY(link);
        QCOMPARE(link->key.a, 1u); // normalised a < b
        QCOMPARE(link->quality, 0.8);
        QCOMPARE(snap->routes->size(), 1u);
        QCOMPARE(snap->findRoute(7)->hops, (std::vector<std::uint32_t> { 1, 2, 3 }));
        QCOMPARE(snap->routesThrough(2).size(), 1u);
        QCOMPARE(snap->linksOf(2).size(), 2u);
        QCOMPARE(diagnostics.total(), 0u);
        QCOMPARE(snap->findNode(2)->owner, QStringLiteral("sim-1"));
    }

    void versionsAndUnchangedPartsAreShared()
    {
        Topology topology(nullptr);
        topology.apply(
            std::vector<Envelope> { nodeEnvelope(1, 0, 0, 0), nodeEnvelope(2, 5, 0, 0), linkEnvelope(1, 2) });
        topology.publish();
        const auto first = topology.snapshot();
        QVERIFY(!topology.publish()); // nothing changed: no new snapshot
        QCOMPARE(topology.snapshot(), first);

        topology.apply(std::vector<Envelope> { nodeEnvelope(1, 100, 0, 0, 1'000'000'000) });
        QVERIFY(topology.publish());
        const auto second = topology.snapshot();
        QVERIFY(second->version > first->version);
        QCOMPARE(second->structureVersion, first->structureVersion); // moved, not added
        QCOMPARE(second->links, first->links); // links untouched: shared
        QVERIFY(second->nodes != first->nodes);
        QCOMPARE(second->findNode(1)->east, 100.0);
        QVERIFY(second->findNode(1)->version > second->findNode(2)->version);
        // The first snapshot is immutable: still the old position.
        QCOMPARE(first->findNode(1)->east, 0.0);
    }

    void removalSemantics()
    {
        Topology topology(nullptr);
        topology.apply(std::vector<Envelope> { nodeEnvelope(1, 0, 0, 0), nodeEnvelope(2, 1, 0, 0),
            nodeEnvelope(3, 2, 0, 0), linkEnvelope(1, 2), linkEnvelope(2, 3), routeEnvelope(1, { 1, 2, 3 }),
            routeEnvelope(2, { 1, 2 }) });
        topology.apply(std::vector<Envelope> { linkEnvelope(1, 2, false), routeEnvelope(2, {}, false) });
        topology.publish();
        auto snap = topology.snapshot();
        QCOMPARE(snap->links->size(), 1u);
        QVERIFY(!snap->findLink(1, 2));
        QCOMPARE(snap->routes->size(), 1u);
        QVERIFY(!snap->findRoute(2));

        // A removed node takes its links and the routes through it along.
        topology.apply(std::vector<Envelope> { nodeEnvelope(3, 0, 0, 0, 0, v1::NODE_STATUS_REMOVED) });
        topology.publish();
        snap = topology.snapshot();
        QCOMPARE(snap->nodes->size(), 2u);
        QVERIFY(!snap->findNode(3));
        QCOMPARE(snap->links->size(), 0u);
        QCOMPARE(snap->routes->size(), 0u);
    }

    void invalidSamplesAreDroppedAndCounted()
    {
        model::Diagnostics diagnostics;
        Topology topology(&diagnostics);
        Envelope nan = nodeEnvelope(10, std::numeric_limits<double>::quiet_NaN(), 0, 0);
        Envelope absurd = nodeEnvelope(11, 0, 0, 0);
        absurd.mutable_bridge_sample()->mutable_node()->mutable_geo()->set_lat_deg(123.0);
        Envelope longName = nodeEnvelope(12, 0, 0, 0);
        longName.mutable_bridge_sample()->mutable_node()->set_name(std::string(65, 'x'));
        Envelope badQuality = linkEnvelope(1, 2, true, 1.5);
        const std::vector<Envelope> batch { nodeEnvelope(1, 0, 0, 0), nodeEnvelope(2, 1, 0, 0), nan, absurd,
            longName, linkEnvelope(1, 99), badQuality, linkEnvelope(1, 1), routeEnvelope(5, { 1, 42, 2 }),
            linkEnvelope(1, 2) };
        topology.apply(batch);
        topology.publish();
        const auto snap = topology.snapshot();
        // What was valid next to the bad samples is kept.
        QCOMPARE(snap->nodes->size(), 2u);
        QCOMPARE(snap->links->size(), 1u);
        QCOMPARE(snap->routes->size(), 0u);
        QCOMPARE(topology.dropped(), 7u);
        QCOMPARE(diagnostics.total(), 7u);
        const QString src = QStringLiteral("bridge 127.0.0.1:50051");
        QCOMPARE(diagnostics.count(src, QStringLiteral("non-finite position")), 1u);
        QCOMPARE(diagnostics.count(src, QStringLiteral("absurd coordinates")), 1u);
        QCOMPARE(diagnostics.count(src, QStringLiteral("oversized name")), 1u);
        QCOMPARE(diagnostics.count(QStringLiteral("bridge"), QStringLiteral("link names unknown node")), 1u);
        QCOMPARE(
            diagnostics.count(QStringLiteral("bridge"), QStringLiteral("link quality outside 0..1")), 1u);
        QCOMPARE(
            diagnostics.count(QStringLiteral("bridge"), QStringLiteral("link from a node to itself")), 1u);
        QCOMPARE(diagnostics.count(QStringLiteral("bridge"), QStringLiteral("route names unknown node")), 1u);
    }

    void trailsAreBoundedAndOrdered()
    {
        Topology::Options options;
        options.trailCapacity = 4;
        options.trailIntervalNs = 1'000'000'000;
        Topology topology(nullptr, options);
        std::vector<Envelope> batch;
        // 10 s of sim time at 10 Hz: one trail point per second, last 4 kept.
        for (int i = 0; i <= 100; ++i)
            batch.push_back(nodeEnvelope(1, i, 0, 0, std::int64_t(i) * 100'000'000));
        batch.push_back(nodeEnvelope(2, 0, 0, 0, 0));
        topology.apply(batch);
        topology.publish();
        const auto snap = topology.snapshot();
        const auto &trails = *snap->trails;
        QCOMPARE(trails.begin.size(), 3u);
        QCOMPARE(trails.begin[1] - trails.begin[0], 4u);
        QCOMPARE(trails.begin[2] - trails.begin[1], 1u);
        // Oldest first: east 70, 80, 90, 100.
        QCOMPARE(trails.points[0].east, 70.f);
        QCOMPARE(trails.points[3].east, 100.f);

        // Sim time going backwards (a reset) starts the trail anew.
        topology.apply(std::vector<Envelope> { nodeEnvelope(1, 5, 0, 0, 0) });
        topology.publish();
        const auto reset = topology.snapshot();
        QCOMPARE(reset->trails->begin[1] - reset->trails->begin[0], 1u);
    }

    void resubscriptionSnapshotRemovesStaleKeys()
    {
        Topology topology(nullptr);
        topology.apply(std::vector<Envelope> { nodeEnvelope(1, 0, 0, 0), nodeEnvelope(2, 1, 0, 0),
            nodeEnvelope(3, 2, 0, 0), linkEnvelope(1, 2), linkEnvelope(2, 3),
            routeEnvelope(9, { 1, 2, 3 }) });
        topology.publish();
        // The connection dropped; node 3 went away meanwhile. The new
        // subscription sends the current state and marks its end.
        topology.apply(std::vector<Envelope> { nodeEnvelope(1, 0, 0, 0, 0, v1::NODE_STATUS_OK, true),
            nodeEnvelope(2, 1, 0, 0, 0, v1::NODE_STATUS_OK, true), linkEnvelope(1, 2, true, 0.5, true) });
        topology.publish();
        QCOMPARE(topology.snapshot()->nodes->size(), 3u); // not complete yet: nothing removed
        topology.apply(std::vector<Envelope> { snapshotComplete() });
        topology.publish();
        const auto snap = topology.snapshot();
        QCOMPARE(snap->nodes->size(), 2u);
        QVERIFY(!snap->findNode(3));
        QCOMPARE(snap->links->size(), 1u);
        QCOMPARE(snap->findLink(1, 2)->quality, 0.5);
        QCOMPARE(snap->routes->size(), 0u);
    }

    void ignoresOtherChannels()
    {
        Topology topology(nullptr);
        Envelope other = nodeEnvelope(1, 0, 0, 0);
        other.set_channel(v1::CHANNEL_TELEMETRY);
        topology.apply(std::vector<Envelope> { other });
        topology.publish();
        QVERIFY(topology.snapshot()->isEmpty());
    }

    void tenThousandNodesSnapshotIsCheap()
    {
        // Not a benchmark (no time is asserted): checks that a quiet publish
        // shares everything and that 10,000 moving nodes produce one coherent snapshot.
        Topology topology(nullptr);
        std::vector<Envelope> batch;
        batch.reserve(10'000);
        for (std::uint32_t i = 0; i < 10'000; ++i)
            batch.push_back(nodeEnvelope(i, i, i % 100, 1000, 0));
        topology.apply(batch);
        QVERIFY(topology.publish());
        const auto a = topology.snapshot();
        QCOMPARE(a->nodes->size(), 10'000u);
        QVERIFY(!topology.publish());
        QCOMPARE(topology.snapshot().get(), a.get());
        QCOMPARE(a->nodeIndex(9'999), 9'999);
    }
};

QTEST_GUILESS_MAIN(TestTopology)
#include "tst_topology.moc"
