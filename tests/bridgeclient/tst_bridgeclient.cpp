// The console's bridge client against the real thing, in-process: a Cyclone
// DDS simulation member and the DDS-bridge (gRPC) on loopback. The console
// models (Topology, SimClockModel) are fed exactly as in the application:
// client → EventStream → sinks.
#include "backends/bridge/bridgeserver.h"
#include "backends/sim/simmember.h"
#include "clients/bridgeclient.h"
#include "model/eventstream.h"
#include "model/simclockmodel.h"
#include "model/topology.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace opsdeck;
using clients::BridgeClient;
using clients::ControlResult;

namespace {

constexpr std::uint32_t kDomain = 77; // own DDS domain: never meets other test executables

int timeoutMs(int ms)
{
    bool ok = false;
    const double scale = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble(&ok);
    return ok && scale > 0 ? int(ms * scale) : ms;
}

const char *kScenario = R"(
name console-test
seed 11
origin 46.8 8.2
region 160000 160000
aircraft 16
speed 200 240
altitude 8000 11000
waypoints 4
radio_range 70000
ground 1 GS-A 46.3 7.3 500
ground 2 GS-B 47.3 9.1 500
flow 1 1 2 a-to-b
random_flows 4
)";

// The console side of one connection: stream, models, client.
struct Console
{
    model::EventStream events;
    model::Diagnostics diagnostics;
    model::Topology topology { &diagnostics };
    model::SimClockModel clock { &diagnostics };
    std::unique_ptr<BridgeClient> client;

    Console(const std::string &address, const QString &token)
    {
        events.addSink([this](std::span<const v1::Envelope> batch) {
            topology.apply(batch);
            clock.apply(batch);
        });
        clients::Endpoint endpoint;
        endpoint.target = QString::fromStdString(address);
        endpoint.token = token;
        endpoint.initialBackoff = std::chrono::milliseconds(100);
        endpoint.maxBackoff = std::chrono::milliseconds(1000);
        BridgeClient::Options options;
        options.issuer = QStringLiteral("test-console");
        client = std::make_unique<BridgeClient>(endpoint, &events, options);
    }

    std::shared_ptr<const model::SimClockSnapshot> clockNow()
    {
        clock.publish();
        return clock.snapshot();
    }
    v1::SimState state() { return clockNow()->state; }

    ControlResult control(v1::ControlKind kind)
    {
        QSignalSpy finished(client.get(), &BridgeClient::controlFinished);
        const quint64 seq = client->sendControl(kind);
        if (!finished.wait(timeoutMs(10000)))
            return {};
        const auto result = finished.first().at(0).value<ControlResult>();
        if (result.sequence != seq)
            return {};
        return result;
    }
};

struct Backend
{
    QTemporaryDir dir;
    std::unique_ptr<bridge::BridgeServer> bridge;
    std::unique_ptr<sim::SimMember> sim;
    std::string listen = "127.0.0.1:0";

    bool startBridge(std::string *error)
    {
        QFile tokens(dir.filePath(QStringLiteral("tokens")));
        if (!tokens.exists()) {
            tokens.open(QIODevice::WriteOnly);
            tokens.write("# role identity token\noperator alice operator-token-0123456789\nviewer wallboard "
                         "viewer-token-0123456789\n");
            tokens.close();
        }
        bridge::BridgeConfig config;
        config.listen = listen;
        config.domain = kDomain;
        config.realTimeFactor = 5.0; // 50 steps per second
        config.statsPeriodMs = 200;
        config.tokenFile = tokens.fileName().toStdString();
        bridge = std::make_unique<bridge::BridgeServer>(config);
        if (!bridge->start(error))
            return false;
        listen = bridge->address(); // the same port when it comes back
        return true;
    }

    bool startSim(std::string *error)
    {
        sim::SimConfig config;
        config.domain = kDomain;
        config.memberId = "sim-console";
        config.scenarioText = kScenario;
        sim = std::make_unique<sim::SimMember>(config);
        return sim->start(error);
    }
};

} // namespace

class TestBridgeClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelsReceiveTopologyAndControlWorks()
    {
        Backend backend;
        std::string error;
        QVERIFY2(backend.startBridge(&error), error.c_str());
        QVERIFY2(backend.startSim(&error), error.c_str());
        Console console(backend.bridge->address(), QStringLiteral("operator-token-0123456789"));
        QSignalSpy snapshotDone(console.client.get(), &BridgeClient::snapshotCompleted);
        console.client->start();

        // Nodes, links and routes arrive through client → EventStream → Topology.
        QTRY_VERIFY_WITH_TIMEOUT(console.topology.nodeCount() == 18 && console.topology.linkCount() > 0
                && console.topology.routeCount() > 0,
            timeoutMs(15000));
        QVERIFY(snapshotDone.count() >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(console.client->role(), v1::ROLE_OPERATOR, timeoutMs(5000));
        QVERIFY(console.client->connection()->isReady());
        QTRY_COMPARE_WITH_TIMEOUT(console.state(), v1::SIM_STATE_INIT, timeoutMs(5000));
        QTRY_VERIFY_WITH_TIMEOUT(console.clockNow()->members->size() == 1, timeoutMs(5000));
        QVERIFY(console.clockNow()->connected);
        // The real simulator's data passes the console's validation untouched.
        QCOMPARE(console.diagnostics.total(), 0u);
        console.topology.publish();
        const auto topo = console.topology.snapshot();
        for (const model::TopoRoute &route : *topo->routes)
            for (std::uint32_t hop : route.hops)
                QVERIFY(topo->findNode(hop));

        // start → Running, and time advances.
        ControlResult r = console.control(v1::CONTROL_KIND_START);
        QVERIFY2(r.applied(), qPrintable(r.reason));
        QCOMPARE(r.ack.clock().state(), v1::SIM_STATE_RUNNING);
        // The ack reaches the model with the EventStream's next flush (queued).
        QTRY_COMPARE_WITH_TIMEOUT(console.state(), v1::SIM_STATE_RUNNING, timeoutMs(5000));
        QTRY_VERIFY_WITH_TIMEOUT(console.clockNow()->step >= 5, timeoutMs(10000));

        // freeze → Frozen; the clock holds.
        r = console.control(v1::CONTROL_KIND_FREEZE);
        QVERIFY2(r.applied(), qPrintable(r.reason));
        QTRY_COMPARE_WITH_TIMEOUT(console.state(), v1::SIM_STATE_FROZEN, timeoutMs(5000));
        const std::uint64_t frozenStep = console.clockNow()->step;
        QCOMPARE(frozenStep, r.ack.clock().step());

        // An invalid transition is refused with the bridge's reason; nothing changes.
        r = console.control(v1::CONTROL_KIND_FREEZE);
        QVERIFY(r.refused());
        QCOMPARE(r.grpcCode, int(grpc::FAILED_PRECONDITION));
        QVERIFY2(r.reason.contains(QStringLiteral("FAILED_PRECONDITION")), qPrintable(r.reason));
        QCOMPARE(console.state(), v1::SIM_STATE_FROZEN);

        // resume → Running from the same step.
        r = console.control(v1::CONTROL_KIND_RESUME);
        QVERIFY2(r.applied(), qPrintable(r.reason));
        QTRY_COMPARE_WITH_TIMEOUT(console.state(), v1::SIM_STATE_RUNNING, timeoutMs(5000));
        QTRY_VERIFY_WITH_TIMEOUT(console.clockNow()->step > frozenStep, timeoutMs(10000));

        // The log holds every command with its answer (and no duplicate from the echo).
        QTRY_VERIFY_WITH_TIMEOUT(console.clockNow()->log->size() == 8, timeoutMs(5000));
        const auto log = console.clockNow()->log;
        using Outcome = model::ControlLogEntry::Outcome;
        const std::vector<Outcome> expected { Outcome::Sent, Outcome::Applied, Outcome::Sent,
            Outcome::Applied, Outcome::Sent, Outcome::Refused, Outcome::Sent, Outcome::Applied };
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(log->at(i).outcome, expected[i]);
        QVERIFY(!log->at(5).reason.isEmpty());
        console.client->stop();
    }

    void viewerTokenIsRefused()
    {
        Backend backend;
        std::string error;
        QVERIFY2(backend.startBridge(&error), error.c_str());
        Console console(backend.bridge->address(), QStringLiteral("viewer-token-0123456789"));
        console.client->start();
        QTRY_COMPARE_WITH_TIMEOUT(console.client->role(), v1::ROLE_VIEWER, timeoutMs(10000));
        QTRY_VERIFY_WITH_TIMEOUT(console.clockNow()->known, timeoutMs(10000));
        const ControlResult r = console.control(v1::CONTROL_KIND_START);
        QVERIFY(r.refused());
        QCOMPARE(r.grpcCode, int(grpc::PERMISSION_DENIED));
        QTRY_VERIFY_WITH_TIMEOUT(!console.clockNow()->log->empty()
                && console.clockNow()->log->back().outcome == model::ControlLogEntry::Outcome::Refused,
            timeoutMs(5000));
        QVERIFY(console.clockNow()->log->back().reason.contains(QStringLiteral("PERMISSION_DENIED")));
        QCOMPARE(console.state(), v1::SIM_STATE_INIT);
        // A viewer's connection is not broken by the refusal.
        QVERIFY(console.client->connection()->isReady());
    }

    void bridgeRestartKeepsLastStateAndRecovers()
    {
        Backend backend;
        std::string error;
        QVERIFY2(backend.startBridge(&error), error.c_str());
        QVERIFY2(backend.startSim(&error), error.c_str());
        Console console(backend.bridge->address(), QStringLiteral("operator-token-0123456789"));
        console.client->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            console.topology.nodeCount() == 18 && console.topology.linkCount() > 0, timeoutMs(15000));
        QVERIFY(console.control(v1::CONTROL_KIND_START).applied());
        QTRY_VERIFY_WITH_TIMEOUT(console.clockNow()->step >= 3, timeoutMs(10000));

        // Kill the bridge mid-stream.
        QSignalSpy subscribed(console.client.get(), &BridgeClient::subscribedChanged);
        backend.bridge->stop();
        backend.bridge.reset();
        QTRY_COMPARE_WITH_TIMEOUT(
            console.client->connection()->state(), v1::CONNECTION_STATE_TRANSIENT_FAILURE, timeoutMs(10000));
        QVERIFY(!console.client->connection()->lastError().isEmpty());
        QVERIFY(console.client->connection()->nextRetryUnixMs() > 0);
        QVERIFY(!console.client->isSubscribed());
        QTRY_VERIFY_WITH_TIMEOUT(!console.clockNow()->connected, timeoutMs(5000));
        // The last state is kept.
        QCOMPARE(console.topology.nodeCount(), 18u);
        QVERIFY(console.topology.linkCount() > 0);
        QVERIFY(console.clockNow()->known);
        const std::uint64_t versionBefore = console.topology.version();

        // The bridge comes back on the same address: reconnect, resubscribe, whole again.
        QSignalSpy snapshotDone(console.client.get(), &BridgeClient::snapshotCompleted);
        QVERIFY2(backend.startBridge(&error), error.c_str());
        QTRY_VERIFY_WITH_TIMEOUT(snapshotDone.count() >= 1, timeoutMs(15000));
        QVERIFY(console.client->isSubscribed());
        QTRY_COMPARE_WITH_TIMEOUT(
            console.client->connection()->state(), v1::CONNECTION_STATE_READY, timeoutMs(5000));
        QTRY_VERIFY_WITH_TIMEOUT(console.clockNow()->connected, timeoutMs(5000));
        QVERIFY(console.topology.version() > versionBefore);
        // A freshly started bridge may still be collecting the member's
        // transient-local state when the console resubscribes: its snapshot is
        // what it knows then, and the rest follows live.
        QTRY_COMPARE_WITH_TIMEOUT(console.topology.nodeCount(), backend.sim->nodeCount(), timeoutMs(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
            console.topology.linkCount() > 0 && console.topology.routeCount() > 0, timeoutMs(10000));
        QCOMPARE(console.diagnostics.total(), 0u);
        console.client->stop();
    }
};

QTEST_GUILESS_MAIN(TestBridgeClient)
#include "tst_bridgeclient.moc"
