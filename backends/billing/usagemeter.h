#pragma once

#include "backends/billing/usage.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace opsdeck::billing {

// Turns what the running system reports — "replica up", "node left",
// "these calls happened" — into priced usage intervals. The demo calls
// started()/stopped()/calls() from any thread as things happen and flush()
// on a timer (every few seconds); flush() submits, for each resource, the
// usage since the previous flush: running instances as Instance events (with
// the run's start so the 60-second minimum applies when they stop), calls as
// one Function event per resource. Thread-safe.
class UsageMeter
{
public:
    struct InstanceSpec
    {
        std::string product = "vm.small";
        std::string offer = "on-demand";
        std::string commitmentId;
        std::string regionId = "eu-central-1";
        std::string accountId = "opsdeck-demo";
        std::map<std::string, std::string> tags;
    };

    // An instance (mesh replica, simulation node) starts running. Starting a
    // running instance again is ignored.
    void started(const std::string &resourceId, const InstanceSpec &spec, std::int64_t atNs);
    // It stops (provider interruption: interrupted = true, no minimum charge).
    void stopped(const std::string &resourceId, std::int64_t atNs, bool interrupted = false);
    // Serverless calls: `requests` invocations that ran `gbSeconds` in total.
    void calls(const std::string &resourceId, double requests, double gbSeconds,
        const std::map<std::string, std::string> &tags = {});

    // Submits the usage up to nowNs to the sink and settles commitments.
    void flush(std::int64_t nowNs, UsageSink &sink);

    std::size_t running() const;

private:
    struct Run
    {
        InstanceSpec spec;
        std::int64_t runStartNs = 0;
        std::int64_t billedUntilNs = 0; // usage before this was already submitted
        std::int64_t stoppedNs = 0; // 0 while running
        bool interrupted = false;
    };
    struct Calls
    {
        double requests = 0;
        double gbSeconds = 0;
        std::map<std::string, std::string> tags;
    };

    mutable std::mutex m_mutex;
    std::map<std::string, Run> m_runs;
    std::vector<std::pair<std::string, Run>> m_finished; // stopped since the last flush
    std::map<std::string, Calls> m_calls;
    std::int64_t m_lastFlushNs = 0;
};

} // namespace opsdeck::billing
