// `opsdeck --record FILE --bridge URL --split-size 1` records a live sim +
// bridge without a window; SIGTERM stops it cleanly (exit 0, the file closed
// with its end time) and every file it wrote opens with the reader.
#include "backends/bridge/bridgeserver.h"
#include "backends/sim/simmember.h"
#include "model/recorder.h"
#include "model/recordingreader.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace opsdeck;

namespace {

constexpr std::uint32_t kDomain = 88;

int timeoutMs(int ms)
{
    bool ok = false;
    const double scale = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble(&ok);
    return ok && scale > 0 ? int(ms * scale) : ms;
}

} // namespace

class TestHeadlessRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsUntilSigtermAndTheFileOpens()
    {
        QTemporaryDir dir;
        bridge::BridgeConfig config;
        config.domain = kDomain;
        bridge::BridgeServer bridge(config);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());
        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-headless";
        sim::SimMember sim(simConfig);
        QVERIFY2(sim.start(&error), error.c_str());

        const QString path = dir.filePath(QStringLiteral("run.opsrec"));
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY")); // no window, no display needed
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("minimal-does-not-exist"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(OPSDECK_BINARY),
            { QStringLiteral("--record"), path, QStringLiteral("--bridge"),
                QString::fromStdString("grpc://" + bridge.address()), QStringLiteral("--split-size"),
                QStringLiteral("1") });
        QVERIFY(process.waitForStarted(timeoutMs(5000)));
        // The initial state of 60 aircraft arrives: read the file while it is
        // being written (WAL allows a reader beside the writer). Its size is no
        // measure: SQLite grows the WAL before any envelope is committed.
        auto committed = [&path] {
            model::RecordingReader peek;
            QString ignored;
            return peek.open(path, &ignored) ? peek.lastSeq() : std::uint64_t(0);
        };
        QTRY_VERIFY_WITH_TIMEOUT(committed() > 100, timeoutMs(20000));
        QCOMPARE(process.state(), QProcess::Running);

        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(timeoutMs(15000)));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);

        model::RecordingReader reader;
        QString why;
        QVERIFY2(reader.open(path, &why), qPrintable(why));
        QVERIFY(reader.problems().empty());
        QVERIFY(reader.lastSeq() > 0);
        QVERIFY(reader.metadata().end_unix_ns() > 0); // closed cleanly, not cut off
        QCOMPARE(reader.metadata().backends_size(), 1);
        std::size_t bridgeSamples = 0;
        reader.read(0, INT64_MAX, 100000, [&](const v1::Envelope &e, std::uint64_t, std::int64_t) {
            bridgeSamples += e.has_bridge_sample() ? 1 : 0;
        });
        QVERIFY(bridgeSamples > 60);
        // Any split file opens on its own too.
        const QString second = model::Recorder::splitPath(path, 2);
        if (QFileInfo::exists(second)) {
            model::RecordingReader next;
            QVERIFY2(next.open(second, &why), qPrintable(why));
        }
    }
};

QTEST_GUILESS_MAIN(TestHeadlessRecord)
#include "tst_headlessrecord.moc"
