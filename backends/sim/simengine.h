#pragma once

#include "backends/sim/geo.h"
#include "backends/sim/scenario.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace opsdeck::sim {

// Numeric values follow opsdeck.v1.NodeKind / NodeStatus.
enum class NodeKind : int { Aircraft = 1, GroundStation = 2 };
enum class NodeStatus : int { Ok = 1, Degraded = 2, Failed = 3, Landed = 4 };

struct SimNode
{
    std::uint32_t id = 0;
    std::string name;
    NodeKind kind = NodeKind::Aircraft;
    NodeStatus status = NodeStatus::Ok;
    Vec3 enu; // ENU position (metres)
    Vec3 velocity; // ENU velocity (m/s)
    Geodetic geo;
    double headingDeg = 0;
    double groundSpeedMps = 0;
    // flight plan in (east, north, geodetic altitude)
    std::vector<Vec3> waypoints;
    std::size_t nextWaypoint = 0;
    double speedMps = 0;
    double east = 0, north = 0, alt = 0; // planar position + geodetic altitude
};

struct SimLink
{
    std::uint32_t a = 0, b = 0; // a < b
    double quality = 0;
    double snrDb = 0;
    double latencyMs = 0;
    double bandwidthMbps = 0;
    double distanceM = 0;
    double cost = 0;
};

struct SimRoute
{
    std::uint32_t flowId = 0;
    std::string name;
    std::uint32_t src = 0, dst = 0;
    std::vector<std::uint32_t> hops;
    bool reachable = false;
    double cost = 0, latencyMs = 0, bottleneckMbps = 0;
};

// The aeronautical ad-hoc network: aircraft fly their plans, radio links form
// within range (a spatial grid finds neighbours in O(N)), flows are routed by
// Dijkstra over the link costs. Pure computation, deterministic for a scenario
// and seed; no DDS, no threads.
class SimEngine
{
public:
    SimEngine(Scenario scenario, std::uint64_t seed);

    // Back to step 0 with the initial positions of this seed.
    void reset();
    // Advances the world to (step, simTimeNs): one move of simTimeNs - now.
    void advanceTo(std::uint64_t step, std::int64_t simTimeNs);

    std::uint64_t step() const { return m_step; }
    std::int64_t simTimeNs() const { return m_simTimeNs; }
    const Scenario &scenario() const { return m_scenario; }
    std::uint64_t seed() const { return m_seed; }
    const LocalFrame &frame() const { return m_frame; }

    const std::vector<SimNode> &nodes() const { return m_nodes; }
    const std::vector<SimLink> &links() const { return m_links; } // sorted by (a, b)
    const std::vector<SimRoute> &routes() const { return m_routes; }

    // Operator-injected faults (the demo's story, tests): a node's radio fails
    // (status FAILED: no links) or comes back (OK), a link between two nodes is
    // blocked whatever their distance. Links and routes are recomputed at once.
    // Returns false for an unknown node. reset() clears both.
    bool setRadioFailed(std::uint32_t nodeId, bool failed);
    bool setLinkBlocked(std::uint32_t a, std::uint32_t b, bool blocked);

    // The same links found by comparing every pair (for tests).
    std::vector<SimLink> linksBruteForce() const;

private:
    void move(double dtS);
    void updateGeodetic(SimNode &n) const;
    void findLinks();
    bool linkBetween(const SimNode &p, const SimNode &q, SimLink *out) const;
    void routeFlows();
    std::uint64_t nextRandom();
    double uniform(double lo, double hi);

    Scenario m_scenario;
    std::uint64_t m_seed;
    LocalFrame m_frame;
    std::uint64_t m_rng = 0;
    std::uint64_t m_step = 0;
    std::int64_t m_simTimeNs = 0;
    std::vector<SimNode> m_nodes;
    std::vector<SimLink> m_links;
    std::vector<FlowSpec> m_flows;
    std::vector<SimRoute> m_routes;
    std::set<std::pair<std::uint32_t, std::uint32_t>> m_blockedLinks; // (a, b), a < b
};

} // namespace opsdeck::sim
