// Selective forwarding: a late subscriber gets the full current state first;
// filters and rate limits; a subscriber that never reads slows nobody and the
// bridge's memory stays bounded.
#include "backends/bridge/bridgeserver.h"
#include "backends/sim/simmember.h"
#include "bridgetestclient.h"

#include <QTest>

using namespace opsdeck;
using namespace opsdeck::v1;
using test::timeoutMs;

namespace {
constexpr std::uint32_t kDomain = 43;

// 150 aircraft spread so that each has about ten neighbours.
const char *kScenario = R"(
name fanout-test
seed 11
origin 46.8 8.2
region 400000 400000
aircraft 150
radio_range 60000
ground 1 GS-A 46.3 7.3 500
ground 2 GS-B 47.3 9.1 500
flow 1 1 2
random_flows 10
)";

std::uint64_t memberStep(test::BridgeTestClient &client, const std::string &member)
{
    return client.with([&](auto &s) {
        const auto it = s.members.find(member);
        return it == s.members.end() ? 0 : it->second.last_step();
    });
}
} // namespace

class TestBridgeFanout : public QObject
{
    Q_OBJECT

    std::unique_ptr<bridge::BridgeServer> m_bridge;
    std::unique_ptr<sim::SimMember> m_sim;

private Q_SLOTS:
    void init()
    {
        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.dtNs = 100'000'000;
        config.realTimeFactor = 4.0;
        config.statsPeriodMs = 100;
        m_bridge = std::make_unique<bridge::BridgeServer>(config);
        std::string error;
        QVERIFY2(m_bridge->start(&error), error.c_str());
        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-fanout";
        simConfig.scenarioText = kScenario;
        m_sim = std::make_unique<sim::SimMember>(simConfig);
        QVERIFY2(m_sim->start(&error), error.c_str());
    }
    void cleanup()
    {
        m_sim.reset();
        m_bridge.reset();
    }

    void lateSubscriberGetsFullStateFirst()
    {
        test::BridgeTestClient early(test::plainChannel(m_bridge->address()));
        early.subscribe(SubscribeRequest());
        ControlAck ack;
        QVERIFY(early.control(CONTROL_KIND_START, 1, &ack).ok());
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(early, "sim-fanout") >= 5, timeoutMs(10000));

        // Joins while the simulation runs.
        test::BridgeTestClient late(test::plainChannel(m_bridge->address()));
        late.subscribe(SubscribeRequest());
        QTRY_VERIFY_WITH_TIMEOUT(late.with([](auto &s) { return s.snapshotDone; }), timeoutMs(10000));
        const auto s = late.state();
        // Everything before SnapshotComplete was marked snapshot, nothing after it.
        QVERIFY(!s.snapshotFlagWrong);
        QCOMPARE(s.seqGaps, 0u);
        QVERIFY(s.snapshotKeys >= m_sim->nodeCount());
        QCOMPARE(s.samplesBeforeSnapshotDone, std::uint64_t(s.snapshotKeys));
        // The snapshot held every node, the clock and the member before any live sample.
        QTRY_VERIFY_WITH_TIMEOUT(
            late.with([&](auto &st) { return st.nodes.size() == m_sim->nodeCount(); }), timeoutMs(5000));
        QVERIFY(s.nodes.size() == m_sim->nodeCount() || s.samplesBeforeSnapshotDone >= m_sim->nodeCount());
        QVERIFY(s.members.count("sim-fanout"));
        QCOMPARE(s.clock.state(), SIM_STATE_RUNNING);

        // skip_snapshot: live stream only.
        test::BridgeTestClient live(test::plainChannel(m_bridge->address()));
        SubscribeRequest liveOnly;
        liveOnly.set_skip_snapshot(true);
        live.subscribe(liveOnly);
        QTRY_VERIFY_WITH_TIMEOUT(live.with([](auto &st) { return st.nodeSamples > 0; }), timeoutMs(5000));
        QVERIFY(!live.with([](auto &st) { return st.snapshotDone; }));
    }

    void filtersAndRateLimits()
    {
        test::BridgeTestClient control(test::plainChannel(m_bridge->address()));
        control.subscribe(SubscribeRequest());
        ControlAck ack;
        QVERIFY(control.control(CONTROL_KIND_START, 1, &ack).ok());

        // Node filter: only nodes 1 and 2 and the links / routes touching them.
        test::BridgeTestClient filtered(test::plainChannel(m_bridge->address()));
        SubscribeRequest request;
        request.add_node_filter(1);
        request.add_node_filter(2);
        TopicSubscription *nodes = request.add_topics();
        nodes->set_topic(TOPIC_NODE_STATE);
        nodes->set_max_rate_hz(5); // per key
        request.add_topics()->set_topic(TOPIC_LINK_STATE);
        request.add_topics()->set_topic(TOPIC_ROUTE);
        filtered.subscribe(request);
        // Region of interest: a box around the west ground station (46.3, 7.3).
        test::BridgeTestClient regional(test::plainChannel(m_bridge->address()));
        SubscribeRequest box;
        box.add_topics()->set_topic(TOPIC_NODE_STATE);
        box.mutable_region()->set_min_lat_deg(46.0);
        box.mutable_region()->set_max_lat_deg(46.6);
        box.mutable_region()->set_min_lon_deg(7.0);
        box.mutable_region()->set_max_lon_deg(7.6);
        regional.subscribe(box);

        QTRY_VERIFY_WITH_TIMEOUT(
            filtered.with([](auto &s) { return s.clocks.empty() && s.nodeSamples >= 10; }), timeoutMs(10000));
        const auto wall0 = std::chrono::steady_clock::now();
        const std::uint64_t n0 = filtered.with([](auto &s) { return s.nodeSamples; });
        const std::uint64_t step0 = memberStep(control, "sim-fanout");
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(control, "sim-fanout") >= step0 + 40, timeoutMs(15000));
        const double seconds
            = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
        const auto s = filtered.state();
        for (const auto &[id, n] : s.nodes)
            QVERIFY(id == 1 || id == 2);
        for (const auto &[key, l] : s.links)
            QVERIFY(key.first <= 2 || key.second <= 2);
        for (const auto &[id, r] : s.routes) {
            bool touches = r.src() <= 2 || r.dst() <= 2;
            for (std::uint32_t hop : r.hops())
                touches = touches || hop <= 2;
            QVERIFY(touches);
        }
        QVERIFY(s.members.empty());
        // Ground stations are static but the sim republishes them every step (40 Hz):
        // at most 5 Hz per key reaches this subscriber.
        const double perKeyRate = double(s.nodeSamples - n0) / 2.0 / seconds;
        QVERIFY2(perKeyRate <= 6.5, qPrintable(QString::number(perKeyRate)));
        QVERIFY2(perKeyRate > 1.0,
            qPrintable(QStringLiteral("%1 samples in %2 s").arg(s.nodeSamples - n0).arg(seconds)));

        const auto r = regional.state();
        QVERIFY(!r.nodes.empty());
        for (const auto &[id, n] : r.nodes) {
            QVERIFY(n.geo().lat_deg() >= 46.0 && n.geo().lat_deg() <= 46.6);
            QVERIFY(n.geo().lon_deg() >= 7.0 && n.geo().lon_deg() <= 7.6);
        }
        QVERIFY(r.nodes.size() < m_sim->nodeCount());
    }

    void neverReadingSubscriberSlowsNobody()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_bridge->stats().bridge_rss_bytes() > 0, timeoutMs(5000));
        const BridgeStats before = m_bridge->stats();
        // One subscriber that never reads: its stream stalls in flow control.
        grpc::ClientContext stalledContext;
        auto stalledStub = Bridge::NewStub(test::plainChannel(m_bridge->address()));
        SubscribeRequest stalledRequest;
        stalledRequest.set_client_name("never-reads");
        auto stalled = stalledStub->Subscribe(&stalledContext, stalledRequest);

        std::vector<std::unique_ptr<test::BridgeTestClient>> fast;
        for (int i = 0; i < 3; ++i) {
            fast.push_back(std::make_unique<test::BridgeTestClient>(test::plainChannel(m_bridge->address())));
            SubscribeRequest request;
            request.set_client_name("fast-" + std::to_string(i));
            fast.back()->subscribe(request);
        }
        ControlAck ack;
        QVERIFY(fast[0]->control(CONTROL_KIND_SET_RATE, 1, &ack, 0, 20.0).ok()); // 200 steps/s
        QVERIFY(fast[0]->control(CONTROL_KIND_START, 2, &ack).ok());
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(*fast[0], "sim-fanout") >= 150, timeoutMs(20000));
        QVERIFY(fast[0]->control(CONTROL_KIND_FREEZE, 3, &ack).ok());
        const std::uint64_t frozen = ack.clock().step();
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(*fast[0], "sim-fanout") == frozen, timeoutMs(5000));

        // The fast ones are fully current: every node at the frozen step.
        for (auto &client : fast) {
            QTRY_VERIFY_WITH_TIMEOUT(client->with([&](auto &s) {
                if (s.nodes.size() != m_sim->nodeCount())
                    return false;
                for (const auto &[id, n] : s.nodes)
                    if (n.step() != frozen)
                        return false;
                return true;
            }),
                timeoutMs(10000));
        }

        // The stalled one: its queue holds at most one entry per key plus events;
        // updates were coalesced, not queued without bound.
        const std::int64_t current = std::chrono::duration_cast<std::chrono::nanoseconds>(
            std::chrono::system_clock::now().time_since_epoch())
                                         .count();
        QTRY_VERIFY_WITH_TIMEOUT(m_bridge->stats().wall_time_unix_ns() > current, timeoutMs(5000));
        const BridgeStats stats = m_bridge->stats();
        bool found = false;
        const std::size_t keys
            = m_sim->nodeCount() + 2000; // nodes + links + routes + clock + member, generously
        for (const SubscriberStats &s : stats.subscribers()) {
            if (s.client_name() == "never-reads") {
                found = true;
                QVERIFY2(s.queue_depth() <= keys + s.queue_capacity(),
                    qPrintable(QString::number(s.queue_depth())));
                QVERIFY(s.coalesced() > 0);
            } else if (s.client_name().rfind("fast-", 0) == 0) {
                QVERIFY(s.queue_depth() < 100);
            }
        }
        QVERIFY(found);
        // Memory: the stalled subscriber's backlog is bounded by the keys, not by time.
        // (AddressSanitizer's quarantine holds freed memory, so RSS says nothing there.)
#ifndef __SANITIZE_ADDRESS__
        QVERIFY2(stats.bridge_rss_bytes() < before.bridge_rss_bytes() + 200ull * 1024 * 1024,
            qPrintable(
                QStringLiteral("%1 -> %2").arg(before.bridge_rss_bytes()).arg(stats.bridge_rss_bytes())));
#endif
        stalledContext.TryCancel();
        stalled->Finish();
        for (auto &client : fast)
            client->stop();
    }
};

QTEST_GUILESS_MAIN(TestBridgeFanout)
#include "tst_bridgefanout.moc"
