#pragma once

#include "backends/sim/scenario.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace opsdeck::sim {

struct SimConfig
{
    std::uint32_t domain = 0;
    std::string memberId; // empty: "sim-<pid>"
    std::string name = "opsdeck-sim";
    std::string scenarioFile; // empty: scenarioText, or the built-in scenario
    std::string scenarioText;
    std::uint64_t seed = 0; // 0: the scenario's seed
    int aircraft = -1; // >= 0 overrides the scenario's random fleet size
    int heartbeatMs = 1000; // MemberStatus period
};

// A simulation member on DDS: publishes NodeState, LinkState, Route and its
// MemberStatus, and advances only when the control module's TimeAdvance grants
// it (SEEDS.md §1): in INIT it waits, in RUNNING it follows the grants, in
// FROZEN it holds its last step, STOP ends the run, RESET returns to step 0.
//
// start() opens the participant and runs one worker thread; stop() (also the
// destructor) joins it and deletes the participant. Thread-safe accessors.
class SimMember
{
public:
    explicit SimMember(SimConfig config);
    ~SimMember();
    SimMember(const SimMember &) = delete;
    SimMember &operator=(const SimMember &) = delete;

    bool start(std::string *error);
    void stop();

    std::string memberId() const;
    std::uint64_t step() const { return m_step.load(); }
    std::uint64_t stepsPublished() const { return m_published.load(); }
    std::size_t nodeCount() const { return m_nodeCount.load(); }

    // Injected faults (the demo's story): a node's radio fails or comes back,
    // a link between two nodes is blocked or freed. Thread-safe; applied by
    // the worker at once, which republishes the world (also in INIT/FROZEN),
    // so routes re-converge without waiting for a step. Returns false for an
    // unknown node (or before start()). Not concurrently with start()/stop().
    bool setRadioFailed(std::uint32_t nodeId, bool failed);
    bool setLinkBlocked(std::uint32_t a, std::uint32_t b, bool blocked);
    // A node id by name ("SWR-CAL", "ODK105"), after start(). Thread-safe.
    std::optional<std::uint32_t> nodeId(const std::string &name) const;
    std::map<std::string, std::uint32_t> nodes() const; // name -> id, after start()
    // The hops of a flow's route as last published (empty: unknown flow or
    // unreachable). Thread-safe.
    std::vector<std::uint32_t> routeHops(const std::string &flowName) const;

private:
    struct FaultCommand
    {
        bool link = false;
        std::uint32_t a = 0, b = 0;
        bool on = false;
    };
    bool queueFault(const FaultCommand &command);

    class Worker;
    SimConfig m_config;
    std::string m_memberId;
    std::unique_ptr<Worker> m_worker;
    std::thread m_thread;
    std::atomic<std::uint64_t> m_step { 0 };
    std::atomic<std::uint64_t> m_published { 0 };
    std::atomic<std::size_t> m_nodeCount { 0 };
    mutable std::mutex m_faultMutex;
    std::map<std::string, std::uint32_t> m_nodeIds; // guarded by m_faultMutex, fixed after start()
    std::vector<FaultCommand> m_faults; // guarded by m_faultMutex, taken by the worker
    std::map<std::string, std::vector<std::uint32_t>> m_routeHops; // guarded by m_faultMutex
};

} // namespace opsdeck::sim
