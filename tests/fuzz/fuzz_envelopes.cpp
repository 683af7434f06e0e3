// Fuzz target: the DDS-sample-to-model converters. The input is split into
// length-prefixed Envelope messages (a batch, as the EventStream hands them
// to the models); each is parsed and the batch is applied to every console
// model that reads bridge, telemetry or billing envelopes, then published.
// Bad input must be dropped and counted, never crash or grow without bound.
#include "model/costledger.h"
#include "model/diagnostics.h"
#include "model/latencybook.h"
#include "model/simclockmodel.h"
#include "model/topology.h"

#include <cstdint>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::vector<opsdeck::v1::Envelope> batch;
    std::size_t at = 0;
    while (at < size && batch.size() < 64) {
        // 2-byte little-endian length, then that many bytes (clipped at the end).
        std::size_t len = data[at++];
        if (at < size)
            len |= std::size_t(data[at++]) << 8;
        len = std::min(len, size - at);
        opsdeck::v1::Envelope envelope;
        if (envelope.ParseFromArray(data + at, int(len)))
            batch.push_back(std::move(envelope));
        at += len;
    }
    opsdeck::model::Diagnostics diagnostics;
    opsdeck::model::Topology topology(&diagnostics);
    opsdeck::model::SimClockModel clock(&diagnostics);
    opsdeck::model::LatencyBook book(&diagnostics);
    opsdeck::model::CostLedger ledger(&diagnostics);
    // Twice: the second pass sees the state the first one built (updates,
    // removals, resubscription markers).
    for (int pass = 0; pass < 2; ++pass) {
        topology.apply(batch);
        clock.apply(batch);
        book.apply(batch);
        ledger.apply(batch);
        topology.publish();
        clock.publish();
        book.publish();
        ledger.publish();
    }
    return 0;
}
