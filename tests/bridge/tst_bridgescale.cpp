// 10,000 aircraft through DDS and the bridge: the whole world reaches a
// subscriber and steps keep flowing.
#include "backends/bridge/bridgeserver.h"
#include "backends/sim/simmember.h"
#include "bridgetestclient.h"

#include <QTest>

using namespace opsdeck;
using namespace opsdeck::v1;
using test::timeoutMs;

namespace {
constexpr std::uint32_t kDomain = 47;
}

class TestBridgeScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenThousandAircraft()
    {
        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.dtNs = 1'000'000'000;
        config.realTimeFactor = 2.0; // a grant every 0.5 s
        bridge::BridgeServer bridge(config);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());
        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-10k";
        simConfig.scenarioFile = (qEnvironmentVariable("OPSDECK_SOURCE_DIR")
            + QStringLiteral("/resources/scenarios/europe-10k.scenario"))
                                     .toStdString();
        sim::SimMember sim(simConfig);
        QVERIFY2(sim.start(&error), error.c_str());
        QCOMPARE(sim.nodeCount(), 10000u);

        test::BridgeTestClient client(test::plainChannel(bridge.address()));
        SubscribeRequest request;
        request.add_topics()->set_topic(TOPIC_NODE_STATE);
        request.add_topics()->set_topic(TOPIC_ROUTE);
        request.add_topics()->set_topic(TOPIC_MEMBER_STATUS);
        client.subscribe(request);
        QTRY_VERIFY_WITH_TIMEOUT(
            client.with([](auto &s) { return s.nodes.size() == 10000; }), timeoutMs(30000));

        ControlAck ack;
        QVERIFY(client.control(CONTROL_KIND_START, 1, &ack).ok());
        QTRY_VERIFY_WITH_TIMEOUT(client.with([](auto &s) {
            const auto it = s.members.find("sim-10k");
            return it != s.members.end() && it->second.last_step() >= 3;
        }),
            timeoutMs(30000));
        QVERIFY(client.control(CONTROL_KIND_FREEZE, 2, &ack).ok());
        const std::uint64_t frozen = ack.clock().step();
        QTRY_VERIFY_WITH_TIMEOUT(client.with([&](auto &s) {
            for (const auto &[id, n] : s.nodes)
                if (n.step() != frozen)
                    return false;
            return s.nodes.size() == 10000 && s.routes.size() == 50;
        }),
            timeoutMs(30000));
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TestBridgeScale)
#include "tst_bridgescale.moc"
