#pragma once

namespace opsdeck::bench {

// The raw gRPC reference: a bidirectional-stream echo over the same gRPC
// build on loopback (generic callback API, 100-byte messages, nothing else
// in between). Returns round-trip percentiles in microseconds.
struct RoundTrips
{
    double p50Us = 0;
    double p99Us = 0;
    int count = 0;
};
RoundTrips grpcPingPong(int roundTrips);

} // namespace opsdeck::bench
