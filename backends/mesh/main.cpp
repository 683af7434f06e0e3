// opsdeck-mesh: runs the RPC backend's service mesh until interrupted.
//   opsdeck-mesh [--scenario FILE] [--telemetry HOST:PORT] [--rate N]
#include "backends/mesh/mesh.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

namespace {
std::atomic<bool> g_stop { false };
void onSignal(int)
{
    g_stop = true;
}
} // namespace

int main(int argc, char **argv)
{
    std::string scenarioPath;
    std::string telemetry = "127.0.0.1:50061";
    double rate = -1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::printf("usage: opsdeck-mesh [--scenario FILE] [--telemetry HOST:PORT] [--rate CALLS_PER_S]\n"
                        "Runs the gRPC service mesh on loopback and serves opsdeck.v1.Telemetry.\n");
            return 0;
        }
        if (a == "--scenario" && i + 1 < argc)
            scenarioPath = argv[++i];
        else if (a == "--telemetry" && i + 1 < argc)
            telemetry = argv[++i];
        else if (a == "--rate" && i + 1 < argc)
            rate = std::atof(argv[++i]);
        else {
            std::fprintf(stderr, "opsdeck-mesh: unknown argument %s (try --help)\n", a.c_str());
            return 2;
        }
    }
    opsdeck::mesh::Scenario scenario = opsdeck::mesh::Scenario::defaults();
    std::string error;
    if (!scenarioPath.empty() && !opsdeck::mesh::Scenario::load(scenarioPath, &scenario, &error)) {
        std::fprintf(stderr, "opsdeck-mesh: %s\n", error.c_str());
        return 2;
    }
    if (rate >= 0)
        scenario.traffic.ratePerSec = std::min(rate, opsdeck::mesh::TrafficSpec::kMaxRate);
    opsdeck::mesh::Mesh mesh(scenario, telemetry);
    if (!mesh.start(&error)) {
        std::fprintf(stderr, "opsdeck-mesh: %s\n", error.c_str());
        return 1;
    }
    std::printf("opsdeck-mesh: scenario '%s', telemetry on %s\n", scenario.name.c_str(),
        mesh.telemetryAddress().c_str());
    for (const auto &r : mesh.replicas())
        std::printf("  %-10s %-12s %s\n", r.service.c_str(), r.replica.c_str(), r.address.c_str());
    std::fflush(stdout);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    while (!g_stop)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    mesh.stop();
    return 0;
}
