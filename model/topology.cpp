#include "model/topology.h"

#include "model/eventstream.h"
#include "model/logging.h"

#include <algorithm>
#include <cmath>

namespace opsdeck::model {

using opsdeck::v1::Envelope;
using opsdeck::v1::Sample;

namespace {

constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxRouteNameBytes = 128;
constexpr double kMaxEnuM = 1.0e8; // beyond geostationary orbit
constexpr double kMinAltM = -12'000.0; // deeper than any ocean trench
constexpr double kMaxAltM = 1.0e8;
constexpr double kMaxSpeedMps = 1.0e5; // far above orbital velocity

bool finite3(double a, double b, double c)
{
    return std::isfinite(a) && std::isfinite(b) && std::isfinite(c);
}

QString nodeExample(const opsdeck::v1::NodeState &n)
{
    return QStringLiteral("node %1 lat %2 lon %3 alt %4 enu (%5, %6, %7)")
        .arg(n.node_id())
        .arg(n.geo().lat_deg())
        .arg(n.geo().lon_deg())
        .arg(n.geo().alt_m())
        .arg(n.enu().east_m())
        .arg(n.enu().north_m())
        .arg(n.enu().up_m());
}

// Returns an empty string if the node state is acceptable, else the reason.
QString validateNode(const opsdeck::v1::NodeState &n)
{
    if (n.name().size() > kMaxNameBytes)
        return QStringLiteral("oversized name");
    const auto &g = n.geo();
    const auto &e = n.enu();
    const auto &v = n.velocity_mps();
    if (!finite3(g.lat_deg(), g.lon_deg(), g.alt_m()) || !finite3(e.east_m(), e.north_m(), e.up_m()))
        return QStringLiteral("non-finite position");
    if (std::abs(g.lat_deg()) > 90.0 || std::abs(g.lon_deg()) > 180.0 || g.alt_m() < kMinAltM
        || g.alt_m() > kMaxAltM || std::abs(e.east_m()) > kMaxEnuM || std::abs(e.north_m()) > kMaxEnuM
        || std::abs(e.up_m()) > kMaxEnuM)
        return QStringLiteral("absurd coordinates");
    if (!finite3(v.east_m(), v.north_m(), v.up_m()) || !std::isfinite(n.heading_deg())
        || !std::isfinite(n.ground_speed_mps()))
        return QStringLiteral("non-finite velocity");
    if (std::abs(v.east_m()) > kMaxSpeedMps || std::abs(v.north_m()) > kMaxSpeedMps
        || std::abs(v.up_m()) > kMaxSpeedMps)
        return QStringLiteral("absurd velocity");
    return {};
}

QString validateLink(const opsdeck::v1::LinkState &l)
{
    if (l.a() == l.b())
        return QStringLiteral("link from a node to itself");
    if (!std::isfinite(l.quality()) || l.quality() < 0.0 || l.quality() > 1.0)
        return QStringLiteral("link quality outside 0..1");
    if (!std::isfinite(l.latency_ms()) || l.latency_ms() < 0.0)
        return QStringLiteral("negative or non-finite latency");
    if (!std::isfinite(l.snr_db()) || !std::isfinite(l.bandwidth_mbps()) || !std::isfinite(l.distance_m())
        || !std::isfinite(l.cost()) || l.bandwidth_mbps() < 0.0 || l.distance_m() < 0.0)
        return QStringLiteral("invalid link metric");
    return {};
}

QString sourceName(const Envelope &envelope)
{
    return envelope.source().empty()
        ? QStringLiteral("bridge")
        : QStringLiteral("bridge %1").arg(QString::fromStdString(envelope.source()));
}

} // namespace

Topology::Topology(Diagnostics *diagnostics)
    : Topology(diagnostics, Options {})
{ }

Topology::Topology(Diagnostics *diagnostics, Options options)
    : m_diagnostics(diagnostics)
    , m_options(options)
{ }

void Topology::drop(const Envelope &envelope, const QString &reason, const QString &example)
{
    ++m_dropped;
    if (m_diagnostics)
        m_diagnostics->report(sourceName(envelope), reason, example, unixNowNs());
}

void Topology::apply(std::span<const Envelope> batch)
{
    // Pass 1: nodes (and the start of a resubscription snapshot).
    for (const Envelope &envelope : batch) {
        if (envelope.channel() != opsdeck::v1::CHANNEL_BRIDGE || !envelope.has_bridge_sample())
            continue;
        const Sample &sample = envelope.bridge_sample();
        if (sample.snapshot() && !m_inSnapshot) {
            m_inSnapshot = true;
            m_snapshotNodes.clear();
            m_snapshotLinks.clear();
            m_snapshotRoutes.clear();
        }
        if (sample.has_node())
            applyNode(sample, envelope);
    }
    // Pass 2: links, routes and the end of a snapshot, in their order.
    for (const Envelope &envelope : batch) {
        if (envelope.channel() != opsdeck::v1::CHANNEL_BRIDGE || !envelope.has_bridge_sample())
            continue;
        const Sample &sample = envelope.bridge_sample();
        if (sample.has_link())
            applyLink(sample, envelope);
        else if (sample.has_route())
            applyRoute(sample, envelope);
        else if (sample.has_snapshot_complete())
            applySnapshotMarker(sample, envelope);
    }
}

void Topology::applyNode(const Sample &sample, const Envelope &envelope)
{
    const opsdeck::v1::NodeState &n = sample.node();
    if (n.status() == opsdeck::v1::NODE_STATUS_REMOVED) {
        removeNode(n.node_id());
        return;
    }
    const QString reason = validateNode(n);
    if (!reason.isEmpty()) {
        drop(envelope, reason, nodeExample(n));
        return;
    }
    auto it = m_nodes.find(n.node_id());
    if (it == m_nodes.end()) {
        if (m_nodes.size() >= m_options.maxNodes) {
            drop(envelope, QStringLiteral("too many nodes"), nodeExample(n));
            return;
        }
        it = m_nodes.try_emplace(n.node_id()).first;
        ++m_structureVersion;
        m_trailsDirty = true;
    }
    if (m_inSnapshot)
        m_snapshotNodes.insert(n.node_id());

    TopoNode &node = it->second.node;
    node.id = n.node_id();
    if (node.name.size() != qsizetype(n.name().size())
        || node.name != QLatin1StringView(n.name().data(), qsizetype(n.name().size())))
        node.name = QString::fromStdString(n.name());
    node.kind = n.kind();
    node.status = n.status();
    node.latDeg = n.geo().lat_deg();
    node.lonDeg = n.geo().lon_deg();
    node.altM = n.geo().alt_m();
    node.east = n.enu().east_m();
    node.north = n.enu().north_m();
    node.up = n.enu().up_m();
    node.velEast = n.velocity_mps().east_m();
    node.velNorth = n.velocity_mps().north_m();
    node.velUp = n.velocity_mps().up_m();
    node.headingDeg = n.heading_deg();
    node.groundSpeedMps = n.ground_speed_mps();
    node.step = n.step();
    node.simTimeNs = n.sim_time_ns();
    if (node.owner.isEmpty() || !n.owner_member().empty())
        node.owner = QString::fromStdString(n.owner_member().empty() ? sample.source() : n.owner_member());
    node.version = ++m_version;
    m_nodesDirty = true;
    m_lastSimTimeNs = std::max(m_lastSimTimeNs, n.sim_time_ns());

    if (m_options.trailCapacity > 0) {
        TrailRing &trail = it->second.trail;
        if (n.sim_time_ns() < trail.lastSimNs) { // the simulation was reset
            trail.points.clear();
            trail.head = 0;
            trail.lastSimNs = INT64_MIN;
        }
        if (trail.lastSimNs == INT64_MIN || n.sim_time_ns() - trail.lastSimNs >= m_options.trailIntervalNs) {
            const TrailPoint point { float(node.east), float(node.north), float(node.up) };
            if (trail.points.size() < m_options.trailCapacity) {
                trail.points.push_back(point);
            } else {
                trail.points[trail.head] = point;
                trail.head = (trail.head + 1) % m_options.trailCapacity;
            }
            trail.lastSimNs = n.sim_time_ns();
            m_trailsDirty = true;
        }
    }
}

void Topology::applyLink(const Sample &sample, const Envelope &envelope)
{
    const opsdeck::v1::LinkState &l = sample.link();
    const LinkKey key { std::min(l.a(), l.b()), std::max(l.a(), l.b()) };
    const QString example = QStringLiteral("link %1-%2 quality %3 latency %4 ms")
                                .arg(l.a())
                                .arg(l.b())
                                .arg(l.quality())
                                .arg(l.latency_ms());
    if (!l.up()) {
        if (m_links.erase(key) > 0) {
            ++m_version;
            ++m_structureVersion;
            m_linksDirty = true;
        }
        return;
    }
    const QString reason = validateLink(l);
    if (!reason.isEmpty()) {
        drop(envelope, reason, example);
        return;
    }
    if (!m_nodes.contains(key.a) || !m_nodes.contains(key.b)) {
        drop(envelope, QStringLiteral("link names unknown node"), example);
        return;
    }
    auto it = m_links.find(key);
    if (it == m_links.end()) {
        if (m_links.size() >= m_options.maxLinks) {
            drop(envelope, QStringLiteral("too many links"), example);
            return;
        }
        it = m_links.try_emplace(key).first;
        ++m_structureVersion;
    }
    if (m_inSnapshot)
        m_snapshotLinks.insert(key.packed());
    TopoLink &link = it->second;
    link.key = key;
    link.quality = l.quality();
    link.snrDb = l.snr_db();
    link.latencyMs = l.latency_ms();
    link.bandwidthMbps = l.bandwidth_mbps();
    link.distanceM = l.distance_m();
    link.cost = l.cost();
    link.step = l.step();
    link.simTimeNs = l.sim_time_ns();
    if (link.owner.isEmpty() || !l.owner_member().empty())
        link.owner = QString::fromStdString(l.owner_member().empty() ? sample.source() : l.owner_member());
    link.version = ++m_version;
    m_linksDirty = true;
    m_lastSimTimeNs = std::max(m_lastSimTimeNs, l.sim_time_ns());
}

void Topology::applyRoute(const Sample &sample, const Envelope &envelope)
{
    const opsdeck::v1::Route &r = sample.route();
    QString example = QStringLiteral("flow %1 %2->%3 hops").arg(r.flow_id()).arg(r.src()).arg(r.dst());
    for (int i = 0; i < std::min(r.hops_size(), 8); ++i)
        example += QStringLiteral(" %1").arg(r.hops(i));
    if (!r.reachable()) {
        if (m_routes.erase(r.flow_id()) > 0) {
            ++m_version;
            ++m_structureVersion;
            m_routesDirty = true;
        }
        return;
    }
    QString reason;
    if (r.name().size() > kMaxRouteNameBytes)
        reason = QStringLiteral("oversized name");
    else if (r.hops_size() < 2)
        reason = QStringLiteral("reachable route with fewer than two hops");
    else if (std::size_t(r.hops_size()) > m_options.maxHops)
        reason = QStringLiteral("route too long");
    else if (r.hops(0) != r.src() || r.hops(r.hops_size() - 1) != r.dst())
        reason = QStringLiteral("route hops do not join src and dst");
    else if (!std::all_of(
                 r.hops().begin(), r.hops().end(), [this](std::uint32_t id) { return m_nodes.contains(id); }))
        reason = QStringLiteral("route names unknown node");
    if (!reason.isEmpty()) {
        drop(envelope, reason, example);
        return;
    }
    auto it = m_routes.find(r.flow_id());
    if (it == m_routes.end()) {
        if (m_routes.size() >= m_options.maxRoutes) {
            drop(envelope, QStringLiteral("too many routes"), example);
            return;
        }
        it = m_routes.try_emplace(r.flow_id()).first;
        ++m_structureVersion;
    }
    if (m_inSnapshot)
        m_snapshotRoutes.insert(r.flow_id());
    TopoRoute &route = it->second;
    const bool hopsChanged
        = !std::equal(route.hops.begin(), route.hops.end(), r.hops().begin(), r.hops().end());
    if (hopsChanged)
        ++m_structureVersion;
    route.flowId = r.flow_id();
    route.name = QString::fromStdString(r.name());
    route.src = r.src();
    route.dst = r.dst();
    route.hops.assign(r.hops().begin(), r.hops().end());
    route.cost = r.cost();
    route.latencyMs = r.latency_ms();
    route.bottleneckMbps = r.bottleneck_mbps();
    route.step = r.step();
    route.simTimeNs = r.sim_time_ns();
    route.owner = QString::fromStdString(r.owner_member().empty() ? sample.source() : r.owner_member());
    route.version = ++m_version;
    m_routesDirty = true;
}

void Topology::applySnapshotMarker(const Sample &, const Envelope &)
{
    if (!m_inSnapshot) {
        // A complete snapshot with no keys in it: the bridge holds nothing.
        if (m_nodes.empty())
            return;
        m_snapshotNodes.clear();
        m_snapshotLinks.clear();
        m_snapshotRoutes.clear();
    }
    m_inSnapshot = false;
    std::vector<std::uint32_t> goneNodes;
    for (const auto &[id, entry] : m_nodes)
        if (!m_snapshotNodes.contains(id))
            goneNodes.push_back(id);
    for (std::uint32_t id : goneNodes)
        removeNode(id);
    for (auto it = m_links.begin(); it != m_links.end();) {
        if (!m_snapshotLinks.contains(it->first.packed())) {
            it = m_links.erase(it);
            ++m_version;
            ++m_structureVersion;
            m_linksDirty = true;
        } else {
            ++it;
        }
    }
    for (auto it = m_routes.begin(); it != m_routes.end();) {
        if (!m_snapshotRoutes.contains(it->first)) {
            it = m_routes.erase(it);
            ++m_version;
            ++m_structureVersion;
            m_routesDirty = true;
        } else {
            ++it;
        }
    }
    m_snapshotNodes.clear();
    m_snapshotLinks.clear();
    m_snapshotRoutes.clear();
    if (!goneNodes.empty())
        qCDebug(lcModel) << "resubscription snapshot removed" << goneNodes.size() << "stale nodes";
}

void Topology::removeNode(std::uint32_t id)
{
    if (m_nodes.erase(id) == 0)
        return;
    ++m_version;
    ++m_structureVersion;
    m_nodesDirty = true;
    m_trailsDirty = true;
    removeLinksOf(id);
    removeRoutesThrough(id);
}

void Topology::removeLinksOf(std::uint32_t id)
{
    for (auto it = m_links.begin(); it != m_links.end();) {
        if (it->first.a == id || it->first.b == id) {
            it = m_links.erase(it);
            m_linksDirty = true;
        } else {
            ++it;
        }
    }
}

void Topology::removeRoutesThrough(std::uint32_t id)
{
    for (auto it = m_routes.begin(); it != m_routes.end();) {
        if (std::find(it->second.hops.begin(), it->second.hops.end(), id) != it->second.hops.end()) {
            it = m_routes.erase(it);
            m_routesDirty = true;
        } else {
            ++it;
        }
    }
}

void Topology::clear()
{
    m_nodes.clear();
    m_links.clear();
    m_routes.clear();
    m_inSnapshot = false;
    ++m_version;
    ++m_structureVersion;
    m_nodesDirty = m_linksDirty = m_routesDirty = m_trailsDirty = true;
    m_lastSimTimeNs = 0;
}

bool Topology::publish()
{
    if (m_version == m_publishedVersion && m_last)
        return false;
    auto next = m_last ? std::make_shared<TopologySnapshot>(*m_last) : std::make_shared<TopologySnapshot>();
    next->version = m_version;
    next->structureVersion = m_structureVersion;
    next->simTimeNs = m_lastSimTimeNs;
    if (m_nodesDirty || !m_last) {
        auto nodes = std::make_shared<std::vector<TopoNode>>();
        nodes->reserve(m_nodes.size());
        for (const auto &[id, entry] : m_nodes)
            nodes->push_back(entry.node);
        next->nodes = std::move(nodes);
    }
    if (m_linksDirty || !m_last) {
        auto links = std::make_shared<std::vector<TopoLink>>();
        links->reserve(m_links.size());
        for (const auto &[key, link] : m_links)
            links->push_back(link);
        next->links = std::move(links);
    }
    if (m_routesDirty || !m_last) {
        auto routes = std::make_shared<std::vector<TopoRoute>>();
        routes->reserve(m_routes.size());
        for (const auto &[id, route] : m_routes)
            routes->push_back(route);
        next->routes = std::move(routes);
    }
    if ((m_trailsDirty || !m_last) && m_options.trailCapacity > 0) {
        auto trails = std::make_shared<TopoTrails>();
        trails->begin.reserve(m_nodes.size() + 1);
        trails->points.reserve(m_nodes.size() * std::min<std::size_t>(m_options.trailCapacity, 8));
        for (const auto &[id, entry] : m_nodes) {
            trails->begin.push_back(std::uint32_t(trails->points.size()));
            const TrailRing &ring = entry.trail;
            const std::size_t count = ring.points.size();
            const std::size_t first = count < m_options.trailCapacity ? 0 : ring.head;
            for (std::size_t i = 0; i < count; ++i)
                trails->points.push_back(ring.points[(first + i) % count]);
        }
        trails->begin.push_back(std::uint32_t(trails->points.size()));
        next->trails = std::move(trails);
    }
    m_nodesDirty = m_linksDirty = m_routesDirty = m_trailsDirty = false;
    m_publishedVersion = m_version;
    m_last = next;
    m_box.publish(std::move(next));
    return true;
}

} // namespace opsdeck::model
