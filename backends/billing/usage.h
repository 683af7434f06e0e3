#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace opsdeck::billing {

// What the running system consumed. The demo turns mesh services and
// simulation nodes into these; the WorkloadGenerator makes them up
// deterministically from a seed. Times are Unix ns, UTC.
struct UsageEvent
{
    enum class Kind { Instance, Function, Storage, DataTransfer };

    Kind kind = Kind::Instance;
    std::string resourceId; // "mesh/frontend-1", "sim/aircraft-17", "bucket/recordings"
    std::string regionId = "eu-central-1";
    std::string accountId = "opsdeck-demo";
    std::map<std::string, std::string> tags; // e.g. {"app": "mesh", "workload": "frontend"}
    std::int64_t startNs = 0; // usage interval [startNs, endNs)
    std::int64_t endNs = 0;

    // Instance: a product ("vm.small") bought with an offer ("on-demand",
    // "reserved", "savings-plan", "spot").
    std::string product;
    std::string offer = "on-demand";
    std::string commitmentId; // reserved / savings-plan: the commitment covering it
    std::int64_t runStartNs = 0; // when this run of the instance began (0 = startNs)
    bool runEnds = false; // the instance stops at endNs (the 60 s minimum applies)
    bool interrupted = false; // spot capacity reclaimed by the provider at endNs

    // Function: invocations in the interval.
    double requests = 0;
    double gbSeconds = 0; // duration x memory of all invocations

    // Storage: one data set held over the interval, with what was done to it.
    double storedGb = 0;
    std::int64_t lastAccessNs = 0; // last read or write; 90 days without one moves it cold
    double objects = 0; // objects in the data set (management, transitions)
    double readRequests = 0;
    double writeRequests = 0;
    double retrievedGb = 0; // read back (charged as retrieval in the cold class)
    double transferOutGb = 0;
    double acceleratedGb = 0;
    double replicatedGb = 0;
    double processedGb = 0; // in-flight processing

    // DataTransfer: "internet" or "inter-region".
    std::string transferKind = "internet";
    double transferGb = 0;
};

// A reservation or savings plan: `count` units of a committed SKU
// ("vm.small.reserved") from startNs for the SKU's term.
struct Commitment
{
    std::string id;
    std::string skuId;
    double count = 1;
    std::int64_t startNs = 0;
    std::string regionId = "eu-central-1";
    std::string accountId = "opsdeck-demo";
};

// Where usage goes. BillingBackend implements it; a UsageSource (the synthetic
// workload, or the demo's adapters of mesh and simulation) calls it from any
// thread.
class UsageSink
{
public:
    virtual ~UsageSink() = default;
    virtual void submit(const UsageEvent &event) = 0;
    virtual void commit(const Commitment &commitment) = 0;
    // All usage before this time has been submitted: commitments can settle
    // their unused hours up to here.
    virtual void settle(std::int64_t untilNs) = 0;
};

} // namespace opsdeck::billing
