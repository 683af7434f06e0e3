#pragma once

#include "model/simclockmodel.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace opsdeck::widgets {

// The simulation members (one row per member id) of a SimClockSnapshot.
// GUI thread only. Rows are updated in place when the set of ids is unchanged,
// so selection and scroll position survive the 10 Hz updates.
class SimulationMembersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Kind, State, LastStep, SimTime, OwnedKeys, ColumnCount };

    explicit SimulationMembersModel(QObject *parent = nullptr);

    void setMembers(std::shared_ptr<const std::vector<model::SimMember>> members);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const std::vector<model::SimMember>> m_members;
};

// The control event log (commands, acks, refusals), newest last.
class SimulationLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Command, Sequence, Issuer, Outcome, Reason, ColumnCount };

    explicit SimulationLogModel(QObject *parent = nullptr);

    void setLog(std::shared_ptr<const std::vector<model::ControlLogEntry>> log);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const std::vector<model::ControlLogEntry>> m_log;
};

} // namespace opsdeck::widgets
