#include "backends/bridge/controlmodule.h"

#include "backends/bridge/epochtime.h"
#include "opsdeck_dds.h"

#include <QLoggingCategory>

#include <chrono>
#include <cmath>
#include <ctime>

Q_DECLARE_LOGGING_CATEGORY(lcBridge)

namespace opsdeck::bridge {

using namespace opsdeck::v1;

namespace {

constexpr std::size_t kHistory = 4096;
constexpr std::int64_t kMinDtNs = 1'000'000; // 1 ms
constexpr std::int64_t kMaxDtNs = 3600LL * 1'000'000'000; // 1 h
constexpr double kMinRate = 0.001, kMaxRate = 10000.0;
constexpr std::int64_t kMinWallPeriodNs = 1'000'000; // at most 1000 grants per second

std::int64_t unixNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

const char *stateName(SimState s)
{
    switch (s) {
    case SIM_STATE_INIT:
        return "INIT";
    case SIM_STATE_RUNNING:
        return "RUNNING";
    case SIM_STATE_FROZEN:
        return "FROZEN";
    case SIM_STATE_STOPPED:
        return "STOPPED";
    default:
        return "UNSPECIFIED";
    }
}

} // namespace

ControlModule::ControlModule(dds::Participant &participant, ControlConfig config)
    : m_participant(participant)
    , m_config(std::move(config))
    , m_dtNs(m_config.dtNs)
    , m_rate(m_config.realTimeFactor)
{ }

ControlModule::~ControlModule()
{
    stop();
}

bool ControlModule::start(std::string *error)
{
    const dds::Topics &t = m_participant.topics();
    m_controlWriter = m_participant.createWriter(t.control, dds::QosKind::Control, error);
    m_advanceWriter = m_participant.createWriter(t.advance, dds::QosKind::TimeAdvance, error);
    m_clockWriter = m_participant.createWriter(t.clock, dds::QosKind::State, error);
    if (m_controlWriter < 0 || m_advanceWriter < 0 || m_clockWriter < 0)
        return false;
    if (!m_config.auditLogPath.empty()) {
        m_audit.open(m_config.auditLogPath, std::ios::app);
        if (!m_audit) {
            if (error)
                *error = "cannot open the audit log " + m_config.auditLogPath;
            return false;
        }
    }
    {
        std::lock_guard lock(m_mutex);
        publishClockLocked();
    }
    m_thread = std::thread([this] { run(); });
    return true;
}

void ControlModule::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

SimClock ControlModule::clockLocked() const
{
    SimClock c;
    c.set_state(m_state);
    c.set_step(m_step);
    c.set_sim_time_ns(m_simTimeNs);
    c.set_dt_ns(m_dtNs);
    c.set_real_time_factor(m_rate);
    c.set_epoch_unix_ns(m_config.epochUnixNs);
    c.set_epoch_time(formatEpochTime(m_config.epochUnixNs, m_simTimeNs));
    c.set_last_sequence(m_lastSequence);
    c.set_last_issuer(m_lastIssuer);
    c.set_wall_time_unix_ns(unixNowNs());
    return c;
}

SimClock ControlModule::clock() const
{
    std::lock_guard lock(m_mutex);
    return clockLocked();
}

void ControlModule::publishClockLocked()
{
    opsdeck_dds_SimClock s {};
    s.state = m_state;
    s.step = m_step;
    s.sim_time_ns = m_simTimeNs;
    s.dt_ns = m_dtNs;
    s.real_time_factor = m_rate;
    s.epoch_unix_ns = m_config.epochUnixNs;
    s.last_sequence = m_lastSequence;
    s.last_issuer = const_cast<char *>(m_lastIssuer.c_str());
    s.wall_time_unix_ns = unixNowNs();
    dds_write(m_clockWriter, &s);
}

void ControlModule::publishControlLocked(const ControlCommand &command)
{
    opsdeck_dds_SimControl s {};
    s.kind = command.kind();
    s.sequence_number = command.sequence();
    s.issuer = const_cast<char *>(m_lastIssuer.c_str());
    s.dt_ns = m_dtNs;
    s.real_time_factor = m_rate;
    s.state = m_state;
    s.step = m_step;
    s.sim_time_ns = m_simTimeNs;
    dds_write(m_controlWriter, &s);
}

std::string ControlModule::validateLocked(const ControlCommand &command, grpc::StatusCode *code) const
{
    *code = grpc::StatusCode::FAILED_PRECONDITION;
    const std::string from = std::string("the simulation is ") + stateName(m_state);
    switch (command.kind()) {
    case CONTROL_KIND_START:
        return m_state == SIM_STATE_INIT ? "" : from + "; start needs INIT (reset a stopped run first)";
    case CONTROL_KIND_FREEZE:
        return m_state == SIM_STATE_RUNNING ? "" : from + "; only a running simulation can be frozen";
    case CONTROL_KIND_RESUME:
        return m_state == SIM_STATE_FROZEN ? "" : from + "; only a frozen simulation can be resumed";
    case CONTROL_KIND_STOP:
        return m_state == SIM_STATE_RUNNING || m_state == SIM_STATE_FROZEN
            ? ""
            : from + "; only a running or frozen simulation can be stopped";
    case CONTROL_KIND_RESET:
        return m_state == SIM_STATE_STOPPED || m_state == SIM_STATE_INIT
            ? ""
            : from + "; stop the simulation before resetting it";
    case CONTROL_KIND_SET_DT:
        if (m_state == SIM_STATE_STOPPED)
            return from + "; dt cannot change after stop";
        *code = grpc::StatusCode::INVALID_ARGUMENT;
        return command.dt_ns() >= kMinDtNs && command.dt_ns() <= kMaxDtNs
            ? ""
            : "dt_ns must be between 1 ms and 1 h, got " + std::to_string(command.dt_ns());
    case CONTROL_KIND_SET_RATE:
        if (m_state == SIM_STATE_STOPPED)
            return from + "; the rate cannot change after stop";
        *code = grpc::StatusCode::INVALID_ARGUMENT;
        return std::isfinite(command.real_time_factor()) && command.real_time_factor() >= kMinRate
                && command.real_time_factor() <= kMaxRate
            ? ""
            : "real_time_factor must be between 0.001 and 10000";
    default:
        *code = grpc::StatusCode::INVALID_ARGUMENT;
        return "unknown control command kind " + std::to_string(command.kind());
    }
}

grpc::Status ControlModule::apply(const ControlCommand &command, const std::string &identity, ControlAck *ack)
{
    grpc::Status status;
    {
        std::unique_lock lock(m_mutex);
        ack->set_sequence(command.sequence());
        ack->set_kind(command.kind());
        ack->set_issuer(identity);
        const auto historyKey = std::make_pair(identity, command.sequence());
        const auto seen = m_history.find(historyKey);
        if (seen != m_history.end()) {
            ack->set_result(ACK_RESULT_DUPLICATE);
            ack->set_reason("sequence " + std::to_string(command.sequence()) + " from " + identity
                + " was already handled (" + AckResult_Name(seen->second.result())
                + (seen->second.reason().empty() ? "" : ": " + seen->second.reason()) + "); nothing changed");
            *ack->mutable_clock() = clockLocked();
            ack->set_acked_unix_ns(unixNowNs());
        } else {
            grpc::StatusCode code = grpc::StatusCode::OK;
            const std::string refusal = validateLocked(command, &code);
            if (!refusal.empty()) {
                ack->set_result(ACK_RESULT_REFUSED);
                ack->set_reason(refusal);
            } else {
                switch (command.kind()) {
                case CONTROL_KIND_START:
                case CONTROL_KIND_RESUME:
                    m_state = SIM_STATE_RUNNING;
                    break;
                case CONTROL_KIND_FREEZE:
                    m_state = SIM_STATE_FROZEN;
                    break;
                case CONTROL_KIND_STOP:
                    m_state = SIM_STATE_STOPPED;
                    break;
                case CONTROL_KIND_RESET:
                    m_state = SIM_STATE_INIT;
                    m_step = 0;
                    m_simTimeNs = 0;
                    m_dtNs = m_config.dtNs;
                    m_rate = m_config.realTimeFactor;
                    break;
                case CONTROL_KIND_SET_DT:
                    m_dtNs = command.dt_ns();
                    break;
                case CONTROL_KIND_SET_RATE:
                    m_rate = command.real_time_factor();
                    break;
                default:
                    break;
                }
                m_lastSequence = command.sequence();
                m_lastIssuer = identity;
                publishControlLocked(command);
                publishClockLocked(); // the ack follows the published state
                ack->set_result(ACK_RESULT_APPLIED);
            }
            *ack->mutable_clock() = clockLocked();
            ack->set_acked_unix_ns(unixNowNs());
            if (!refusal.empty())
                status = grpc::Status(code, refusal, ack->SerializeAsString());
            m_history.emplace(historyKey, *ack);
            m_historyOrder.push_back(historyKey);
            if (m_historyOrder.size() > kHistory) {
                m_history.erase(m_historyOrder.front());
                m_historyOrder.pop_front();
            }
        }
    }
    m_wake.notify_all();
    audit(command, identity, *ack);
    if (m_sink)
        m_sink(command, *ack);
    return status;
}

void ControlModule::audit(const ControlCommand &command, const std::string &identity, const ControlAck &ack)
{
    const std::time_t now = std::time(nullptr);
    std::tm tm {};
    gmtime_r(&now, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    std::string line = std::string(when) + "\tidentity=" + identity
        + "\tissuer=" + command.issuer().substr(0, 128) + "\tcommand=" + ControlKind_Name(command.kind())
        + "\tsequence=" + std::to_string(command.sequence()) + "\tresult=" + AckResult_Name(ack.result())
        + "\tstate=" + SimState_Name(ack.clock().state()) + "\tstep=" + std::to_string(ack.clock().step())
        + "\tsim_time=" + ack.clock().epoch_time();
    if (!ack.reason().empty())
        line += "\treason=" + ack.reason();
    if (!command.comment().empty())
        line += "\tcomment=" + command.comment().substr(0, 256);
    for (char &c : line)
        if (c == '\n' || c == '\r')
            c = ' ';
    qCInfo(lcBridge).noquote() << "control:" << QString::fromStdString(line);
    std::lock_guard lock(m_auditMutex);
    if (m_audit.is_open()) {
        m_audit << line << '\n';
        m_audit.flush();
    }
}

void ControlModule::run()
{
    using Clock = std::chrono::steady_clock;
    std::unique_lock lock(m_mutex);
    Clock::time_point next = Clock::now();
    bool wasRunning = false;
    while (!m_stop) {
        if (m_state != SIM_STATE_RUNNING) {
            wasRunning = false;
            m_wake.wait(lock, [this] { return m_stop || m_state == SIM_STATE_RUNNING; });
            continue;
        }
        const auto period = std::chrono::nanoseconds(
            std::max<std::int64_t>(kMinWallPeriodNs, std::int64_t(double(m_dtNs) / m_rate)));
        if (!wasRunning) {
            next = Clock::now() + period; // the first grant comes one period after start / resume
            wasRunning = true;
        }
        if (m_wake.wait_until(lock, next, [this] { return m_stop || m_state != SIM_STATE_RUNNING; }))
            continue;
        ++m_step;
        m_simTimeNs += m_dtNs;
        opsdeck_dds_TimeAdvance a {};
        a.step = m_step;
        a.sim_time_ns = m_simTimeNs;
        a.dt_ns = m_dtNs;
        dds_write(m_advanceWriter, &a);
        publishClockLocked();
        next += period;
        if (Clock::now() - next > std::chrono::seconds(1))
            next = Clock::now(); // fell far behind (machine suspended): don't burst to catch up
    }
}

} // namespace opsdeck::bridge
