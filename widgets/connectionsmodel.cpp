#include "widgets/connectionsmodel.h"

#include <QDateTime>

namespace opsdeck::widgets {

ConnectionsModel::ConnectionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ConnectionsModel::setStatus(model::Backend backend, const model::BackendStatus &status)
{
    const int row = int(backend);
    m_status[std::size_t(row)] = status;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const model::BackendStatus &ConnectionsModel::status(model::Backend backend) const
{
    return m_status[std::size_t(backend)];
}

QString ConnectionsModel::backendTitle(model::Backend backend)
{
    switch (backend) {
    case model::Backend::Bridge:
        return tr("DDS-bridge");
    case model::Backend::Telemetry:
        return tr("Telemetry (RPC mesh)");
    case model::Backend::Billing:
        return tr("Billing");
    }
    return {};
}

QString ConnectionsModel::stateText(model::LinkState state)
{
    switch (state) {
    case model::LinkState::NotConfigured:
        return tr("Not configured");
    case model::LinkState::Idle:
        return tr("Not connected");
    case model::LinkState::Connecting:
        return tr("Connecting");
    case model::LinkState::Connected:
        return tr("Connected");
    case model::LinkState::Failed:
        return tr("Failed");
    }
    return {};
}

QColor ConnectionsModel::stateColor(model::LinkState state)
{
    switch (state) {
    case model::LinkState::NotConfigured:
        return QColor(0x8a, 0x90, 0x99);
    case model::LinkState::Idle:
        return QColor(0x8a, 0x90, 0x99);
    case model::LinkState::Connecting:
        return QColor(0xe0, 0xa0, 0x20);
    case model::LinkState::Connected:
        return QColor(0x2c, 0xa0, 0x2c);
    case model::LinkState::Failed:
        return QColor(0xd6, 0x30, 0x26);
    }
    return {};
}

int ConnectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_status.size());
}

int ConnectionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto backend = model::Backend(index.row());
    const model::BackendStatus &s = m_status[std::size_t(index.row())];
    if (role == StateRole)
        return int(s.state);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Backend:
            return backendTitle(backend);
        case Address:
            return s.address.isEmpty() ? tr("(none)") : s.address;
        case State:
            return stateText(s.state);
        case Detail:
            return s.detail;
        }
    } else if (role == Qt::DecorationRole && index.column() == State) {
        return stateColor(s.state);
    } else if (role == Qt::ToolTipRole && index.column() == State && s.sinceUnixNs > 0) {
        return tr("Since %1 UTC")
            .arg(QDateTime::fromMSecsSinceEpoch(s.sinceUnixNs / 1000000, Qt::UTC).toString(Qt::ISODate));
    } else if (role == Qt::ToolTipRole && index.column() == Detail) {
        return s.detail;
    }
    return {};
}

QVariant ConnectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Backend:
        return tr("Backend");
    case Address:
        return tr("Address");
    case State:
        return tr("State");
    case Detail:
        return tr("Last error / note");
    }
    return {};
}

} // namespace opsdeck::widgets
