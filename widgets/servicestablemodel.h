#pragma once

#include "model/latencybook.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace opsdeck::widgets {

// The Services table: one row per (service, method), per edge (caller ->
// callee) and per replica, for one rolling window (1 min, 5 min or 1 h) of a
// LatencyBook snapshot. Numbers sort numerically (SortRole), cells that cross
// a threshold are coloured, and the Trend column carries the p99 of the last
// 60 seconds for the sparkline delegate. GUI thread only; feed it snapshots at
// frame rate or slower.
class ServicesTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Kind,
        Service,
        Detail,
        Rate,
        P50,
        P90,
        P99,
        P999,
        Max,
        ErrorPct,
        TimeoutPct,
        Retries,
        Late,
        Deadline,
        Headroom,
        Health,
        Trend,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        SparklineRole, // QList<double>: p99 in ms per second, oldest first
        KindRole, // int(model::LatencyBook::Kind)
        SeverityRole, // 0 fine, 1 warning, 2 critical (whole row)
        KeyRole // QString identifying the row across snapshots
    };

    // Thresholds for colouring (percent).
    struct Thresholds
    {
        double headroomWarning = 30.0; // p99 within 30 % of the deadline
        double headroomCritical = 10.0; // p99 within 10 % of the deadline
        double errorWarning = 1.0;
        double errorCritical = 5.0;
        double timeoutWarning = 0.5;
        double timeoutCritical = 2.0;
    };

    explicit ServicesTableModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const model::LatencyBook::Snapshot> snapshot);
    std::shared_ptr<const model::LatencyBook::Snapshot> snapshot() const { return m_snapshot; }
    void setWindow(model::LatencyBook::ViewIndex window);
    model::LatencyBook::ViewIndex window() const { return m_window; }
    void setThresholds(const Thresholds &t);

    const model::LatencyBook::Row *rowAt(int row) const;
    static QString formatDuration(std::int64_t ns);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int severity(const model::LatencyBook::Row &row, int column) const;
    int health(const model::LatencyBook::Row &row) const;
    QString key(const model::LatencyBook::Row &row) const;

    std::shared_ptr<const model::LatencyBook::Snapshot> m_snapshot;
    std::vector<const model::LatencyBook::Row *> m_rows;
    QStringList m_keys;
    QHash<QString, int> m_health; // "service/replica" -> ReplicaHealth
    model::LatencyBook::ViewIndex m_window = model::LatencyBook::Minute1;
    Thresholds m_thresholds;
};

} // namespace opsdeck::widgets
