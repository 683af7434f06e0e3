// A rogue DDS writer publishing NaN positions, absurd values, links and routes
// that name unknown nodes, and keys another member owns: dropped, counted per
// reason and as writer conflicts; nothing crashes and valid data still flows.
#include "backends/bridge/bridgeserver.h"
#include "backends/dds/participant.h"
#include "backends/sim/simmember.h"
#include "bridgetestclient.h"
#include "opsdeck_dds.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace opsdeck;
using namespace opsdeck::v1;
using test::timeoutMs;

namespace {
constexpr std::uint32_t kDomain = 45;

std::uint64_t dropCount(const BridgeStats &stats, const std::string &reason)
{
    for (const DropCount &d : stats.drops())
        if (d.reason() == reason)
            return d.count();
    return 0;
}
} // namespace

class TestBridgeBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rogueWriterIsDroppedAndCounted()
    {
        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.statsPeriodMs = 50;
        config.realTimeFactor = 5.0;
        bridge::BridgeServer bridge(config);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());
        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-good";
        simConfig.scenarioText = test::kDenseScenario;
        sim::SimMember sim(simConfig);
        QVERIFY2(sim.start(&error), error.c_str());

        test::BridgeTestClient client(test::plainChannel(bridge.address()));
        client.subscribe(SubscribeRequest());
        QTRY_VERIFY_WITH_TIMEOUT(
            client.with([&](auto &s) { return s.nodes.size() == sim.nodeCount(); }), timeoutMs(10000));

        dds::Participant rogue;
        QVERIFY2(rogue.open(kDomain, &error), error.c_str());
        const dds_entity_t nodes = rogue.createWriter(rogue.topics().node, dds::QosKind::State, &error);
        const dds_entity_t links = rogue.createWriter(rogue.topics().link, dds::QosKind::State, &error);
        const dds_entity_t routes = rogue.createWriter(rogue.topics().route, dds::QosKind::State, &error);
        QVERIFY(nodes > 0 && links > 0 && routes > 0);
        char rogueId[] = "rogue";
        char name[] = "GHOST";
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const int rounds = 20;
        for (int i = 0; i < rounds; ++i) {
            opsdeck_dds_NodeState n {};
            n.node_id = 9000 + std::uint32_t(i);
            n.name = name;
            n.member_id = rogueId;
            n.kind = NODE_KIND_AIRCRAFT;
            n.status = NODE_STATUS_OK;
            n.lat_deg = nan; // non-finite position
            n.lon_deg = 8.0;
            QCOMPARE(dds_write(nodes, &n), DDS_RETCODE_OK);
            // Keep-last 1 per key: each bad sample on a key of its own, so none is replaced.
            n.node_id = 9100 + std::uint32_t(i);
            n.lat_deg = 47.0;
            n.alt_m = 1e12; // absurd altitude
            QCOMPARE(dds_write(nodes, &n), DDS_RETCODE_OK);
            n.node_id = 9200 + std::uint32_t(i);
            n.alt_m = 9000;
            n.lat_deg = 123; // latitude beyond the pole
            QCOMPARE(dds_write(nodes, &n), DDS_RETCODE_OK);

            opsdeck_dds_LinkState l {};
            l.a = 1;
            l.b = 7000 + std::uint32_t(i); // unknown node
            l.up = true;
            l.quality = 0.5;
            l.member_id = rogueId;
            QCOMPARE(dds_write(links, &l), DDS_RETCODE_OK);

            opsdeck_dds_Route r {};
            std::uint32_t hops[] = { 1, 8000 + std::uint32_t(i), 2 };
            r.flow_id = 500 + std::uint32_t(i);
            r.name = name;
            r.src = 1;
            r.dst = 2;
            r.hops._buffer = hops;
            r.hops._length = r.hops._maximum = 3;
            r.reachable = true;
            r.member_id = rogueId;
            QCOMPARE(dds_write(routes, &r), DDS_RETCODE_OK);
        }
        // A well-formed sample for a key the simulation member owns: a writer conflict.
        opsdeck_dds_NodeState stolen {};
        stolen.node_id = 1;
        stolen.name = name;
        stolen.member_id = rogueId;
        stolen.kind = NODE_KIND_GROUND_STATION;
        stolen.status = NODE_STATUS_OK;
        stolen.lat_deg = 10;
        stolen.lon_deg = 10;
        QCOMPARE(dds_write(nodes, &stolen), DDS_RETCODE_OK);

        QTRY_VERIFY_WITH_TIMEOUT(
            dropCount(bridge.stats(), "route names unknown node") == rounds, timeoutMs(10000));
        QTRY_VERIFY_WITH_TIMEOUT(bridge.stats().writer_conflicts_size() == 1, timeoutMs(5000));
        const BridgeStats stats = bridge.stats();
        QCOMPARE(dropCount(stats, "non-finite position"), std::uint64_t(rounds));
        QCOMPARE(dropCount(stats, "absurd altitude"), std::uint64_t(rounds));
        QCOMPARE(dropCount(stats, "position out of range"), std::uint64_t(rounds));
        QCOMPARE(dropCount(stats, "link names unknown node"), std::uint64_t(rounds));
        for (const DropCount &d : stats.drops())
            QVERIFY(!d.first_example().empty());
        const WriterConflict &conflict = stats.writer_conflicts(0);
        QCOMPARE(conflict.topic(), TOPIC_NODE_STATE);
        QCOMPARE(conflict.owner_member(), std::string("sim-good"));
        QCOMPARE(conflict.intruder_member(), std::string("rogue"));
        QCOMPARE(conflict.count(), 1u);
        QVERIFY(stats.samples_rejected() >= 5u * rounds + 1);

        // The rogue leaves: its disposals must not remove what the owner still publishes.
        rogue.close();

        // Valid data still flows: the simulation runs and the consoles see only its data.
        ControlAck ack;
        QVERIFY(client.control(CONTROL_KIND_START, 1, &ack).ok());
        QTRY_VERIFY_WITH_TIMEOUT(client.with([](auto &s) {
            const auto it = s.members.find("sim-good");
            return it != s.members.end() && it->second.last_step() >= 5;
        }),
            timeoutMs(10000));
        QTRY_VERIFY_WITH_TIMEOUT(client.with([](auto &s) {
            const auto it = s.nodes.find(1);
            return it != s.nodes.end() && it->second.step() >= 5;
        }),
            timeoutMs(10000));
        const auto state = client.state();
        QCOMPARE(state.nodes.size(), sim.nodeCount());
        for (const auto &[id, n] : state.nodes) {
            QVERIFY(id < 7000);
            QCOMPARE(n.owner_member(), std::string("sim-good"));
            QVERIFY(std::isfinite(n.geo().lat_deg()));
        }
        QCOMPARE(state.nodes.at(1).name(), std::string("GS-A"));
        for (const auto &[id, r] : state.routes)
            QVERIFY(id < 500);
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TestBridgeBadInput)
#include "tst_bridgebadinput.moc"
