#include "backends/billing/workload.h"

#include "backends/billing/timeutil.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace opsdeck::billing {
namespace {

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

std::uint64_t fnv(const std::string &s)
{
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ull;
    return h;
}

// Fraction of [a, b) inside [from, to).
std::int64_t overlap(std::int64_t a, std::int64_t b, std::int64_t from, std::int64_t to)
{
    return std::max<std::int64_t>(0, std::min(b, to) - std::max(a, from));
}

} // namespace

WorkloadGenerator::WorkloadGenerator(std::uint64_t seed, std::int64_t epochNs)
    : m_seed(seed)
    , m_epochNs(floorNs(epochNs, kNsPerHour))
{
    // Mesh: the always-on front end on a 3-instance reservation (the third
    // runs 12 hours a day, so part of the reservation goes unused), orders on
    // a savings plan, search on demand in business hours, batch on spot at night.
    m_instances = {
        { "mesh/frontend-1", "vm.small", "reserved", "ri-frontend", 0, 24, false, "frontend", "mesh" },
        { "mesh/frontend-2", "vm.small", "reserved", "ri-frontend", 0, 24, false, "frontend", "mesh" },
        { "mesh/frontend-3", "vm.small", "reserved", "ri-frontend", 8, 20, false, "frontend", "mesh" },
        { "mesh/orders-1", "vm.small", "savings-plan", "sp-orders", 0, 24, false, "orders", "mesh" },
        { "mesh/orders-2", "vm.small", "savings-plan", "sp-orders", 0, 24, false, "orders", "mesh" },
        { "mesh/search-1", "vm.large", "on-demand", "", 8, 20, false, "search", "mesh" },
        { "mesh/search-2", "vm.large", "on-demand", "", 9, 17, false, "search", "mesh" },
        { "mesh/batch-1", "vm.large", "spot", "", 0, 6, false, "batch", "mesh" },
        { "mesh/batch-2", "vm.large", "spot", "", 0, 6, false, "batch", "mesh" },
        { "sim/bridge-1", "vm.small", "on-demand", "", 0, 24, false, "bridge", "sim" },
    };
    for (int i = 1; i <= 6; ++i)
        m_instances.push_back({ "sim/member-" + std::to_string(i), "vm.small", "on-demand", "", 0, 24, true,
            "simulation", "sim" });
    m_commitments = {
        { "ri-frontend", "vm.small.reserved", 3, m_epochNs, "eu-central-1", "opsdeck-demo" },
        { "sp-orders", "vm.small.savings-plan", 2, m_epochNs, "eu-central-1", "opsdeck-demo" },
    };
    m_interruptions = { { "vm.large", 0.08 }, { "vm.small", 0.05 } };
}

void WorkloadGenerator::setInterruptionsPerHour(const std::string &product, double rate)
{
    for (auto &[p, r] : m_interruptions)
        if (p == product) {
            r = rate;
            return;
        }
    m_interruptions.emplace_back(product, rate);
}

double WorkloadGenerator::uniform(const std::string &resource, std::int64_t hour, std::uint64_t salt) const
{
    const std::uint64_t h
        = splitmix(m_seed ^ splitmix(fnv(resource) ^ splitmix(std::uint64_t(hour) + salt * 7919)));
    return double(h >> 11) * 0x1.0p-53;
}

UsageEvent WorkloadGenerator::base(
    const std::string &resource, const std::string &app, const std::string &workload) const
{
    UsageEvent e;
    e.resourceId = resource;
    e.tags = { { "app", app }, { "workload", workload } };
    return e;
}

void WorkloadGenerator::instanceHour(const Instance &inst, std::int64_t hour, std::int64_t from,
    std::int64_t to, std::vector<UsageEvent> *out) const
{
    const std::int64_t hourEnd = hour + kNsPerHour;
    // One event per run and hour, clipped to the interval asked for; the run's
    // true start and end travel along for the 60-second minimum.
    auto emit = [&](std::int64_t runStart, std::int64_t runEnd, bool interrupted) {
        const std::int64_t a = std::max({ runStart, from, hour }), b = std::min({ runEnd, to, hourEnd });
        if (b <= a)
            return;
        UsageEvent e = base(inst.resourceId, inst.app, inst.workload);
        e.kind = UsageEvent::Kind::Instance;
        e.product = inst.product;
        e.offer = inst.offer;
        e.commitmentId = inst.commitmentId;
        e.startNs = a;
        e.endNs = b;
        e.runStartNs = runStart;
        e.runEnds = runEnd <= b;
        e.interrupted = interrupted && e.runEnds;
        out->push_back(std::move(e));
    };
    if (inst.sessions) {
        // Simulation members run sessions: most hours one, some of them
        // shorter than the 60-second minimum.
        if (uniform(inst.resourceId, hour, 1) < 0.35)
            return;
        const std::int64_t start
            = hour + std::int64_t(uniform(inst.resourceId, hour, 2) * 1800) * kNsPerSecond;
        const bool shortRun = uniform(inst.resourceId, hour, 3) < 0.15;
        const std::int64_t seconds = shortRun ? 5 + std::int64_t(uniform(inst.resourceId, hour, 4) * 50)
                                              : 120 + std::int64_t(uniform(inst.resourceId, hour, 4) * 1500);
        emit(start, start + seconds * kNsPerSecond, false);
        return;
    }
    const int hourOfDay = int((hour - floorNs(hour, kNsPerDay)) / kNsPerHour);
    if (hourOfDay < inst.fromHour || hourOfDay >= inst.toHour)
        return;
    const bool alwaysOn = inst.fromHour == 0 && inst.toHour == 24;
    const std::int64_t dayStart = floorNs(hour, kNsPerDay);
    const std::int64_t windowStart
        = alwaysOn ? m_epochNs : std::max(m_epochNs, dayStart + inst.fromHour * kNsPerHour);
    const std::int64_t windowEnd = alwaysOn ? INT64_MAX : dayStart + inst.toHour * kNsPerHour;
    if (inst.offer == "spot") {
        double rate = 0;
        for (const auto &[p, r] : m_interruptions)
            if (p == inst.product)
                rate = r;
        // Any hour of a spot window may be interrupted; a replacement starts
        // two minutes later and runs to the end of the window.
        if (uniform(inst.resourceId, hour, 5) < rate) {
            const std::int64_t cut
                = hour + (60 + std::int64_t(uniform(inst.resourceId, hour, 6) * 3000)) * kNsPerSecond;
            emit(windowStart, cut, true);
            emit(cut + 120 * kNsPerSecond, windowEnd, false);
            return;
        }
    }
    emit(windowStart, windowEnd, false);
}

void WorkloadGenerator::generate(std::int64_t fromNs, std::int64_t toNs, std::vector<UsageEvent> *out) const
{
    fromNs = std::max(fromNs, m_epochNs);
    for (std::int64_t hour = floorNs(fromNs, kNsPerHour); hour < toNs; hour += kNsPerHour) {
        const std::int64_t hourEnd = hour + kNsPerHour;
        const double share = double(overlap(hour, hourEnd, fromNs, toNs)) / double(kNsPerHour);
        if (share <= 0)
            continue;
        const std::int64_t a = std::max(hour, fromNs), b = std::min(hourEnd, toNs);
        for (const Instance &inst : m_instances)
            instanceHour(inst, hour, fromNs, toNs, out);
        const int hourOfDay = int((hour - floorNs(hour, kNsPerDay)) / kNsPerHour);
        const double diurnal = 0.55 + 0.45 * std::sin((hourOfDay - 6) * 3.14159265358979 / 12.0);

        // Functions: requests x (duration x memory).
        struct Fn
        {
            const char *id;
            double requestsPerHour;
            double seconds;
            double gb;
        };
        for (const Fn &fn :
            { Fn { "fn/telemetry-ingest", 90000, 0.12, 1.5 }, Fn { "fn/report-render", 4000, 1.8, 2.0 } }) {
            UsageEvent e = base(fn.id, "mesh", fn.id + 3);
            e.kind = UsageEvent::Kind::Function;
            e.startNs = a;
            e.endNs = b;
            e.requests
                = std::round(fn.requestsPerHour * diurnal * (0.8 + 0.4 * uniform(fn.id, hour, 10)) * share);
            e.gbSeconds = e.requests * fn.seconds * fn.gb;
            out->push_back(std::move(e));
        }

        // Storage: recordings (hot, growing, busy), snapshots (goes cold 5
        // days after the epoch), archive (cold from the start).
        const double days = double(hour - m_epochNs) / double(kNsPerDay);
        struct Bucket
        {
            const char *id;
            double gb;
            double growthPerDay;
            std::int64_t lastAccess;
            double activity;
        };
        const Bucket buckets[] = {
            { "bucket/recordings", 1800, 40, hour, 1.0 },
            { "bucket/snapshots", 5200, 0, m_epochNs - 85 * kNsPerDay, 0.0 },
            { "bucket/archive", 64000, 0, m_epochNs - 200 * kNsPerDay, 0.0 },
        };
        for (const Bucket &bucket : buckets) {
            UsageEvent e = base(bucket.id, "sim", "recording");
            e.kind = UsageEvent::Kind::Storage;
            e.startNs = a;
            e.endNs = b;
            e.storedGb = bucket.gb + bucket.growthPerDay * days;
            e.lastAccessNs = bucket.lastAccess;
            e.objects = e.storedGb * 40;
            const double busy = bucket.activity * diurnal * share;
            e.writeRequests = std::round(3000 * busy);
            e.readRequests = std::round(12000 * busy);
            e.transferOutGb = 1.5 * busy;
            e.acceleratedGb = 0.2 * busy;
            e.replicatedGb = bucket.growthPerDay / 24.0 * share;
            e.processedGb = 0.8 * busy;
            out->push_back(std::move(e));
        }

        // Data transfer between the regions of the mesh and out to viewers.
        UsageEvent inter = base("net/mesh-replication", "mesh", "replication");
        inter.kind = UsageEvent::Kind::DataTransfer;
        inter.startNs = a;
        inter.endNs = b;
        inter.transferKind = "inter-region";
        inter.transferGb = 4.0 * diurnal * share;
        out->push_back(inter);
        UsageEvent egress = base("net/console-egress", "mesh", "egress");
        egress.kind = UsageEvent::Kind::DataTransfer;
        egress.startNs = a;
        egress.endNs = b;
        egress.transferKind = "internet";
        egress.transferGb = 2.5 * diurnal * (0.7 + 0.6 * uniform("egress", hour, 11)) * share;
        out->push_back(std::move(egress));
    }
    std::stable_sort(out->begin(), out->end(),
        [](const UsageEvent &x, const UsageEvent &y) { return x.startNs < y.startNs; });
}

} // namespace opsdeck::billing
