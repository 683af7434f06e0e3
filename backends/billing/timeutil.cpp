#include "backends/billing/timeutil.h"

#include <chrono>
#include <cstdio>

namespace opsdeck::billing {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

void civilFromDays(std::int64_t z, int *year, unsigned *month, unsigned *day)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = std::int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *day = doy - (153 * mp + 2) / 5 + 1;
    *month = mp < 10 ? mp + 3 : mp - 9;
    *year = int(y + (*month <= 2));
}

int daysInMonth(int year, int month)
{
    static constexpr int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool digits(std::string_view s, std::size_t pos, std::size_t count, int *out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

} // namespace

std::int64_t unixNs(int year, int month, int day, int hour, int minute, int second)
{
    const std::int64_t days = daysFromCivil(year, unsigned(month), unsigned(day));
    return ((days * 24 + hour) * 3600 + minute * 60 + second) * kNsPerSecond;
}

std::int64_t floorNs(std::int64_t t, std::int64_t step)
{
    std::int64_t q = t / step;
    if (t % step != 0 && t < 0)
        --q;
    return q * step;
}

std::int64_t monthStartNs(std::int64_t t)
{
    int y;
    unsigned m, d;
    civilFromDays(floorNs(t, kNsPerDay) / kNsPerDay, &y, &m, &d);
    return unixNs(y, int(m), 1);
}

std::int64_t nextMonthStartNs(std::int64_t t)
{
    int y;
    unsigned m, d;
    civilFromDays(floorNs(t, kNsPerDay) / kNsPerDay, &y, &m, &d);
    return m == 12 ? unixNs(y + 1, 1, 1) : unixNs(y, int(m) + 1, 1);
}

bool parseIsoUtc(std::string_view s, std::int64_t *out)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    int year, month, day, hour = 0, minute = 0, second = 0;
    if (!digits(s, 0, 4, &year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, &month) || s[7] != '-'
        || !digits(s, 8, 2, &day))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return false;
    std::int64_t fractionNs = 0;
    std::size_t pos = 10;
    if (pos < s.size()) {
        if (s[pos] != 'T' && s[pos] != ' ')
            return false;
        if (!digits(s, pos + 1, 2, &hour) || s.size() < pos + 9 || s[pos + 3] != ':'
            || !digits(s, pos + 4, 2, &minute) || s[pos + 6] != ':' || !digits(s, pos + 7, 2, &second))
            return false;
        if (hour > 23 || minute > 59 || second > 59)
            return false;
        pos += 9;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            std::int64_t scale = 100'000'000;
            const std::size_t begin = pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                fractionNs += (s[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
            if (pos == begin)
                return false;
        }
        const std::string_view zone = s.substr(pos);
        if (!(zone == "Z" || zone == "+00:00" || zone == "+0000" || zone.empty()))
            return false;
    }
    *out = unixNs(year, month, day, hour, minute, second) + fractionNs;
    return true;
}

std::string formatIsoUtc(std::int64_t t)
{
    const std::int64_t day = floorNs(t, kNsPerDay);
    int y;
    unsigned m, d;
    civilFromDays(day / kNsPerDay, &y, &m, &d);
    const std::int64_t inDay = t - day;
    const std::int64_t secs = inDay / kNsPerSecond;
    const std::int64_t frac = inDay % kNsPerSecond;
    char buf[96];
    if (frac == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d, int(secs / 3600),
            int(secs / 60 % 60), int(secs % 60));
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%09lldZ", y, m, d, int(secs / 3600),
            int(secs / 60 % 60), int(secs % 60), (long long)frac);
    return buf;
}

std::int64_t wallNowNs()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace opsdeck::billing
