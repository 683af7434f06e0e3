#pragma once

#include <cstdint>
#include <string>

namespace opsdeck::bridge {

// Simulation time as the paper's members show it: the epoch plus sim time, in
// UTC, formatted YYYYDDD.HHMMSS (year, day of year 001-366, hour, minute, second).
std::string formatEpochTime(std::int64_t epochUnixNs, std::int64_t simTimeNs);

// Parses "2026-01-01T00:00:00Z" (UTC, seconds precision) or a Unix time in
// seconds. Returns false for anything else.
bool parseEpoch(const std::string &text, std::int64_t *unixNs);

} // namespace opsdeck::bridge
