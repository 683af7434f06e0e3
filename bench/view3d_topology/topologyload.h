#pragma once

#include "model/topologysnapshot.h"

#include <memory>
#include <vector>

namespace opsdeck::bench {

// A synthetic network the size BENCHMARKS.md names: `nodes` aircraft over a
// 400 km square, `links` radio links between neighbours, `routes` flows of a
// few hops. Built through the real model (envelopes → Topology → snapshots);
// `updates` consecutive snapshots, each with every node moved and every link's
// quality changed, as a 10 Hz position stream would produce.
std::vector<std::shared_ptr<const model::TopologySnapshot>> makeTopologyStream(
    int nodes, int links, int routes, int updates);

} // namespace opsdeck::bench
