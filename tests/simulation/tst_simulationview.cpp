#include "model/simclockmodel.h"
#include "widgets/simulationmembersmodel.h"
#include "widgets/simulationview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <vector>

using namespace opsdeck;
using v1::ControlKind;
using v1::Envelope;
using widgets::SimulationView;

namespace {

Envelope clock(v1::SimState state, std::int64_t simNs, std::int64_t wallNs)
{
    Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    auto *c = e.mutable_bridge_sample()->mutable_clock();
    c->set_state(state);
    c->set_sim_time_ns(simNs);
    c->set_step(std::uint64_t(simNs / 100'000'000));
    c->set_dt_ns(100'000'000);
    c->set_real_time_factor(2.0);
    c->set_epoch_unix_ns(1'700'000'000'000'000'000LL); // 2023-11-14T22:13:20Z
    c->set_wall_time_unix_ns(wallNs);
    return e;
}

Envelope connection(bool up)
{
    Envelope e;
    e.set_channel(v1::CHANNEL_CONSOLE);
    e.mutable_connection()->set_backend("bridge");
    e.mutable_connection()->set_state(
        up ? v1::CONNECTION_STATE_READY : v1::CONNECTION_STATE_TRANSIENT_FAILURE);
    if (!up)
        e.mutable_connection()->set_error("UNAVAILABLE: Connection refused");
    return e;
}

Envelope member(const std::string &id, v1::MemberState state, std::uint64_t step)
{
    Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    auto *m = e.mutable_bridge_sample()->mutable_member();
    m->set_member_id(id);
    m->set_name(id);
    m->set_kind("network-simulator");
    m->set_state(state);
    m->set_last_step(step);
    return e;
}

QString labelText(const SimulationView &view, const char *name)
{
    auto *label = view.findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QString();
}

std::vector<ControlKind> enabledButtons(const SimulationView &view)
{
    std::vector<ControlKind> out;
    for (ControlKind k : { v1::CONTROL_KIND_START, v1::CONTROL_KIND_FREEZE, v1::CONTROL_KIND_RESUME,
             v1::CONTROL_KIND_STOP, v1::CONTROL_KIND_RESET })
        if (view.button(k)->isEnabled())
            out.push_back(k);
    return out;
}

} // namespace

class TestSimulationView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStateBeforeAnyClock()
    {
        SimulationView view;
        view.show();
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("simulationEmpty"))->isVisible());
        QVERIFY(enabledButtons(view).empty());
        model::SimClockModel model(nullptr);
        model.publish();
        view.setSnapshot(model.snapshot());
        QVERIFY(enabledButtons(view).empty());
    }

    void showsTheStateAsReportedAndButtonsFollowTheStateMachine()
    {
        model::SimClockModel model(nullptr);
        SimulationView view;
        view.show();
        QAbstractItemModelTester membersTester(
            view.membersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester logTester(
            view.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setRole(v1::ROLE_OPERATOR);
        auto feed = [&](std::vector<Envelope> batch) {
            model.apply(batch);
            model.publish();
            view.setSnapshot(model.snapshot());
        };
        feed(
            { connection(true), clock(v1::SIM_STATE_INIT, 0, 1), member("sim-1", v1::MEMBER_STATE_INIT, 0) });
        QCOMPARE(labelText(view, "simulationState"), QStringLiteral("Init"));
        QCOMPARE(enabledButtons(view),
            (std::vector<ControlKind> { v1::CONTROL_KIND_START, v1::CONTROL_KIND_RESET }));
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("simulationEmpty"))->isVisible());

        feed({ clock(v1::SIM_STATE_RUNNING, 3'723'500'000'000, 2),
            member("sim-1", v1::MEMBER_STATE_RUNNING, 37235),
            member("display", v1::MEMBER_STATE_RUNNING, 37234) });
        QCOMPARE(labelText(view, "simulationState"), QStringLiteral("Running"));
        QCOMPARE(labelText(view, "simulationSeconds"), QStringLiteral("3723.500 s"));
        // 2023-11-14T22:13:20Z + 3723.5 s = 2023-11-14T23:15:23Z, day 318.
        QCOMPARE(labelText(view, "simulationEpochTime"), QStringLiteral("2023318.231523"));
        QCOMPARE(labelText(view, "simulationDt"), QStringLiteral("100.0 ms"));
        QCOMPARE(labelText(view, "simulationRate"), QStringLiteral("2.00 ×"));
        QCOMPARE(enabledButtons(view),
            (std::vector<ControlKind> { v1::CONTROL_KIND_FREEZE, v1::CONTROL_KIND_STOP }));
        QCOMPARE(view.membersModel()->rowCount(), 2);
        QCOMPARE(
            view.membersModel()->index(1, widgets::SimulationMembersModel::LastStep).data().toULongLong(),
            37235u);

        feed({ clock(v1::SIM_STATE_FROZEN, 3'800'000'000'000, 3) });
        QCOMPARE(enabledButtons(view),
            (std::vector<ControlKind> { v1::CONTROL_KIND_RESUME, v1::CONTROL_KIND_STOP }));
        feed({ clock(v1::SIM_STATE_STOPPED, 3'800'000'000'000, 4) });
        QCOMPARE(enabledButtons(view), (std::vector<ControlKind> { v1::CONTROL_KIND_RESET }));

        // A viewer sees the state but may not control it.
        view.setRole(v1::ROLE_VIEWER);
        QVERIFY(enabledButtons(view).empty());
        QVERIFY(view.button(v1::CONTROL_KIND_RESET)->toolTip().contains(QStringLiteral("operator")));
        view.setRole(v1::ROLE_OPERATOR);

        // Connection lost: the last state stays, the buttons go grey, the loss is said.
        feed({ connection(false) });
        QCOMPARE(labelText(view, "simulationState"), QStringLiteral("Stopped"));
        QVERIFY(enabledButtons(view).empty());
        QVERIFY(labelText(view, "simulationConnection").contains(QStringLiteral("Connection refused")));
    }

    void freezeAndStopAskForConfirmation()
    {
        model::SimClockModel model(nullptr);
        model.apply(
            std::vector<Envelope> { connection(true), clock(v1::SIM_STATE_RUNNING, 1'000'000'000, 1) });
        model.publish();
        SimulationView view;
        view.setRole(v1::ROLE_OPERATOR);
        view.setSnapshot(model.snapshot());
        bool answer = false;
        QStringList asked;
        view.setConfirmation([&](QWidget *, const QString &title, const QString &) {
            asked << title;
            return answer;
        });
        QSignalSpy requested(&view, &SimulationView::controlRequested);
        QTest::mouseClick(view.button(v1::CONTROL_KIND_FREEZE), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(requested.count(), 0); // declined: nothing sent
        answer = true;
        QTest::mouseClick(view.button(v1::CONTROL_KIND_FREEZE), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.takeFirst().at(0).value<ControlKind>(), v1::CONTROL_KIND_FREEZE);
        QTest::mouseClick(view.button(v1::CONTROL_KIND_STOP), Qt::LeftButton);
        QCOMPARE(asked.size(), 3);
        QCOMPARE(requested.count(), 1);
        // Never optimistic: the view still shows Running until the bridge says otherwise.
        QCOMPARE(labelText(view, "simulationState"), QStringLiteral("Running"));
    }

    void logShowsCommandsAcksAndRefusals()
    {
        model::SimClockModel model(nullptr);
        SimulationView view;
        QAbstractItemModelTester tester(
            view.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        Envelope cmd;
        cmd.set_channel(v1::CHANNEL_CONTROL);
        cmd.mutable_control_command()->set_kind(v1::CONTROL_KIND_START);
        cmd.mutable_control_command()->set_sequence(11);
        cmd.mutable_control_command()->set_issuer("alice");
        cmd.set_recv_time_unix_ns(1'000'000'000);
        model.apply(std::vector<Envelope> { cmd });
        model.publish();
        view.setSnapshot(model.snapshot());
        QCOMPARE(view.logModel()->rowCount(), 1);
        Envelope ack;
        ack.set_channel(v1::CHANNEL_CONTROL);
        ack.mutable_control_ack()->set_kind(v1::CONTROL_KIND_START);
        ack.mutable_control_ack()->set_sequence(11);
        ack.mutable_control_ack()->set_result(v1::ACK_RESULT_REFUSED);
        ack.mutable_control_ack()->set_reason("PERMISSION_DENIED: role viewer may not send control commands");
        ack.set_recv_time_unix_ns(1'100'000'000);
        model.apply(std::vector<Envelope> { ack });
        model.publish();
        view.setSnapshot(model.snapshot());
        QCOMPARE(view.logModel()->rowCount(), 2);
        using Col = widgets::SimulationLogModel;
        QCOMPARE(view.logModel()->index(1, Col::Outcome).data().toString(), QStringLiteral("refused"));
        QVERIFY(view.logModel()
                    ->index(1, Col::Reason)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("PERMISSION_DENIED")));
        QCOMPARE(view.logModel()->index(0, Col::Command).data().toString(), QStringLiteral("start"));
        QCOMPARE(view.logModel()->index(0, Col::Time).data().toString(), QStringLiteral("00:00:01.000"));
    }
};

QTEST_MAIN(TestSimulationView)
#include "tst_simulationview.moc"
