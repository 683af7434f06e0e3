// A bridge that (re)starts while members already hold state answers an early
// Subscribe only once it has taken that transient-local state in from DDS, so
// a console reconnecting after a bridge restart gets the whole topology in its
// snapshot, not whatever had arrived when it connected. The wait is bounded.
#include "backends/bridge/bridgeserver.h"
#include "backends/sim/simmember.h"
#include "bridgetestclient.h"

#include <QProcess>
#include <QTest>

using namespace opsdeck;
using namespace opsdeck::v1;
using test::timeoutMs;

namespace {
constexpr std::uint32_t kDomain = 49;
constexpr std::uint32_t kEmptyDomain = 50;

bridge::BridgeConfig config(std::uint32_t domain)
{
    bridge::BridgeConfig c;
    c.domain = domain;
    c.statsPeriodMs = 100;
    c.historyWaitMs = qEnvironmentVariableIsSet("OPSDECK_TEST_NO_HISTORY_WAIT") ? 0 : c.historyWaitMs;
    return c;
}
} // namespace

class TestBridgeHistory : public QObject
{
    Q_OBJECT

    // Subscribes at once after start() and checks the snapshot against one
    // taken when everything has long settled (the member stays in INIT: its
    // world does not change).
    void earlySnapshotIsComplete(std::size_t nodes, const QString &what)
    {
        auto bridge = std::make_unique<bridge::BridgeServer>(config(kDomain));
        std::string error;
        QVERIFY2(bridge->start(&error), error.c_str());
        test::BridgeTestClient early(test::plainChannel(bridge->address()));
        early.subscribe(SubscribeRequest());
        QTRY_VERIFY_WITH_TIMEOUT(early.with([](auto &s) { return s.snapshotDone; }), timeoutMs(10000));
        const auto e = early.state();

        test::BridgeTestClient late(test::plainChannel(bridge->address()));
        late.subscribe(SubscribeRequest());
        QTRY_VERIFY_WITH_TIMEOUT(late.with([](auto &s) { return s.snapshotDone; }), timeoutMs(10000));
        const auto l = late.state();

        QVERIFY2(e.nodesAtSnapshot == nodes,
            qPrintable(QStringLiteral("%1: %2 of %3 nodes").arg(what).arg(e.nodesAtSnapshot).arg(nodes)));
        QVERIFY(l.linksAtSnapshot > 0 && l.routesAtSnapshot > 0);
        QCOMPARE(e.linksAtSnapshot, l.linksAtSnapshot);
        QCOMPARE(e.routesAtSnapshot, l.routesAtSnapshot);
        QCOMPARE(e.snapshotKeys, l.snapshotKeys);
        QVERIFY(e.members.count("sim-history"));
        QVERIFY(!e.snapshotFlagWrong);
        QCOMPARE(e.seqGaps, 0u);
        early.stop();
        late.stop();
        bridge->stop();
    }

private Q_SLOTS:
    void earlySubscriberGetsTheMembersWholeState()
    {
        // The member in its own process, as in a deployment: its state reaches
        // a new bridge over the loopback network, not by in-process delivery.
        QProcess sim;
        sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        sim.start(QStringLiteral(OPSDECK_SIM_EXE),
            { QStringLiteral("--domain"), QString::number(kDomain), QStringLiteral("--member-id"),
                QStringLiteral("sim-history"), QStringLiteral("--aircraft"), QStringLiteral("300") });
        QVERIFY(sim.waitForStarted());
        std::size_t nodes = 0;
        {
            // A first bridge sees the member's whole world ...
            bridge::BridgeServer first(config(kDomain));
            std::string error;
            QVERIFY2(first.start(&error), error.c_str());
            test::BridgeTestClient client(test::plainChannel(first.address()));
            client.subscribe(SubscribeRequest());
            QTRY_VERIFY_WITH_TIMEOUT(
                client.with([](auto &s) { return s.members.count("sim-history") && s.nodes.size() >= 300; }),
                timeoutMs(20000));
            nodes = client.with([](auto &s) { return s.nodes.size(); });
            client.stop();
        }
        // ... and a restarted bridge answers the console that reconnects at once with all of it.
        earlySnapshotIsComplete(nodes, QStringLiteral("restart"));
        sim.terminate();
        sim.waitForFinished(10000);
    }

    void waitIsBoundedWhenNothingArrives()
    {
        // Nobody on this domain: the early subscriber is still answered, with
        // what there is (the control module's clock) once the wait ends.
        bridge::BridgeConfig c = config(kEmptyDomain);
        c.historyWaitMs = 300;
        bridge::BridgeServer bridge(c);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());
        test::BridgeTestClient early(test::plainChannel(bridge.address()));
        early.subscribe(SubscribeRequest());
        QTRY_VERIFY_WITH_TIMEOUT(early.with([](auto &s) { return s.snapshotDone; }), timeoutMs(5000));
        const auto e = early.state();
        QVERIFY(e.nodes.empty());
        QCOMPARE(e.clock.state(), SIM_STATE_INIT);
        // A subscriber that skips the snapshot is never held.
        test::BridgeTestClient live(test::plainChannel(bridge.address()));
        SubscribeRequest liveOnly;
        liveOnly.set_skip_snapshot(true);
        liveOnly.add_topics()->set_topic(TOPIC_BRIDGE_STATS);
        live.subscribe(liveOnly);
        QTRY_VERIFY_WITH_TIMEOUT(live.with([](auto &s) { return s.statsCount > 0; }), timeoutMs(5000));
    }
};

QTEST_GUILESS_MAIN(TestBridgeHistory)
#include "tst_bridgehistory.moc"
