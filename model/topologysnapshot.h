#pragma once

#include "opsdeck/v1/bridge.pb.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace opsdeck::model {

// One node of the topology as the console holds it (bridge.proto NodeState,
// validated). `version` is the Topology version of its last change.
struct TopoNode
{
    std::uint32_t id = 0;
    QString name;
    opsdeck::v1::NodeKind kind = opsdeck::v1::NODE_KIND_UNSPECIFIED;
    opsdeck::v1::NodeStatus status = opsdeck::v1::NODE_STATUS_UNSPECIFIED;
    double latDeg = 0, lonDeg = 0, altM = 0;
    double east = 0, north = 0, up = 0; // ENU metres from the scenario origin
    double velEast = 0, velNorth = 0, velUp = 0;
    double headingDeg = 0;
    double groundSpeedMps = 0;
    std::uint64_t step = 0;
    std::int64_t simTimeNs = 0;
    QString owner;
    std::uint64_t version = 0;
};

// Key of a link: (a, b) with a < b.
struct LinkKey
{
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    friend bool operator<(const LinkKey &l, const LinkKey &r) { return l.a != r.a ? l.a < r.a : l.b < r.b; }
    friend bool operator==(const LinkKey &l, const LinkKey &r) { return l.a == r.a && l.b == r.b; }
    std::uint64_t packed() const { return (std::uint64_t(a) << 32) | b; }
};

struct TopoLink
{
    LinkKey key;
    double quality = 0; // 0 .. 1
    double snrDb = 0;
    double latencyMs = 0;
    double bandwidthMbps = 0;
    double distanceM = 0;
    double cost = 0;
    std::uint64_t step = 0;
    std::int64_t simTimeNs = 0;
    QString owner;
    std::uint64_t version = 0;
};

struct TopoRoute
{
    std::uint32_t flowId = 0;
    QString name;
    std::uint32_t src = 0;
    std::uint32_t dst = 0;
    std::vector<std::uint32_t> hops; // src .. dst inclusive, every hop a known node
    double cost = 0;
    double latencyMs = 0;
    double bottleneckMbps = 0;
    std::uint64_t step = 0;
    std::int64_t simTimeNs = 0;
    QString owner;
    std::uint64_t version = 0;
};

// A past ENU position of a node (floats: trails are for drawing).
struct TrailPoint
{
    float east = 0, north = 0, up = 0;
};

// Trails of all nodes in one flat array: node i of `nodes` owns
// points[begin[i] .. begin[i + 1]), oldest first. begin has nodes.size() + 1
// entries (or is empty when trails are off).
struct TopoTrails
{
    std::vector<std::uint32_t> begin;
    std::vector<TrailPoint> points;
};

// An immutable view of the topology. Each part is shared between consecutive
// snapshots while it does not change, so taking one is cheap.
struct TopologySnapshot
{
    std::uint64_t version = 0; // bumps on every change
    std::uint64_t structureVersion = 0; // bumps when nodes, links or routes are added/removed
    std::int64_t simTimeNs = 0; // latest sim time seen in any sample
    std::shared_ptr<const std::vector<TopoNode>> nodes = std::make_shared<std::vector<TopoNode>>();
    std::shared_ptr<const std::vector<TopoLink>> links = std::make_shared<std::vector<TopoLink>>();
    std::shared_ptr<const std::vector<TopoRoute>> routes = std::make_shared<std::vector<TopoRoute>>();
    std::shared_ptr<const TopoTrails> trails = std::make_shared<TopoTrails>();

    bool isEmpty() const { return nodes->empty(); }

    // Sorted by id / key / flow id: lookups are binary searches. -1 if absent.
    int nodeIndex(std::uint32_t id) const;
    const TopoNode *findNode(std::uint32_t id) const;
    const TopoLink *findLink(std::uint32_t a, std::uint32_t b) const;
    const TopoRoute *findRoute(std::uint32_t flowId) const;

    // For a details view: the links touching a node, the routes through it.
    std::vector<const TopoLink *> linksOf(std::uint32_t id) const;
    std::vector<const TopoRoute *> routesThrough(std::uint32_t id) const;
};

} // namespace opsdeck::model
