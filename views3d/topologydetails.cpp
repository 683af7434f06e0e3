#include "views3d/topologydetails.h"

#include "model/costformat.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace opsdeck::views3d {

namespace {

QString kindName(opsdeck::v1::NodeKind kind)
{
    switch (kind) {
    case opsdeck::v1::NODE_KIND_AIRCRAFT:
        return TopologyDetails::tr("aircraft");
    case opsdeck::v1::NODE_KIND_GROUND_STATION:
        return TopologyDetails::tr("ground station");
    case opsdeck::v1::NODE_KIND_SATELLITE:
        return TopologyDetails::tr("satellite");
    case opsdeck::v1::NODE_KIND_RELAY:
        return TopologyDetails::tr("relay");
    default:
        return TopologyDetails::tr("unknown");
    }
}

QString statusName(opsdeck::v1::NodeStatus status)
{
    switch (status) {
    case opsdeck::v1::NODE_STATUS_OK:
        return TopologyDetails::tr("ok");
    case opsdeck::v1::NODE_STATUS_DEGRADED:
        return TopologyDetails::tr("degraded");
    case opsdeck::v1::NODE_STATUS_FAILED:
        return TopologyDetails::tr("failed");
    case opsdeck::v1::NODE_STATUS_LANDED:
        return TopologyDetails::tr("landed");
    default:
        return TopologyDetails::tr("unknown");
    }
}

QString nodeName(const model::TopologySnapshot &s, std::uint32_t id)
{
    const model::TopoNode *n = s.findNode(id);
    return n && !n->name.isEmpty() ? n->name : QStringLiteral("#%1").arg(id);
}

QTreeWidgetItem *row(QTreeWidgetItem *parent, const QString &key, const QString &value)
{
    return new QTreeWidgetItem(parent, { key, value });
}

} // namespace

TopologyDetails::TopologyDetails(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("topologyDetails"));
    m_title->setObjectName(QStringLiteral("topologyDetailsTitle"));
    m_title->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("topologyDetailsTree"));
    m_tree->setAccessibleName(tr("Selected node or link"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Property"), tr("Value") });
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tree, 1);
    rebuild();
}

void TopologyDetails::setSnapshot(std::shared_ptr<const model::TopologySnapshot> snapshot)
{
    if (snapshot == m_snapshot)
        return;
    m_snapshot = std::move(snapshot);
    rebuild();
}

void TopologyDetails::showNode(std::uint32_t id)
{
    m_node = id;
    m_link.reset();
    rebuild();
}

void TopologyDetails::showLink(std::uint32_t a, std::uint32_t b)
{
    m_link = model::LinkKey { std::min(a, b), std::max(a, b) };
    m_node.reset();
    rebuild();
}

void TopologyDetails::clearSelection()
{
    m_node.reset();
    m_link.reset();
    rebuild();
}

QString TopologyDetails::title() const
{
    return m_title->text();
}

void TopologyDetails::rebuild()
{
    // Keep which sections the user folded.
    QStringList collapsed;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (!m_tree->topLevelItem(i)->isExpanded())
            collapsed << m_tree->topLevelItem(i)->text(0);
    m_tree->clear();
    if (!m_node && !m_link) {
        m_title->setText(tr("Nothing selected. Click a node or a link in the 3D view."));
        return;
    }
    const model::TopoNode *node = m_snapshot && m_node ? m_snapshot->findNode(*m_node) : nullptr;
    const model::TopoLink *link = m_snapshot && m_link ? m_snapshot->findLink(m_link->a, m_link->b) : nullptr;
    if (node)
        fillNode(*node);
    else if (link)
        fillLink(*link);
    else
        m_title->setText(m_node ? tr("Node #%1 is no longer in the topology.").arg(*m_node)
                                : tr("Link %1–%2 is no longer up.").arg(m_link->a).arg(m_link->b));
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        m_tree->topLevelItem(i)->setExpanded(!collapsed.contains(m_tree->topLevelItem(i)->text(0)));
}

void TopologyDetails::setNodeCosts(std::shared_ptr<const model::NodeCosts> costs)
{
    if (costs == m_costs)
        return;
    m_costs = std::move(costs);
    if (m_node)
        rebuild();
}

void TopologyDetails::fillNode(const model::TopoNode &n)
{
    const model::TopologySnapshot &s = *m_snapshot;
    m_title->setText(tr("%1 (node #%2, %3)")
                         .arg(n.name.isEmpty() ? tr("unnamed") : n.name)
                         .arg(n.id)
                         .arg(kindName(n.kind)));
    auto *state = new QTreeWidgetItem(m_tree, { tr("State") });
    row(state, tr("Status"), statusName(n.status));
    row(state, tr("Position"),
        tr("%1°, %2°, %3 m").arg(n.latDeg, 0, 'f', 5).arg(n.lonDeg, 0, 'f', 5).arg(n.altM, 0, 'f', 0));
    row(state, tr("ENU"),
        tr("%1, %2, %3 km")
            .arg(n.east / 1000, 0, 'f', 2)
            .arg(n.north / 1000, 0, 'f', 2)
            .arg(n.up / 1000, 0, 'f', 2));
    row(state, tr("Heading / speed"),
        tr("%1° / %2 m/s").arg(n.headingDeg, 0, 'f', 0).arg(n.groundSpeedMps, 0, 'f', 0));
    row(state, tr("Step / sim time"), tr("%1 / %2 s").arg(n.step).arg(double(n.simTimeNs) / 1e9, 0, 'f', 1));
    row(state, tr("Owner"), n.owner);
    if (const model::NodeCosts::Entry *cost = m_costs ? m_costs->find(n.id) : nullptr) {
        const QString currency = m_costs->currency();
        auto money = [&](double v) { return model::CostFormat::money(v, currency); };
        auto *costItem = new QTreeWidgetItem(m_tree, { tr("Cost so far") });
        row(costItem, tr("Effective (amortised)"), money(cost->sums.effective));
        row(costItem, tr("Billed"), money(cost->sums.billed));
        row(costItem, tr("On-demand equivalent"), money(cost->sums.list));
        row(costItem, tr("Savings"), money(cost->sums.savings()));
        row(costItem, tr("Pricing"), cost->pricing);
        row(costItem, tr("Resource"), tr("%1 (%2)").arg(cost->resource, cost->service));
        if (m_costs->totalEffective() > 0)
            row(costItem, tr("Share of all nodes"),
                tr("%1 %").arg(100.0 * cost->sums.effective / m_costs->totalEffective(), 0, 'f', 1));
    }
    const auto links = s.linksOf(n.id);
    auto *linkItem = new QTreeWidgetItem(m_tree, { tr("Links (%1)").arg(links.size()) });
    for (const model::TopoLink *l : links) {
        const std::uint32_t other = l->key.a == n.id ? l->key.b : l->key.a;
        row(linkItem, nodeName(s, other),
            tr("quality %1, %2 ms, %3 Mbit/s")
                .arg(l->quality, 0, 'f', 2)
                .arg(l->latencyMs, 0, 'f', 2)
                .arg(l->bandwidthMbps, 0, 'f', 1));
    }
    const auto routes = s.routesThrough(n.id);
    auto *routeItem = new QTreeWidgetItem(m_tree, { tr("Routes through it (%1)").arg(routes.size()) });
    for (const model::TopoRoute *r : routes) {
        QStringList hops;
        for (std::uint32_t h : r->hops)
            hops << nodeName(s, h);
        row(routeItem, r->name.isEmpty() ? tr("flow %1").arg(r->flowId) : r->name,
            tr("%1 (%2 ms)").arg(hops.join(QStringLiteral(" → "))).arg(r->latencyMs, 0, 'f', 2));
    }
    m_tree->setAccessibleDescription(m_title->text());
}

void TopologyDetails::fillLink(const model::TopoLink &l)
{
    const model::TopologySnapshot &s = *m_snapshot;
    m_title->setText(tr("Link %1 – %2").arg(nodeName(s, l.key.a), nodeName(s, l.key.b)));
    auto *state = new QTreeWidgetItem(m_tree, { tr("State") });
    row(state, tr("Quality"), QString::number(l.quality, 'f', 3));
    row(state, tr("SNR"), tr("%1 dB").arg(l.snrDb, 0, 'f', 1));
    row(state, tr("Latency"), tr("%1 ms").arg(l.latencyMs, 0, 'f', 3));
    row(state, tr("Bandwidth"), tr("%1 Mbit/s").arg(l.bandwidthMbps, 0, 'f', 1));
    row(state, tr("Distance"), tr("%1 km").arg(l.distanceM / 1000, 0, 'f', 1));
    row(state, tr("Routing cost"), QString::number(l.cost, 'f', 3));
    auto *routeItem = new QTreeWidgetItem(m_tree, { tr("Routes over it") });
    int count = 0;
    for (const model::TopoRoute &r : *s.routes) {
        for (std::size_t h = 0; h + 1 < r.hops.size(); ++h) {
            if (std::min(r.hops[h], r.hops[h + 1]) == l.key.a
                && std::max(r.hops[h], r.hops[h + 1]) == l.key.b) {
                row(routeItem, r.name.isEmpty() ? tr("flow %1").arg(r.flowId) : r.name,
                    tr("%1 ms end to end").arg(r.latencyMs, 0, 'f', 2));
                ++count;
                break;
            }
        }
    }
    routeItem->setText(0, tr("Routes over it (%1)").arg(count));
    m_tree->setAccessibleDescription(m_title->text());
}

} // namespace opsdeck::views3d
