// sim + bridge + a test client over real DDS and gRPC: positions, links and
// routes arrive and are consistent (every route hop is a live link).
#include "backends/bridge/bridgeserver.h"
#include "backends/sim/simengine.h"
#include "backends/sim/simmember.h"
#include "bridgetestclient.h"

#include <QTest>

#include <cmath>

using namespace opsdeck;
using namespace opsdeck::v1;
using test::timeoutMs;

namespace {
constexpr std::uint32_t kDomain = 41;
}

class TestBridgeFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void positionsLinksAndRoutesArriveConsistent()
    {
        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.dtNs = 200'000'000; // 0.2 s of sim time per step
        config.realTimeFactor = 10.0; // 50 steps per wall second
        config.statsPeriodMs = 200;
        bridge::BridgeServer bridge(config);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());
        QVERIFY(bridge.port() > 0);

        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-flow";
        simConfig.scenarioText = test::kDenseScenario;
        sim::SimMember sim(simConfig);
        QVERIFY2(sim.start(&error), error.c_str());

        test::BridgeTestClient client(test::plainChannel(bridge.address()));
        SubscribeRequest request;
        request.set_client_name("flow-test");
        client.subscribe(request);

        // INIT: the member registers and publishes its step-0 world, and waits.
        QTRY_VERIFY_WITH_TIMEOUT(
            client.with([&](auto &s) { return s.nodes.size() == sim.nodeCount(); }), timeoutMs(10000));
        QTRY_VERIFY_WITH_TIMEOUT(client.with([](auto &s) {
            const auto it = s.members.find("sim-flow");
            return it != s.members.end() && it->second.state() == MEMBER_STATE_INIT;
        }),
            timeoutMs(10000));
        QCOMPARE(client.with([](auto &s) { return s.clock.state(); }), SIM_STATE_INIT);

        ControlAck ack;
        QVERIFY(client.control(CONTROL_KIND_START, 1, &ack).ok());
        QCOMPARE(ack.result(), ACK_RESULT_APPLIED);
        QTRY_VERIFY_WITH_TIMEOUT(client.with([](auto &s) {
            const auto it = s.members.find("sim-flow");
            return it != s.members.end() && it->second.last_step() >= 20;
        }),
            timeoutMs(20000));
        QVERIFY(client.control(CONTROL_KIND_FREEZE, 2, &ack).ok());
        const std::uint64_t frozenStep = ack.clock().step();

        // Once everything of the frozen step has arrived, the picture is consistent.
        auto consistent = [&](const test::BridgeTestClient::State &s, QString *why) {
            if (s.nodes.size() != sim.nodeCount()) {
                *why = QStringLiteral("nodes %1").arg(s.nodes.size());
                return false;
            }
            for (const auto &[id, n] : s.nodes) {
                if (n.step() != frozenStep) {
                    *why = QStringLiteral("node %1 at step %2").arg(id).arg(n.step());
                    return false;
                }
                if (!std::isfinite(n.geo().lat_deg()) || std::abs(n.geo().lat_deg() - 46.8) > 2
                    || std::abs(n.geo().lon_deg() - 8.2) > 3 || n.owner_member() != "sim-flow") {
                    *why = QStringLiteral("node %1 implausible").arg(id);
                    return false;
                }
            }
            for (const auto &[key, l] : s.links)
                if (!s.nodes.count(key.first) || !s.nodes.count(key.second) || l.quality() < 0
                    || l.quality() > 1) {
                    *why = QStringLiteral("link %1-%2 bad").arg(key.first).arg(key.second);
                    return false;
                }
            for (const auto &[id, r] : s.routes) {
                if (r.step() != frozenStep) {
                    *why = QStringLiteral("route %1 at step %2").arg(id).arg(r.step());
                    return false;
                }
                if (!r.reachable())
                    continue;
                if (r.hops(0) != r.src() || r.hops(r.hops_size() - 1) != r.dst())
                    return false;
                for (int i = 0; i + 1 < r.hops_size(); ++i) {
                    const std::uint32_t x = r.hops(i), y = r.hops(i + 1);
                    const std::pair<std::uint32_t, std::uint32_t> key { std::min(x, y), std::max(x, y) };
                    if (!s.links.count({ key.first, key.second })) {
                        *why = QStringLiteral("route %1 hop %2-%3 is not a live link")
                                   .arg(id)
                                   .arg(key.first)
                                   .arg(key.second);
                        return false;
                    }
                }
            }
            return true;
        };
        QString why;
        QTRY_VERIFY2_WITH_TIMEOUT(
            client.with([&](auto &s) { return consistent(s, &why); }), qPrintable(why), timeoutMs(15000));
        const auto state = client.state();
        QVERIFY(!state.links.empty());
        // The dense scenario has multi-hop routes: the check above means something.
        int multiHop = 0;
        for (const auto &[id, r] : state.routes)
            multiHop += r.reachable() && r.hops_size() >= 3;
        QVERIFY2(multiHop > 0, "no multi-hop route in the dense scenario");
        QVERIFY(state.routes.count(1));
        QCOMPARE(state.seqGaps, 0u);
        QVERIFY(state.snapshotDone);
        QVERIFY(!state.snapshotFlagWrong);

        // ListTopics reports the cache.
        grpc::ClientContext context;
        ListTopicsResponse topics;
        QVERIFY(client.stub().ListTopics(&context, {}, &topics).ok());
        bool sawNodes = false;
        for (const TopicInfo &t : topics.topics())
            if (t.topic() == TOPIC_NODE_STATE) {
                sawNodes = true;
                QCOMPARE(t.keys(), std::uint32_t(sim.nodeCount()));
                QCOMPARE(t.dds_topic(), std::string("NodeState"));
            }
        QVERIFY(sawNodes);

        client.stop();
        sim.stop();
        bridge.stop();
    }

    void bridgeJoiningLateGetsTheWholeWorld()
    {
        // The member runs first; the bridge joins afterwards and must pick up
        // every key from DDS's transient-local history, links and routes
        // included, although they come through other readers than their nodes.
        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-early";
        simConfig.scenarioText = test::kDenseScenario;
        sim::SimMember sim(simConfig);
        std::string error;
        QVERIFY2(sim.start(&error), error.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(sim.stepsPublished() >= 1, timeoutMs(5000));

        std::string parseError;
        const auto scenario = sim::parseScenario(test::kDenseScenario, "dense", &parseError);
        QVERIFY(scenario);
        const sim::SimEngine expected(*scenario, scenario->seed); // the member's step-0 world

        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.statsPeriodMs = 100;
        bridge::BridgeServer bridge(config);
        QVERIFY2(bridge.start(&error), error.c_str());
        test::BridgeTestClient client(test::plainChannel(bridge.address()));
        client.subscribe(SubscribeRequest());
        QTRY_VERIFY_WITH_TIMEOUT(client.with([&](auto &s) {
            return s.nodes.size() == expected.nodes().size() && s.links.size() == expected.links().size()
                && s.routes.size() == expected.routes().size();
        }),
            timeoutMs(10000));
        const auto state = client.state();
        for (const sim::SimRoute &r : expected.routes())
            QCOMPARE(state.routes.at(r.flowId).hops_size(), int(r.hops.size()));
        QTRY_VERIFY_WITH_TIMEOUT(bridge.stats().wall_time_unix_ns() > 0, timeoutMs(5000));
        QCOMPARE(bridge.stats().drops_size(), 0);
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TestBridgeFlow)
#include "tst_bridgeflow.moc"
