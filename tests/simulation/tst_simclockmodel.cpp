#include "model/simclockmodel.h"

#include <QDateTime>
#include <QTest>

#include <limits>
#include <vector>

using namespace opsdeck;
using model::ControlLogEntry;
using model::SimClockModel;
using v1::Envelope;

namespace {

Envelope clockEnvelope(v1::SimState state, std::int64_t simNs, std::int64_t wallNs, bool withEpochText = true)
{
    Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    auto *c = e.mutable_bridge_sample()->mutable_clock();
    c->set_state(state);
    c->set_sim_time_ns(simNs);
    c->set_step(std::uint64_t(simNs / 100'000'000));
    c->set_dt_ns(100'000'000);
    c->set_real_time_factor(1.0);
    c->set_epoch_unix_ns(0);
    if (withEpochText)
        c->set_epoch_time(SimClockModel::formatEpochTime(0, simNs).toStdString());
    c->set_wall_time_unix_ns(wallNs);
    return e;
}

Envelope memberEnvelope(
    const std::string &id, v1::MemberState state, std::uint64_t lastStep, bool snapshot = false)
{
    Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    e.mutable_bridge_sample()->set_snapshot(snapshot);
    auto *m = e.mutable_bridge_sample()->mutable_member();
    m->set_member_id(id);
    m->set_name("Network simulator " + id);
    m->set_kind("network-simulator");
    m->set_state(state);
    m->set_last_step(lastStep);
    return e;
}

Envelope commandEnvelope(v1::ControlKind kind, std::uint64_t seq)
{
    Envelope e;
    e.set_channel(v1::CHANNEL_CONTROL);
    e.mutable_control_command()->set_kind(kind);
    e.mutable_control_command()->set_sequence(seq);
    e.mutable_control_command()->set_issuer("alice");
    return e;
}

Envelope ackEnvelope(v1::ControlKind kind, std::uint64_t seq, v1::AckResult result, const std::string &reason,
    v1::SimState after = v1::SIM_STATE_UNSPECIFIED, std::int64_t wallNs = 0)
{
    Envelope e;
    e.set_channel(v1::CHANNEL_CONTROL);
    auto *a = e.mutable_control_ack();
    a->set_kind(kind);
    a->set_sequence(seq);
    a->set_result(result);
    a->set_reason(reason);
    a->set_issuer("alice");
    if (after != v1::SIM_STATE_UNSPECIFIED) {
        a->mutable_clock()->set_state(after);
        a->mutable_clock()->set_wall_time_unix_ns(wallNs);
        a->mutable_clock()->set_dt_ns(100'000'000);
        a->mutable_clock()->set_real_time_factor(1.0);
    }
    return e;
}

} // namespace

class TestSimClockModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void epochFormat()
    {
        // 2024-02-29T13:05:09Z is day 060 of a leap year.
        const std::int64_t epoch
            = QDateTime(QDate(2024, 2, 29), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1'000'000;
        const std::int64_t sim = (13 * 3600 + 5 * 60 + 9) * 1'000'000'000LL + 999'000'000;
        QCOMPARE(SimClockModel::formatEpochTime(epoch, sim), QStringLiteral("2024060.130509"));
        QCOMPARE(SimClockModel::formatEpochTime(0, 0), QStringLiteral("1970001.000000"));
        QCOMPARE(
            SimClockModel::formatEpochTime(0, 86'400'000'000'000LL * 365), QStringLiteral("1971001.000000"));
        QCOMPARE(SimClockModel::formatSimSeconds(1'234'500'000'000), QStringLiteral("1234.500 s"));
    }

    void transitions()
    {
        using namespace opsdeck::v1;
        QVERIFY(SimClockModel::allows(SIM_STATE_INIT, CONTROL_KIND_START));
        QVERIFY(!SimClockModel::allows(SIM_STATE_INIT, CONTROL_KIND_FREEZE));
        QVERIFY(SimClockModel::allows(SIM_STATE_RUNNING, CONTROL_KIND_FREEZE));
        QVERIFY(SimClockModel::allows(SIM_STATE_RUNNING, CONTROL_KIND_STOP));
        QVERIFY(!SimClockModel::allows(SIM_STATE_RUNNING, CONTROL_KIND_RESUME));
        QVERIFY(SimClockModel::allows(SIM_STATE_FROZEN, CONTROL_KIND_RESUME));
        QVERIFY(SimClockModel::allows(SIM_STATE_FROZEN, CONTROL_KIND_STOP));
        QVERIFY(SimClockModel::allows(SIM_STATE_STOPPED, CONTROL_KIND_RESET));
        QVERIFY(!SimClockModel::allows(SIM_STATE_STOPPED, CONTROL_KIND_START));
        QVERIFY(!SimClockModel::allows(SIM_STATE_UNSPECIFIED, CONTROL_KIND_START));
    }

    void clockMembersAndStaleness()
    {
        model::Diagnostics diagnostics;
        SimClockModel model(&diagnostics);
        QVERIFY(model.publish());
        QVERIFY(!model.snapshot()->known);

        model.apply(std::vector<Envelope> { clockEnvelope(v1::SIM_STATE_RUNNING, 5'000'000'000, 2000, false),
            memberEnvelope("sim-1", v1::MEMBER_STATE_RUNNING, 50),
            memberEnvelope("display", v1::MEMBER_STATE_RUNNING, 49) });
        QVERIFY(model.publish());
        auto snap = model.snapshot();
        QVERIFY(snap->known);
        QCOMPARE(snap->state, v1::SIM_STATE_RUNNING);
        QCOMPARE(snap->simTimeNs, 5'000'000'000);
        QCOMPARE(snap->dtNs, 100'000'000);
        QCOMPARE(snap->epochTime, QStringLiteral("1970001.000005")); // computed when the bridge sent none
        QCOMPARE(snap->members->size(), 2u);
        QCOMPARE(snap->members->at(0).id, QStringLiteral("display")); // sorted
        QCOMPARE(snap->members->at(1).lastStep, 50u);

        // An older clock (by the bridge's wall time) is ignored.
        model.apply(std::vector<Envelope> { clockEnvelope(v1::SIM_STATE_INIT, 0, 1000) });
        model.publish();
        QCOMPARE(model.snapshot()->state, v1::SIM_STATE_RUNNING);

        // Invalid clocks are dropped and counted.
        model.apply(std::vector<Envelope> { clockEnvelope(v1::SIM_STATE_FROZEN, -5, 3000) });
        model.publish();
        QCOMPARE(model.snapshot()->state, v1::SIM_STATE_RUNNING);
        QCOMPARE(diagnostics.count(QStringLiteral("bridge"), QStringLiteral("invalid sim clock")), 1u);
        QVERIFY(!model.publish()); // nothing changed since
    }

    void commandLogNeverOptimistic()
    {
        SimClockModel model(nullptr);
        model.apply(std::vector<Envelope> { clockEnvelope(v1::SIM_STATE_RUNNING, 1'000'000'000, 1000) });
        model.apply(std::vector<Envelope> { commandEnvelope(v1::CONTROL_KIND_FREEZE, 7) });
        model.publish();
        auto snap = model.snapshot();
        QCOMPARE(snap->state, v1::SIM_STATE_RUNNING); // sent is not applied
        QCOMPARE(snap->log->size(), 1u);
        QCOMPARE(snap->log->back().outcome, ControlLogEntry::Outcome::Sent);

        // The bridge's echo of our own command is not logged twice.
        Envelope echo;
        echo.set_channel(v1::CHANNEL_BRIDGE);
        *echo.mutable_bridge_sample()->mutable_control()->mutable_command()
            = commandEnvelope(v1::CONTROL_KIND_FREEZE, 7).control_command();
        model.apply(std::vector<Envelope> { echo });
        model.apply(std::vector<Envelope> { ackEnvelope(
            v1::CONTROL_KIND_FREEZE, 7, v1::ACK_RESULT_APPLIED, "", v1::SIM_STATE_FROZEN, 2000) });
        model.publish();
        snap = model.snapshot();
        QCOMPARE(snap->state, v1::SIM_STATE_FROZEN);
        QCOMPARE(snap->log->size(), 2u);
        QCOMPARE(snap->log->back().outcome, ControlLogEntry::Outcome::Applied);
        QCOMPARE(snap->log->back().stateAfter, v1::SIM_STATE_FROZEN);

        // A refusal keeps the state and shows the reason.
        model.apply(std::vector<Envelope> { commandEnvelope(v1::CONTROL_KIND_START, 8),
            ackEnvelope(v1::CONTROL_KIND_START, 8, v1::ACK_RESULT_REFUSED,
                "PERMISSION_DENIED: viewer tokens cannot control") });
        model.publish();
        snap = model.snapshot();
        QCOMPARE(snap->state, v1::SIM_STATE_FROZEN);
        QCOMPARE(snap->log->back().outcome, ControlLogEntry::Outcome::Refused);
        QVERIFY(snap->log->back().reason.contains(QStringLiteral("PERMISSION_DENIED")));

        // Another console's command, seen through the echo, is logged as not local.
        Envelope foreign;
        foreign.set_channel(v1::CHANNEL_BRIDGE);
        auto *ev = foreign.mutable_bridge_sample()->mutable_control();
        ev->mutable_command()->set_kind(v1::CONTROL_KIND_RESUME);
        ev->mutable_command()->set_sequence(1);
        ev->mutable_command()->set_issuer("bob");
        ev->mutable_ack()->set_result(v1::ACK_RESULT_APPLIED);
        model.apply(std::vector<Envelope> { foreign });
        model.publish();
        snap = model.snapshot();
        QCOMPARE(snap->log->size(), 5u);
        QVERIFY(!snap->log->back().local);
        QCOMPARE(snap->log->back().issuer, QStringLiteral("bob"));
    }

    void logIsBounded()
    {
        SimClockModel model(nullptr, 10);
        std::vector<Envelope> batch;
        for (std::uint64_t i = 1; i <= 50; ++i)
            batch.push_back(commandEnvelope(v1::CONTROL_KIND_START, i));
        model.apply(batch);
        model.publish();
        const auto snap = model.snapshot();
        QCOMPARE(snap->log->size(), 10u);
        QCOMPARE(snap->log->front().sequence, 41u);
    }

    void connectionEventsAndMemberSnapshot()
    {
        SimClockModel model(nullptr);
        Envelope up;
        up.set_channel(v1::CHANNEL_CONSOLE);
        up.mutable_connection()->set_backend("bridge");
        up.mutable_connection()->set_state(v1::CONNECTION_STATE_READY);
        model.apply(std::vector<Envelope> { up, memberEnvelope("a", v1::MEMBER_STATE_RUNNING, 1),
            memberEnvelope("b", v1::MEMBER_STATE_RUNNING, 1) });
        model.publish();
        QVERIFY(model.snapshot()->connected);
        QCOMPARE(model.snapshot()->members->size(), 2u);

        Envelope down = up;
        down.mutable_connection()->set_state(v1::CONNECTION_STATE_TRANSIENT_FAILURE);
        down.mutable_connection()->set_error("Connection refused");
        model.apply(std::vector<Envelope> { down });
        model.publish();
        QVERIFY(!model.snapshot()->connected);
        QCOMPARE(model.snapshot()->connectionError, QStringLiteral("Connection refused"));
        QCOMPARE(model.snapshot()->members->size(), 2u); // last state kept

        // Resubscribed: member b is gone from the bridge's current state.
        Envelope complete;
        complete.set_channel(v1::CHANNEL_BRIDGE);
        complete.mutable_bridge_sample()->mutable_snapshot_complete();
        model.apply(
            std::vector<Envelope> { up, memberEnvelope("a", v1::MEMBER_STATE_FROZEN, 2, true), complete });
        model.publish();
        QCOMPARE(model.snapshot()->members->size(), 1u);
        QCOMPARE(model.snapshot()->members->at(0).state, v1::MEMBER_STATE_FROZEN);
    }
};

QTEST_GUILESS_MAIN(TestSimClockModel)
#include "tst_simclockmodel.moc"
