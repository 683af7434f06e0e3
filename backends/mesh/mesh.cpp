#include "backends/mesh/mesh.h"

#include "backends/mesh/interceptors.h"
#include "backends/mesh/meshcatalog.h"
#include "backends/mesh/replicanode.h"
#include "backends/mesh/replicapool.h"
#include "backends/mesh/telemetryhub.h"
#include "backends/mesh/trafficgenerator.h"
#include "grpc/health/v1/health.grpc.pb.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/ext/channelz_service_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <set>

namespace opsdeck::mesh {

Mesh::Mesh(Scenario scenario, std::string telemetryAddress)
    : m_scenario(std::move(scenario))
    , m_telemetryAddress(std::move(telemetryAddress))
    , m_hub(std::make_unique<TelemetryHub>())
{
    m_faults = m_scenario.faults;
}

Mesh::~Mesh()
{
    stop();
}

bool Mesh::start(std::string *error)
{
    if (m_running)
        return true;
    // Process-wide switches; every server built after them has health and channelz.
    grpc::EnableDefaultHealthCheckService(true);
    grpc::channelz::experimental::InitChannelzService();
    m_started = m_faultEpoch = std::chrono::steady_clock::now();
    m_stopping = false;

    std::string host = "127.0.0.1";
    for (const ServiceSpec &spec : m_scenario.services) {
        for (int i = 0; i < spec.replicas; ++i) {
            auto node = std::make_unique<ReplicaNode>(this, m_hub.get(), spec, i);
            if (!node->start(host, error)) {
                stop();
                return false;
            }
            m_nodes.push_back(std::move(node));
        }
    }
    auto endpointsOf = [this](const std::string &service) {
        std::vector<ReplicaEndpoint> out;
        for (const auto &n : m_nodes)
            if (n->service() == service)
                out.push_back({ n->service(), n->replica(), n->address(), n->probedServing() });
        return out;
    };
    auto onChange = [this] { m_hub->topologyChanged(); };
    auto addPool = [&](const std::string &caller, const std::string &callee) {
        const auto key = std::make_pair(caller, callee);
        if (m_pools.count(key))
            return;
        m_pools[key] = std::make_unique<ReplicaPool>(m_hub.get(), caller, callee, endpointsOf(callee),
            m_scenario.ejectAfterFailures, std::chrono::milliseconds(m_scenario.ejectForMs), onChange);
    };
    for (const ServiceSpec &spec : m_scenario.services)
        for (const auto &[method, steps] : spec.methods)
            for (const CallStep &step : steps)
                addPool(spec.name, step.service);
    addPool("traffic", m_scenario.traffic.target);

    m_hub->setTopologyProvider([this] { return topology(); });
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort(m_telemetryAddress, grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(m_hub.get());
    m_telemetryServer = builder.BuildAndStart();
    if (!m_telemetryServer || port == 0) {
        *error = "cannot listen for telemetry on " + m_telemetryAddress;
        stop();
        return false;
    }
    m_telemetryAddress
        = m_telemetryAddress.substr(0, m_telemetryAddress.rfind(':')) + ":" + std::to_string(port);

    m_running = true;
    m_health = std::thread([this] { healthLoop(); });
    m_traffic = std::make_unique<TrafficGenerator>(
        pool("traffic", m_scenario.traffic.target), m_scenario.traffic, m_scenario.seed);
    m_traffic->start();
    return true;
}

bool Mesh::pause(std::chrono::nanoseconds duration)
{
    std::unique_lock lock(m_healthMutex);
    return !m_healthCv.wait_for(lock, duration, [this] { return m_stopping.load(); });
}

void Mesh::stop()
{
    {
        std::lock_guard lock(m_healthMutex);
        m_stopping = true;
    }
    m_healthCv.notify_all(); // wakes the prober and every paused handler
    if (m_traffic) {
        m_traffic->stop();
        m_traffic.reset();
    }
    if (m_health.joinable())
        m_health.join();
    m_hub->shutdown();
    if (m_telemetryServer) {
        m_telemetryServer->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
        m_telemetryServer->Wait();
        m_telemetryServer.reset();
    }
    // Entry services first so no new downstream calls start.
    for (auto &n : m_nodes)
        n->shutdown();
    m_pools.clear();
    m_nodes.clear();
    m_running = false;
}

std::vector<Mesh::ReplicaAddress> Mesh::replicas() const
{
    std::vector<ReplicaAddress> out;
    for (const auto &n : m_nodes)
        out.push_back({ n->service(), n->replica(), n->address() });
    return out;
}

void Mesh::setFaults(std::vector<Fault> faults)
{
    {
        std::lock_guard lock(m_faultMutex);
        m_faults = std::move(faults);
        m_faultEpoch = std::chrono::steady_clock::now();
    }
    m_healthCv.notify_all(); // apply outage windows to health now
    m_hub->topologyChanged();
}

void Mesh::setTrafficRate(double perSecond)
{
    if (m_traffic)
        m_traffic->setRate(perSecond);
}

double Mesh::secondsSinceStart() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
}

std::vector<Fault> Mesh::activeFaults(const std::string &service, const std::string &replica) const
{
    std::lock_guard lock(m_faultMutex);
    const double since
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_faultEpoch).count();
    std::vector<Fault> out;
    for (const Fault &f : m_faults)
        if (f.appliesTo(service, replica) && f.activeAt(since))
            out.push_back(f);
    return out;
}

ReplicaPool *Mesh::pool(const std::string &caller, const std::string &callee) const
{
    const auto it = m_pools.find({ caller, callee });
    return it == m_pools.end() ? nullptr : it->second.get();
}

grpc::Status Mesh::call(const std::string &caller, const CallStep &step, grpc::ServerContext *parent,
    const opsdeck::v1::MeshRequest &request, opsdeck::v1::MeshReply *reply)
{
    ReplicaPool *p = pool(caller, step.service);
    const ServiceSpec *spec = m_scenario.service(step.service);
    if (!p || !spec)
        return { grpc::StatusCode::INTERNAL, "no route " + caller + " -> " + step.service };
    using SysClock = std::chrono::system_clock;
    const SysClock::time_point parentDeadline = parent ? parent->deadline() : SysClock::time_point::max();
    grpc::Status status(grpc::StatusCode::UNAVAILABLE, "no healthy replica of " + step.service);
    int last = -1;
    for (int attempt = 1; attempt <= spec->maxAttempts && !m_stopping; ++attempt) {
        const auto now = SysClock::now();
        if (now >= parentDeadline)
            return { grpc::StatusCode::DEADLINE_EXCEEDED,
                "caller's budget spent before calling " + step.service };
        const auto picked = p->pick(last);
        if (!picked) {
            status = { grpc::StatusCode::UNAVAILABLE, "no healthy replica of " + step.service };
            break;
        }
        last = picked->index;
        // The attempt gets the callee's deadline, never more than the caller has left.
        const auto attemptDeadline
            = std::min(now + std::chrono::milliseconds(spec->deadlineMs), parentDeadline);
        std::unique_ptr<grpc::ClientContext> context = parent
            ? grpc::ClientContext::FromServerContext(*parent)
            : std::make_unique<grpc::ClientContext>();
        context->set_deadline(attemptDeadline);
        context->AddMetadata(kAttemptKey, std::to_string(attempt));
        context->AddMetadata(kRequestIdKey, request.request_id());
        context->AddMetadata(kCallerKey, caller);
        status
            = MeshCatalog::invoke(picked->channel, step.service, step.method, context.get(), request, reply);
        p->report(picked->index, int(status.error_code()));
        if (status.ok())
            return status;
        const bool retryable = status.error_code() == grpc::StatusCode::UNAVAILABLE
            || (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED
                && attemptDeadline < parentDeadline);
        if (!retryable)
            return status;
        // Short exponential backoff, inside the remaining budget.
        const auto backoff = std::chrono::milliseconds(5 << (attempt - 1));
        if (SysClock::now() + backoff >= parentDeadline || !pause(backoff))
            break;
    }
    return status;
}

opsdeck::v1::ServiceTopology Mesh::topology() const
{
    opsdeck::v1::ServiceTopology t;
    for (const ServiceSpec &spec : m_scenario.services) {
        auto *s = t.add_services();
        s->set_service(spec.name);
        for (const auto &[method, steps] : spec.methods)
            s->add_methods(method);
        s->set_deadline_ns(std::int64_t(spec.deadlineMs) * 1'000'000);
        s->set_max_attempts(std::uint32_t(spec.maxAttempts));
        for (const auto &n : m_nodes) {
            if (n->service() != spec.name)
                continue;
            auto *r = s->add_replicas();
            r->set_replica(n->replica());
            r->set_address(n->address());
            bool ejected = false;
            for (const auto &[key, pool] : m_pools)
                ejected |= key.second == spec.name && pool->ejected(n->replica());
            r->set_health(ejected                ? opsdeck::v1::REPLICA_HEALTH_EJECTED
                    : n->probedServing()->load() ? opsdeck::v1::REPLICA_HEALTH_SERVING
                                                 : opsdeck::v1::REPLICA_HEALTH_NOT_SERVING);
            r->set_fault(n->activeFaultText());
        }
    }
    std::set<std::pair<std::string, std::string>> edges;
    for (const auto &[key, pool] : m_pools)
        edges.insert(key);
    for (const auto &[caller, callee] : edges) {
        auto *e = t.add_edges();
        e->set_caller(caller);
        e->set_callee(callee);
    }
    return t;
}

void Mesh::healthLoop()
{
    // One probe channel per replica, without the telemetry interceptors.
    std::vector<std::unique_ptr<grpc::health::v1::Health::Stub>> probes;
    for (const auto &n : m_nodes)
        probes.push_back(grpc::health::v1::Health::NewStub(
            grpc::CreateChannel(n->address(), grpc::InsecureChannelCredentials())));
    std::unique_lock lock(m_healthMutex);
    while (!m_stopping) {
        lock.unlock();
        bool changed = false;
        for (std::size_t i = 0; i < m_nodes.size() && !m_stopping; ++i) {
            ReplicaNode &n = *m_nodes[i];
            // Outage windows switch the replica's own health service off and on.
            bool down = false;
            for (const Fault &f : activeFaults(n.service(), n.replica()))
                down |= f.kind == FaultKind::Outage;
            if (down == n.serving())
                n.setServing(!down);
            grpc::ClientContext context;
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(150));
            grpc::health::v1::HealthCheckRequest request;
            grpc::health::v1::HealthCheckResponse response;
            const grpc::Status status = probes[i]->Check(&context, request, &response);
            const bool serving
                = status.ok() && response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
            if (n.probedServing()->exchange(serving) != serving)
                changed = true;
        }
        if (changed)
            m_hub->topologyChanged();
        lock.lock();
        m_healthCv.wait_for(lock, std::chrono::milliseconds(m_scenario.healthIntervalMs),
            [this] { return m_stopping.load(); });
    }
}

} // namespace opsdeck::mesh
