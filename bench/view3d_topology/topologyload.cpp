#include "topologyload.h"

#include "model/topology.h"

#include <cmath>
#include <random>
#include <set>

namespace opsdeck::bench {

std::vector<std::shared_ptr<const model::TopologySnapshot>> makeTopologyStream(
    int nodes, int links, int routes, int updates)
{
    model::Topology::Options options;
    options.trailCapacity = 8;
    options.trailIntervalNs = 1'000'000'000;
    model::Topology topology(nullptr, options);
    std::mt19937 rng(1234);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int side = int(std::ceil(std::sqrt(double(nodes))));
    const double spacing = 400'000.0 / side;
    std::vector<double> heading(std::size_t(nodes), 0.0);
    for (double &h : heading)
        h = unit(rng) * 6.283185307179586;

    // Link pairs: right and up neighbours on the grid, then random near pairs.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (int i = 0; i < nodes && int(pairs.size()) < links; ++i) {
        if ((i % side) + 1 < side && i + 1 < nodes)
            pairs.emplace_back(i, i + 1);
        if (i + side < nodes && int(pairs.size()) < links)
            pairs.emplace_back(i, i + side);
    }
    // Diagonals until the count is reached (each pair once: the model keys links by pair).
    std::set<std::pair<std::uint32_t, std::uint32_t>> taken(pairs.begin(), pairs.end());
    while (int(pairs.size()) < links) {
        const auto a = std::uint32_t(unit(rng) * (nodes - side - 2));
        const std::pair<std::uint32_t, std::uint32_t> diagonal(a, a + std::uint32_t(side) + 1);
        if (taken.insert(diagonal).second)
            pairs.push_back(diagonal);
    }

    std::vector<std::shared_ptr<const model::TopologySnapshot>> out;
    for (int u = 0; u < updates; ++u) {
        std::vector<v1::Envelope> batch;
        batch.reserve(std::size_t(nodes + links + routes));
        const std::int64_t simNs = std::int64_t(u) * 100'000'000;
        for (int i = 0; i < nodes; ++i) {
            v1::Envelope e;
            e.set_channel(v1::CHANNEL_BRIDGE);
            auto *n = e.mutable_bridge_sample()->mutable_node();
            const double t = double(u) * 0.1 * 220.0; // metres flown at 220 m/s
            const double east = (i % side) * spacing - 200'000.0 + std::cos(heading[std::size_t(i)]) * t;
            const double north = (i / side) * spacing - 200'000.0 + std::sin(heading[std::size_t(i)]) * t;
            n->set_node_id(std::uint32_t(i));
            n->set_name(std::to_string(i));
            n->mutable_name()->insert(0, "AC");
            n->set_kind(i % 50 == 0 ? v1::NODE_KIND_GROUND_STATION : v1::NODE_KIND_AIRCRAFT);
            n->set_status(i % 97 == 0 ? v1::NODE_STATUS_DEGRADED : v1::NODE_STATUS_OK);
            n->mutable_enu()->set_east_m(east);
            n->mutable_enu()->set_north_m(north);
            n->mutable_enu()->set_up_m(i % 50 == 0 ? 0.0 : 6000.0 + 5000.0 * unit(rng));
            n->mutable_geo()->set_lat_deg(47.0 + north / 111'195.0);
            n->mutable_geo()->set_lon_deg(8.0 + east / 75'800.0);
            n->mutable_geo()->set_alt_m(n->enu().up_m());
            n->set_sim_time_ns(simNs);
            batch.push_back(std::move(e));
        }
        for (const auto &[a, b] : pairs) {
            v1::Envelope e;
            e.set_channel(v1::CHANNEL_BRIDGE);
            auto *l = e.mutable_bridge_sample()->mutable_link();
            l->set_a(a);
            l->set_b(b);
            l->set_up(true);
            l->set_quality(unit(rng));
            l->set_latency_ms(0.5 + 5.0 * unit(rng));
            l->set_sim_time_ns(simNs);
            batch.push_back(std::move(e));
        }
        if (u == 0) {
            std::mt19937 routeRng(99);
            for (int r = 0; r < routes; ++r) {
                v1::Envelope e;
                e.set_channel(v1::CHANNEL_BRIDGE);
                auto *route = e.mutable_bridge_sample()->mutable_route();
                route->set_flow_id(std::uint32_t(r + 1));
                route->set_reachable(true);
                std::uint32_t at = std::uint32_t(routeRng() % std::uint32_t(nodes - 8 * side - 8));
                route->add_hops(at);
                for (int h = 0; h < 6; ++h) {
                    at += (routeRng() % 2) ? 1u : std::uint32_t(side);
                    route->add_hops(at);
                }
                route->set_src(route->hops(0));
                route->set_dst(route->hops(route->hops_size() - 1));
                batch.push_back(std::move(e));
            }
        }
        topology.apply(batch);
        topology.publish();
        out.push_back(topology.snapshot());
    }
    return out;
}

} // namespace opsdeck::bench
