#pragma once

#include "opsdeck/v1/bridge.pb.h"

#include <grpcpp/support/slice.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace opsdeck::bridge {

// Identity of a state key: the topic and a per-topic id (node id, a << 32 | b,
// flow id, interned member id, 0 for the clock).
struct Key
{
    opsdeck::v1::Topic topic = opsdeck::v1::TOPIC_UNSPECIFIED;
    std::uint64_t id = 0;
    bool operator==(const Key &) const = default;
};

struct KeyHash
{
    std::size_t operator()(const Key &k) const
    {
        return std::hash<std::uint64_t>()(k.id * 31 + std::uint64_t(k.topic));
    }
};

// One sample as every subscriber receives it: converted and serialised once
// (the Sample fields source_time_ns, bridge_recv_unix_ns, source and payload),
// then shared by reference. Each subscriber only adds its own `seq` and
// `snapshot` fields in a few-byte prefix (protobuf merges concatenated fields).
struct OutItem
{
    Key key;
    bool state = true; // state topics coalesce per key; events queue
    grpc::Slice body; // serialised partial Sample
    std::vector<std::uint32_t> nodes; // node ids this sample touches (filters)
    bool hasPosition = false; // NodeState: for the region of interest
    double latDeg = 0, lonDeg = 0, altM = 0;
    std::int64_t recvUnixNs = 0;
};

using OutItemPtr = std::shared_ptr<const OutItem>;

// Serialises `sample` (without seq/snapshot) into a fresh item.
OutItemPtr makeItem(
    Key key, bool state, const opsdeck::v1::Sample &sample, std::vector<std::uint32_t> nodes = {});

} // namespace opsdeck::bridge
