#pragma once

#include "backends/billing/usage.h"

#include <cstdint>
#include <string>
#include <vector>

namespace opsdeck::billing {

// A synthetic but deterministic workload: a small fleet shaped like the demo
// (mesh services on reserved, savings-plan, on-demand and spot instances,
// simulation nodes in short sessions, two functions, three storage buckets,
// data transfer). Every random draw is a hash of (seed, resource, hour), so
// the usage of any interval is the same however the time is chopped: a
// backfill of a week equals the same week generated five seconds at a time.
class WorkloadGenerator
{
public:
    struct Instance
    {
        std::string resourceId;
        std::string product;
        std::string offer;
        std::string commitmentId;
        int fromHour = 0; // daily running window [fromHour, toHour) UTC; 0..24 = always
        int toHour = 24;
        bool sessions = false; // short random sessions instead of a daily window
        std::string workload;
        std::string app;
    };

    // epochNs: when the fleet (and its commitments) started; aligned down to the hour.
    WorkloadGenerator(std::uint64_t seed, std::int64_t epochNs);

    const std::vector<Instance> &instances() const { return m_instances; }
    const std::vector<Commitment> &commitments() const { return m_commitments; }
    std::int64_t epochNs() const { return m_epochNs; }

    // Emits the usage of [fromNs, toNs) (clipped to the epoch) in time order.
    void generate(std::int64_t fromNs, std::int64_t toNs, std::vector<UsageEvent> *out) const;

    // Spot interruption rate used for the draws (from the price book).
    void setInterruptionsPerHour(const std::string &product, double rate);

private:
    double uniform(const std::string &resource, std::int64_t hour, std::uint64_t salt) const;
    void instanceHour(const Instance &inst, std::int64_t hour, std::int64_t from, std::int64_t to,
        std::vector<UsageEvent> *out) const;
    UsageEvent base(const std::string &resource, const std::string &app, const std::string &workload) const;

    std::uint64_t m_seed;
    std::int64_t m_epochNs;
    std::vector<Instance> m_instances;
    std::vector<Commitment> m_commitments;
    std::vector<std::pair<std::string, double>> m_interruptions;
};

} // namespace opsdeck::billing
