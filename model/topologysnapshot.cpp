#include "model/topologysnapshot.h"

#include <algorithm>

namespace opsdeck::model {

int TopologySnapshot::nodeIndex(std::uint32_t id) const
{
    const auto it = std::lower_bound(
        nodes->begin(), nodes->end(), id, [](const TopoNode &n, std::uint32_t v) { return n.id < v; });
    return it != nodes->end() && it->id == id ? int(it - nodes->begin()) : -1;
}

const TopoNode *TopologySnapshot::findNode(std::uint32_t id) const
{
    const int i = nodeIndex(id);
    return i < 0 ? nullptr : &(*nodes)[std::size_t(i)];
}

const TopoLink *TopologySnapshot::findLink(std::uint32_t a, std::uint32_t b) const
{
    const LinkKey key { std::min(a, b), std::max(a, b) };
    const auto it = std::lower_bound(
        links->begin(), links->end(), key, [](const TopoLink &l, const LinkKey &k) { return l.key < k; });
    return it != links->end() && it->key == key ? &*it : nullptr;
}

const TopoRoute *TopologySnapshot::findRoute(std::uint32_t flowId) const
{
    const auto it = std::lower_bound(routes->begin(), routes->end(), flowId,
        [](const TopoRoute &r, std::uint32_t v) { return r.flowId < v; });
    return it != routes->end() && it->flowId == flowId ? &*it : nullptr;
}

std::vector<const TopoLink *> TopologySnapshot::linksOf(std::uint32_t id) const
{
    std::vector<const TopoLink *> out;
    for (const TopoLink &link : *links)
        if (link.key.a == id || link.key.b == id)
            out.push_back(&link);
    return out;
}

std::vector<const TopoRoute *> TopologySnapshot::routesThrough(std::uint32_t id) const
{
    std::vector<const TopoRoute *> out;
    for (const TopoRoute &route : *routes)
        if (std::find(route.hops.begin(), route.hops.end(), id) != route.hops.end())
            out.push_back(&route);
    return out;
}

} // namespace opsdeck::model
