#include "model/eventstream.h"
#include "model/player.h"
#include "model/recorder.h"
#include "model/recordingreader.h"
#include "nodestatemodel.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace opsdeck::model;
using opsdeck::v1::Envelope;

namespace {
constexpr std::int64_t kT0 = 1'800'000'000'000'000'000; // a fixed wall-clock origin
constexpr std::int64_t kMs = 1'000'000;

// A live console in miniature: stream → model → recorder, as the composition root wires it.
struct LiveConsole
{
    EventStream stream;
    NodeStateModel model;
    Recorder recorder;
    explicit LiveConsole(RecorderOptions options)
        : recorder(std::move(options), [this](opsdeck::v1::Keyframe &k) { model.save(k); })
    {
        stream.addSink([this](std::span<const Envelope> b) { model.apply(b); });
        stream.addSink([this](std::span<const Envelope> b) { recorder.record(b); });
    }
};

Envelope controlEnvelope(opsdeck::v1::ControlKind kind, std::uint64_t seq, std::int64_t t)
{
    Envelope e;
    e.set_channel(opsdeck::v1::CHANNEL_CONTROL);
    e.set_recv_time_unix_ns(t);
    e.mutable_control_command()->set_kind(kind);
    e.mutable_control_command()->set_sequence(seq);
    return e;
}
} // namespace

class TestRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replayMatchesLiveStateAndSeekIsDeterministic()
    {
        QTemporaryDir dir;
        RecorderOptions options;
        options.path = dir.filePath("run.opsrec");
        options.keyframeIntervalNs = 400 * kMs; // many keyframes in a 6 s run
        options.metadata.set_scenario("test-scenario");
        options.metadata.add_backends("bridge=127.0.0.1:1");
        LiveConsole live(options);
        QString error;
        QVERIFY2(live.recorder.start(&error), qPrintable(error));

        // 6,000 envelopes over 6 s of stream time, in batches like a live feed.
        std::map<std::int64_t, QByteArray> liveStates; // t -> state after applying up to t
        for (int i = 0; i < 6000; ++i) {
            const std::int64_t t = kT0 + i * kMs;
            live.stream.post(nodeEnvelope(std::uint32_t(i % 37), std::uint64_t(i), t));
            if (i == 2500)
                live.stream.post(controlEnvelope(opsdeck::v1::CONTROL_KIND_FREEZE, 7, t));
            if (i % 50 == 49) {
                live.stream.flush();
                liveStates[t] = live.model.digest();
            }
        }
        live.stream.flush();
        live.recorder.stop();
        QCOMPARE(live.recorder.stats().envelopes, 6001u);
        QCOMPARE(live.recorder.stats().dropped, 0u);

        RecordingReader reader;
        QVERIFY2(reader.open(options.path, &error), qPrintable(error));
        QVERIFY(reader.problems().empty());
        QCOMPARE(reader.metadata().scenario(), std::string("test-scenario"));
        QCOMPARE(reader.metadata().envelopes(), 6001u);
        QCOMPARE(reader.endNs(), kT0 + 5999 * kMs);
        QCOMPARE(reader.lastSeq(), 6001u);
        QCOMPARE(reader.marks().size(), 1u);
        QVERIFY(reader.marks().front().label.contains("FREEZE"));

        // Replay: the state at each position equals what the live console had.
        EventStream replayStream;
        NodeStateModel replayed;
        replayStream.addSink([&](std::span<const Envelope> b) { replayed.apply(b); });
        Player player(replayStream, [&](const opsdeck::v1::Keyframe &k) { replayed.restore(k); });
        QVERIFY2(player.open(options.path, &error), qPrintable(error));
        for (const auto &[t, digest] : liveStates) {
            player.seek(t);
            QCOMPARE(replayed.digest(), digest);
        }

        // 100 random positions: seek == play from the start up to the same position.
        auto *rng = QRandomGenerator::global();
        for (int i = 0; i < 100; ++i) {
            const std::int64_t position = kT0 + std::int64_t(rng->bounded(6000.0) * double(kMs));
            player.seek(position);
            const QByteArray seeked = replayed.digest();

            NodeStateModel fromStart;
            RecordingReader plain;
            QVERIFY(plain.open(options.path, &error));
            std::vector<Envelope> all;
            plain.read(0, position, SIZE_MAX,
                [&](const Envelope &e, std::uint64_t, std::int64_t) { all.push_back(e); });
            fromStart.apply(all);
            QCOMPARE(seeked, fromStart.digest());
        }
    }

    void playAdvancesInTimeAndJumpsBetweenMarks()
    {
        QTemporaryDir dir;
        RecorderOptions options;
        options.path = dir.filePath("marks.opsrec");
        LiveConsole live(options);
        QString error;
        QVERIFY(live.recorder.start(&error));
        for (int i = 0; i < 300; ++i) {
            const std::int64_t t = kT0 + i * 10 * kMs; // 3 s
            live.stream.post(nodeEnvelope(1, std::uint64_t(i), t));
            if (i == 100)
                live.stream.post(controlEnvelope(opsdeck::v1::CONTROL_KIND_START, 1, t));
            if (i == 200) {
                Envelope mark;
                mark.set_channel(opsdeck::v1::CHANNEL_OPERATOR);
                mark.set_recv_time_unix_ns(t);
                mark.mutable_mark()->set_kind(opsdeck::v1::MARK_KIND_BOOKMARK);
                mark.mutable_mark()->set_title("routes re-converge");
                live.stream.post(mark);
            }
        }
        live.stream.flush();
        live.recorder.stop();

        EventStream stream;
        NodeStateModel model;
        stream.addSink([&](std::span<const Envelope> b) { model.apply(b); });
        Player player(stream, [&](const opsdeck::v1::Keyframe &k) { model.restore(k); });
        QVERIFY(player.open(options.path, &error));
        QCOMPARE(player.position(), player.startNs());

        std::int64_t t = 0;
        QVERIFY(player.nextMark({}, &t));
        QCOMPARE(t, kT0 + 100 * 10 * kMs);
        player.seek(t);
        QVERIFY(player.nextMark({ recording::MarkKind::Bookmark }, &t));
        QCOMPARE(t, kT0 + 200 * 10 * kMs);
        player.seek(t);
        QVERIFY(!player.nextMark({}, &t));
        QVERIFY(player.previousMark({ recording::MarkKind::Control }, &t));
        QCOMPARE(t, kT0 + 100 * 10 * kMs);

        // Play at 8x: the whole 3 s recording plays in well under a second.
        player.seek(player.startNs());
        player.setSpeed(8);
        QSignalSpy finished(&player, &Player::finished);
        player.play();
        QVERIFY(player.isPlaying());
        QVERIFY(finished.wait(10000));
        QCOMPARE(player.position(), player.endNs());
        QCOMPARE(model.nodes.at(1).step(), 299u);

        // Speed is clamped to the documented range.
        player.setSpeed(1000);
        QCOMPARE(player.speed(), 32.0);
        player.setSpeed(0.001);
        QCOMPARE(player.speed(), 0.1);

        // Stepping back re-seeks; stepping forward applies only what is new.
        player.seek(kT0 + 150 * 10 * kMs);
        const auto applied = model.applied;
        player.step(10 * kMs);
        QCOMPARE(model.applied, applied + 1);
        player.step(-20 * kMs);
        QCOMPARE(model.nodes.at(1).step(), 149u);
    }

    void splitsBySizeAndEachFileStartsFromFullState()
    {
        QTemporaryDir dir;
        RecorderOptions options;
        options.path = dir.filePath("long.opsrec");
        options.splitBytes = 64 * 1024;
        LiveConsole live(options);
        QString error;
        QVERIFY(live.recorder.start(&error));
        for (int i = 0; i < 4000; ++i) {
            live.stream.post(nodeEnvelope(std::uint32_t(i % 11), std::uint64_t(i), kT0 + i * kMs));
            if (i % 100 == 99)
                live.stream.flush();
        }
        live.stream.flush();
        const QByteArray finalState = live.model.digest();
        live.recorder.stop();
        const auto stats = live.recorder.stats();
        QVERIFY2(stats.files >= 3, qPrintable(QString::number(stats.files)));
        QCOMPARE(stats.envelopes, 4000u);

        // The last file alone reproduces the final state (its first keyframe is the full state).
        const QString last = Recorder::splitPath(options.path, int(stats.files));
        QCOMPARE(stats.currentFile, last);
        EventStream stream;
        NodeStateModel model;
        stream.addSink([&](std::span<const Envelope> b) { model.apply(b); });
        Player player(stream, [&](const opsdeck::v1::Keyframe &k) { model.restore(k); });
        QVERIFY2(player.open(last, &error), qPrintable(error));
        player.seek(player.endNs());
        QCOMPARE(model.digest(), finalState);
        // Every split file opens on its own.
        std::uint64_t total = 0;
        for (int i = 1; i <= int(stats.files); ++i) {
            RecordingReader reader;
            QVERIFY2(reader.open(Recorder::splitPath(options.path, i), &error), qPrintable(error));
            total += reader.lastSeq();
        }
        QCOMPARE(total, 4000u);
    }

    void exportedRangeReproducesTheStateAtItsEnd()
    {
        QTemporaryDir dir;
        RecorderOptions options;
        options.path = dir.filePath("full.opsrec");
        options.keyframeIntervalNs = 200 * kMs;
        LiveConsole live(options);
        QString error;
        QVERIFY(live.recorder.start(&error));
        for (int i = 0; i < 2000; ++i)
            live.stream.post(nodeEnvelope(std::uint32_t(i % 13), std::uint64_t(i), kT0 + i * kMs));
        live.stream.flush();
        live.recorder.stop();

        RecordingReader reader;
        QVERIFY(reader.open(options.path, &error));
        const QString cut = dir.filePath("cut.opsrec");
        QVERIFY2(reader.exportRange(kT0 + 700 * kMs, kT0 + 1300 * kMs, cut, &error), qPrintable(error));
        QVERIFY(!reader.exportRange(kT0, kT0 + kMs, cut, &error)); // never overwrites
        QVERIFY(error.contains("exists"));

        auto stateAt = [&](const QString &file, std::int64_t t) {
            EventStream stream;
            NodeStateModel model;
            stream.addSink([&](std::span<const Envelope> b) { model.apply(b); });
            Player player(stream, [&](const opsdeck::v1::Keyframe &k) { model.restore(k); });
            QString why;
            if (!player.open(file, &why))
                return QByteArray();
            player.seek(t);
            return model.digest();
        };
        const QByteArray original = stateAt(options.path, kT0 + 1300 * kMs);
        QVERIFY(!original.isEmpty());
        QCOMPARE(stateAt(cut, kT0 + 1300 * kMs), original);
        RecordingReader exported;
        QVERIFY(exported.open(cut, &error));
        QVERIFY(exported.startNs() <= kT0 + 700 * kMs);
        QCOMPARE(exported.endNs(), kT0 + 1300 * kMs);
    }

    void fullQueueDropsAreCountedNotHidden()
    {
        QTemporaryDir dir;
        RecorderOptions options;
        options.path = dir.filePath("drops.opsrec");
        options.queueCapacity = 100;
        options.commitIntervalMs = 60'000; // the writer waits: the queue must overflow
        LiveConsole live(options);
        QString error;
        QVERIFY(live.recorder.start(&error));
        for (int i = 0; i < 1000; ++i)
            live.stream.post(nodeEnvelope(1, std::uint64_t(i), kT0 + i * kMs));
        live.stream.flush();
        // The queue holds 100 rows, one of them the initial keyframe.
        QCOMPARE(live.recorder.stats().dropped, 901u);
        live.recorder.stop();
        QCOMPARE(live.recorder.stats().envelopes, 99u);
        RecordingReader reader;
        QVERIFY(reader.open(options.path, &error));
        QCOMPARE(reader.metadata().dropped(), 901u);
        QCOMPARE(reader.lastSeq(), 99u);
    }

    void refusesToOverwriteAndReportsMissingFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("exists.opsrec");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a recording");
        f.close();
        RecorderOptions options;
        options.path = path;
        Recorder recorder(options, {});
        QString error;
        QVERIFY(!recorder.start(&error));
        QVERIFY2(error.contains("already exists"), qPrintable(error));

        RecordingReader reader;
        QVERIFY(!reader.open(path, &error));
        QVERIFY2(error.contains(path) && error.contains("not an OpsDeck recording"), qPrintable(error));
        QVERIFY(!reader.open(dir.filePath("missing.opsrec"), &error));
        QVERIFY2(error.contains("no such file"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
