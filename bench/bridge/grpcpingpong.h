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
// rateHz 0: back to back, each ping sent from the callback that received the
// previous pong. rateHz > 0: one ping every 1/rateHz from a pacing thread that
// sleeps in between, like a sample stream of that rate (both ends idle between
// pings, as the bridge's path is between samples).
RoundTrips grpcPingPong(int roundTrips, double rateHz = 0);

} // namespace opsdeck::bench
