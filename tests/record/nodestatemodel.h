#pragma once

// A small but real console model for the recording tests: the latest NodeState
// per node from bridge samples, plus how many envelopes it has folded in (so
// an envelope applied twice or skipped shows up). It saves to and restores
// from keyframes the way the console's models do.

#include "opsdeck/v1/recording.pb.h"

#include <QByteArray>
#include <QDataStream>
#include <QIODevice>

#include <map>
#include <span>

struct NodeStateModel
{
    std::map<std::uint32_t, opsdeck::v1::NodeState> nodes;
    std::uint64_t applied = 0;

    void apply(std::span<const opsdeck::v1::Envelope> batch)
    {
        for (const auto &e : batch) {
            ++applied;
            if (e.has_bridge_sample() && e.bridge_sample().has_node())
                nodes[e.bridge_sample().node().node_id()] = e.bridge_sample().node();
        }
    }

    void save(opsdeck::v1::Keyframe &k) const
    {
        for (const auto &[id, node] : nodes)
            *k.add_nodes() = node;
        k.set_extra(std::to_string(applied));
    }

    void restore(const opsdeck::v1::Keyframe &k)
    {
        nodes.clear();
        for (const auto &node : k.nodes())
            nodes[node.node_id()] = node;
        applied = k.extra().empty() ? 0 : std::stoull(k.extra());
    }

    // A comparable digest of the state.
    QByteArray digest() const
    {
        QByteArray out;
        QDataStream s(&out, QIODevice::WriteOnly);
        s << quint64(applied);
        for (const auto &[id, node] : nodes)
            s << id << node.geo().lat_deg() << node.geo().lon_deg() << quint64(node.step());
        return out;
    }
};

inline opsdeck::v1::Envelope nodeEnvelope(std::uint32_t node, std::uint64_t step, std::int64_t recvNs)
{
    opsdeck::v1::Envelope e;
    e.set_channel(opsdeck::v1::CHANNEL_BRIDGE);
    e.set_recv_time_unix_ns(recvNs);
    auto *n = e.mutable_bridge_sample()->mutable_node();
    n->set_node_id(node);
    n->set_step(step);
    n->mutable_geo()->set_lat_deg(40.0 + 0.001 * double(step) + 0.1 * node);
    n->mutable_geo()->set_lon_deg(-3.0 - 0.002 * double(step));
    n->mutable_geo()->set_alt_m(9000);
    n->set_name("AC" + std::to_string(node));
    return e;
}
