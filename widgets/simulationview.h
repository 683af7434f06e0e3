#pragma once

#include "model/simclockmodel.h"
#include "opsdeck/v1/bridge.pb.h"

#include <QWidget>

#include <functional>
#include <map>
#include <memory>

class QLabel;
class QPushButton;
class QTableView;

namespace opsdeck::widgets {

class SimulationLogModel;
class SimulationMembersModel;

// The Simulation dock's content: the control module's state exactly as the
// bridge reports it (never optimistic), sim time in seconds and as
// YYYYDDD.HHMMSS, Δt and real-time factor, the members, the control buttons and
// the command log.
//
// The view sends nothing itself: a button emits controlRequested(kind), which
// the composition root connects to BridgeClient::sendControl. The answer comes
// back through the model (CHANNEL_CONTROL envelopes) into the log.
// GUI thread only.
class SimulationView : public QWidget
{
    Q_OBJECT

public:
    // Asked before freeze and stop. Returns true to go ahead. Injectable so
    // tests (and a "don't ask again" setting) can answer it.
    using Confirmation = std::function<bool(QWidget *parent, const QString &title, const QString &question)>;

    explicit SimulationView(QWidget *parent = nullptr);
    ~SimulationView() override;

    // Cheap when the snapshot did not change; call it at frame rate.
    void setSnapshot(std::shared_ptr<const model::SimClockSnapshot> snapshot);
    // From BridgeClient::roleChanged: only an operator may control.
    void setRole(opsdeck::v1::Role role);
    void setConfirmation(Confirmation confirmation);

    QPushButton *button(opsdeck::v1::ControlKind kind) const;
    SimulationMembersModel *membersModel() const { return m_members; }
    SimulationLogModel *logModel() const { return m_log; }

Q_SIGNALS:
    void controlRequested(opsdeck::v1::ControlKind kind);

private:
    void request(opsdeck::v1::ControlKind kind);
    void updateButtons();
    void updateLabels();

    std::shared_ptr<const model::SimClockSnapshot> m_snapshot;
    opsdeck::v1::Role m_role = opsdeck::v1::ROLE_UNSPECIFIED;
    Confirmation m_confirm;

    QLabel *m_state = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_simSeconds = nullptr;
    QLabel *m_epochTime = nullptr;
    QLabel *m_dt = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_step = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_details = nullptr;
    std::map<opsdeck::v1::ControlKind, QPushButton *> m_buttons;
    SimulationMembersModel *m_members = nullptr;
    SimulationLogModel *m_log = nullptr;
    QTableView *m_memberTable = nullptr;
    QTableView *m_logTable = nullptr;
};

} // namespace opsdeck::widgets
