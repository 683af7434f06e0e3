#include "widgets/simulationmembersmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace opsdeck::widgets {

using model::ControlLogEntry;
using model::SimClockModel;

SimulationMembersModel::SimulationMembersModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_members(std::make_shared<std::vector<model::SimMember>>())
{ }

void SimulationMembersModel::setMembers(std::shared_ptr<const std::vector<model::SimMember>> members)
{
    if (!members)
        members = std::make_shared<std::vector<model::SimMember>>();
    if (members == m_members)
        return;
    const bool sameIds = members->size() == m_members->size()
        && std::equal(members->begin(), members->end(), m_members->begin(),
            [](const model::SimMember &a, const model::SimMember &b) { return a.id == b.id; });
    if (sameIds) {
        m_members = std::move(members);
        if (!m_members->empty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_members->size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_members = std::move(members);
    endResetModel();
}

int SimulationMembersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_members->size());
}

int SimulationMembersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SimulationMembersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const model::SimMember &m = (*m_members)[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return m.name.isEmpty() ? m.id : m.name;
        case Kind:
            return m.kind;
        case State:
            return SimClockModel::memberStateName(m.state);
        case LastStep:
            return QVariant::fromValue<qulonglong>(m.lastStep);
        case SimTime:
            return SimClockModel::formatSimSeconds(m.simTimeNs);
        case OwnedKeys:
            return m.ownedKeys;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("Member %1\nScenario: %2").arg(m.id, m.scenario.isEmpty() ? tr("(none)") : m.scenario);
    if (role == Qt::ForegroundRole && index.column() == State && m.state == opsdeck::v1::MEMBER_STATE_LOST)
        return QBrush(QColor(0xc0, 0x39, 0x2b));
    if (role == Qt::TextAlignmentRole
        && (index.column() == LastStep || index.column() == OwnedKeys || index.column() == SimTime))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SimulationMembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Member");
    case Kind:
        return tr("Kind");
    case State:
        return tr("State");
    case LastStep:
        return tr("Last step");
    case SimTime:
        return tr("Sim time");
    case OwnedKeys:
        return tr("Keys");
    default:
        return {};
    }
}

SimulationLogModel::SimulationLogModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(std::make_shared<std::vector<ControlLogEntry>>())
{ }

void SimulationLogModel::setLog(std::shared_ptr<const std::vector<ControlLogEntry>> log)
{
    if (!log)
        log = std::make_shared<std::vector<ControlLogEntry>>();
    if (log == m_log)
        return;
    // The log only grows at the end until it reaches its bound; append rows
    // when that is what happened, so views keep their place.
    const std::size_t old = m_log->size();
    const bool appended = log->size() > old && old > 0 && (*log)[0].unixNs == (*m_log)[0].unixNs
        && (*log)[0].sequence == (*m_log)[0].sequence;
    if (appended) {
        beginInsertRows({}, int(old), int(log->size()) - 1);
        m_log = std::move(log);
        endInsertRows();
        return;
    }
    beginResetModel();
    m_log = std::move(log);
    endResetModel();
}

int SimulationLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_log->size());
}

int SimulationLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SimulationLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ControlLogEntry &e = (*m_log)[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(e.unixNs / 1'000'000, Qt::UTC)
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case Command:
            return SimClockModel::commandName(e.command);
        case Sequence:
            return QVariant::fromValue<qulonglong>(e.sequence);
        case Issuer:
            return e.local ? e.issuer : tr("%1 (other console)").arg(e.issuer);
        case Outcome: {
            QString text = SimClockModel::outcomeName(e.outcome);
            if (e.outcome == ControlLogEntry::Outcome::Applied
                && e.stateAfter != opsdeck::v1::SIM_STATE_UNSPECIFIED)
                text += QStringLiteral(" → ") + SimClockModel::stateName(e.stateAfter);
            return text;
        }
        case Reason:
            return e.reason;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Reason && !e.reason.isEmpty())
        return e.reason;
    if (role == Qt::ForegroundRole && index.column() == Outcome
        && (e.outcome == ControlLogEntry::Outcome::Refused || e.outcome == ControlLogEntry::Outcome::Failed))
        return QBrush(QColor(0xc0, 0x39, 0x2b));
    return {};
}

QVariant SimulationLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time (UTC)");
    case Command:
        return tr("Command");
    case Sequence:
        return tr("Seq");
    case Issuer:
        return tr("Issuer");
    case Outcome:
        return tr("Outcome");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace opsdeck::widgets
