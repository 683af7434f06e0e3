#include "widgets/servicestablemodel.h"

#include <QColor>

#include <cmath>

namespace opsdeck::widgets {

using model::LatencyBook;

namespace {
constexpr int kSparklineSeconds = 60;

double ms(std::int64_t ns)
{
    return double(ns) / 1e6;
}
} // namespace

ServicesTableModel::ServicesTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QString ServicesTableModel::formatDuration(std::int64_t ns)
{
    if (ns <= 0)
        return QStringLiteral("–");
    if (ns < 1'000'000)
        return QStringLiteral("%1 µs").arg(double(ns) / 1e3, 0, 'f', 0);
    if (ns < 1'000'000'000)
        return QStringLiteral("%1 ms").arg(double(ns) / 1e6, 0, 'f', ns < 10'000'000 ? 2 : 1);
    return QStringLiteral("%1 s").arg(double(ns) / 1e9, 0, 'f', 2);
}

QString ServicesTableModel::key(const LatencyBook::Row &row) const
{
    return QString::number(int(row.kind)) + QLatin1Char('|') + row.service + QLatin1Char('|') + row.method
        + QLatin1Char('|') + row.caller + QLatin1Char('|') + row.replica;
}

void ServicesTableModel::setSnapshot(std::shared_ptr<const LatencyBook::Snapshot> snapshot)
{
    std::vector<const LatencyBook::Row *> rows;
    QStringList keys;
    if (snapshot) {
        for (const auto &row : snapshot->rows) {
            rows.push_back(&row);
            keys << key(row);
        }
    }
    QHash<QString, int> health;
    if (snapshot)
        for (const auto &r : snapshot->replicas)
            health.insert(r.service + QLatin1Char('/') + r.replica, r.health);
    if (keys == m_keys) {
        m_snapshot = std::move(snapshot);
        m_rows = std::move(rows);
        m_health = std::move(health);
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_rows = std::move(rows);
    m_keys = std::move(keys);
    m_health = std::move(health);
    endResetModel();
}

void ServicesTableModel::setWindow(LatencyBook::ViewIndex window)
{
    if (window == m_window)
        return;
    m_window = window;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void ServicesTableModel::setThresholds(const Thresholds &t)
{
    m_thresholds = t;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

const LatencyBook::Row *ServicesTableModel::rowAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() ? m_rows[std::size_t(row)] : nullptr;
}

int ServicesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServicesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ServicesTableModel::health(const LatencyBook::Row &row) const
{
    if (row.kind != LatencyBook::Kind::Replica)
        return 0;
    return m_health.value(row.service + QLatin1Char('/') + row.replica, 0);
}

int ServicesTableModel::severity(const LatencyBook::Row &row, int column) const
{
    const auto &v = row.views[std::size_t(m_window)];
    const auto &t = m_thresholds;
    auto level = [](double value, double warn, double crit, bool lowerIsWorse) {
        if (std::isnan(value))
            return 0;
        if (lowerIsWorse)
            return value <= crit ? 2 : value <= warn ? 1 : 0;
        return value >= crit ? 2 : value >= warn ? 1 : 0;
    };
    switch (column) {
    case P99:
    case Headroom:
        return v.counts.calls ? level(v.headroomPct, t.headroomWarning, t.headroomCritical, true) : 0;
    case ErrorPct:
        return v.counts.calls ? level(v.errorPct, t.errorWarning, t.errorCritical, false) : 0;
    case TimeoutPct:
        return v.counts.calls ? level(v.timeoutPct, t.timeoutWarning, t.timeoutCritical, false) : 0;
    case Health: {
        const int h = health(row);
        return h == 2 ? 2 : h == 3 ? 1 : 0; // NOT_SERVING critical, EJECTED warning
    }
    case -1: {
        int worst = 0;
        for (int c : { int(P99), int(ErrorPct), int(TimeoutPct), int(Health) })
            worst = std::max(worst, severity(row, c));
        return worst;
    }
    default:
        return 0;
    }
}

QVariant ServicesTableModel::data(const QModelIndex &index, int role) const
{
    const LatencyBook::Row *row = rowAt(index.row());
    if (!row || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const auto &v = row->views[std::size_t(m_window)];
    const int column = index.column();
    switch (role) {
    case KindRole:
        return int(row->kind);
    case KeyRole:
        return m_keys.value(index.row());
    case SeverityRole:
        return severity(*row, -1);
    case SparklineRole: {
        if (column != Trend || !row->history)
            return {};
        QList<double> values;
        const std::int64_t from = m_snapshot->nowSecond - kSparklineSeconds;
        std::int64_t expected = 0; // gaps are filled from the first second shown
        for (const auto &w : *row->history) {
            if (w.second <= from || w.seconds != 1)
                continue;
            for (; expected && expected < w.second; ++expected)
                values << 0.0; // a second without calls
            values << ms(w.p99);
            expected = w.second + 1;
        }
        return QVariant::fromValue(values);
    }
    case Qt::BackgroundRole: {
        const int s = severity(*row, column);
        if (s == 2)
            return QColor(220, 50, 47, 110);
        if (s == 1)
            return QColor(230, 160, 0, 90);
        return {};
    }
    case Qt::TextAlignmentRole:
        return column >= Rate && column != Health ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                                  : QVariant(int(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (column == Headroom)
            return tr("How far p99 stays below the deadline: (deadline − p99) / deadline");
        if (column == Late)
            return tr("Responses the callee finished after the caller's deadline had passed");
        return {};
    case SortRole:
    case Qt::DisplayRole: {
        const bool sort = role == SortRole;
        switch (column) {
        case Kind:
            return row->kind == LatencyBook::Kind::Method ? tr("method")
                : row->kind == LatencyBook::Kind::Edge    ? tr("edge")
                                                          : tr("replica");
        case Service:
            return row->service;
        case Detail:
            return row->kind == LatencyBook::Kind::Method ? row->method
                : row->kind == LatencyBook::Kind::Edge    ? row->caller + QStringLiteral(" →")
                                                          : row->replica;
        case Rate:
            return sort ? QVariant(v.ratePerSec) : QVariant(QString::number(v.ratePerSec, 'f', 1));
        case P50:
            return sort ? QVariant(qint64(v.p50)) : QVariant(formatDuration(v.p50));
        case P90:
            return sort ? QVariant(qint64(v.p90)) : QVariant(formatDuration(v.p90));
        case P99:
            return sort ? QVariant(qint64(v.p99)) : QVariant(formatDuration(v.p99));
        case P999:
            return sort ? QVariant(qint64(v.p999)) : QVariant(formatDuration(v.p999));
        case Max:
            return sort ? QVariant(qint64(v.max)) : QVariant(formatDuration(v.max));
        case ErrorPct:
            return sort ? QVariant(v.errorPct) : QVariant(QString::number(v.errorPct, 'f', 2));
        case TimeoutPct:
            return sort ? QVariant(v.timeoutPct) : QVariant(QString::number(v.timeoutPct, 'f', 2));
        case Retries:
            return sort ? QVariant(qulonglong(v.counts.retries))
                        : QVariant(QString::number(v.counts.retries));
        case Late:
            return sort ? QVariant(qulonglong(v.counts.late)) : QVariant(QString::number(v.counts.late));
        case Deadline:
            return sort ? QVariant(qint64(v.deadlineNs)) : QVariant(formatDuration(v.deadlineNs));
        case Headroom:
            if (sort)
                return std::isnan(v.headroomPct) ? 1e9 : v.headroomPct;
            return std::isnan(v.headroomPct) ? QStringLiteral("–") : QString::number(v.headroomPct, 'f', 1);
        case Health: {
            const int h = health(*row);
            if (sort)
                return h;
            switch (h) {
            case 1:
                return tr("serving");
            case 2:
                return tr("not serving");
            case 3:
                return tr("ejected");
            default:
                return row->kind == LatencyBook::Kind::Replica ? tr("unknown") : QString();
            }
        }
        case Trend:
            return sort ? QVariant(qint64(v.p99)) : QVariant();
        default:
            return {};
        }
    }
    default:
        return {};
    }
}

QVariant ServicesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kind:
        return tr("Kind");
    case Service:
        return tr("Service");
    case Detail:
        return tr("Method / caller / replica");
    case Rate:
        return tr("Calls/s");
    case P50:
        return tr("p50");
    case P90:
        return tr("p90");
    case P99:
        return tr("p99");
    case P999:
        return tr("p99.9");
    case Max:
        return tr("Max");
    case ErrorPct:
        return tr("Errors %");
    case TimeoutPct:
        return tr("Timeouts %");
    case Retries:
        return tr("Retries");
    case Late:
        return tr("Late");
    case Deadline:
        return tr("Deadline");
    case Headroom:
        return tr("Headroom %");
    case Health:
        return tr("Health");
    case Trend:
        return tr("p99 trend (60 s)");
    default:
        return {};
    }
}

} // namespace opsdeck::widgets
