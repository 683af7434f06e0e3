#pragma once

#include "model/diagnostics.h"

#include <QAbstractTableModel>

namespace opsdeck::widgets {

// Table over a Diagnostics snapshot: one row per (source, reason) with its
// count and examples. GUI thread only; call setSnapshot() at frame rate.
class DiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Source, Reason, Count, FirstExample, LastSeen, ColumnCount };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const model::Diagnostics::Snapshot> snapshot);
    std::uint64_t totalCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const model::Diagnostics::Snapshot> m_snapshot;
};

} // namespace opsdeck::widgets
