#include "backends/mesh/replicanode.h"

#include "backends/mesh/interceptors.h"
#include "backends/mesh/mesh.h"
#include "backends/mesh/meshcatalog.h"

#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <random>
#include <thread>

namespace opsdeck::mesh {

namespace {

std::mt19937_64 &threadRng()
{
    // Thread ids are reused when gRPC's sync server replaces its threads: a
    // per-process counter keeps a new thread from replaying an old one's draws.
    static std::atomic<std::uint64_t> threads { 0 };
    thread_local std::mt19937_64 rng(std::hash<std::thread::id>()(std::this_thread::get_id())
        ^ (0x9e3779b97f4a7c15ULL * (threads.fetch_add(1) + 1)));
    return rng;
}

} // namespace

ReplicaNode::ReplicaNode(Mesh *mesh, TelemetryHub *hub, const ServiceSpec &spec, int index)
    : m_mesh(mesh)
    , m_hub(hub)
    , m_spec(spec)
    , m_replica(spec.name + "-" + std::to_string(index))
{ }

ReplicaNode::~ReplicaNode()
{
    shutdown();
}

bool ReplicaNode::start(const std::string &host, std::string *error)
{
    m_service = MeshCatalog::makeService(m_spec.name,
        [this](grpc::ServerContext *c, const std::string &m, const opsdeck::v1::MeshRequest &rq,
            opsdeck::v1::MeshReply *rp) { return handle(c, m, rq, rp); });
    if (!m_service) {
        *error = "no such service " + m_spec.name;
        return false;
    }
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort(host + ":0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(m_service.get());
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> factories;
    factories.push_back(std::make_unique<ServerTelemetryFactory>(m_hub, m_replica));
    builder.experimental().SetInterceptorCreators(std::move(factories));
    m_server = builder.BuildAndStart();
    if (!m_server || port == 0) {
        *error = "cannot start " + m_replica + " on " + host;
        return false;
    }
    m_address = host + ":" + std::to_string(port);
    setServing(true);
    return true;
}

void ReplicaNode::shutdown()
{
    if (m_server) {
        m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
        m_server->Wait();
        m_server.reset();
    }
}

void ReplicaNode::setServing(bool serving)
{
    m_serving = serving;
    if (m_server && m_server->GetHealthCheckService())
        m_server->GetHealthCheckService()->SetServingStatus(serving);
}

std::string ReplicaNode::activeFaultText() const
{
    std::string text;
    for (const Fault &f : m_mesh->activeFaults(m_spec.name, m_replica)) {
        if (!text.empty())
            text += "; ";
        text += f.describe();
    }
    return text;
}

double ReplicaNode::sampleLatencyMs()
{
    if (m_spec.latency.medianMs <= 0)
        return 0;
    std::lognormal_distribution<double> d(std::log(m_spec.latency.medianMs), m_spec.latency.sigma);
    return std::min(d(threadRng()), 60'000.0);
}

grpc::Status ReplicaNode::handle(grpc::ServerContext *context, const std::string &method,
    const opsdeck::v1::MeshRequest &request, opsdeck::v1::MeshReply *reply)
{
    double delayMs = sampleLatencyMs();
    std::uniform_real_distribution<double> coin(0.0, 1.0);
    for (const Fault &f : m_mesh->activeFaults(m_spec.name, m_replica)) {
        if (f.probability < 1.0 && coin(threadRng()) >= f.probability)
            continue;
        switch (f.kind) {
        case FaultKind::Outage:
            return { grpc::StatusCode::UNAVAILABLE, m_replica + " is down (injected outage)" };
        case FaultKind::Abort:
            return { grpc::StatusCode(f.status), m_replica + " aborted (injected)" };
        case FaultKind::Delay:
        case FaultKind::Slow:
            delayMs += f.delayMs;
            break;
        }
    }
    // The work itself. A slow replica keeps working past its caller's deadline
    // (as real ones do); the interceptor then reports the late response.
    if (!m_mesh->pause(std::chrono::microseconds(std::int64_t(delayMs * 1000.0))))
        return { grpc::StatusCode::UNAVAILABLE, m_replica + " is shutting down" };

    reply->set_request_id(request.request_id());
    reply->set_served_by(m_replica);
    reply->add_path(m_replica);
    const auto it = m_spec.methods.find(method);
    if (it != m_spec.methods.end()) {
        for (const CallStep &step : it->second) {
            opsdeck::v1::MeshReply sub;
            const grpc::Status status = m_mesh->call(m_spec.name, step, context, request, &sub);
            if (!status.ok())
                return { status.error_code(),
                    step.service + "/" + step.method + ": " + status.error_message() };
            for (const std::string &p : sub.path())
                reply->add_path(p);
            reply->set_total_cents(reply->total_cents() + sub.total_cents());
        }
    }
    reply->set_total_cents(reply->total_cents() + request.amount_cents());
    return grpc::Status::OK;
}

} // namespace opsdeck::mesh
