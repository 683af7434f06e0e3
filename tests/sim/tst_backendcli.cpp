// opsdeck-sim and opsdeck-bridge as processes: --help, scenario checks with
// line-numbered errors, config-file errors, and a clean exit on SIGTERM/SIGINT.
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

int timeoutMs(int ms)
{
    const double scale = qEnvironmentVariableIsSet("OPSDECK_TIMEOUT_SCALE")
        ? qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble()
        : 1.0;
    return int(ms * (scale > 0 ? scale : 1.0));
}

} // namespace

class TestBackendCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const char *name, const QByteArray &text)
    {
        QFile f(m_dir.filePath(QString::fromLatin1(name)));
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return f.fileName();
    }

private Q_SLOTS:
    void helpDescribesBoth()
    {
        for (const char *exe : { OPSDECK_SIM_EXE, OPSDECK_BRIDGE_EXE }) {
            QProcess p;
            p.start(QString::fromLatin1(exe), { QStringLiteral("--help") });
            QVERIFY(p.waitForFinished(timeoutMs(10000)));
            QCOMPARE(p.exitCode(), 0);
            const QString out = QString::fromLocal8Bit(p.readAllStandardOutput());
            QVERIFY(out.contains(QStringLiteral("--config")));
            QVERIFY(out.contains(QStringLiteral("CYCLONEDDS_URI")));
        }
    }

    void simChecksScenarioFiles()
    {
        QProcess p;
        p.start(QString::fromLatin1(OPSDECK_SIM_EXE),
            { QStringLiteral("--check"), QStringLiteral("--scenario"),
                write("bad.scenario", "name x\naircraft 12\nspeed fast 200\n") });
        QVERIFY(p.waitForFinished(timeoutMs(10000)));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromLocal8Bit(p.readAllStandardError());
        QVERIFY2(
            err.contains(QStringLiteral("bad.scenario:3: minimum speed (m/s) must be a number, got 'fast'")),
            qPrintable(err));

        p.start(QString::fromLatin1(OPSDECK_SIM_EXE),
            { QStringLiteral("--check"), QStringLiteral("--scenario"),
                qEnvironmentVariable("OPSDECK_SOURCE_DIR")
                    + QStringLiteral("/resources/scenarios/alps-60.scenario") });
        QVERIFY(p.waitForFinished(timeoutMs(10000)));
        QCOMPARE(p.exitCode(), 0);
    }

    void bridgeRejectsBadConfig()
    {
        QProcess p;
        p.start(QString::fromLatin1(OPSDECK_BRIDGE_EXE),
            { QStringLiteral("--config"), write("bridge.conf", "listen = 127.0.0.1:0\ncolour = blue\n") });
        QVERIFY(p.waitForFinished(timeoutMs(10000)));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("unknown config key 'colour'"));

        p.start(QString::fromLatin1(OPSDECK_BRIDGE_EXE),
            { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tokens"),
                write("tokens", "operator alice short\n") });
        QVERIFY(p.waitForFinished(timeoutMs(10000)));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("tokens:1:"));
    }

    void bothStopCleanlyOnSignals()
    {
        const QString audit = m_dir.filePath(QStringLiteral("audit.log"));
        QProcess bridge;
        bridge.start(QString::fromLatin1(OPSDECK_BRIDGE_EXE),
            { QStringLiteral("--config"),
                write("ok.conf",
                    "listen = 127.0.0.1:0\ndomain = 46\nstats-ms = 100\naudit-log = " + audit.toUtf8()
                        + "\n") });
        QVERIFY(bridge.waitForStarted(timeoutMs(10000)));
        QProcess sim;
        sim.start(QString::fromLatin1(OPSDECK_SIM_EXE),
            { QStringLiteral("--domain"), QStringLiteral("46"), QStringLiteral("--aircraft"),
                QStringLiteral("20") });
        QVERIFY(sim.waitForStarted(timeoutMs(10000)));
        // Both report that they are up on stdout / stderr.
        QByteArray bridgeOut;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (bridgeOut += bridge.readAllStandardOutput()).contains("listening on 127.0.0.1:"),
            bridge.readAllStandardError().constData(), timeoutMs(10000));
        QByteArray simLog;
        QTRY_VERIFY_WITH_TIMEOUT(
            (simLog += sim.readAllStandardError()).contains("joined DDS domain 46"), timeoutMs(10000));

        ::kill(pid_t(sim.processId()), SIGTERM);
        ::kill(pid_t(bridge.processId()), SIGINT);
        QVERIFY(sim.waitForFinished(timeoutMs(10000)));
        QVERIFY(bridge.waitForFinished(timeoutMs(10000)));
        QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sim.exitCode(), 0);
        QCOMPARE(bridge.exitStatus(), QProcess::NormalExit);
        QCOMPARE(bridge.exitCode(), 0);
        QVERIFY(bridge.readAllStandardError().contains("stopped"));
        QVERIFY(QFile::exists(audit));
    }
};

QTEST_GUILESS_MAIN(TestBackendCli)
#include "tst_backendcli.moc"
