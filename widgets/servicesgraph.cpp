#include "widgets/servicesgraph.h"

#include "widgets/servicestablemodel.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace opsdeck::widgets {

using model::LatencyBook;

ServicesGraph::ServicesGraph(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("servicesGraph"));
    setAccessibleName(tr("Service dependency graph"));
    setMinimumSize(240, 160);
}

void ServicesGraph::setSnapshot(std::shared_ptr<const LatencyBook::Snapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    layoutNodes();
    update();
}

void ServicesGraph::setWindow(LatencyBook::ViewIndex window)
{
    m_window = window;
    update();
}

QPointF ServicesGraph::position(const QString &service) const
{
    return m_positions.value(service, QPointF(-1, -1));
}

void ServicesGraph::layoutNodes()
{
    m_order.clear();
    m_positions.clear();
    if (!m_snapshot)
        return;
    // Edges: declared by the topology plus every observed edge row.
    std::set<std::pair<QString, QString>> edges(m_snapshot->edges.begin(), m_snapshot->edges.end());
    std::set<QString> nodes;
    for (const auto &row : m_snapshot->rows) {
        if (row.kind == LatencyBook::Kind::Edge)
            edges.emplace(row.caller, row.service);
        nodes.insert(row.service);
    }
    for (const auto &[a, b] : edges) {
        nodes.insert(a);
        nodes.insert(b);
    }
    // Layer = longest path from a node nobody calls (bounded: cycles stop at n).
    std::map<QString, int> layer;
    for (const QString &n : nodes)
        layer[n] = 0;
    for (std::size_t pass = 0; pass < nodes.size(); ++pass) {
        bool changed = false;
        for (const auto &[a, b] : edges) {
            if (a == b)
                continue;
            if (layer[b] < layer[a] + 1 && layer[a] + 1 < int(nodes.size())) {
                layer[b] = layer[a] + 1;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    int maxLayer = 0;
    std::map<int, QStringList> byLayer;
    for (const auto &[n, l] : layer) {
        byLayer[l] << n;
        maxLayer = std::max(maxLayer, l);
    }
    for (auto &[l, list] : byLayer) {
        list.sort();
        for (int i = 0; i < list.size(); ++i) {
            m_positions.insert(
                list[i], QPointF(maxLayer ? double(l) / maxLayer : 0.5, (i + 1.0) / (list.size() + 1.0)));
            m_order << list[i];
        }
    }
}

int ServicesGraph::edgeSeverity(const QString &caller, const QString &callee) const
{
    if (!m_snapshot)
        return 0;
    const auto *row = m_snapshot->find(LatencyBook::Kind::Edge, caller, callee);
    if (!row)
        return 0;
    const auto &v = row->views[std::size_t(m_window)];
    if (v.counts.calls == 0)
        return 0;
    const double ratio = v.deadlineNs > 0 ? double(v.p99) / double(v.deadlineNs) : 0.0;
    if (ratio >= 0.9 || v.timeoutPct >= 2.0)
        return 2;
    if (ratio >= 0.7 || v.timeoutPct >= 0.5)
        return 1;
    return 0;
}

void ServicesGraph::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QColor text = palette().color(QPalette::Text);
    if (m_order.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No services seen yet"));
        return;
    }
    const QRectF area = QRectF(rect()).adjusted(70, 30, -70, -30);
    auto at = [&](const QString &s) {
        const QPointF n = m_positions.value(s);
        return QPointF(area.left() + n.x() * area.width(), area.top() + n.y() * area.height());
    };
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const QColor ok = dark ? QColor(110, 200, 120) : QColor(40, 140, 60);
    const QColor warn(230, 160, 0);
    const QColor crit(220, 50, 47);
    std::set<std::pair<QString, QString>> edges(m_snapshot->edges.begin(), m_snapshot->edges.end());
    for (const auto &row : m_snapshot->rows)
        if (row.kind == LatencyBook::Kind::Edge)
            edges.emplace(row.caller, row.service);
    QFontMetrics fm(font());
    for (const auto &[a, b] : edges) {
        const int sev = edgeSeverity(a, b);
        const auto *row = m_snapshot->find(LatencyBook::Kind::Edge, a, b);
        const double timeouts = row ? row->views[std::size_t(m_window)].timeoutPct : 0.0;
        QPen pen(sev == 2  ? crit
                : sev == 1 ? warn
                           : (row ? ok : palette().color(QPalette::Mid)),
            1.5 + std::min(6.0, timeouts / 2.0));
        p.setPen(pen);
        const QPointF from = at(a), to = at(b);
        QPainterPath path(from);
        path.cubicTo(
            QPointF((from.x() + to.x()) / 2, from.y()), QPointF((from.x() + to.x()) / 2, to.y()), to);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        if (row) {
            const auto &v = row->views[std::size_t(m_window)];
            const QString label = QStringLiteral("p99 %1  %2% t/o")
                                      .arg(ServicesTableModel::formatDuration(v.p99))
                                      .arg(v.timeoutPct, 0, 'f', 1);
            p.setPen(text);
            p.drawText(path.pointAtPercent(0.5) + QPointF(-fm.horizontalAdvance(label) / 2.0, -4), label);
        }
    }
    for (const QString &s : m_order) {
        const QPointF c = at(s);
        p.setPen(QPen(text, 1.2));
        p.setBrush(palette().color(QPalette::Button));
        const QRectF box(c.x() - 48, c.y() - 13, 96, 26);
        p.drawRoundedRect(box, 6, 6);
        p.setPen(palette().color(QPalette::ButtonText));
        p.drawText(box, Qt::AlignCenter, s);
        int i = 0;
        for (const auto &r : m_snapshot->replicas) {
            if (r.service != s)
                continue;
            p.setPen(Qt::NoPen);
            p.setBrush(r.health == 1 ? ok : r.health == 3 ? warn : crit);
            p.drawEllipse(QPointF(box.left() + 8 + i * 10, box.bottom() + 6), 3.5, 3.5);
            ++i;
        }
    }
}

} // namespace opsdeck::widgets
