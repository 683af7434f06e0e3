#pragma once

#include "model/costledger.h"
#include "model/latencybook.h"
#include "model/simclockmodel.h"
#include "model/topologysnapshot.h"

#include <QString>

#include <memory>

namespace opsdeck::app {

// What the docks show at one moment, as snapshots.
struct ConsoleState
{
    std::shared_ptr<const model::TopologySnapshot> topology;
    std::shared_ptr<const model::SimClockSnapshot> simClock;
    std::shared_ptr<const model::LatencyBook::Snapshot> latency;
    std::shared_ptr<const model::CostLedger::Snapshot> costs;
};

// "Copy state at cursor as CSV": one CSV text with a section per table
// (clock, nodes, links, routes, services, cost rows), each introduced by a
// "# name" line and a header row. RFC 4180 quoting.
QString stateAsCsv(const ConsoleState &state, qint64 atUnixNs);

// A compact, deterministic digest of the state (counts and rounded sums) to
// compare live and replayed consoles.
QString stateDigest(const ConsoleState &state);

} // namespace opsdeck::app
