#include "backends/sim/simengine.h"

#include <queue>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <unordered_map>

namespace opsdeck::sim {

namespace {

constexpr double kSpeedOfLight = 299792458.0;
constexpr double kSnrSpanDb = 30.0; // quality goes 0 → 1 over this much SNR above the edge of range

double radioHorizon(double altA, double altB)
{
    // 4/3-earth radio horizon: 4.12 km per sqrt(metre) of antenna height.
    return 4120.0 * (std::sqrt(std::max(altA, 1.0)) + std::sqrt(std::max(altB, 1.0)));
}

} // namespace

SimEngine::SimEngine(Scenario scenario, std::uint64_t seed)
    : m_scenario(std::move(scenario))
    , m_seed(seed)
    , m_frame(m_scenario.origin)
{
    reset();
}

std::uint64_t SimEngine::nextRandom()
{
    // splitmix64: tiny, fast and identical on every platform (std:: distributions are not).
    std::uint64_t z = (m_rng += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double SimEngine::uniform(double lo, double hi)
{
    return lo + (hi - lo) * double(nextRandom() >> 11) * 0x1.0p-53;
}

void SimEngine::reset()
{
    m_rng = m_seed;
    m_step = 0;
    m_simTimeNs = 0;
    m_nodes.clear();
    m_blockedLinks.clear();
    const Scenario &s = m_scenario;
    std::uint32_t maxId = 0;
    for (const GroundStation &g : s.ground) {
        SimNode n;
        n.id = g.id;
        n.name = g.name;
        n.kind = NodeKind::GroundStation;
        const Vec3 p = m_frame.toEnu(g.position);
        n.east = p.x;
        n.north = p.y;
        n.alt = g.position.altM;
        m_nodes.push_back(std::move(n));
        maxId = std::max(maxId, g.id);
    }
    for (const FlightPlan &f : s.plans) {
        SimNode n;
        n.id = f.id;
        n.name = f.name;
        n.speedMps = f.speedMps;
        for (const Geodetic &w : f.waypoints) {
            const Vec3 p = m_frame.toEnu(w);
            n.waypoints.push_back({ p.x, p.y, w.altM });
        }
        m_nodes.push_back(std::move(n));
        maxId = std::max(maxId, f.id);
    }
    for (int i = 0; i < s.aircraft; ++i) {
        SimNode n;
        n.id = maxId + 1 + std::uint32_t(i);
        n.name = "ODK" + std::to_string(100 + i);
        n.speedMps = uniform(s.speedMinMps, s.speedMaxMps);
        const double cruise = uniform(s.altMinM, s.altMaxM);
        for (int w = 0; w < s.waypoints; ++w)
            n.waypoints.push_back({ uniform(-s.regionEastM / 2, s.regionEastM / 2),
                uniform(-s.regionNorthM / 2, s.regionNorthM / 2),
                std::clamp(cruise + uniform(-500, 500), s.altMinM, s.altMaxM) });
        m_nodes.push_back(std::move(n));
    }
    for (SimNode &n : m_nodes) {
        if (!n.waypoints.empty()) {
            // Start somewhere on the first leg so the fleet is spread out at step 0.
            const Vec3 &a = n.waypoints[0];
            const Vec3 &b = n.waypoints[1 % n.waypoints.size()];
            const double t = uniform(0, 1);
            n.east = a.x + (b.x - a.x) * t;
            n.north = a.y + (b.y - a.y) * t;
            n.alt = a.z + (b.z - a.z) * t;
            n.nextWaypoint = 1 % n.waypoints.size();
        }
        updateGeodetic(n);
    }
    std::sort(m_nodes.begin(), m_nodes.end(), [](const SimNode &a, const SimNode &b) { return a.id < b.id; });

    m_flows = s.flows;
    if (s.randomFlows > 0 && m_nodes.size() >= 2) {
        std::uint32_t flowId = 0;
        for (const FlowSpec &f : m_flows)
            flowId = std::max(flowId, f.id);
        for (int i = 0; i < s.randomFlows; ++i) {
            FlowSpec f;
            f.id = ++flowId;
            const std::size_t a = std::size_t(nextRandom() % m_nodes.size());
            std::size_t b = std::size_t(nextRandom() % (m_nodes.size() - 1));
            if (b >= a)
                ++b;
            f.src = m_nodes[a].id;
            f.dst = m_nodes[b].id;
            f.name = m_nodes[a].name + "->" + m_nodes[b].name;
            m_flows.push_back(f);
        }
    }
    findLinks();
    routeFlows();
}

void SimEngine::updateGeodetic(SimNode &n) const
{
    n.enu = m_frame.enuAtAltitude(n.east, n.north, n.alt);
    n.geo = m_frame.toGeodetic(n.enu);
}

void SimEngine::advanceTo(std::uint64_t step, std::int64_t simTimeNs)
{
    const double dtS = double(simTimeNs - m_simTimeNs) * 1e-9;
    if (dtS > 0)
        move(dtS);
    m_step = step;
    m_simTimeNs = simTimeNs;
    findLinks();
    routeFlows();
}

void SimEngine::move(double dtS)
{
    const double failPerStep = m_scenario.failureProbability * dtS / 3600.0;
    for (SimNode &n : m_nodes) {
        if (n.kind != NodeKind::Aircraft || n.waypoints.size() < 2) {
            n.velocity = {};
            n.groundSpeedMps = 0;
            continue;
        }
        if (failPerStep > 0 && uniform(0, 1) < failPerStep)
            n.status = n.status == NodeStatus::Ok ? NodeStatus::Failed : NodeStatus::Ok;
        double budget = n.speedMps * dtS;
        const double e0 = n.east, n0 = n.north, a0 = n.alt;
        while (budget > 0) {
            const Vec3 &w = n.waypoints[n.nextWaypoint];
            const double dx = w.x - n.east, dy = w.y - n.north, dz = w.z - n.alt;
            const double d = std::sqrt(dx * dx + dy * dy + dz * dz);
            if (d <= budget) {
                n.east = w.x;
                n.north = w.y;
                n.alt = w.z;
                budget -= d;
                n.nextWaypoint = (n.nextWaypoint + 1) % n.waypoints.size();
                if (d < 1e-6 && budget > 0 && n.waypoints.size() < 2)
                    break;
            } else {
                const double f = budget / d;
                n.east += dx * f;
                n.north += dy * f;
                n.alt += dz * f;
                budget = 0;
            }
        }
        const Vec3 before = n.enu;
        updateGeodetic(n);
        n.velocity = { (n.enu.x - before.x) / dtS, (n.enu.y - before.y) / dtS, (n.alt - a0) / dtS };
        const double ve = (n.east - e0) / dtS, vn = (n.north - n0) / dtS;
        n.groundSpeedMps = std::hypot(ve, vn);
        double heading = std::atan2(ve, vn) * 180.0 / std::numbers::pi;
        if (heading < 0)
            heading += 360.0;
        n.headingDeg = heading >= 360.0 ? 0.0 : heading;
    }
}

bool SimEngine::setRadioFailed(std::uint32_t nodeId, bool failed)
{
    const auto it = std::lower_bound(
        m_nodes.begin(), m_nodes.end(), nodeId, [](const SimNode &n, std::uint32_t v) { return n.id < v; });
    if (it == m_nodes.end() || it->id != nodeId)
        return false;
    it->status = failed ? NodeStatus::Failed : NodeStatus::Ok;
    findLinks();
    routeFlows();
    return true;
}

bool SimEngine::setLinkBlocked(std::uint32_t a, std::uint32_t b, bool blocked)
{
    auto known = [this](std::uint32_t id) {
        const auto it = std::lower_bound(
            m_nodes.begin(), m_nodes.end(), id, [](const SimNode &n, std::uint32_t v) { return n.id < v; });
        return it != m_nodes.end() && it->id == id;
    };
    if (a == b || !known(a) || !known(b))
        return false;
    const auto key = std::minmax(a, b);
    if (blocked)
        m_blockedLinks.insert({ key.first, key.second });
    else
        m_blockedLinks.erase({ key.first, key.second });
    findLinks();
    routeFlows();
    return true;
}

bool SimEngine::linkBetween(const SimNode &p, const SimNode &q, SimLink *out) const
{
    if (p.status == NodeStatus::Failed || q.status == NodeStatus::Failed)
        return false;
    if (!m_blockedLinks.empty() && m_blockedLinks.count({ std::min(p.id, q.id), std::max(p.id, q.id) }))
        return false;
    const double dx = p.enu.x - q.enu.x, dy = p.enu.y - q.enu.y, dz = p.enu.z - q.enu.z;
    const double d = std::sqrt(dx * dx + dy * dy + dz * dz);
    const double range = std::min(m_scenario.radioRangeM, radioHorizon(p.alt, q.alt));
    if (d > range || d <= 0)
        return false;
    SimLink l;
    l.a = std::min(p.id, q.id);
    l.b = std::max(p.id, q.id);
    l.distanceM = d;
    // Free-space law: SNR falls 20 dB per decade of distance from the edge-of-range value.
    l.snrDb = m_scenario.snrAtRangeDb + 20.0 * std::log10(m_scenario.radioRangeM / d);
    l.quality = std::clamp((l.snrDb - m_scenario.snrAtRangeDb) / kSnrSpanDb, 0.0, 1.0);
    const double snrLinear = std::pow(10.0, l.snrDb / 10.0);
    const double snrFull = std::pow(10.0, (m_scenario.snrAtRangeDb + kSnrSpanDb) / 10.0);
    l.bandwidthMbps
        = m_scenario.maxBandwidthMbps * std::min(1.0, std::log2(1.0 + snrLinear) / std::log2(1.0 + snrFull));
    l.latencyMs = d / kSpeedOfLight * 1000.0 + m_scenario.processingLatencyMs;
    // Cost: latency, plus a penalty for poor links so routes prefer strong ones.
    l.cost = l.latencyMs + 5.0 * (1.0 - l.quality);
    *out = l;
    return true;
}

void SimEngine::findLinks()
{
    m_links.clear();
    const double cell = m_scenario.radioRangeM;
    struct CellHash
    {
        std::size_t operator()(const std::pair<std::int64_t, std::int64_t> &c) const
        {
            return std::hash<std::int64_t>()(c.first * 73856093 ^ c.second * 19349663);
        }
    };
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::vector<std::size_t>, CellHash> grid;
    grid.reserve(m_nodes.size());
    auto cellOf = [cell](const SimNode &n) {
        return std::pair<std::int64_t, std::int64_t> { std::int64_t(std::floor(n.enu.x / cell)),
            std::int64_t(std::floor(n.enu.y / cell)) };
    };
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        grid[cellOf(m_nodes[i])].push_back(i);
    SimLink link;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const auto [cx, cy] = cellOf(m_nodes[i]);
        for (std::int64_t ix = cx - 1; ix <= cx + 1; ++ix) {
            for (std::int64_t iy = cy - 1; iy <= cy + 1; ++iy) {
                const auto it = grid.find({ ix, iy });
                if (it == grid.end())
                    continue;
                for (std::size_t j : it->second) {
                    if (j > i && linkBetween(m_nodes[i], m_nodes[j], &link))
                        m_links.push_back(link);
                }
            }
        }
    }
    std::sort(m_links.begin(), m_links.end(),
        [](const SimLink &x, const SimLink &y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
}

std::vector<SimLink> SimEngine::linksBruteForce() const
{
    std::vector<SimLink> out;
    SimLink link;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        for (std::size_t j = i + 1; j < m_nodes.size(); ++j)
            if (linkBetween(m_nodes[i], m_nodes[j], &link))
                out.push_back(link);
    std::sort(out.begin(), out.end(),
        [](const SimLink &x, const SimLink &y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    return out;
}

void SimEngine::routeFlows()
{
    // Node ids → dense indices (m_nodes is sorted by id).
    auto indexOf = [this](std::uint32_t id) -> std::ptrdiff_t {
        const auto it = std::lower_bound(
            m_nodes.begin(), m_nodes.end(), id, [](const SimNode &n, std::uint32_t v) { return n.id < v; });
        return it != m_nodes.end() && it->id == id ? it - m_nodes.begin() : -1;
    };
    struct Edge
    {
        std::size_t to;
        std::size_t link;
    };
    std::vector<std::vector<Edge>> adjacency(m_nodes.size());
    for (std::size_t k = 0; k < m_links.size(); ++k) {
        const std::size_t a = std::size_t(indexOf(m_links[k].a)), b = std::size_t(indexOf(m_links[k].b));
        adjacency[a].push_back({ b, k });
        adjacency[b].push_back({ a, k });
    }
    m_routes.clear();
    std::vector<double> dist(m_nodes.size());
    std::vector<std::ptrdiff_t> viaLink(m_nodes.size());
    for (const FlowSpec &f : m_flows) {
        SimRoute r;
        r.flowId = f.id;
        r.name = f.name;
        r.src = f.src;
        r.dst = f.dst;
        const std::ptrdiff_t s = indexOf(f.src), t = indexOf(f.dst);
        if (s >= 0 && t >= 0) {
            std::fill(dist.begin(), dist.end(), std::numeric_limits<double>::infinity());
            std::fill(viaLink.begin(), viaLink.end(), -1);
            using Item = std::pair<double, std::size_t>;
            std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
            dist[std::size_t(s)] = 0;
            queue.push({ 0, std::size_t(s) });
            while (!queue.empty()) {
                const auto [d, u] = queue.top();
                queue.pop();
                if (d > dist[u])
                    continue;
                if (u == std::size_t(t))
                    break;
                for (const Edge &e : adjacency[u]) {
                    const double nd = d + m_links[e.link].cost;
                    if (nd < dist[e.to]) {
                        dist[e.to] = nd;
                        viaLink[e.to] = std::ptrdiff_t(e.link);
                        queue.push({ nd, e.to });
                    }
                }
            }
            if (std::isfinite(dist[std::size_t(t)])) {
                r.reachable = true;
                r.cost = dist[std::size_t(t)];
                r.bottleneckMbps = std::numeric_limits<double>::infinity();
                std::size_t at = std::size_t(t);
                r.hops.push_back(m_nodes[at].id);
                while (at != std::size_t(s)) {
                    const SimLink &l = m_links[std::size_t(viaLink[at])];
                    r.latencyMs += l.latencyMs;
                    r.bottleneckMbps = std::min(r.bottleneckMbps, l.bandwidthMbps);
                    const std::uint32_t other = l.a == m_nodes[at].id ? l.b : l.a;
                    at = std::size_t(indexOf(other));
                    r.hops.push_back(other);
                }
                std::reverse(r.hops.begin(), r.hops.end());
            }
        }
        m_routes.push_back(std::move(r));
    }
}

} // namespace opsdeck::sim
