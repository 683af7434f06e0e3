// The composition root end to end: app::Console built against the real
// simulation member + DDS-bridge, the gRPC service mesh and the billing
// backend, all in-process on loopback. The docks show live data; a recorded
// live session replays to the same state at the same positions; a bridge that
// goes away shows in the status light with a retry countdown and comes back.
#include "app/console.h"
#include "app/liveclients.h"
#include "app/mainwindow.h"
#include "app/modelhost.h"
#include "app/recordcontroller.h"
#include "app/replaycontroller.h"
#include "app/statecsv.h"
#include "backends/billing/billingbackend.h"
#include "backends/bridge/bridgeserver.h"
#include "backends/mesh/mesh.h"
#include "backends/sim/simmember.h"
#include "clients/bridgeclient.h"
#include "model/eventstream.h"
#include "widgets/connectionsmodel.h"
#include "widgets/costsview.h"
#include "widgets/servicestablemodel.h"
#include "widgets/servicesview.h"
#include "widgets/simulationview.h"
#include "widgets/timelineview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace opsdeck;

namespace {

constexpr std::uint32_t kDomain = 87;

int timeoutMs(int ms)
{
    bool ok = false;
    const double scale = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble(&ok);
    return ok && scale > 0 ? int(ms * scale) : ms;
}

const char *kScenario = R"(
name console-live
seed 5
origin 46.8 8.2
region 100000 100000
aircraft 8
speed 200 240
altitude 8000 11000
waypoints 3
radio_range 70000
random_flows 2
)";

QString stateText(const widgets::SimulationView &view)
{
    return view.findChild<QLabel *>(QStringLiteral("simulationState"))->text();
}

} // namespace

class TestConsoleLive : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<bridge::BridgeServer> m_bridge;
    std::string m_bridgeListen = "127.0.0.1:0";
    std::unique_ptr<sim::SimMember> m_sim;
    std::unique_ptr<mesh::Mesh> m_mesh;
    std::unique_ptr<billing::BillingBackend> m_billing;

    bool startBridge()
    {
        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.realTimeFactor = 5.0;
        config.listen = m_bridgeListen;
        m_bridge = std::make_unique<bridge::BridgeServer>(config);
        std::string error;
        if (!m_bridge->start(&error)) {
            qWarning() << error.c_str();
            return false;
        }
        m_bridgeListen = m_bridge->address(); // the same port when it comes back
        return true;
    }

    app::CommandLineOptions options() const
    {
        app::CommandLineOptions o;
        o.bridgeUrl = QString::fromStdString("grpc://" + m_bridge->address());
        o.telemetryUrl = QString::fromStdString("grpc://" + m_mesh->telemetryAddress());
        o.billingUrl = QString::fromStdString("grpc://" + m_billing->address());
        o.windowSize = QSize(1280, 800);
        return o;
    }

    // The models' state and the position it belongs to, read on the model
    // thread between two batches (so nothing is half-applied).
    std::pair<qint64, QString> captureLive(app::Console &console)
    {
        std::pair<qint64, QString> out { -1, {} };
        bool done = false;
        console.models()->run([&out, &done](app::ModelWorker &w) {
            w.publishNow();
            app::ConsoleState s { w.topology().snapshot(), w.simClock().snapshot(), w.latency().snapshot(),
                w.costs().snapshot() };
            out = { w.lastRecvNs(), app::stateDigest(s) };
            QMetaObject::invokeMethod(
                qApp, [&done] { done = true; }, Qt::QueuedConnection);
        });
        if (!QTest::qWaitFor([&done] { return done; }, timeoutMs(5000)))
            return { -1, {} };
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(startBridge());
        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-console";
        simConfig.scenarioText = kScenario;
        m_sim = std::make_unique<sim::SimMember>(simConfig);
        std::string error;
        QVERIFY2(m_sim->start(&error), error.c_str());

        auto scenario = mesh::Scenario::defaults();
        scenario.traffic.ratePerSec = 40;
        m_mesh = std::make_unique<mesh::Mesh>(scenario);
        QVERIFY2(m_mesh->start(&error), error.c_str());

        billing::BillingOptions billingOptions;
        billingOptions.ledgerPath = m_dir.filePath(QStringLiteral("ledger.sqlite")).toStdString();
        billingOptions.backfillHours = 2;
        billingOptions.tick = std::chrono::milliseconds(500);
        m_billing = billing::BillingBackend::create(billingOptions, &error);
        QVERIFY2(m_billing, error.c_str());
        QVERIFY2(m_billing->start(&error), error.c_str());
    }

    void cleanupTestCase()
    {
        m_billing.reset();
        m_mesh.reset();
        m_sim.reset();
        m_bridge.reset();
    }

    void docksShowLiveData()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("docks.ini")), QSettings::IniFormat);
        app::Console console(options(), settings);
        console.show();
        QAbstractItemModelTester services(
            console.servicesView()->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Every backend connects; the lights say so.
        for (model::Backend backend : model::kAllBackends)
            QTRY_COMPARE_WITH_TIMEOUT(int(console.connections()->status(backend).state),
                int(model::LinkState::Connected), timeoutMs(15000));

        QTRY_VERIFY_WITH_TIMEOUT(console.state().topology->nodes->size() >= 8, timeoutMs(15000));
        QTRY_VERIFY_WITH_TIMEOUT(console.servicesView()->tableModel()->rowCount() > 0, timeoutMs(15000));
        QVERIFY(!console.servicesView()->showsEmptyState());
        QTRY_VERIFY_WITH_TIMEOUT(
            console.costsView()->snapshot() && console.costsView()->snapshot()->totals.effective > 0,
            timeoutMs(15000));
        QVERIFY(!console.costsView()->isShowingEmptyState());

        // Start from the Simulation dock: the state follows the bridge.
        widgets::SimulationView *simulation = console.simulationView();
        QTRY_VERIFY_WITH_TIMEOUT(stateText(*simulation) == QLatin1String("Init")
                || stateText(*simulation) == QLatin1String("Running"),
            timeoutMs(15000));
        if (stateText(*simulation) == QLatin1String("Init")) {
            QTRY_VERIFY_WITH_TIMEOUT(
                simulation->button(v1::CONTROL_KIND_START)->isEnabled(), timeoutMs(5000));
            QTest::mouseClick(simulation->button(v1::CONTROL_KIND_START), Qt::LeftButton);
        }
        QTRY_COMPARE_WITH_TIMEOUT(stateText(*simulation), QStringLiteral("Running"), timeoutMs(15000));
        // The aircraft move: the topology's sim time advances.
        const std::int64_t t0 = console.state().topology->simTimeNs;
        QTRY_VERIFY_WITH_TIMEOUT(console.state().topology->simTimeNs > t0, timeoutMs(10000));

        // Copy state as CSV carries every table.
        const QString csv = app::stateAsCsv(console.state(), model::unixNowNs());
        for (const char *section : { "# nodes", "# links", "# routes", "# services", "# costs" })
            QVERIFY2(csv.contains(QLatin1String(section)), section);
    }

    void recordedSessionReplaysToTheSameStates()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("record.ini")), QSettings::IniFormat);
        app::Console console(options(), settings);
        console.show();
        QTRY_VERIFY_WITH_TIMEOUT(console.state().topology->nodes->size() >= 8, timeoutMs(15000));
        QTRY_VERIFY_WITH_TIMEOUT(console.state().costs->totals.items > 0, timeoutMs(15000));

        const QString path = m_dir.filePath(QStringLiteral("live.opsrec"));
        model::RecorderOptions recorderOptions;
        recorderOptions.path = path;
        recorderOptions.keyframeIntervalNs = 700'000'000; // keyframes inside the short session
        QSignalSpy started(console.recorder(), &app::RecordController::started);
        console.recorder()->start(recorderOptions);
        QVERIFY(started.wait(timeoutMs(5000)));

        // Capture the live state at a few moments while data streams.
        std::vector<std::pair<qint64, QString>> captured;
        for (int i = 0; i < 6; ++i) {
            QTest::qWait(600); // spacing between samples of a live stream, not a synchronisation
            const auto sample = captureLive(console);
            QVERIFY(sample.first > 0);
            captured.push_back(sample);
        }
        // The session moved while it was recorded, so the comparison below can fail.
        QVERIFY2(captured.front().second != captured.back().second, qPrintable(captured.front().second));
        QVERIFY(captured.front().second.contains(QLatin1String("methods=")) && captured.front().first > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            console.window()->recordingStatus().contains(QLatin1String("REC")), timeoutMs(3000));
        QSignalSpy stopped(console.recorder(), &app::RecordController::stopped);
        console.stopRecording();
        QVERIFY(stopped.wait(timeoutMs(5000)));
        const auto stats = stopped.at(0).at(0).value<model::Recorder::Stats>();
        QCOMPARE(stats.dropped, std::uint64_t(0));
        QVERIFY(stats.envelopes > 0);

        // Replay: live clients stop, the timeline takes over.
        QSignalSpy opened(console.replay(), &app::ReplayController::opened);
        console.openRecording(path);
        QVERIFY(opened.wait(timeoutMs(10000)));
        QVERIFY(console.timelineView()->isRecordingOpen());
        QCOMPARE(console.liveClients()->bridge(), nullptr);
        QCOMPARE(
            int(console.connections()->status(model::Backend::Bridge).state), int(model::LinkState::Idle));

        // Out of order, so seeks go back as well as forward.
        for (std::size_t i : { 3u, 0u, 5u, 1u, 4u, 2u }) {
            QSignalSpy settled(console.replay(), &app::ReplayController::settled);
            console.replay()->seek(captured[i].first);
            QVERIFY(settled.wait(timeoutMs(5000)));
            QCOMPARE(app::stateDigest(console.state()), captured[i].second);
        }

        // The Timeline dock drives the player: a seek from the bar, Space plays.
        {
            Q_EMIT console.timelineView()->seekRequested(captured[2].first);
            QTRY_VERIFY_WITH_TIMEOUT(console.replay()->position() == captured[2].first, timeoutMs(5000));
            QSignalSpy playing(console.replay(), &app::ReplayController::playingChanged);
            QVERIFY(console.window()->playAction()->isEnabled());
            console.window()->playAction()->trigger();
            QVERIFY(playing.wait(timeoutMs(5000)));
            QCOMPARE(playing.at(0).at(0).toBool(), true);
            QTRY_VERIFY_WITH_TIMEOUT(console.replay()->position() > captured[2].first, timeoutMs(5000));
            console.window()->playAction()->trigger(); // pause
            QTRY_VERIFY_WITH_TIMEOUT(playing.size() == 2, timeoutMs(5000));
        }

        // A truncated copy: what can be read opens, and a dialog says where and why.
        const QString damaged = m_dir.filePath(QStringLiteral("damaged.opsrec"));
        {
            QFile in(path);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray bytes = in.readAll();
            QFile out(damaged);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes.left(bytes.size() * 6 / 10));
        }
        QSignalSpy reopened(console.replay(), &app::ReplayController::opened);
        console.openRecording(damaged);
        QVERIFY(reopened.wait(timeoutMs(10000)));
        const auto info = reopened.at(0).at(0).value<app::ReplayController::Info>();
        QVERIFY(!info.problems.empty());
        QVERIFY(info.envelopes > 0);
        QMessageBox *problems = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            problems = console.window()->findChild<QMessageBox *>(QStringLiteral("recordingProblemsDialog")),
            timeoutMs(5000));
        QVERIFY2(problems->text().contains(QLatin1String("damaged")), qPrintable(problems->text()));
        problems->close();

        // Back to live.
        console.closeRecording();
        QVERIFY(!console.timelineView()->isRecordingOpen());
        QTRY_VERIFY_WITH_TIMEOUT(console.liveClients()->bridge() != nullptr, timeoutMs(3000));
        QTRY_VERIFY_WITH_TIMEOUT(console.state().topology->nodes->size() >= 8, timeoutMs(15000));
    }

    void lostBridgeShowsCountdownAndRecovers()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("loss.ini")), QSettings::IniFormat);
        app::Console console(options(), settings);
        QTRY_COMPARE_WITH_TIMEOUT(int(console.connections()->status(model::Backend::Bridge).state),
            int(model::LinkState::Connected), timeoutMs(15000));
        QTRY_VERIFY_WITH_TIMEOUT(console.state().topology->nodes->size() >= 8, timeoutMs(15000));

        m_bridge.reset(); // the bridge goes away
        QTRY_COMPARE_WITH_TIMEOUT(int(console.connections()->status(model::Backend::Bridge).state),
            int(model::LinkState::Failed), timeoutMs(15000));
        QTRY_VERIFY_WITH_TIMEOUT(console.connections()
                                     ->status(model::Backend::Bridge)
                                     .detail.contains(QLatin1String("retrying in")),
            timeoutMs(10000));
        // The last state stays on screen.
        QVERIFY(console.state().topology->nodes->size() >= 8);

        QVERIFY(startBridge());
        // "Reconnect now" in the Connections dock skips the remaining wait.
        auto *reconnect = console.window()->findChild<QPushButton *>(QStringLiteral("reconnectButton"));
        QVERIFY(reconnect);
        reconnect->click();
        QTRY_COMPARE_WITH_TIMEOUT(int(console.connections()->status(model::Backend::Bridge).state),
            int(model::LinkState::Connected), timeoutMs(15000));
        QTRY_VERIFY_WITH_TIMEOUT(console.state().topology->nodes->size() >= 8, timeoutMs(15000));
    }
};

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    qRegisterMetaType<opsdeck::model::Recorder::Stats>();
    qRegisterMetaType<opsdeck::app::ReplayController::Info>();
    TestConsoleLive test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_consolelive.moc"
