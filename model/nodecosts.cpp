#include "model/nodecosts.h"

#include <QHash>

#include <algorithm>
#include <unordered_map>

namespace opsdeck::model {

std::optional<std::uint32_t> NodeCosts::nodeIdOf(QStringView resourceId)
{
    const qsizetype slash = resourceId.lastIndexOf(QLatin1Char('/'));
    const QStringView last = resourceId.mid(slash + 1);
    if (!last.startsWith(QLatin1String("node-")))
        return std::nullopt;
    const QStringView digits = last.mid(5);
    if (digits.isEmpty() || digits.size() > 10)
        return std::nullopt;
    for (QChar c : digits)
        if (!c.isDigit() || c.unicode() > '9')
            return std::nullopt;
    bool ok = false;
    const qulonglong id = digits.toULongLong(&ok);
    if (!ok || id > 0xffffffffull)
        return std::nullopt;
    return std::uint32_t(id);
}

std::shared_ptr<const NodeCosts> NodeCosts::build(
    const CostLedger::Snapshot &costs, const TopologySnapshot &topology)
{
    auto out = std::make_shared<NodeCosts>();
    out->m_currency = costs.currency;
    const std::vector<TopoNode> &nodes = *topology.nodes;
    QHash<QStringView, std::uint32_t> byName;
    byName.reserve(qsizetype(nodes.size()));
    for (const TopoNode &n : nodes)
        if (!n.name.isEmpty())
            byName.insert(QStringView(n.name), n.id);

    // Accumulate per node; a node billed as several resources (an instance
    // and its volume, say) sums them and names the largest.
    std::unordered_map<std::uint32_t, Entry> found;
    std::unordered_map<std::uint32_t, double> largest;
    for (const CostLedger::ResourceCost &r : costs.resources) {
        std::optional<std::uint32_t> id = nodeIdOf(r.resource);
        if (id && !topology.findNode(*id)) {
            ++out->m_unmatched;
            continue;
        }
        if (!id) {
            const qsizetype slash = r.resource.lastIndexOf(QLatin1Char('/'));
            auto it = byName.constFind(QStringView(r.resource));
            if (it == byName.cend() && slash >= 0)
                it = byName.constFind(QStringView(r.resource).mid(slash + 1));
            if (it == byName.cend())
                continue;
            id = it.value();
        }
        Entry &e = found[*id];
        e.nodeId = *id;
        e.sums.billed += r.sums.billed;
        e.sums.effective += r.sums.effective;
        e.sums.list += r.sums.list;
        e.sums.quantity += r.sums.quantity;
        e.sums.items += r.sums.items;
        double &top = largest[*id];
        if (e.resource.isEmpty() || r.sums.effective > top) {
            top = r.sums.effective;
            e.resource = r.resource;
            e.service = r.service;
            e.pricing = r.pricing;
        }
    }
    out->m_entries.reserve(found.size());
    for (auto &[id, e] : found) {
        out->m_maxEffective = std::max(out->m_maxEffective, e.sums.effective);
        out->m_totalEffective += e.sums.effective;
        out->m_entries.push_back(std::move(e));
    }
    std::sort(out->m_entries.begin(), out->m_entries.end(),
        [](const Entry &a, const Entry &b) { return a.nodeId < b.nodeId; });
    return out;
}

const NodeCosts::Entry *NodeCosts::find(std::uint32_t nodeId) const
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), nodeId,
        [](const Entry &e, std::uint32_t id) { return e.nodeId < id; });
    return it != m_entries.end() && it->nodeId == nodeId ? &*it : nullptr;
}

double NodeCosts::fraction(const Entry &entry) const
{
    if (m_maxEffective <= 0)
        return 0.0;
    return std::clamp(entry.sums.effective / m_maxEffective, 0.0, 1.0);
}

} // namespace opsdeck::model
