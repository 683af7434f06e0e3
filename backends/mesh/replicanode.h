#pragma once

#include "backends/mesh/scenario.h"
#include "opsdeck/v1/mesh.pb.h"

#include <grpcpp/server.h>
#include <grpcpp/server_context.h>

#include <atomic>
#include <memory>
#include <string>

namespace opsdeck::mesh {

class Mesh;
class TelemetryHub;

// One replica of one service: a gRPC server on 127.0.0.1:<ephemeral> with the
// business service, the standard health service, channelz and the server-side
// telemetry interceptor. It serves a request by applying its latency model and
// active faults, then making the downstream calls its method declares.
class ReplicaNode
{
public:
    ReplicaNode(Mesh *mesh, TelemetryHub *hub, const ServiceSpec &spec, int index);
    ~ReplicaNode();

    bool start(const std::string &host, std::string *error);
    void shutdown();

    const std::string &service() const { return m_spec.name; }
    const std::string &replica() const { return m_replica; }
    const std::string &address() const { return m_address; }
    // What the mesh's health prober last saw (shared with every ReplicaPool).
    const std::shared_ptr<std::atomic<bool>> &probedServing() const { return m_probedServing; }
    // Sets the status the replica's own health service reports.
    void setServing(bool serving);
    bool serving() const { return m_serving.load(); }
    std::string activeFaultText() const;

private:
    grpc::Status handle(grpc::ServerContext *context, const std::string &method,
        const opsdeck::v1::MeshRequest &request, opsdeck::v1::MeshReply *reply);
    double sampleLatencyMs();

    Mesh *m_mesh;
    TelemetryHub *m_hub;
    const ServiceSpec m_spec;
    const std::string m_replica;
    std::string m_address;
    std::unique_ptr<grpc::Service> m_service;
    std::unique_ptr<grpc::Server> m_server;
    std::atomic<bool> m_serving { true };
    std::shared_ptr<std::atomic<bool>> m_probedServing = std::make_shared<std::atomic<bool>>(true);
};

} // namespace opsdeck::mesh
