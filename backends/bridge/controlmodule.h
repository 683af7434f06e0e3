#pragma once

#include "backends/dds/participant.h"
#include "opsdeck/v1/bridge.pb.h"

#include <grpcpp/support/status.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace opsdeck::bridge {

struct ControlConfig
{
    std::int64_t dtNs = 100'000'000; // 100 ms of simulation time per step
    double realTimeFactor = 1.0; // sim seconds per wall second
    std::int64_t epochUnixNs = 0; // sim time 0 in UTC
    std::string auditLogPath; // empty: no audit file (commands are still logged)
};

// The interface control module and time manager (SEEDS.md §1): the only
// time-control member. States INIT → RUNNING ⇄ FROZEN → STOPPED → INIT.
// In RUNNING its thread publishes TimeAdvance every dt of simulation time,
// paced by the real-time factor, and the SimClock with it.
//
// apply() validates a command, applies it, publishes SimControl and the new
// SimClock on DDS and only then returns the ack. Commands are idempotent per
// (identity, sequence) and written to the audit log.
class ControlModule
{
public:
    using EventSink
        = std::function<void(const opsdeck::v1::ControlCommand &, const opsdeck::v1::ControlAck &)>;

    ControlModule(dds::Participant &participant, ControlConfig config);
    ~ControlModule();

    bool start(std::string *error);
    void stop();

    void setEventSink(EventSink sink) { m_sink = std::move(sink); }

    // `identity` is the authenticated caller. Returns OK for APPLIED and
    // DUPLICATE, FAILED_PRECONDITION / INVALID_ARGUMENT for REFUSED.
    grpc::Status apply(const opsdeck::v1::ControlCommand &command, const std::string &identity,
        opsdeck::v1::ControlAck *ack);

    opsdeck::v1::SimClock clock() const;

private:
    void run();
    void publishClockLocked();
    void publishControlLocked(const opsdeck::v1::ControlCommand &command);
    opsdeck::v1::SimClock clockLocked() const;
    std::string validateLocked(const opsdeck::v1::ControlCommand &command, grpc::StatusCode *code) const;
    void audit(const opsdeck::v1::ControlCommand &command, const std::string &identity,
        const opsdeck::v1::ControlAck &ack);

    dds::Participant &m_participant;
    const ControlConfig m_config;
    dds_entity_t m_controlWriter = 0, m_advanceWriter = 0, m_clockWriter = 0;
    EventSink m_sink;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    opsdeck::v1::SimState m_state = opsdeck::v1::SIM_STATE_INIT;
    std::uint64_t m_step = 0;
    std::int64_t m_simTimeNs = 0;
    std::int64_t m_dtNs;
    double m_rate;
    std::uint64_t m_lastSequence = 0;
    std::string m_lastIssuer;
    // (identity, sequence) → the original ack, bounded.
    std::map<std::pair<std::string, std::uint64_t>, opsdeck::v1::ControlAck> m_history;
    std::deque<std::pair<std::string, std::uint64_t>> m_historyOrder;
    std::mutex m_auditMutex;
    std::ofstream m_audit;
    std::thread m_thread;
};

} // namespace opsdeck::bridge
