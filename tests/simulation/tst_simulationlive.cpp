// The Simulation view wired as the console wires it, against the real
// simulation member and DDS-bridge in-process: buttons → BridgeClient →
// bridge → SimClock on DDS → stream → SimClockModel → view. The buttons'
// enabled state follows what the bridge reports, never what was clicked.
#include "backends/bridge/bridgeserver.h"
#include "backends/sim/simmember.h"
#include "clients/bridgeclient.h"
#include "model/eventstream.h"
#include "model/simclockmodel.h"
#include "widgets/simulationmembersmodel.h"
#include "widgets/simulationview.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace opsdeck;
using v1::ControlKind;

namespace {

constexpr std::uint32_t kDomain = 79;

int timeoutMs(int ms)
{
    bool ok = false;
    const double scale = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble(&ok);
    return ok && scale > 0 ? int(ms * scale) : ms;
}

const char *kScenario = R"(
name simulation-view
seed 3
origin 46.8 8.2
region 100000 100000
aircraft 6
speed 200 240
altitude 8000 11000
waypoints 3
radio_range 70000
random_flows 2
)";

std::vector<ControlKind> enabled(const widgets::SimulationView &view)
{
    std::vector<ControlKind> out;
    for (ControlKind k : { v1::CONTROL_KIND_START, v1::CONTROL_KIND_FREEZE, v1::CONTROL_KIND_RESUME,
             v1::CONTROL_KIND_STOP, v1::CONTROL_KIND_RESET })
        if (view.button(k)->isEnabled())
            out.push_back(k);
    return out;
}

QString stateText(const widgets::SimulationView &view)
{
    return view.findChild<QLabel *>(QStringLiteral("simulationState"))->text();
}

// The console's wiring for one token: models, client, view, a publish timer.
struct Console
{
    model::EventStream events;
    model::SimClockModel clock { nullptr };
    std::unique_ptr<clients::BridgeClient> client;
    widgets::SimulationView view;
    QTimer frame;
    QStringList confirmations;

    Console(const std::string &address, const QString &token)
    {
        events.addSink([this](std::span<const v1::Envelope> batch) { clock.apply(batch); });
        clients::Endpoint endpoint;
        endpoint.target = QString::fromStdString(address);
        endpoint.token = token;
        client = std::make_unique<clients::BridgeClient>(endpoint, &events);
        QObject::connect(&view, &widgets::SimulationView::controlRequested, client.get(),
            [this](ControlKind kind) { client->sendControl(kind); });
        QObject::connect(
            client.get(), &clients::BridgeClient::roleChanged, &view, &widgets::SimulationView::setRole);
        view.setConfirmation([this](QWidget *, const QString &title, const QString &) {
            confirmations << title;
            return true;
        });
        frame.setInterval(16);
        QObject::connect(&frame, &QTimer::timeout, &view, [this] {
            clock.publish();
            view.setSnapshot(clock.snapshot());
        });
        frame.start();
        client->start();
    }
};

} // namespace

class TestSimulationLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buttonsFollowTheBridgeAndViewersAreRefused()
    {
        QTemporaryDir dir;
        QFile tokens(dir.filePath(QStringLiteral("tokens")));
        QVERIFY(tokens.open(QIODevice::WriteOnly));
        tokens.write("operator alice operator-token-0123456789\nviewer wallboard viewer-token-0123456789\n");
        tokens.close();
        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.realTimeFactor = 5.0;
        config.tokenFile = tokens.fileName().toStdString();
        bridge::BridgeServer bridge(config);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());
        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-view";
        simConfig.scenarioText = kScenario;
        sim::SimMember sim(simConfig);
        QVERIFY2(sim.start(&error), error.c_str());

        Console op(bridge.address(), QStringLiteral("operator-token-0123456789"));
        QAbstractItemModelTester members(
            op.view.membersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester log(
            op.view.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        op.view.show();
        QTRY_COMPARE_WITH_TIMEOUT(stateText(op.view), QStringLiteral("Init"), timeoutMs(10000));
        QTRY_COMPARE_WITH_TIMEOUT(enabled(op.view),
            (std::vector<ControlKind> { v1::CONTROL_KIND_START, v1::CONTROL_KIND_RESET }), timeoutMs(5000));
        QTRY_COMPARE_WITH_TIMEOUT(op.view.membersModel()->rowCount(), 1, timeoutMs(5000));

        QTest::mouseClick(op.view.button(v1::CONTROL_KIND_START), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateText(op.view), QStringLiteral("Running"), timeoutMs(10000));
        QTRY_COMPARE_WITH_TIMEOUT(enabled(op.view),
            (std::vector<ControlKind> { v1::CONTROL_KIND_FREEZE, v1::CONTROL_KIND_STOP }), timeoutMs(5000));
        QTRY_VERIFY_WITH_TIMEOUT(
            op.view.membersModel()->index(0, widgets::SimulationMembersModel::LastStep).data().toULongLong()
                > 3,
            timeoutMs(10000));

        QTest::mouseClick(op.view.button(v1::CONTROL_KIND_FREEZE), Qt::LeftButton);
        QCOMPARE(op.confirmations.size(), 1); // freeze asked first
        QTRY_COMPARE_WITH_TIMEOUT(stateText(op.view), QStringLiteral("Frozen"), timeoutMs(10000));
        QTRY_COMPARE_WITH_TIMEOUT(enabled(op.view),
            (std::vector<ControlKind> { v1::CONTROL_KIND_RESUME, v1::CONTROL_KIND_STOP }), timeoutMs(5000));

        QTest::mouseClick(op.view.button(v1::CONTROL_KIND_RESUME), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateText(op.view), QStringLiteral("Running"), timeoutMs(10000));

        // Every command and its answer is in the view's log.
        QTRY_COMPARE_WITH_TIMEOUT(op.view.logModel()->rowCount(), 6, timeoutMs(5000));
        using Col = widgets::SimulationLogModel;
        // (The state can arrive on the stream before the ack of the same
        // command, so a "sent" may come between a command and its answer.)
        QStringList outcomes;
        for (int row = 0; row < op.view.logModel()->rowCount(); ++row)
            outcomes << op.view.logModel()->index(row, Col::Outcome).data().toString();
        QCOMPARE(outcomes.count(QStringLiteral("sent")), 3);
        QCOMPARE(outcomes.count(QStringLiteral("applied → Running")), 2);
        QCOMPARE(outcomes.count(QStringLiteral("applied → Frozen")), 1);
        QCOMPARE(outcomes.first(), QStringLiteral("sent"));

        // A viewer console sees the same state, its buttons stay grey, and a
        // command it sends anyway (a stale button) is refused with the reason in its log.
        Console viewer(bridge.address(), QStringLiteral("viewer-token-0123456789"));
        QTRY_COMPARE_WITH_TIMEOUT(stateText(viewer.view), QStringLiteral("Running"), timeoutMs(10000));
        QTRY_COMPARE_WITH_TIMEOUT(viewer.client->role(), v1::ROLE_VIEWER, timeoutMs(5000));
        QVERIFY(enabled(viewer.view).empty());
        viewer.client->sendControl(v1::CONTROL_KIND_FREEZE);
        QTRY_COMPARE_WITH_TIMEOUT(viewer.view.logModel()->rowCount(), 2, timeoutMs(5000));
        QCOMPARE(viewer.view.logModel()->index(1, Col::Outcome).data().toString(), QStringLiteral("refused"));
        QVERIFY(viewer.view.logModel()
                    ->index(1, Col::Reason)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("PERMISSION_DENIED")));
        QCOMPARE(stateText(viewer.view), QStringLiteral("Running"));
        viewer.client->stop();
        op.client->stop();
    }
};

QTEST_MAIN(TestSimulationLive)
#include "tst_simulationlive.moc"
