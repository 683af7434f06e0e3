#pragma once

#include "opsdeck/v1/telemetry.grpc.pb.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace opsdeck::mesh {

// Where every intercepted call ends up, and the Telemetry service that streams
// it out. record() is called on gRPC threads: it takes one short lock, writes
// into a fixed ring and never waits for a subscriber. Each StreamCalls stream
// reads the ring at its own pace; one that falls a full ring behind loses the
// oldest records and is told how many (CallBatch.dropped_since_last).
class TelemetryHub final : public opsdeck::v1::Telemetry::Service
{
public:
    using TopologyProvider = std::function<opsdeck::v1::ServiceTopology()>;

    explicit TelemetryHub(std::size_t ringCapacity = 1u << 16, std::string source = "opsdeck-mesh");
    ~TelemetryHub() override;

    void record(opsdeck::v1::CallRecord record);
    void setTopologyProvider(TopologyProvider provider);
    // Streams resend the topology with their next batch (replica health changed).
    void topologyChanged();
    // Ends every open stream (before the server shuts down).
    void shutdown();

    std::uint64_t recorded() const { return m_recorded.load(); }
    std::uint64_t lateResponses() const { return m_late.load(); }
    // Open StreamCalls streams (each reads from the ring position it started at).
    int callSubscribers() const { return m_subscribers.load(); }

    grpc::Status StreamCalls(grpc::ServerContext *context, const opsdeck::v1::StreamCallsRequest *request,
        grpc::ServerWriter<opsdeck::v1::CallBatch> *writer) override;
    grpc::Status StreamStats(grpc::ServerContext *context, const opsdeck::v1::StreamStatsRequest *request,
        grpc::ServerWriter<opsdeck::v1::StatsWindow> *writer) override;
    grpc::Status ListServices(grpc::ServerContext *context, const opsdeck::v1::ListServicesRequest *request,
        opsdeck::v1::ServiceTopology *reply) override;

private:
    struct Aggregate
    {
        opsdeck::v1::CallCounters counters;
        std::map<int, std::uint64_t> buckets; // log-linear index -> count
        std::int64_t min = 0, max = 0, deadline = 0;
        double sum = 0;
        void add(const opsdeck::v1::CallRecord &r);
        void toProto(opsdeck::v1::Histogram *h) const;
    };
    struct Window
    {
        std::int64_t second = 0;
        std::map<std::pair<std::string, std::string>, Aggregate> methods;
        std::map<std::tuple<std::string, std::string, std::string>, Aggregate> edges;
    };
    void rollLocked(std::int64_t nowSecond);
    opsdeck::v1::StatsWindow toProto(const Window &w, const std::vector<std::string> &services) const;

    const std::size_t m_capacity;
    const std::string m_source;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<opsdeck::v1::CallRecord> m_ring; // guarded by m_mutex
    std::uint64_t m_head = 0; // next sequence number
    Window m_window; // the open 1-s window
    std::deque<std::pair<std::uint64_t, Window>> m_closed; // (sequence, window), last 10
    std::uint64_t m_windowSeq = 0;
    std::uint64_t m_topologyVersion = 1;
    TopologyProvider m_topology;
    bool m_shutdown = false;
    std::atomic<std::uint64_t> m_recorded { 0 };
    std::atomic<std::uint64_t> m_late { 0 };
    std::atomic<int> m_subscribers { 0 };
};

} // namespace opsdeck::mesh
