#include "backends/mesh/replicapool.h"

#include "backends/mesh/interceptors.h"
#include "backends/mesh/telemetryhub.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

namespace opsdeck::mesh {

ReplicaPool::ReplicaPool(TelemetryHub *hub, std::string caller, std::string service,
    std::vector<ReplicaEndpoint> replicas, int ejectAfter, std::chrono::milliseconds ejectFor,
    std::function<void()> onHealthChange)
    : m_caller(std::move(caller))
    , m_service(std::move(service))
    , m_ejectAfter(ejectAfter)
    , m_ejectFor(ejectFor)
    , m_onHealthChange(std::move(onHealthChange))
{
    for (ReplicaEndpoint &r : replicas) {
        grpc::ChannelArguments args;
        // One connection per (caller, replica): don't share subchannels across pools.
        args.SetString("opsdeck.pool", m_caller + "->" + r.replica);
        args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
        args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 1000);
        std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> factories;
        factories.push_back(std::make_unique<ClientTelemetryFactory>(hub, m_caller, r.replica));
        Slot slot;
        slot.channel = grpc::experimental::CreateCustomChannelWithInterceptors(
            r.address, grpc::InsecureChannelCredentials(), args, std::move(factories));
        slot.endpoint = std::move(r);
        m_slots.push_back(std::move(slot));
    }
}

std::optional<ReplicaPool::Pick> ReplicaPool::pick(int avoid)
{
    std::lock_guard lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    auto eligible = [&](const Slot &s) { return s.endpoint.serving->load() && s.ejectedUntil <= now; };
    const std::size_t n = m_slots.size();
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (m_next + k) % n;
        if (int(i) == avoid || !eligible(m_slots[i]))
            continue;
        m_next = i + 1;
        return Pick { int(i), m_slots[i].channel, m_slots[i].endpoint.replica };
    }
    if (avoid >= 0 && std::size_t(avoid) < n && eligible(m_slots[std::size_t(avoid)]))
        return Pick { avoid, m_slots[std::size_t(avoid)].channel,
            m_slots[std::size_t(avoid)].endpoint.replica };
    return std::nullopt;
}

void ReplicaPool::report(int index, int statusCode)
{
    bool changed = false;
    {
        std::lock_guard lock(m_mutex);
        if (index < 0 || std::size_t(index) >= m_slots.size())
            return;
        Slot &s = m_slots[std::size_t(index)];
        const bool failure = statusCode == 14 || statusCode == 4; // UNAVAILABLE, DEADLINE_EXCEEDED
        if (!failure) {
            s.consecutiveFailures = 0;
            return;
        }
        if (++s.consecutiveFailures >= m_ejectAfter) {
            s.consecutiveFailures = 0;
            const auto now = std::chrono::steady_clock::now();
            changed = s.ejectedUntil <= now;
            s.ejectedUntil = now + m_ejectFor;
            m_ejections.fetch_add(1);
        }
    }
    if (changed && m_onHealthChange)
        m_onHealthChange();
}

bool ReplicaPool::ejected(const std::string &replica) const
{
    std::lock_guard lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    for (const Slot &s : m_slots)
        if (s.endpoint.replica == replica)
            return s.ejectedUntil > now;
    return false;
}

} // namespace opsdeck::mesh
