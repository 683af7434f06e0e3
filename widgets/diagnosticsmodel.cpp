#include "widgets/diagnosticsmodel.h"

#include <QDateTime>

namespace opsdeck::widgets {

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_snapshot(std::make_shared<const model::Diagnostics::Snapshot>())
{ }

void DiagnosticsModel::setSnapshot(std::shared_ptr<const model::Diagnostics::Snapshot> snapshot)
{
    if (!snapshot || snapshot == m_snapshot)
        return;
    // Rows only ever get added or change counts, but a full reset keeps the
    // model simple and is cheap at this size (bounded by Diagnostics).
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

std::uint64_t DiagnosticsModel::totalCount() const
{
    std::uint64_t total = 0;
    for (const auto &entry : *m_snapshot)
        total += entry.count;
    return total;
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshot->size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &entry = (*m_snapshot)[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Source:
            return entry.source;
        case Reason:
            return entry.reason;
        case Count:
            return QVariant::fromValue<qulonglong>(entry.count);
        case FirstExample:
            return entry.firstExample;
        case LastSeen:
            return QDateTime::fromMSecsSinceEpoch(entry.lastSeenUnixNs / 1000000, Qt::UTC)
                .toString(Qt::ISODateWithMs);
        }
    } else if (role == Qt::ToolTipRole && index.column() == FirstExample) {
        return tr("First: %1\nLast: %2").arg(entry.firstExample, entry.lastExample);
    } else if (role == Qt::TextAlignmentRole && index.column() == Count) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Source:
        return tr("Source");
    case Reason:
        return tr("Reason");
    case Count:
        return tr("Count");
    case FirstExample:
        return tr("Example");
    case LastSeen:
        return tr("Last seen (UTC)");
    }
    return {};
}

} // namespace opsdeck::widgets
