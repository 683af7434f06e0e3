#pragma once

#include <grpcpp/channel.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace opsdeck::mesh {

class TelemetryHub;

struct ReplicaEndpoint
{
    std::string service;
    std::string replica;
    std::string address;
    std::shared_ptr<std::atomic<bool>> serving; // written by the mesh's health prober
};

// A caller's view of one callee service: a channel per replica (each with the
// telemetry interceptor), round-robin over the replicas that are healthy, and
// failover: a replica the health prober reports NOT_SERVING is skipped, and one
// that fails `ejectAfter` attempts in a row (UNAVAILABLE or DEADLINE_EXCEEDED)
// is ejected for `ejectFor`, then taken back once it is healthy again.
// Thread-safe.
class ReplicaPool
{
public:
    struct Pick
    {
        int index = -1;
        std::shared_ptr<grpc::Channel> channel;
        std::string replica;
    };

    ReplicaPool(TelemetryHub *hub, std::string caller, std::string service,
        std::vector<ReplicaEndpoint> replicas, int ejectAfter, std::chrono::milliseconds ejectFor,
        std::function<void()> onHealthChange);

    // A healthy replica other than `avoid` if there is one, else `avoid` if it
    // is healthy, else nothing (the caller answers UNAVAILABLE).
    std::optional<Pick> pick(int avoid = -1);
    // The outcome of one attempt on replica `index`.
    void report(int index, int statusCode);

    bool ejected(const std::string &replica) const;
    const std::string &caller() const { return m_caller; }
    const std::string &service() const { return m_service; }
    std::uint64_t ejections() const { return m_ejections.load(); }

private:
    struct Slot
    {
        ReplicaEndpoint endpoint;
        std::shared_ptr<grpc::Channel> channel;
        int consecutiveFailures = 0;
        std::chrono::steady_clock::time_point ejectedUntil {};
    };

    const std::string m_caller;
    const std::string m_service;
    const int m_ejectAfter;
    const std::chrono::milliseconds m_ejectFor;
    std::function<void()> m_onHealthChange;
    mutable std::mutex m_mutex;
    std::vector<Slot> m_slots;
    std::size_t m_next = 0;
    std::atomic<std::uint64_t> m_ejections { 0 };
};

} // namespace opsdeck::mesh
