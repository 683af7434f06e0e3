#pragma once

#include "backends/sim/geo.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace opsdeck::sim {

// A flight plan: waypoints flown in order, then again from the first.
struct FlightPlan
{
    std::uint32_t id = 0;
    std::string name;
    double speedMps = 0;
    std::vector<Geodetic> waypoints;
    int line = 0;
};

struct GroundStation
{
    std::uint32_t id = 0;
    std::string name;
    Geodetic position;
    int line = 0;
};

struct FlowSpec
{
    std::uint32_t id = 0;
    std::uint32_t src = 0;
    std::uint32_t dst = 0;
    std::string name;
    int line = 0;
};

// Everything a simulation run needs besides the seed's randomness. Read from
// a plain-text file (format: docs/BRIDGE.md, example: resources/scenarios/).
struct Scenario
{
    std::string name = "default";
    std::uint64_t seed = 1;
    Geodetic origin { 47.0, 8.0, 0.0 };
    double regionEastM = 400000; // extent of the random-fleet region (centred on origin)
    double regionNorthM = 400000;
    int aircraft = 60; // random aircraft besides the explicit plans
    double speedMinMps = 180, speedMaxMps = 250;
    double altMinM = 6000, altMaxM = 12000;
    int waypoints = 6;
    double radioRangeM = 120000;
    double snrAtRangeDb = 3; // SNR at the edge of range (free-space law inside it)
    double maxBandwidthMbps = 54;
    double processingLatencyMs = 0.5;
    double failureProbability = 0; // per aircraft per simulated hour: radio failure (status FAILED)
    int randomFlows = 12;
    std::vector<FlightPlan> plans;
    std::vector<GroundStation> ground;
    std::vector<FlowSpec> flows;
};

// Parses scenario text. On error returns nullopt and "<origin>:<line>: <what>"
// in *error, naming the keyword and the expected form.
std::optional<Scenario> parseScenario(const std::string &text, const std::string &origin, std::string *error);
std::optional<Scenario> loadScenarioFile(const std::string &path, std::string *error);

// The built-in scenario (60 aircraft over the Alps) used when no file is given.
Scenario defaultScenario();

} // namespace opsdeck::sim
