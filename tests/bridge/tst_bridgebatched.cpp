// SubscribeBatched: the same stream as Subscribe (order, seq numbering,
// snapshot then SnapshotComplete then live, filters), but whatever is queued
// for a subscriber travels in one SampleBatch, bounded by max_batch.
#include "backends/bridge/bridgeserver.h"
#include "backends/sim/simmember.h"
#include "bridgetestclient.h"

#include <QTest>

#include <algorithm>

using namespace opsdeck;
using namespace opsdeck::v1;
using test::timeoutMs;

namespace {
constexpr std::uint32_t kDomain = 48;

std::uint64_t memberStep(test::BridgeTestClient &client, const std::string &member)
{
    return client.with([&](auto &s) {
        const auto it = s.members.find(member);
        return it == s.members.end() ? 0 : it->second.last_step();
    });
}

bool allNodesAt(test::BridgeTestClient &client, std::size_t count, std::uint64_t step)
{
    return client.with([&](auto &s) {
        if (s.nodes.size() != count)
            return false;
        for (const auto &[id, n] : s.nodes)
            if (n.step() != step)
                return false;
        return true;
    });
}
} // namespace

class TestBridgeBatched : public QObject
{
    Q_OBJECT

    std::unique_ptr<bridge::BridgeServer> m_bridge;
    std::unique_ptr<sim::SimMember> m_sim;

private Q_SLOTS:
    void init()
    {
        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-batched";
        simConfig.scenarioText = test::kDenseScenario;
        m_sim = std::make_unique<sim::SimMember>(simConfig);
        std::string error;
        QVERIFY2(m_sim->start(&error), error.c_str());
        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.realTimeFactor = 10.0; // 100 steps per second
        config.statsPeriodMs = 100;
        m_bridge = std::make_unique<bridge::BridgeServer>(config);
        QVERIFY2(m_bridge->start(&error), error.c_str());
    }
    void cleanup()
    {
        m_sim.reset();
        m_bridge.reset();
    }

    void batchedStreamCarriesTheSameStream()
    {
        test::BridgeTestClient single(test::plainChannel(m_bridge->address()));
        test::BridgeTestClient batched(test::plainChannel(m_bridge->address()));
        single.subscribe(SubscribeRequest());
        SubscribeRequest request;
        request.set_client_name("batched");
        batched.subscribe(request, 0, true);
        QTRY_VERIFY_WITH_TIMEOUT(batched.with([](auto &s) { return s.snapshotDone; }), timeoutMs(10000));
        QTRY_VERIFY_WITH_TIMEOUT(single.with([](auto &s) { return s.snapshotDone; }), timeoutMs(10000));

        ControlAck ack;
        QVERIFY(single.control(CONTROL_KIND_START, 1, &ack).ok());
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(batched, "sim-batched") >= 30, timeoutMs(15000));
        QVERIFY(single.control(CONTROL_KIND_FREEZE, 2, &ack).ok());
        const std::uint64_t frozen = ack.clock().step();
        QTRY_VERIFY_WITH_TIMEOUT(allNodesAt(batched, m_sim->nodeCount(), frozen), timeoutMs(10000));
        QTRY_VERIFY_WITH_TIMEOUT(allNodesAt(single, m_sim->nodeCount(), frozen), timeoutMs(10000));
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(batched, "sim-batched") == frozen, timeoutMs(5000));

        // Once both have caught up with the frozen world they hold the same state.
        auto same = [&] {
            const auto b = batched.state();
            const auto s = single.state();
            if (b.clock.state() != SIM_STATE_FROZEN || s.clock.state() != SIM_STATE_FROZEN
                || b.controls.size() != 2 || s.controls.size() != 2 || b.routes.size() != s.routes.size()
                || b.links.size() != s.links.size())
                return false;
            for (const auto &[id, route] : s.routes) {
                const auto it = b.routes.find(id);
                if (it == b.routes.end() || it->second.step() != route.step() || route.step() != frozen
                    || !std::equal(it->second.hops().begin(), it->second.hops().end(), route.hops().begin(),
                        route.hops().end()))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(same(), timeoutMs(10000));
        const auto b = batched.state();
        const auto s = single.state();
        // The same stream: contiguous seq, snapshot flags right, SnapshotComplete counted every key.
        QCOMPARE(b.seqGaps, 0u);
        QVERIFY(!b.snapshotFlagWrong);
        QCOMPARE(b.samplesBeforeSnapshotDone, std::uint64_t(b.snapshotKeys));
        QCOMPARE(b.snapshotKeys, s.snapshotKeys);
        // Batched for real: fewer messages than samples, some carried many.
        QVERIFY2(b.batches < b.samples,
            qPrintable(QStringLiteral("%1 batches, %2 samples").arg(b.batches).arg(b.samples)));
        QVERIFY(b.largestBatch > 1);
        QVERIFY(b.largestBatch <= 1024);
        QCOMPARE(s.batches, 0u);

        // The bridge reports the stream as batched, with its message count.
        const std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
            std::chrono::system_clock::now().time_since_epoch())
                                     .count();
        QTRY_VERIFY_WITH_TIMEOUT(m_bridge->stats().wall_time_unix_ns() > now, timeoutMs(5000));
        bool found = false;
        const BridgeStats stats = m_bridge->stats();
        for (const SubscriberStats &st : stats.subscribers()) {
            if (st.client_name() != "batched")
                continue;
            found = true;
            QVERIFY(st.batched());
            QVERIFY(st.messages() > 0 && st.messages() < st.sent());
        }
        QVERIFY(found);
    }

    void maxBatchBoundsEveryMessage()
    {
        test::BridgeTestClient batched(test::plainChannel(m_bridge->address()));
        SubscribeRequest request;
        request.set_max_batch(8);
        batched.subscribe(request, 0, true);
        QTRY_VERIFY_WITH_TIMEOUT(batched.with([](auto &s) { return s.snapshotDone; }), timeoutMs(10000));
        ControlAck ack;
        QVERIFY(batched.control(CONTROL_KIND_START, 1, &ack).ok());
        QTRY_VERIFY_WITH_TIMEOUT(memberStep(batched, "sim-batched") >= 20, timeoutMs(15000));
        const auto s = batched.state();
        QVERIFY(s.largestBatch <= 8);
        QVERIFY(s.largestBatch > 1);
        QCOMPARE(s.seqGaps, 0u);
        QVERIFY(s.batches * 8 >= s.samples);
    }
};

QTEST_GUILESS_MAIN(TestBridgeBatched)
#include "tst_bridgebatched.moc"
