// Bridge under load (long run): a DDS writer in this process publishes, per
// topic, 1,000 samples/s — Route samples of 250 hops (≈ 1 KiB of CDR each,
// 16 flows) and NodeState updates (250 aircraft) — to an in-process bridge
// with 32 gRPC subscribers for OPSDECK_RELIA_LOAD_S seconds (default 600).
// No subscriber may see a sequence gap (the bridge drops nothing on these
// state topics; coalescing replaces older values in place and is reported),
// every subscriber stays current, and resident memory after warm-up (a tenth
// of the run) may grow by less than 10 %.
#include "backends/bridge/bridgeserver.h"
#include "backends/dds/participant.h"
#include "bridge/bridgetestclient.h"
#include "opsdeck_dds.h"
#include "procmemory.h"
#include "testscale.h"

#include <QElapsedTimer>
#include <QTest>

using namespace opsdeck;

namespace {
constexpr std::uint32_t kDomain = 65;
constexpr std::uint32_t kNodes = 250;
constexpr int kSubscribers = 32;

bool matched(dds_entity_t writer)
{
    dds_publication_matched_status_t status {};
    return dds_get_publication_matched_status(writer, &status) == DDS_RETCODE_OK && status.current_count > 0;
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}
} // namespace

class TestReliaLoadLong : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thirtyTwoSubscribersAtOneKilohertz()
    {
        const int seconds = envInt("OPSDECK_RELIA_LOAD_S", 600);
        bridge::BridgeConfig bc;
        bc.domain = kDomain;
        bridge::BridgeServer bridge(bc);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());

        dds::Participant participant;
        QVERIFY2(participant.open(kDomain, &error), error.c_str());
        const dds_entity_t nodes
            = participant.createWriter(participant.topics().node, dds::QosKind::State, &error);
        const dds_entity_t routes
            = participant.createWriter(participant.topics().route, dds::QosKind::State, &error);
        QVERIFY2(nodes > 0 && routes > 0, error.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(matched(nodes) && matched(routes), scaledTimeout(10000));

        char member[] = "load-writer";
        char name[] = "LOAD";
        std::vector<opsdeck_dds_NodeState> states(kNodes);
        for (std::uint32_t id = 1; id <= kNodes; ++id) {
            opsdeck_dds_NodeState &n = states[id - 1];
            n.node_id = id;
            n.name = name;
            n.kind = 1;
            n.status = 1;
            n.lat_deg = 40 + id * 0.01;
            n.lon_deg = 8;
            n.alt_m = 9000;
            n.member_id = member;
            QCOMPARE(dds_write(nodes, &n), DDS_RETCODE_OK);
        }
        // The nodes must be at the bridge before routes name them.
        QTRY_VERIFY_WITH_TIMEOUT(bridge.stats().dds_samples_received() >= kNodes, scaledTimeout(10000));

        std::vector<std::unique_ptr<test::BridgeTestClient>> clients;
        for (int i = 0; i < kSubscribers; ++i) {
            clients.push_back(std::make_unique<test::BridgeTestClient>(test::plainChannel(bridge.address())));
            v1::SubscribeRequest request;
            request.add_topics()->set_topic(v1::TOPIC_NODE_STATE);
            request.add_topics()->set_topic(v1::TOPIC_ROUTE);
            request.add_topics()->set_topic(v1::TOPIC_BRIDGE_STATS);
            request.set_client_name("load-" + std::to_string(i));
            clients.back()->subscribe(request);
        }
        for (auto &c : clients)
            QTRY_VERIFY_WITH_TIMEOUT(c->with([](auto &s) { return s.snapshotDone; }), scaledTimeout(20000));

        std::vector<std::uint32_t> hops(kNodes);
        for (std::uint32_t i = 0; i < kNodes; ++i)
            hops[i] = i + 1;
        char routeName[] = "load";
        opsdeck_dds_Route r {};
        r.name = routeName;
        r.src = 1;
        r.dst = kNodes;
        r.hops._buffer = hops.data();
        r.hops._length = r.hops._maximum = kNodes;
        r.reachable = true;
        r.cost = 1;
        r.latency_ms = 1;
        r.bottleneck_mbps = 10;
        r.member_id = member;

        // 1 kHz per topic, paced on the wall clock; RSS after warm-up and at the end.
        const auto start = std::chrono::steady_clock::now();
        const auto end = start + std::chrono::seconds(seconds);
        const auto warm = start + std::chrono::seconds(std::max(5, seconds / 10));
        std::uint64_t written = 0, rssWarm = 0;
        for (;;) {
            const auto now = std::chrono::steady_clock::now();
            if (now >= end)
                break;
            if (!rssWarm && now >= warm)
                rssWarm = residentBytes();
            const auto due = start + std::chrono::microseconds(written * 1000);
            if (due > now)
                std::this_thread::sleep_until(due);
            r.flow_id = 1 + std::uint32_t(written % 16);
            r.step = written;
            opsdeck_dds_NodeState &n = states[written % kNodes];
            n.lat_deg += 1e-6;
            n.step = written;
            if (dds_write(routes, &r) != DDS_RETCODE_OK || dds_write(nodes, &n) != DDS_RETCODE_OK)
                QFAIL("dds_write failed");
            ++written;
        }
        const double elapsed
            = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // Let the queues drain, then compare.
        QTest::qWait(2000);
        const std::uint64_t rssEnd = residentBytes();
        const v1::BridgeStats stats = bridge.stats();
        std::uint64_t minSamples = UINT64_MAX, gaps = 0, coalesced = 0, dropped = 0;
        for (auto &c : clients) {
            c->with([&](auto &s) {
                minSamples = std::min(minSamples, s.samples);
                gaps += s.seqGaps;
            });
        }
        for (const auto &s : stats.subscribers()) {
            coalesced += s.coalesced();
            dropped += s.dropped();
        }
        for (auto &c : clients)
            c->stop();
        const double growth = rssWarm ? double(rssEnd) / double(rssWarm) - 1.0 : 0.0;
        qInfo().noquote() << QStringLiteral(
            "RELIA load seconds=%1 written_per_topic=%2 rate_hz=%3 subscribers=%4 "
            "min_samples_per_subscriber=%5 seq_gaps=%6 coalesced=%7 dropped=%8 "
            "rss_warm_mb=%9 rss_end_mb=%10 growth_pct=%11")
                                 .arg(seconds)
                                 .arg(written)
                                 .arg(double(written) / elapsed, 0, 'f', 0)
                                 .arg(kSubscribers)
                                 .arg(minSamples)
                                 .arg(gaps)
                                 .arg(coalesced)
                                 .arg(dropped)
                                 .arg(double(rssWarm) / 1048576.0, 0, 'f', 1)
                                 .arg(double(rssEnd) / 1048576.0, 0, 'f', 1)
                                 .arg(100.0 * growth, 0, 'f', 1);
        QCOMPARE(gaps, std::uint64_t(0));
        QCOMPARE(dropped, std::uint64_t(0));
        QVERIFY(minSamples > 0);
        QVERIFY2(growth < 0.10, qPrintable(QStringLiteral("RSS grew %1 %").arg(100 * growth)));
        QVERIFY2(double(written) / elapsed > 900, "the writer could not keep 1 kHz");
        bridge.stop();
    }
};

QTEST_GUILESS_MAIN(TestReliaLoadLong)
#include "tst_relialoadlong.moc"
