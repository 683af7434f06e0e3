#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace opsdeck::billing {

inline constexpr std::int64_t kNsPerSecond = 1'000'000'000;
inline constexpr std::int64_t kNsPerHour = 3600 * kNsPerSecond;
inline constexpr std::int64_t kNsPerDay = 24 * kNsPerHour;

// Calendar helpers in UTC, nanoseconds since the Unix epoch. No locale, no
// time zone database: billing periods are UTC (FOCUS).
std::int64_t unixNs(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);
std::int64_t monthStartNs(std::int64_t unixNs);
std::int64_t nextMonthStartNs(std::int64_t unixNs);
std::int64_t floorNs(std::int64_t unixNs, std::int64_t step);

// Parses ISO 8601 UTC ("2026-11-01T00:00:00Z", optional fraction, "Z" or
// "+00:00", a space instead of "T", or a bare date). False for anything else,
// including impossible dates such as 2026-02-30.
bool parseIsoUtc(std::string_view text, std::int64_t *unixNs);
// "2026-11-01T00:00:00Z" (fraction only when not a whole second).
std::string formatIsoUtc(std::int64_t unixNs);

std::int64_t wallNowNs();

} // namespace opsdeck::billing
