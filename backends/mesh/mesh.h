#pragma once

#include "backends/mesh/scenario.h"

#include <grpcpp/server.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace opsdeck::v1 {
class MeshRequest;
class MeshReply;
class ServiceTopology;
} // namespace opsdeck::v1

namespace opsdeck::mesh {

class ReplicaNode;
class ReplicaPool;
class TelemetryHub;
class TrafficGenerator;
struct CallStep;

// opsdeck-mesh in-process: every replica of every service is a real gRPC
// server on 127.0.0.1 (ephemeral port) with health, channelz and the telemetry
// interceptors; callers reach callees through ReplicaPools (round robin,
// deadlines, bounded retries, health and ejection); a traffic generator drives
// the entry service; the Telemetry service streams every call.
//
//   opsdeck::mesh::Mesh mesh(opsdeck::mesh::Scenario::defaults());
//   if (!mesh.start(&error)) ...;
//   connect a telemetry client to mesh.telemetryAddress();
//   mesh.stop();   // also in the destructor
class Mesh
{
public:
    struct ReplicaAddress
    {
        std::string service;
        std::string replica;
        std::string address;
    };

    explicit Mesh(Scenario scenario, std::string telemetryAddress = "127.0.0.1:0");
    ~Mesh();
    Mesh(const Mesh &) = delete;
    Mesh &operator=(const Mesh &) = delete;

    bool start(std::string *error);
    void stop();
    bool running() const { return m_running.load(); }

    std::string telemetryAddress() const { return m_telemetryAddress; }
    std::vector<ReplicaAddress> replicas() const;
    const Scenario &scenario() const { return m_scenario; }
    TelemetryHub &hub() { return *m_hub; }

    // Runtime control, e.g. from tests or a demo menu: replaces the faults
    // (their windows count from now) and the traffic rate.
    void setFaults(std::vector<Fault> faults);
    void setTrafficRate(double perSecond);
    double secondsSinceStart() const;

    opsdeck::v1::ServiceTopology topology() const;

    // Called by a replica while it serves a request: one downstream call with
    // deadline, retries and failover. Thread-safe.
    grpc::Status call(const std::string &caller, const CallStep &step, grpc::ServerContext *parent,
        const opsdeck::v1::MeshRequest &request, opsdeck::v1::MeshReply *reply);
    // Faults active now for a replica.
    std::vector<Fault> activeFaults(const std::string &service, const std::string &replica) const;
    ReplicaPool *pool(const std::string &caller, const std::string &callee) const;
    // Waits for `duration` unless the mesh is stopping (so stop() never waits
    // for an injected 60-s delay to run out). Returns false when stopping.
    bool pause(std::chrono::nanoseconds duration);

private:
    void healthLoop();

    Scenario m_scenario;
    std::string m_telemetryAddress;
    std::unique_ptr<TelemetryHub> m_hub;
    std::unique_ptr<grpc::Server> m_telemetryServer;
    std::vector<std::unique_ptr<ReplicaNode>> m_nodes;
    std::map<std::pair<std::string, std::string>, std::unique_ptr<ReplicaPool>> m_pools;
    std::unique_ptr<TrafficGenerator> m_traffic;
    mutable std::mutex m_faultMutex;
    std::vector<Fault> m_faults;
    std::chrono::steady_clock::time_point m_faultEpoch;
    std::chrono::steady_clock::time_point m_started;
    std::thread m_health;
    std::mutex m_healthMutex;
    std::condition_variable m_healthCv;
    std::atomic<bool> m_running { false };
    std::atomic<bool> m_stopping { false };
};

} // namespace opsdeck::mesh
