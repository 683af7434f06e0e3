#include "model/eventstream.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <thread>
#include <vector>

using opsdeck::model::EventStream;
using opsdeck::v1::Envelope;

namespace {
Envelope bridgeEnvelope(std::uint32_t nodeId)
{
    Envelope envelope;
    envelope.set_channel(opsdeck::v1::CHANNEL_BRIDGE);
    envelope.mutable_bridge_sample()->mutable_node()->set_node_id(nodeId);
    return envelope;
}
} // namespace

class TestEventStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversInOrderWithSequenceAndReceiveTime()
    {
        EventStream stream;
        std::vector<std::uint32_t> nodes;
        std::vector<quint64> seqs;
        stream.addSink([&](std::span<const Envelope> batch) {
            for (const Envelope &e : batch) {
                nodes.push_back(e.bridge_sample().node().node_id());
                seqs.push_back(e.seq());
                QVERIFY(e.recv_time_unix_ns() > 0);
            }
        });
        for (std::uint32_t i = 0; i < 100; ++i)
            QVERIFY(stream.post(bridgeEnvelope(i)));
        QSignalSpy applied(&stream, &EventStream::batchApplied);
        QVERIFY(applied.wait(5000));
        QCOMPARE(nodes.size(), 100u);
        for (std::uint32_t i = 0; i < 100; ++i) {
            QCOMPARE(nodes[i], i);
            QCOMPARE(seqs[i], quint64(i + 1));
        }
        // A burst is coalesced into one batch, not one signal per envelope.
        QCOMPARE(applied.count(), 1);
        QCOMPARE(applied.first().at(1).toInt(), 100);
    }

    void keepsAnExplicitReceiveTime()
    {
        EventStream stream;
        std::int64_t seen = 0;
        stream.addSink([&](std::span<const Envelope> batch) { seen = batch.front().recv_time_unix_ns(); });
        Envelope envelope = bridgeEnvelope(7);
        envelope.set_recv_time_unix_ns(1234); // the replay player supplies recorded times
        stream.post(envelope);
        QCOMPARE(stream.flush(), 1u);
        QCOMPARE(seen, 1234);
    }

    void boundedQueueCountsDrops()
    {
        EventStream stream(10);
        int delivered = 0;
        stream.addSink([&](std::span<const Envelope> batch) { delivered += int(batch.size()); });
        for (int i = 0; i < 25; ++i)
            stream.post(bridgeEnvelope(std::uint32_t(i)));
        QCOMPARE(stream.dropped(), 15u);
        QCOMPARE(stream.posted(), 10u);
        stream.flush();
        QCOMPARE(delivered, 10);
        // After a flush the queue takes envelopes again.
        QVERIFY(stream.post(bridgeEnvelope(99)));
    }

    void manyProducerThreadsLoseNothing()
    {
        EventStream stream;
        std::size_t delivered = 0;
        quint64 lastSeq = 0;
        bool ordered = true;
        stream.addSink([&](std::span<const Envelope> batch) {
            for (const Envelope &e : batch) {
                ordered = ordered && e.seq() == lastSeq + 1;
                lastSeq = e.seq();
            }
            delivered += batch.size();
        });
        constexpr int kThreads = 4;
        constexpr int kEach = 5000;
        std::vector<std::thread> producers;
        for (int t = 0; t < kThreads; ++t)
            producers.emplace_back([&stream, t] {
                for (int i = 0; i < kEach; ++i)
                    stream.post(bridgeEnvelope(std::uint32_t(t * kEach + i)));
            });
        for (auto &p : producers)
            p.join();
        QTRY_COMPARE_WITH_TIMEOUT(delivered, std::size_t(kThreads * kEach), 10000);
        QVERIFY(ordered);
        QCOMPARE(stream.dropped(), 0u);
    }
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
