#include "backends/bridge/epochtime.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace opsdeck::bridge {

std::string formatEpochTime(std::int64_t epochUnixNs, std::int64_t simTimeNs)
{
    const std::int64_t totalNs = epochUnixNs + simTimeNs;
    std::int64_t seconds = totalNs / 1000000000;
    if (totalNs < 0 && totalNs % 1000000000 != 0)
        --seconds; // floor, so times before 1970 still name the right second
    const std::time_t t = std::time_t(seconds);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char out[32];
    std::snprintf(out, sizeof out, "%04d%03d.%02d%02d%02d", tm.tm_year + 1900, tm.tm_yday + 1, tm.tm_hour,
        tm.tm_min, tm.tm_sec);
    return out;
}

bool parseEpoch(const std::string &text, std::int64_t *unixNs)
{
    std::int64_t seconds = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec == std::errc() && end == text.data() + text.size()) {
        *unixNs = seconds * 1000000000;
        return true;
    }
    std::tm tm {};
    char z = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
            &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z)
            != 7
        || z != 'Z' || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23
        || tm.tm_min > 59 || tm.tm_sec > 60)
        return false;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    *unixNs = std::int64_t(timegm(&tm)) * 1000000000;
    return true;
}

} // namespace opsdeck::bridge
