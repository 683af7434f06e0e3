// Dead peer: opsdeck-bridge runs as a child process, the console's
// BridgeClient subscribes to it; the bridge is then frozen with SIGSTOP (its
// socket stays open, nothing answers). The client's keepalive must flag the
// connection dead within interval + timeout + slack, and after SIGCONT the
// client must reconnect and resubscribe on its own.
//
// Quick (CI): keepalive 2 s / 1 s, bound 5 s. The long run sets
// OPSDECK_RELIA_KEEPALIVE_MS=10000 / OPSDECK_RELIA_KEEPALIVE_TIMEOUT_MS=5000
// (the console's defaults), bound 20 s, and OPSDECK_RELIA_IDLE_S=600: before
// the freeze an idle stream (no data for 10 min) must never be dropped for
// "too many pings".
#include "clients/bridgeclient.h"
#include "model/eventstream.h"
#include "testscale.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace opsdeck;
using namespace std::chrono_literals;

namespace {
int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}
} // namespace

class TestReliaDeadPeer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_bridge;
    QString m_address;

private Q_SLOTS:
    void initTestCase()
    {
        m_bridge.setWorkingDirectory(m_dir.path());
        m_bridge.start(QString::fromLatin1(OPSDECK_BRIDGE_EXE),
            { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--domain"),
                QStringLiteral("63"), QStringLiteral("--audit-log"),
                m_dir.filePath(QStringLiteral("audit.log")) });
        QVERIFY(m_bridge.waitForStarted(scaledTimeout(10000)));
        QByteArray out;
        const QRegularExpression listening(QStringLiteral("listening on (127\\.0\\.0\\.1:\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT(
            listening.match(QString::fromLatin1(out += m_bridge.readAllStandardOutput())).hasMatch(),
            scaledTimeout(15000));
        m_address = listening.match(QString::fromLatin1(out)).captured(1);
    }

    void cleanupTestCase()
    {
        if (m_bridge.state() == QProcess::Running) {
            ::kill(pid_t(m_bridge.processId()), SIGCONT);
            ::kill(pid_t(m_bridge.processId()), SIGTERM);
            if (!m_bridge.waitForFinished(scaledTimeout(10000)))
                m_bridge.kill();
        }
    }

    void frozenBridgeFlaggedDead()
    {
        const int intervalMs = envInt("OPSDECK_RELIA_KEEPALIVE_MS", 2000);
        const int timeoutMsValue = envInt("OPSDECK_RELIA_KEEPALIVE_TIMEOUT_MS", 1000);
        const int idleS = envInt("OPSDECK_RELIA_IDLE_S", 0);
        const int boundMs = intervalMs + timeoutMsValue + std::max(2000, intervalMs / 2);

        clients::Endpoint endpoint;
        endpoint.target = m_address;
        endpoint.keepaliveInterval = std::chrono::milliseconds(intervalMs);
        endpoint.keepaliveTimeout = std::chrono::milliseconds(timeoutMsValue);
        endpoint.initialBackoff = 200ms;
        endpoint.maxBackoff = 1000ms;
        clients::BridgeClient::Options options;
        if (idleS > 0) // only the clock: nothing flows while the simulation is not running
            options.subscription.add_topics()->set_topic(v1::TOPIC_SIM_CLOCK);
        model::EventStream events;
        clients::BridgeClient client(endpoint, &events, options);
        QSignalSpy subscribed(&client, &clients::BridgeClient::subscribedChanged);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.isSubscribed(), scaledTimeout(10000));
        QTRY_COMPARE_WITH_TIMEOUT(
            client.connection()->state(), v1::CONNECTION_STATE_READY, scaledTimeout(5000));

        if (idleS > 0) {
            // An idle stream, keepalive pings only: never dropped.
            const quint64 before = client.samplesReceived();
            QElapsedTimer idle;
            idle.start();
            while (idle.elapsed() < qint64(idleS) * 1000) {
                QTest::qWait(1000);
                QVERIFY2(client.isSubscribed(),
                    qPrintable(QStringLiteral("idle stream dropped after %1 s: %2")
                                   .arg(idle.elapsed() / 1000)
                                   .arg(client.connection()->lastError())));
                QCOMPARE(client.connection()->state(), v1::CONNECTION_STATE_READY);
            }
            qInfo().noquote() << QStringLiteral(
                "RELIA idle idle_s=%1 samples_during_idle=%2 still_subscribed=1")
                                     .arg(idleS)
                                     .arg(client.samplesReceived() - before);
        }

        subscribed.clear();
        QElapsedTimer frozen;
        QVERIFY(::kill(pid_t(m_bridge.processId()), SIGSTOP) == 0);
        frozen.start();
        QTRY_VERIFY_WITH_TIMEOUT(!client.isSubscribed(), boundMs + scaledTimeout(5000));
        const qint64 detectedMs = frozen.elapsed();
        QVERIFY2(detectedMs <= boundMs,
            qPrintable(QStringLiteral("frozen bridge flagged after %1 ms, bound %2 ms")
                           .arg(detectedMs)
                           .arg(boundMs)));
        QTRY_COMPARE_WITH_TIMEOUT(
            client.connection()->state(), v1::CONNECTION_STATE_TRANSIENT_FAILURE, scaledTimeout(3000));
        const QString reason = client.connection()->lastError();
        QVERIFY2(!reason.isEmpty(), "no reason shown");

        // Thawed: the client comes back by itself.
        QVERIFY(::kill(pid_t(m_bridge.processId()), SIGCONT) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(client.isSubscribed(), scaledTimeout(15000));
        QCOMPARE(client.connection()->state(), v1::CONNECTION_STATE_READY);
        qInfo().noquote() << QStringLiteral(
            "RELIA deadpeer keepalive_ms=%1 timeout_ms=%2 detected_ms=%3 bound_ms=%4 reason=\"%5\"")
                                 .arg(intervalMs)
                                 .arg(timeoutMsValue)
                                 .arg(detectedMs)
                                 .arg(boundMs)
                                 .arg(reason);
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TestReliaDeadPeer)
#include "tst_reliadeadpeer.moc"
