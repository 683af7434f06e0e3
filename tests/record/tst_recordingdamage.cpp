#include "model/eventstream.h"
#include "model/recorder.h"
#include "model/recordingreader.h"
#include "nodestatemodel.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace opsdeck::model;
using opsdeck::v1::Envelope;

namespace {
constexpr std::int64_t kMs = 1'000'000;

int timeoutMs(int ms)
{
    const int scale = qEnvironmentVariableIntValue("OPSDECK_TIMEOUT_SCALE");
    return ms * (scale > 0 ? scale : 1);
}

// Records a clean file of `count` envelopes and returns its path.
QString recordClean(const QTemporaryDir &dir, const QString &name, int count)
{
    EventStream stream;
    NodeStateModel model;
    RecorderOptions options;
    options.path = dir.filePath(name);
    options.keyframeEveryEnvelopes = 2000;
    Recorder recorder(options, [&](opsdeck::v1::Keyframe &k) { model.save(k); });
    stream.addSink([&](std::span<const Envelope> b) { model.apply(b); });
    stream.addSink([&](std::span<const Envelope> b) { recorder.record(b); });
    QString error;
    if (!recorder.start(&error))
        qFatal("cannot record: %s", qPrintable(error));
    const std::int64_t t0 = unixNowNs();
    for (int i = 0; i < count; ++i) {
        stream.post(nodeEnvelope(std::uint32_t(i % 37), std::uint64_t(i), t0 + i * kMs));
        if (i % 500 == 499)
            stream.flush();
    }
    stream.flush();
    recorder.stop();
    return options.path;
}

// Opens and reads everything a damaged file still has; never crashes.
struct Salvage
{
    bool opened = false;
    QString error;
    std::size_t read = 0;
    std::size_t problems = 0;
    bool sane = true;
};

Salvage salvage(const QString &path)
{
    Salvage result;
    RecordingReader reader;
    result.opened = reader.open(path, &result.error);
    if (!result.opened)
        return result;
    opsdeck::v1::Keyframe keyframe;
    reader.keyframeAt(reader.endNs(), &keyframe);
    result.read = reader.read(0, INT64_MAX, SIZE_MAX, [&](const Envelope &e, std::uint64_t, std::int64_t) {
        // Flipped bytes inside a payload can still parse; they must never crash us.
        result.sane = result.sane && e.ByteSizeLong() < (1u << 20);
    });
    result.problems = reader.problems().size();
    return result;
}

// Child mode: record forever (bounded to 60 s) and print each durable seq.
int runChild(const QString &path)
{
    int argc = 1;
    char name[] = "child";
    char *argv[] = { name, nullptr };
    QCoreApplication app(argc, argv);
    EventStream stream;
    NodeStateModel model;
    RecorderOptions options;
    options.path = path;
    options.commitIntervalMs = 50;
    Recorder recorder(options, [&](opsdeck::v1::Keyframe &k) { model.save(k); });
    stream.addSink([&](std::span<const Envelope> b) { model.apply(b); });
    stream.addSink([&](std::span<const Envelope> b) { recorder.record(b); });
    recorder.setCommitObserver([](const QString &, std::uint64_t seq) {
        std::printf("COMMITTED %llu\n", static_cast<unsigned long long>(seq));
        std::fflush(stdout);
    });
    QString error;
    if (!recorder.start(&error))
        return 2;
    std::uint64_t step = 0;
    QTimer feed;
    QObject::connect(&feed, &QTimer::timeout, &app, [&] {
        for (int i = 0; i < 200; ++i, ++step)
            stream.post(nodeEnvelope(std::uint32_t(step % 37), step, 0));
    });
    feed.start(10);
    QTimer::singleShot(60000, &app, &QCoreApplication::quit);
    return app.exec();
}
} // namespace

class TestRecordingDamage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedRecorderLosesAtMostTheUncommittedTail()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("killed.opsrec");
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), { "--child", path });
        QVERIFY(child.waitForStarted(timeoutMs(5000)));
        std::uint64_t lastCommitted = 0;
        int commits = 0;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("COMMITTED ")) {
                    lastCommitted = line.mid(10).toULongLong();
                    ++commits;
                }
            }
            return commits >= 8;
        }()),
            timeoutMs(20000));
        child.kill(); // SIGKILL: no destructor, no checkpoint, mid-write
        QVERIFY(child.waitForFinished(timeoutMs(5000)));
        while (child.canReadLine()) {
            const QByteArray line = child.readLine().trimmed();
            if (line.startsWith("COMMITTED "))
                lastCommitted = line.mid(10).toULongLong();
        }

        RecordingReader reader;
        QString error;
        QVERIFY2(reader.open(path, &error), qPrintable(error));
        QVERIFY2(reader.lastSeq() >= lastCommitted,
            qPrintable(
                QString("file has %1, child had committed %2").arg(reader.lastSeq()).arg(lastCommitted)));
        std::size_t read
            = reader.read(0, INT64_MAX, SIZE_MAX, [](const Envelope &, std::uint64_t, std::int64_t) {});
        QCOMPARE(read, std::size_t(reader.lastSeq()));
        QVERIFY(reader.problems().empty());
    }

    void truncatedFileLoadsItsReadablePrefix()
    {
        QTemporaryDir dir;
        const QString clean = recordClean(dir, "clean.opsrec", 20000);
        const qint64 size = QFileInfo(clean).size();
        for (const double keep : { 0.9, 0.6, 0.3 }) {
            const QString cut = dir.filePath(QString("cut-%1.opsrec").arg(keep));
            QVERIFY(QFile::copy(clean, cut));
            QFile file(cut);
            QVERIFY(file.resize(qint64(double(size) * keep)));
            const Salvage s = salvage(cut);
            QVERIFY2(s.opened, qPrintable(s.error));
            // Leaf pages are written in seq order, so roughly the kept share of the
            // envelopes must come back (minus index and keyframe pages).
            QVERIFY2(double(s.read) >= 0.4 * keep * 20000,
                qPrintable(
                    QString("kept %1 of the file, recovered only %2 envelopes").arg(keep).arg(s.read)));
            QVERIFY(s.sane);
            if (s.read < 20000)
                QVERIFY2(s.problems > 0, "lost envelopes must be reported");
        }
    }

    void randomByteFlipsNeverCrash()
    {
        QTemporaryDir dir;
        const QString clean = recordClean(dir, "clean.opsrec", 8000);
        QFile source(clean);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray original = source.readAll();
        QRandomGenerator rng(20261121);
        int opened = 0;
        int refused = 0;
        for (int trial = 0; trial < 40; ++trial) {
            QByteArray damaged = original;
            const int flips = 1 + int(rng.bounded(40));
            for (int i = 0; i < flips; ++i) {
                // Mostly in the body; every fourth trial may hit the header too.
                const qsizetype from = trial % 4 == 0 ? 0 : 100;
                const qsizetype at = from + qsizetype(rng.bounded(quint64(damaged.size() - from)));
                damaged[at] = char(damaged[at] ^ char(1 + rng.bounded(255)));
            }
            const QString path = dir.filePath(QString("flip-%1.opsrec").arg(trial));
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(damaged);
            out.close();
            const Salvage s = salvage(path);
            if (s.opened) {
                ++opened;
                QVERIFY(s.sane);
            } else {
                ++refused;
                QVERIFY2(s.error.contains(path), qPrintable(s.error)); // says which file and why
            }
        }
        QVERIFY(opened > 0);
        qInfo(
            "byte flips: %d files opened (readable parts loaded), %d refused with a reason", opened, refused);
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]));
    QCoreApplication app(argc, argv);
    TestRecordingDamage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recordingdamage.moc"
