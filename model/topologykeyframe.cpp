// Topology keyframes for replay (recording.proto Keyframe.nodes/links/routes).
#include "model/topology.h"

#include <vector>

namespace opsdeck::model {

void Topology::writeKeyframe(opsdeck::v1::Keyframe &keyframe) const
{
    keyframe.mutable_nodes()->Reserve(int(m_nodes.size()));
    for (const auto &[id, entry] : m_nodes) {
        const TopoNode &node = entry.node;
        opsdeck::v1::NodeState *n = keyframe.add_nodes();
        n->set_node_id(node.id);
        n->set_name(node.name.toStdString());
        n->set_kind(node.kind);
        n->set_status(node.status);
        n->mutable_geo()->set_lat_deg(node.latDeg);
        n->mutable_geo()->set_lon_deg(node.lonDeg);
        n->mutable_geo()->set_alt_m(node.altM);
        n->mutable_enu()->set_east_m(node.east);
        n->mutable_enu()->set_north_m(node.north);
        n->mutable_enu()->set_up_m(node.up);
        n->mutable_velocity_mps()->set_east_m(node.velEast);
        n->mutable_velocity_mps()->set_north_m(node.velNorth);
        n->mutable_velocity_mps()->set_up_m(node.velUp);
        n->set_heading_deg(node.headingDeg);
        n->set_ground_speed_mps(node.groundSpeedMps);
        n->set_step(node.step);
        n->set_sim_time_ns(node.simTimeNs);
        n->set_owner_member(node.owner.toStdString());
    }
    for (const auto &[key, link] : m_links) {
        opsdeck::v1::LinkState *l = keyframe.add_links();
        l->set_a(link.key.a);
        l->set_b(link.key.b);
        l->set_up(true);
        l->set_quality(link.quality);
        l->set_snr_db(link.snrDb);
        l->set_latency_ms(link.latencyMs);
        l->set_bandwidth_mbps(link.bandwidthMbps);
        l->set_distance_m(link.distanceM);
        l->set_cost(link.cost);
        l->set_step(link.step);
        l->set_sim_time_ns(link.simTimeNs);
        l->set_owner_member(link.owner.toStdString());
    }
    for (const auto &[id, route] : m_routes) {
        opsdeck::v1::Route *r = keyframe.add_routes();
        r->set_flow_id(route.flowId);
        r->set_name(route.name.toStdString());
        r->set_src(route.src);
        r->set_dst(route.dst);
        for (std::uint32_t hop : route.hops)
            r->add_hops(hop);
        r->set_reachable(true);
        r->set_cost(route.cost);
        r->set_latency_ms(route.latencyMs);
        r->set_bottleneck_mbps(route.bottleneckMbps);
        r->set_step(route.step);
        r->set_sim_time_ns(route.simTimeNs);
        r->set_owner_member(route.owner.toStdString());
    }
}

void Topology::restore(const opsdeck::v1::Keyframe &keyframe)
{
    clear();
    // Through apply(), so a keyframe from a damaged file is validated like any
    // live sample (nodes before links and routes, as apply orders them).
    std::vector<opsdeck::v1::Envelope> batch;
    batch.reserve(std::size_t(keyframe.nodes_size() + keyframe.links_size() + keyframe.routes_size()));
    auto envelope = [&batch, &keyframe]() -> opsdeck::v1::Sample * {
        opsdeck::v1::Envelope &e = batch.emplace_back();
        e.set_channel(opsdeck::v1::CHANNEL_BRIDGE);
        e.set_source("keyframe");
        e.set_recv_time_unix_ns(keyframe.recv_time_unix_ns());
        return e.mutable_bridge_sample();
    };
    for (const opsdeck::v1::NodeState &n : keyframe.nodes()) {
        opsdeck::v1::Sample *s = envelope();
        s->set_source(n.owner_member());
        s->set_source_time_ns(n.sim_time_ns());
        *s->mutable_node() = n;
    }
    for (const opsdeck::v1::LinkState &l : keyframe.links()) {
        opsdeck::v1::Sample *s = envelope();
        s->set_source(l.owner_member());
        s->set_source_time_ns(l.sim_time_ns());
        *s->mutable_link() = l;
    }
    for (const opsdeck::v1::Route &r : keyframe.routes()) {
        opsdeck::v1::Sample *s = envelope();
        s->set_source(r.owner_member());
        s->set_source_time_ns(r.sim_time_ns());
        *s->mutable_route() = r;
    }
    apply(batch);
}

} // namespace opsdeck::model
