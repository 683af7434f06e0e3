#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace opsdeck::mesh {

// A downstream call a method makes while it serves a request.
struct CallStep
{
    std::string service;
    std::string method;
};

// Server-side latency: a log-normal around the median, clamped at 0.
struct LatencyModel
{
    double medianMs = 2.0;
    double sigma = 0.4;
};

struct ServiceSpec
{
    std::string name; // "orders"; must be one of the services in mesh.proto
    int replicas = 2;
    int deadlineMs = 500; // per attempt, set by every caller of this service
    int maxAttempts = 2; // bounded retries (1 = none)
    LatencyModel latency;
    std::map<std::string, std::vector<CallStep>> methods; // method -> downstream calls
};

enum class FaultKind { Delay, Slow, Abort, Outage };

// A fault injected on a replica (or every replica of a service), active in
// [fromS, untilS) seconds after the mesh started (untilS <= 0: forever).
struct Fault
{
    FaultKind kind = FaultKind::Delay;
    std::string service; // every replica of it, or
    std::string replica; // one replica ("payments-1")
    double delayMs = 0; // Delay/Slow: added before the reply
    int status = 14; // Abort: grpc::StatusCode
    double probability = 1.0;
    double fromS = 0;
    double untilS = 0;

    bool appliesTo(const std::string &svc, const std::string &rep) const
    {
        return replica.empty() ? service == svc : replica == rep;
    }
    bool activeAt(double sinceStartS) const
    {
        return sinceStartS >= fromS && (untilS <= 0 || sinceStartS < untilS);
    }
    std::string describe() const;
};

struct TrafficMix
{
    std::string method;
    double weight = 1.0;
};

struct TrafficSpec
{
    std::string target = "gateway";
    double ratePerSec = 20.0; // bounded by kMaxRate
    int deadlineMs = 1000;
    int maxInFlight = 64;
    std::vector<TrafficMix> mix;
    static constexpr double kMaxRate = 2000.0;
};

struct Scenario
{
    std::string name;
    std::vector<ServiceSpec> services;
    std::vector<Fault> faults;
    TrafficSpec traffic;
    int healthIntervalMs = 200; // active health probes
    int ejectAfterFailures = 3; // consecutive failures that take a replica out
    int ejectForMs = 1000; // before it may come back (if healthy)
    std::uint64_t seed = 1;

    const ServiceSpec *service(const std::string &name) const;

    // The built-in scenario: gateway -> orders -> inventory / payments -> ledger,
    // plus directory, three replicas each, no faults.
    static Scenario defaults();
    // Reads a scenario JSON file (see resources/mesh/*.json). Returns false and
    // a reason for anything malformed or out of bounds.
    static bool load(const std::string &path, Scenario *out, std::string *error);
    static bool parse(const std::string &json, Scenario *out, std::string *error);
};

} // namespace opsdeck::mesh
