#include "model/simclockmodel.h"

#include "model/eventstream.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>

namespace opsdeck::model {

using opsdeck::v1::ControlKind;
using opsdeck::v1::Envelope;
using opsdeck::v1::SimState;

namespace {
constexpr std::size_t kMaxNameBytes = 256;

QString sourceName(const Envelope &envelope)
{
    return envelope.source().empty()
        ? QStringLiteral("bridge")
        : QStringLiteral("bridge %1").arg(QString::fromStdString(envelope.source()));
}
} // namespace

SimClockModel::SimClockModel(Diagnostics *diagnostics, std::size_t logCapacity)
    : m_diagnostics(diagnostics)
    , m_logCapacity(std::max<std::size_t>(logCapacity, 1))
{ }

void SimClockModel::apply(std::span<const Envelope> batch)
{
    for (const Envelope &envelope : batch) {
        const std::int64_t at = envelope.recv_time_unix_ns();
        switch (envelope.channel()) {
        case opsdeck::v1::CHANNEL_BRIDGE: {
            if (!envelope.has_bridge_sample())
                break;
            const opsdeck::v1::Sample &sample = envelope.bridge_sample();
            if (sample.snapshot() && !m_inSnapshot) {
                m_inSnapshot = true;
                m_snapshotMembers.clear();
            }
            if (sample.has_clock())
                applyClock(sample.clock(), envelope);
            else if (sample.has_member())
                applyMember(sample.member(), envelope);
            else if (sample.has_control())
                applyEcho(sample.control(), at);
            else if (sample.has_snapshot_complete() && m_inSnapshot) {
                m_inSnapshot = false;
                for (auto it = m_members.begin(); it != m_members.end();) {
                    if (!m_snapshotMembers.contains(it->first)) {
                        it = m_members.erase(it);
                        m_membersDirty = true;
                        changed();
                    } else {
                        ++it;
                    }
                }
            }
            break;
        }
        case opsdeck::v1::CHANNEL_CONTROL:
            if (envelope.has_control_command())
                applyCommand(envelope.control_command(), at);
            else if (envelope.has_control_ack())
                applyAck(envelope.control_ack(), at);
            break;
        case opsdeck::v1::CHANNEL_CONSOLE:
            if (envelope.has_connection() && envelope.connection().backend() == "bridge") {
                const auto &event = envelope.connection();
                const bool up = event.state() == opsdeck::v1::CONNECTION_STATE_READY;
                const QString error = QString::fromStdString(event.error());
                if (up != m_state.connected || error != m_state.connectionError) {
                    m_state.connected = up;
                    m_state.connectionError = error;
                    changed();
                }
            }
            break;
        default:
            break;
        }
    }
}

void SimClockModel::applyClock(const opsdeck::v1::SimClock &clock, const Envelope &envelope)
{
    if (clock.dt_ns() < 0 || clock.sim_time_ns() < 0 || !std::isfinite(clock.real_time_factor())
        || clock.real_time_factor() < 0) {
        if (m_diagnostics)
            m_diagnostics->report(sourceName(envelope), QStringLiteral("invalid sim clock"),
                QStringLiteral("sim time %1 ns, dt %2 ns, rate %3")
                    .arg(clock.sim_time_ns())
                    .arg(clock.dt_ns())
                    .arg(clock.real_time_factor()),
                unixNowNs());
        return;
    }
    // A clock older than the one we hold (an ack overtaken by the stream) is stale.
    if (m_state.known && clock.wall_time_unix_ns() != 0 && clock.wall_time_unix_ns() < m_state.wallTimeUnixNs)
        return;
    m_state.known = true;
    m_state.state = clock.state();
    m_state.step = clock.step();
    m_state.simTimeNs = clock.sim_time_ns();
    m_state.dtNs = clock.dt_ns();
    m_state.realTimeFactor = clock.real_time_factor();
    m_state.epochUnixNs = clock.epoch_unix_ns();
    m_state.epochTime = clock.epoch_time().empty()
        ? formatEpochTime(clock.epoch_unix_ns(), clock.sim_time_ns())
        : QString::fromStdString(clock.epoch_time());
    m_state.lastSequence = clock.last_sequence();
    m_state.lastIssuer = QString::fromStdString(clock.last_issuer());
    m_state.wallTimeUnixNs = clock.wall_time_unix_ns();
    changed();
}

void SimClockModel::applyMember(const opsdeck::v1::MemberStatus &m, const Envelope &envelope)
{
    if (m.member_id().empty() || m.member_id().size() > kMaxNameBytes || m.name().size() > kMaxNameBytes
        || m.kind().size() > kMaxNameBytes || m.scenario().size() > 4 * kMaxNameBytes) {
        if (m_diagnostics)
            m_diagnostics->report(sourceName(envelope), QStringLiteral("invalid member status"),
                QStringLiteral("member '%1' (%2 bytes)")
                    .arg(QString::fromStdString(m.member_id().substr(0, 64)))
                    .arg(m.member_id().size()),
                unixNowNs());
        return;
    }
    const QString id = QString::fromStdString(m.member_id());
    if (m_inSnapshot)
        m_snapshotMembers.insert(id);
    SimMember &member = m_members[id];
    member.id = id;
    member.name = QString::fromStdString(m.name());
    member.kind = QString::fromStdString(m.kind());
    member.state = m.state();
    member.lastStep = m.last_step();
    member.simTimeNs = m.sim_time_ns();
    member.heartbeatUnixNs = m.heartbeat_unix_ns();
    member.ownedKeys = m.owned_keys();
    member.scenario = QString::fromStdString(m.scenario());
    m_membersDirty = true;
    changed();
}

void SimClockModel::applyCommand(const opsdeck::v1::ControlCommand &command, std::int64_t unixNs)
{
    ControlLogEntry entry;
    entry.unixNs = unixNs;
    entry.command = command.kind();
    entry.sequence = command.sequence();
    entry.issuer = QString::fromStdString(command.issuer());
    entry.outcome = ControlLogEntry::Outcome::Sent;
    entry.local = true;
    const auto key = std::make_pair(entry.issuer, entry.sequence);
    if (m_localCommands.insert(key).second) {
        m_localOrder.push_back(key);
        if (m_localOrder.size() > m_logCapacity) {
            m_localCommands.erase(m_localOrder.front());
            m_localOrder.pop_front();
        }
    }
    appendLog(std::move(entry));
}

void SimClockModel::applyAck(const opsdeck::v1::ControlAck &ack, std::int64_t unixNs)
{
    ControlLogEntry entry;
    entry.unixNs = unixNs;
    entry.command = ack.kind();
    entry.sequence = ack.sequence();
    entry.issuer = QString::fromStdString(ack.issuer());
    entry.reason = QString::fromStdString(ack.reason());
    entry.local = true;
    switch (ack.result()) {
    case opsdeck::v1::ACK_RESULT_APPLIED:
        entry.outcome = ControlLogEntry::Outcome::Applied;
        break;
    case opsdeck::v1::ACK_RESULT_DUPLICATE:
        entry.outcome = ControlLogEntry::Outcome::Duplicate;
        break;
    case opsdeck::v1::ACK_RESULT_REFUSED:
        entry.outcome = ControlLogEntry::Outcome::Refused;
        break;
    default:
        entry.outcome = ControlLogEntry::Outcome::Failed;
        break;
    }
    if (ack.has_clock() && ack.result() == opsdeck::v1::ACK_RESULT_APPLIED) {
        entry.stateAfter = ack.clock().state();
        Envelope none;
        applyClock(ack.clock(), none);
    }
    appendLog(std::move(entry));
}

void SimClockModel::applyEcho(const opsdeck::v1::ControlEvent &event, std::int64_t unixNs)
{
    const QString issuer = QString::fromStdString(event.command().issuer());
    if (m_localCommands.contains({ issuer, event.command().sequence() }))
        return; // ours: the answer to the call is logged already (or will be)
    ControlLogEntry entry;
    entry.unixNs = unixNs;
    entry.command = event.command().kind();
    entry.sequence = event.command().sequence();
    entry.issuer = event.ack().issuer().empty() ? issuer : QString::fromStdString(event.ack().issuer());
    entry.reason = QString::fromStdString(event.ack().reason());
    entry.local = false;
    switch (event.ack().result()) {
    case opsdeck::v1::ACK_RESULT_APPLIED:
        entry.outcome = ControlLogEntry::Outcome::Applied;
        break;
    case opsdeck::v1::ACK_RESULT_DUPLICATE:
        entry.outcome = ControlLogEntry::Outcome::Duplicate;
        break;
    case opsdeck::v1::ACK_RESULT_REFUSED:
        entry.outcome = ControlLogEntry::Outcome::Refused;
        break;
    default:
        entry.outcome = ControlLogEntry::Outcome::Sent;
        break;
    }
    if (event.ack().has_clock())
        entry.stateAfter = event.ack().clock().state();
    appendLog(std::move(entry));
}

void SimClockModel::appendLog(ControlLogEntry entry)
{
    m_log.push_back(std::move(entry));
    while (m_log.size() > m_logCapacity)
        m_log.pop_front();
    m_logDirty = true;
    changed();
}

bool SimClockModel::publish()
{
    if (m_version == m_publishedVersion)
        return false;
    auto next = std::make_shared<SimClockSnapshot>(m_state);
    next->version = m_version;
    if (m_membersDirty) {
        auto members = std::make_shared<std::vector<SimMember>>();
        members->reserve(m_members.size());
        for (const auto &[id, member] : m_members)
            members->push_back(member);
        m_state.members = members;
        m_membersDirty = false;
    }
    if (m_logDirty) {
        m_state.log = std::make_shared<std::vector<ControlLogEntry>>(m_log.begin(), m_log.end());
        m_logDirty = false;
    }
    next->members = m_state.members;
    next->log = m_state.log;
    m_publishedVersion = m_version;
    m_box.publish(std::move(next));
    return true;
}

QString SimClockModel::formatSimSeconds(std::int64_t simTimeNs)
{
    return QCoreApplication::translate("SimClockModel", "%1 s").arg(double(simTimeNs) / 1e9, 0, 'f', 3);
}

QString SimClockModel::formatEpochTime(std::int64_t epochUnixNs, std::int64_t simTimeNs)
{
    const std::int64_t totalNs = epochUnixNs + simTimeNs;
    // Floor to whole seconds (also before 1970).
    std::int64_t seconds = totalNs / 1'000'000'000;
    if (totalNs % 1'000'000'000 < 0)
        --seconds;
    const QDateTime t = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    const QDate d = t.date();
    const QTime c = t.time();
    return QStringLiteral("%1%2.%3%4%5")
        .arg(d.year(), 4, 10, QLatin1Char('0'))
        .arg(d.dayOfYear(), 3, 10, QLatin1Char('0'))
        .arg(c.hour(), 2, 10, QLatin1Char('0'))
        .arg(c.minute(), 2, 10, QLatin1Char('0'))
        .arg(c.second(), 2, 10, QLatin1Char('0'));
}

QString SimClockModel::commandName(ControlKind kind)
{
    switch (kind) {
    case opsdeck::v1::CONTROL_KIND_START:
        return QCoreApplication::translate("SimClockModel", "start");
    case opsdeck::v1::CONTROL_KIND_FREEZE:
        return QCoreApplication::translate("SimClockModel", "freeze");
    case opsdeck::v1::CONTROL_KIND_RESUME:
        return QCoreApplication::translate("SimClockModel", "resume");
    case opsdeck::v1::CONTROL_KIND_STOP:
        return QCoreApplication::translate("SimClockModel", "stop");
    case opsdeck::v1::CONTROL_KIND_RESET:
        return QCoreApplication::translate("SimClockModel", "reset");
    case opsdeck::v1::CONTROL_KIND_SET_DT:
        return QCoreApplication::translate("SimClockModel", "set Δt");
    case opsdeck::v1::CONTROL_KIND_SET_RATE:
        return QCoreApplication::translate("SimClockModel", "set rate");
    default:
        return QCoreApplication::translate("SimClockModel", "unknown");
    }
}

QString SimClockModel::stateName(SimState state)
{
    switch (state) {
    case opsdeck::v1::SIM_STATE_INIT:
        return QCoreApplication::translate("SimClockModel", "Init");
    case opsdeck::v1::SIM_STATE_RUNNING:
        return QCoreApplication::translate("SimClockModel", "Running");
    case opsdeck::v1::SIM_STATE_FROZEN:
        return QCoreApplication::translate("SimClockModel", "Frozen");
    case opsdeck::v1::SIM_STATE_STOPPED:
        return QCoreApplication::translate("SimClockModel", "Stopped");
    default:
        return QCoreApplication::translate("SimClockModel", "Unknown");
    }
}

QString SimClockModel::memberStateName(opsdeck::v1::MemberState state)
{
    switch (state) {
    case opsdeck::v1::MEMBER_STATE_INIT:
        return QCoreApplication::translate("SimClockModel", "Init");
    case opsdeck::v1::MEMBER_STATE_RUNNING:
        return QCoreApplication::translate("SimClockModel", "Running");
    case opsdeck::v1::MEMBER_STATE_FROZEN:
        return QCoreApplication::translate("SimClockModel", "Frozen");
    case opsdeck::v1::MEMBER_STATE_STOPPED:
        return QCoreApplication::translate("SimClockModel", "Stopped");
    case opsdeck::v1::MEMBER_STATE_LOST:
        return QCoreApplication::translate("SimClockModel", "Lost");
    default:
        return QCoreApplication::translate("SimClockModel", "Unknown");
    }
}

QString SimClockModel::outcomeName(ControlLogEntry::Outcome outcome)
{
    switch (outcome) {
    case ControlLogEntry::Outcome::Sent:
        return QCoreApplication::translate("SimClockModel", "sent");
    case ControlLogEntry::Outcome::Applied:
        return QCoreApplication::translate("SimClockModel", "applied");
    case ControlLogEntry::Outcome::Duplicate:
        return QCoreApplication::translate("SimClockModel", "duplicate");
    case ControlLogEntry::Outcome::Refused:
        return QCoreApplication::translate("SimClockModel", "refused");
    case ControlLogEntry::Outcome::Failed:
        return QCoreApplication::translate("SimClockModel", "failed");
    }
    return {};
}

bool SimClockModel::allows(SimState state, ControlKind kind)
{
    using namespace opsdeck::v1;
    switch (kind) {
    case CONTROL_KIND_START:
        return state == SIM_STATE_INIT;
    case CONTROL_KIND_FREEZE:
        return state == SIM_STATE_RUNNING;
    case CONTROL_KIND_RESUME:
        return state == SIM_STATE_FROZEN;
    case CONTROL_KIND_STOP:
        return state == SIM_STATE_RUNNING || state == SIM_STATE_FROZEN;
    case CONTROL_KIND_RESET:
        return state == SIM_STATE_STOPPED || state == SIM_STATE_INIT;
    case CONTROL_KIND_SET_DT:
    case CONTROL_KIND_SET_RATE:
        return state == SIM_STATE_INIT || state == SIM_STATE_RUNNING || state == SIM_STATE_FROZEN;
    default:
        return false;
    }
}

} // namespace opsdeck::model
