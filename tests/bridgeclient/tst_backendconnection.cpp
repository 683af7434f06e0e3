#include "clients/backendconnection.h"
#include "model/eventstream.h"
#include "opsdeck/v1/bridge.grpc.pb.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

using namespace opsdeck;
using clients::BackendConnection;
using namespace std::chrono_literals;

namespace {

int timeoutMs(int ms)
{
    bool ok = false;
    const double scale = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble(&ok);
    return ok && scale > 0 ? int(ms * scale) : ms;
}

// A real gRPC server whose Bridge methods are all UNIMPLEMENTED: enough for a
// channel to become READY, which is all a connection watches.
std::unique_ptr<grpc::Server> startServer(int *port)
{
    static opsdeck::v1::Bridge::Service service;
    grpc::ServerBuilder builder;
    builder.RegisterService(&service);
    builder.AddListeningPort(
        QStringLiteral("127.0.0.1:%1").arg(*port).toStdString(), grpc::InsecureServerCredentials(), port);
    return builder.BuildAndStart();
}

clients::Endpoint endpointFor(int port)
{
    clients::Endpoint endpoint;
    endpoint.target = QStringLiteral("127.0.0.1:%1").arg(port);
    endpoint.initialBackoff = 100ms;
    endpoint.maxBackoff = 800ms;
    return endpoint;
}

} // namespace

class TestBackendConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffGrowsAndIsCapped()
    {
        BackendConnection::Backoff b;
        b.initial = 250ms;
        b.max = 4000ms;
        b.multiplier = 2.0;
        b.jitter = 0.2;
        QCOMPARE(BackendConnection::backoffDelay(b, 1, 0.5), 250ms);
        QCOMPARE(BackendConnection::backoffDelay(b, 2, 0.5), 500ms);
        QCOMPARE(BackendConnection::backoffDelay(b, 3, 0.5), 1000ms);
        QCOMPARE(BackendConnection::backoffDelay(b, 10, 0.5), 4000ms);
        QCOMPARE(BackendConnection::backoffDelay(b, 100, 0.99), 4000ms); // never above the cap
        QCOMPARE(BackendConnection::backoffDelay(b, 1, 0.0), 200ms); // -20 %
        QVERIFY(BackendConnection::backoffDelay(b, 2, 0.999) >= 599ms); // +20 %
    }

    void connectsToARealServer()
    {
        int port = 0;
        auto server = startServer(&port);
        QVERIFY(server);
        model::EventStream events;
        std::vector<v1::ConnectionEvent> seen;
        events.addSink([&](std::span<const v1::Envelope> batch) {
            for (const auto &e : batch)
                if (e.has_connection())
                    seen.push_back(e.connection());
        });
        BackendConnection connection(QStringLiteral("test"), endpointFor(port), &events);
        QSignalSpy attempts(&connection, &BackendConnection::attemptStarted);
        connection.start();
        QCOMPARE(attempts.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), v1::CONNECTION_STATE_READY, timeoutMs(5000));
        QTRY_VERIFY_WITH_TIMEOUT(
            !seen.empty() && seen.back().state() == v1::CONNECTION_STATE_READY, timeoutMs(2000));
        QCOMPARE(seen.back().backend(), std::string("test"));
        server->Shutdown(std::chrono::system_clock::now());
    }

    void retriesWithBackoffUntilTheServerComes()
    {
        int port = 0;
        {
            auto probe = startServer(&port); // a free port, then nobody listening on it
            QVERIFY(probe);
            probe->Shutdown(std::chrono::system_clock::now());
        }
        BackendConnection connection(QStringLiteral("test"), endpointFor(port));
        QSignalSpy attempts(&connection, &BackendConnection::attemptStarted);
        QSignalSpy states(&connection, &BackendConnection::stateChanged);
        connection.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            connection.state(), v1::CONNECTION_STATE_TRANSIENT_FAILURE, timeoutMs(5000));
        QVERIFY(!connection.lastError().isEmpty());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(connection.nextRetryUnixMs() > now - 50);
        QVERIFY(connection.nextRetryUnixMs() <= now + 800);
        const model::BackendStatus shown = connection.status();
        QCOMPARE(shown.state, model::LinkState::Failed);
        QVERIFY2(shown.detail.contains(QStringLiteral("retrying in")), qPrintable(shown.detail));
        QCOMPARE(shown.address, QStringLiteral("grpc://127.0.0.1:%1").arg(port));
        // It keeps trying on its own.
        QTRY_VERIFY_WITH_TIMEOUT(attempts.count() >= 3, timeoutMs(8000));

        auto server = startServer(&port);
        QVERIFY(server);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), v1::CONNECTION_STATE_READY, timeoutMs(5000));
        QVERIFY(connection.lastError().isEmpty());
        QCOMPARE(connection.nextRetryUnixMs(), 0);
        QCOMPARE(connection.status().state, model::LinkState::Connected);

        // The server goes away: the loss is visible with a retry time.
        server->Shutdown(std::chrono::system_clock::now());
        server.reset();
        QTRY_COMPARE_WITH_TIMEOUT(
            connection.state(), v1::CONNECTION_STATE_TRANSIENT_FAILURE, timeoutMs(10000));
        QVERIFY(connection.nextRetryUnixMs() > 0);
    }

    void callFailureSchedulesAndReconnectNowSkipsTheWait()
    {
        int port = 0;
        auto server = startServer(&port);
        auto endpoint = endpointFor(port);
        BackendConnection connection(QStringLiteral("test"), endpoint);
        BackendConnection::Backoff slow;
        slow.initial = 3000ms;
        slow.max = 3000ms;
        connection.setBackoff(slow);
        QSignalSpy attempts(&connection, &BackendConnection::attemptStarted);
        connection.start();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), v1::CONNECTION_STATE_READY, timeoutMs(5000));
        connection.callFailed(grpc::Status(grpc::UNAVAILABLE, "stream reset"));
        QCOMPARE(connection.state(), v1::CONNECTION_STATE_TRANSIENT_FAILURE);
        QCOMPARE(connection.lastError(), QStringLiteral("UNAVAILABLE: stream reset"));
        QCOMPARE(attempts.count(), 1);
        connection.reconnectNow();
        QCOMPARE(attempts.count(), 2); // at once, not after 3 s
        QCOMPARE(connection.nextRetryUnixMs(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), v1::CONNECTION_STATE_READY, timeoutMs(5000));
        server->Shutdown(std::chrono::system_clock::now());
    }

    void refusedEndpointShutsDownWithReason()
    {
        clients::Endpoint endpoint;
        endpoint.target = QStringLiteral("192.0.2.1:50051"); // remote plaintext, no opt-in
        BackendConnection connection(QStringLiteral("test"), endpoint);
        QSignalSpy attempts(&connection, &BackendConnection::attemptStarted);
        connection.start();
        QCOMPARE(connection.state(), v1::CONNECTION_STATE_SHUTDOWN);
        QVERIFY(connection.lastError().contains(QStringLiteral("plaintext")));
        QCOMPARE(attempts.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackendConnection)
#include "tst_backendconnection.moc"
