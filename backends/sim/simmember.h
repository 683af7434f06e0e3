#pragma once

#include "backends/sim/scenario.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace opsdeck::sim {

struct SimConfig
{
    std::uint32_t domain = 0;
    std::string memberId;          // empty: "sim-<pid>"
    std::string name = "opsdeck-sim";
    std::string scenarioFile;      // empty: scenarioText, or the built-in scenario
    std::string scenarioText;
    std::uint64_t seed = 0;        // 0: the scenario's seed
    int aircraft = -1;             // >= 0 overrides the scenario's random fleet size
    int heartbeatMs = 1000;        // MemberStatus period
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

private:
    class Worker;
    SimConfig m_config;
    std::string m_memberId;
    std::unique_ptr<Worker> m_worker;
    std::thread m_thread;
    std::atomic<std::uint64_t> m_step{0};
    std::atomic<std::uint64_t> m_published{0};
    std::atomic<std::size_t> m_nodeCount{0};
};

} // namespace opsdeck::sim
