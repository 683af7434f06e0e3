#include "backends/sim/scenario.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace opsdeck::sim {

namespace {

class LineParser
{
public:
    LineParser(std::vector<std::string> tokens, std::string where)
        : m_tokens(std::move(tokens))
        , m_where(std::move(where))
    { }

    const std::string &keyword() const { return m_tokens.front(); }
    std::size_t args() const { return m_tokens.size() - 1; }
    const std::string &arg(std::size_t i) const { return m_tokens.at(i + 1); }

    bool number(std::size_t i, double *out, double lo, double hi, const char *what)
    {
        if (i + 1 >= m_tokens.size())
            return fail(std::string("missing ") + what);
        const std::string &t = m_tokens[i + 1];
        double v = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v))
            return fail(std::string(what) + " must be a number, got '" + t + "'");
        if (v < lo || v > hi) {
            std::ostringstream s;
            s << what << " must be within [" << lo << ", " << hi << "], got " << t;
            return fail(s.str());
        }
        *out = v;
        return true;
    }
    template<typename Int>
    bool integer(std::size_t i, Int *out, std::uint64_t lo, std::uint64_t hi, const char *what)
    {
        if (i + 1 >= m_tokens.size())
            return fail(std::string("missing ") + what);
        const std::string &t = m_tokens[i + 1];
        std::uint64_t v = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (ec != std::errc() || end != t.data() + t.size())
            return fail(std::string(what) + " must be a non-negative integer, got '" + t + "'");
        if (v < lo || v > hi)
            return fail(std::string(what) + " must be within [" + std::to_string(lo) + ", "
                + std::to_string(hi) + "], got " + t);
        *out = Int(v);
        return true;
    }
    bool expectArgs(std::size_t lo, std::size_t hi, const char *usage)
    {
        if (args() < lo || args() > hi)
            return fail("'" + keyword() + "' expects: " + usage);
        return true;
    }
    bool fail(const std::string &what)
    {
        m_error = m_where + ": " + what;
        return false;
    }
    const std::string &error() const { return m_error; }

private:
    std::vector<std::string> m_tokens;
    std::string m_where;
    std::string m_error;
};

std::vector<std::string> tokenize(const std::string &line)
{
    std::vector<std::string> out;
    std::istringstream in(line.substr(0, line.find('#')));
    for (std::string t; in >> t;)
        out.push_back(t);
    return out;
}

bool position(LineParser &p, std::size_t i, Geodetic *g)
{
    return p.number(i, &g->latDeg, -90, 90, "latitude (degrees)")
        && p.number(i + 1, &g->lonDeg, -180, 180, "longitude (degrees)")
        && p.number(i + 2, &g->altM, -500, 40000, "altitude (metres)");
}

} // namespace

Scenario defaultScenario()
{
    Scenario s;
    s.name = "alps-60";
    return s;
}

std::optional<Scenario> parseScenario(const std::string &text, const std::string &origin, std::string *error)
{
    Scenario s;
    s.aircraft = 60;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    std::set<std::uint32_t> ids;
    std::set<std::uint32_t> flowIds;
    auto failWith = [error](const std::string &what) -> std::optional<Scenario> {
        if (error)
            *error = what;
        return std::nullopt;
    };
    while (std::getline(in, line)) {
        ++number;
        std::vector<std::string> tokens = tokenize(line);
        if (tokens.empty())
            continue;
        LineParser p(std::move(tokens), origin + ":" + std::to_string(number));
        const std::string kw = p.keyword();
        bool ok = true;
        if (kw == "name") {
            ok = p.expectArgs(1, 1, "name <word>");
            if (ok)
                s.name = p.arg(0);
        } else if (kw == "seed") {
            ok = p.expectArgs(1, 1, "seed <integer>") && p.integer(0, &s.seed, 0, UINT64_MAX, "seed");
        } else if (kw == "origin") {
            ok = p.expectArgs(2, 2, "origin <lat> <lon>")
                && p.number(0, &s.origin.latDeg, -89, 89, "latitude (degrees)")
                && p.number(1, &s.origin.lonDeg, -180, 180, "longitude (degrees)");
        } else if (kw == "region") {
            ok = p.expectArgs(2, 2, "region <east-west metres> <north-south metres>")
                && p.number(0, &s.regionEastM, 1000, 4e6, "east-west extent (metres)")
                && p.number(1, &s.regionNorthM, 1000, 4e6, "north-south extent (metres)");
        } else if (kw == "aircraft") {
            ok = p.expectArgs(1, 1, "aircraft <count>")
                && p.integer(0, &s.aircraft, 0, 10000, "aircraft count");
        } else if (kw == "speed") {
            ok = p.expectArgs(2, 2, "speed <min m/s> <max m/s>")
                && p.number(0, &s.speedMinMps, 20, 1000, "minimum speed (m/s)")
                && p.number(1, &s.speedMaxMps, s.speedMinMps, 1000, "maximum speed (m/s)");
        } else if (kw == "altitude") {
            ok = p.expectArgs(2, 2, "altitude <min m> <max m>")
                && p.number(0, &s.altMinM, 0, 25000, "minimum altitude (metres)")
                && p.number(1, &s.altMaxM, s.altMinM, 25000, "maximum altitude (metres)");
        } else if (kw == "waypoints") {
            ok = p.expectArgs(1, 1, "waypoints <count>")
                && p.integer(0, &s.waypoints, 2, 100, "waypoints per aircraft");
        } else if (kw == "radio_range") {
            ok = p.expectArgs(1, 1, "radio_range <metres>")
                && p.number(0, &s.radioRangeM, 100, 1e6, "radio range (metres)");
        } else if (kw == "snr_at_range") {
            ok = p.expectArgs(1, 1, "snr_at_range <dB>")
                && p.number(0, &s.snrAtRangeDb, -20, 40, "SNR at range (dB)");
        } else if (kw == "bandwidth") {
            ok = p.expectArgs(1, 1, "bandwidth <Mbit/s>")
                && p.number(0, &s.maxBandwidthMbps, 0.001, 1e5, "bandwidth (Mbit/s)");
        } else if (kw == "processing_latency") {
            ok = p.expectArgs(1, 1, "processing_latency <ms>")
                && p.number(0, &s.processingLatencyMs, 0, 10000, "processing latency (ms)");
        } else if (kw == "failure_probability") {
            ok = p.expectArgs(1, 1, "failure_probability <per aircraft per hour, 0..1>")
                && p.number(0, &s.failureProbability, 0, 1, "failure probability");
        } else if (kw == "random_flows") {
            ok = p.expectArgs(1, 1, "random_flows <count>")
                && p.integer(0, &s.randomFlows, 0, 10000, "random flow count");
        } else if (kw == "ground") {
            GroundStation g;
            g.line = number;
            ok = p.expectArgs(5, 5, "ground <id> <name> <lat> <lon> <alt>")
                && p.integer(0, &g.id, 1, 0x7fffffff, "node id") && position(p, 2, &g.position);
            if (ok && !ids.insert(g.id).second)
                ok = p.fail("node id " + std::to_string(g.id) + " is used twice");
            if (ok) {
                g.name = p.arg(1);
                s.ground.push_back(g);
            }
        } else if (kw == "plan") {
            FlightPlan f;
            f.line = number;
            ok = p.args() >= 9 && (p.args() - 3) % 3 == 0;
            if (!ok)
                p.fail("'plan' expects: plan <id> <name> <speed m/s> <lat> <lon> <alt> <lat> <lon> <alt> ... "
                       "(at least two waypoints)");
            ok = ok && p.integer(0, &f.id, 1, 0x7fffffff, "node id")
                && p.number(2, &f.speedMps, 20, 1000, "speed (m/s)");
            for (std::size_t i = 3; ok && i + 2 < p.args() + 1; i += 3) {
                Geodetic g;
                ok = position(p, i, &g);
                f.waypoints.push_back(g);
            }
            if (ok && !ids.insert(f.id).second)
                ok = p.fail("node id " + std::to_string(f.id) + " is used twice");
            if (ok) {
                f.name = p.arg(1);
                s.plans.push_back(std::move(f));
            }
        } else if (kw == "flow") {
            FlowSpec f;
            f.line = number;
            ok = p.expectArgs(3, 4, "flow <id> <source node id> <destination node id> [name]")
                && p.integer(0, &f.id, 1, 0x7fffffff, "flow id")
                && p.integer(1, &f.src, 1, 0x7fffffff, "source node id")
                && p.integer(2, &f.dst, 1, 0x7fffffff, "destination node id");
            if (ok && f.src == f.dst)
                ok = p.fail("a flow's source and destination must differ");
            if (ok && !flowIds.insert(f.id).second)
                ok = p.fail("flow id " + std::to_string(f.id) + " is used twice");
            if (ok) {
                f.name = p.args() == 4 ? p.arg(3) : "flow-" + std::to_string(f.id);
                s.flows.push_back(f);
            }
        } else {
            ok = p.fail("unknown keyword '" + kw
                + "' (expected name, seed, origin, region, aircraft, speed, altitude, waypoints, "
                  "radio_range, snr_at_range, bandwidth, processing_latency, failure_probability, "
                  "random_flows, ground, plan, flow)");
        }
        if (!ok)
            return failWith(p.error());
    }
    // Flows name explicit nodes (plans, ground stations) or random aircraft,
    // which get the ids above the highest explicit one: check they exist.
    std::uint32_t maxExplicit = 0;
    for (std::uint32_t id : ids)
        maxExplicit = std::max(maxExplicit, id);
    for (const FlowSpec &f : s.flows) {
        for (std::uint32_t node : { f.src, f.dst }) {
            const bool random = node > maxExplicit && node <= maxExplicit + std::uint32_t(s.aircraft);
            if (!ids.count(node) && !random)
                return failWith(origin + ":" + std::to_string(f.line) + ": flow " + std::to_string(f.id)
                    + " names node " + std::to_string(node)
                    + ", which no plan, ground station or random aircraft has (random aircraft are "
                    + std::to_string(maxExplicit + 1) + ".."
                    + std::to_string(maxExplicit + std::uint32_t(s.aircraft)) + ")");
        }
    }
    if (s.aircraft + s.plans.size() + s.ground.size() == 0)
        return failWith(
            origin + ": the scenario has no nodes (add 'aircraft <count>', 'plan' or 'ground' lines)");
    return s;
}

std::optional<Scenario> loadScenarioFile(const std::string &path, std::string *error)
{
    std::ifstream file(path);
    if (!file) {
        if (error)
            *error = path + ": cannot open the scenario file";
        return std::nullopt;
    }
    std::ostringstream text;
    text << file.rdbuf();
    return parseScenario(text.str(), path, error);
}

} // namespace opsdeck::sim
