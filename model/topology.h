#pragma once

#include "model/diagnostics.h"
#include "model/snapshotbox.h"
#include "model/topologysnapshot.h"
#include "opsdeck/v1/recording.pb.h"

#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <unordered_set>

namespace opsdeck::model {

// The live network topology as the DDS-bridge reports it: nodes, links and
// routes, keyed as in bridge.proto, each stamped with the model version of its
// last change, plus a bounded trail of recent positions per node.
//
// Threading: apply() and publish() run on the model thread (the thread the
// EventStream lives in); snapshot() may be called from any thread.
//
// Removal follows bridge.proto: a node with NODE_STATUS_REMOVED, a link with
// up = false and a route with reachable = false are deleted. Links and routes
// never outlive the nodes they name: removing a node removes them too.
// Invalid samples are dropped and counted into Diagnostics (source "topology").
class Topology
{
public:
    struct Options
    {
        std::size_t trailCapacity = 32; // positions kept per node
        std::int64_t trailIntervalNs = 1'000'000'000; // sim time between trail points
        std::size_t maxNodes = 100'000; // beyond this new keys are refused
        std::size_t maxLinks = 400'000;
        std::size_t maxRoutes = 20'000;
        std::size_t maxHops = 64;
    };

    explicit Topology(Diagnostics *diagnostics);
    Topology(Diagnostics *diagnostics, Options options);

    // Folds the bridge samples of a batch into the model; ignores every other
    // envelope. Within a batch node samples are applied before link and route
    // samples, so a link that arrives next to its nodes is never "unknown".
    void apply(std::span<const opsdeck::v1::Envelope> batch);

    // Builds a new immutable snapshot if anything changed since the last one.
    // Parts that did not change are shared with the previous snapshot, so
    // publishing at 60 Hz costs nothing while the data is quiet. Returns true
    // when a new snapshot was published.
    bool publish();
    std::shared_ptr<const TopologySnapshot> snapshot() const { return m_box.get(); }

    // Forgets everything (a new scenario, a replay seek).
    void clear();

    // Replay (topologykeyframe.cpp): the nodes, links and routes into
    // Keyframe.nodes/links/routes; restore() replaces the state with them
    // (trails start anew from the restored positions).
    void writeKeyframe(opsdeck::v1::Keyframe &keyframe) const;
    void restore(const opsdeck::v1::Keyframe &keyframe);

    std::uint64_t version() const { return m_version; }
    std::size_t nodeCount() const { return m_nodes.size(); }
    std::size_t linkCount() const { return m_links.size(); }
    std::size_t routeCount() const { return m_routes.size(); }
    std::uint64_t dropped() const { return m_dropped; }

private:
    struct TrailRing
    {
        std::vector<TrailPoint> points; // ring of at most trailCapacity
        std::size_t head = 0; // next write position once full
        std::int64_t lastSimNs = INT64_MIN;
    };
    struct NodeEntry
    {
        TopoNode node;
        TrailRing trail;
    };

    void applyNode(const opsdeck::v1::Sample &sample, const opsdeck::v1::Envelope &envelope);
    void applyLink(const opsdeck::v1::Sample &sample, const opsdeck::v1::Envelope &envelope);
    void applyRoute(const opsdeck::v1::Sample &sample, const opsdeck::v1::Envelope &envelope);
    void applySnapshotMarker(const opsdeck::v1::Sample &sample, const opsdeck::v1::Envelope &envelope);
    void noteSnapshotKey(const opsdeck::v1::Sample &sample);
    void removeNode(std::uint32_t id);
    void removeLinksOf(std::uint32_t id);
    void removeRoutesThrough(std::uint32_t id);
    void drop(const opsdeck::v1::Envelope &envelope, const QString &reason, const QString &example);

    Diagnostics *m_diagnostics;
    Options m_options;

    std::map<std::uint32_t, NodeEntry> m_nodes;
    std::map<LinkKey, TopoLink> m_links;
    std::map<std::uint32_t, TopoRoute> m_routes;

    // Resubscription: the bridge sends the whole current state (snapshot =
    // true) and then SnapshotComplete. Keys that were not part of it are gone.
    bool m_inSnapshot = false;
    std::unordered_set<std::uint32_t> m_snapshotNodes;
    std::unordered_set<std::uint64_t> m_snapshotLinks;
    std::unordered_set<std::uint32_t> m_snapshotRoutes;

    std::uint64_t m_version = 0;
    std::uint64_t m_structureVersion = 0;
    std::uint64_t m_publishedVersion = 0;
    bool m_nodesDirty = false;
    bool m_linksDirty = false;
    bool m_routesDirty = false;
    bool m_trailsDirty = false;
    std::uint64_t m_dropped = 0;
    std::int64_t m_lastSimTimeNs = 0;

    std::shared_ptr<const TopologySnapshot> m_last;
    SnapshotBox<TopologySnapshot> m_box;
};

} // namespace opsdeck::model
