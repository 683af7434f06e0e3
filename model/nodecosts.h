#pragma once

#include "model/costledger.h"
#include "model/topologysnapshot.h"

#include <QString>
#include <QStringView>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace opsdeck::model {

// What each topology node has cost so far: the cost ledger's resources matched
// to the nodes of a topology snapshot, for the 3D view's "cost per node" layer
// and the Details panel. A resource belongs to a node when its ResourceId
//   - ends in "node-<id>" after the last '/' ("sim/node-17", "node-17"), or
//   - is the node's name, or ends in "/<name>" ("fleet/AC-017").
// The ledger folds resources beyond its bound into "(other resources)"; those
// nodes, and nodes nothing was billed for, have no entry. Immutable once built;
// build() is O(resources + nodes), meant for when either side changes.
class NodeCosts
{
public:
    struct Entry
    {
        std::uint32_t nodeId = 0;
        QString resource; // the ResourceId that matched (the largest, if several)
        QString service; // the FOCUS ServiceName of that resource
        QString pricing; // its dominant pricing category
        CostLedger::Sums sums; // all matching resources of the node together
    };

    static std::shared_ptr<const NodeCosts> build(
        const CostLedger::Snapshot &costs, const TopologySnapshot &topology);

    // The node id a ResourceId names by the "node-<id>" rule, if it does.
    static std::optional<std::uint32_t> nodeIdOf(QStringView resourceId);

    const Entry *find(std::uint32_t nodeId) const;
    const std::vector<Entry> &entries() const { return m_entries; } // by node id
    QString currency() const { return m_currency; }
    double maxEffective() const { return m_maxEffective; }
    double totalEffective() const { return m_totalEffective; }
    // Resources that name a node ("node-<id>") absent from the topology.
    std::size_t unmatchedNodeResources() const { return m_unmatched; }
    bool empty() const { return m_entries.empty(); }

    // Where a node's effective cost sits between 0 and the most expensive node
    // (0 … 1). The 3D layer and its legend share it.
    double fraction(const Entry &entry) const;

private:
    std::vector<Entry> m_entries;
    QString m_currency;
    double m_maxEffective = 0;
    double m_totalEffective = 0;
    std::size_t m_unmatched = 0;
};

} // namespace opsdeck::model
