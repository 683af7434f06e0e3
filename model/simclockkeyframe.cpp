// SimClockModel's keyframes for replay: Keyframe.clock and members, and the
// control log and connection flag in Keyframe.extra (keyframestate.proto).
#include "model/simclockmodel.h"
#include "opsdeck/v1/keyframestate.pb.h"

#include <algorithm>

namespace opsdeck::model {

void SimClockModel::writeKeyframe(opsdeck::v1::Keyframe &keyframe) const
{
    if (m_state.known) {
        opsdeck::v1::SimClock *c = keyframe.mutable_clock();
        c->set_state(m_state.state);
        c->set_step(m_state.step);
        c->set_sim_time_ns(m_state.simTimeNs);
        c->set_dt_ns(m_state.dtNs);
        c->set_real_time_factor(m_state.realTimeFactor);
        c->set_epoch_unix_ns(m_state.epochUnixNs);
        c->set_epoch_time(m_state.epochTime.toStdString());
        c->set_last_sequence(m_state.lastSequence);
        c->set_last_issuer(m_state.lastIssuer.toStdString());
        c->set_wall_time_unix_ns(m_state.wallTimeUnixNs);
    }
    for (const auto &[id, member] : m_members) {
        opsdeck::v1::MemberStatus *m = keyframe.add_members();
        m->set_member_id(member.id.toStdString());
        m->set_name(member.name.toStdString());
        m->set_kind(member.kind.toStdString());
        m->set_state(member.state);
        m->set_last_step(member.lastStep);
        m->set_sim_time_ns(member.simTimeNs);
        m->set_heartbeat_unix_ns(member.heartbeatUnixNs);
        m->set_owned_keys(member.ownedKeys);
        m->set_scenario(member.scenario.toStdString());
    }
    opsdeck::v1::KeyframeExtra extra;
    extra.ParseFromString(keyframe.extra()); // other models' parts stay
    extra.clear_control_log();
    for (const ControlLogEntry &entry : m_log) {
        opsdeck::v1::ControlLogRecord *r = extra.add_control_log();
        r->set_unix_ns(entry.unixNs);
        r->set_command(entry.command);
        r->set_sequence(entry.sequence);
        r->set_issuer(entry.issuer.toStdString());
        r->set_outcome(int(entry.outcome));
        r->set_reason(entry.reason.toStdString());
        r->set_state_after(entry.stateAfter);
        r->set_local(entry.local);
    }
    extra.set_bridge_connected(m_state.connected);
    extra.set_bridge_connection_error(m_state.connectionError.toStdString());
    keyframe.set_extra(extra.SerializeAsString());
}

void SimClockModel::restore(const opsdeck::v1::Keyframe &keyframe)
{
    const std::uint64_t version = m_version;
    m_state = SimClockSnapshot {};
    m_members.clear();
    m_log.clear();
    m_localCommands.clear();
    m_localOrder.clear();
    m_inSnapshot = false;
    m_snapshotMembers.clear();
    if (keyframe.has_clock()) {
        const opsdeck::v1::SimClock &c = keyframe.clock();
        m_state.known = true;
        m_state.state = c.state();
        m_state.step = c.step();
        m_state.simTimeNs = c.sim_time_ns();
        m_state.dtNs = c.dt_ns();
        m_state.realTimeFactor = c.real_time_factor();
        m_state.epochUnixNs = c.epoch_unix_ns();
        m_state.epochTime = QString::fromStdString(c.epoch_time());
        m_state.lastSequence = c.last_sequence();
        m_state.lastIssuer = QString::fromStdString(c.last_issuer());
        m_state.wallTimeUnixNs = c.wall_time_unix_ns();
    }
    for (const opsdeck::v1::MemberStatus &m : keyframe.members()) {
        SimMember member;
        member.id = QString::fromStdString(m.member_id());
        member.name = QString::fromStdString(m.name());
        member.kind = QString::fromStdString(m.kind());
        member.state = m.state();
        member.lastStep = m.last_step();
        member.simTimeNs = m.sim_time_ns();
        member.heartbeatUnixNs = m.heartbeat_unix_ns();
        member.ownedKeys = m.owned_keys();
        member.scenario = QString::fromStdString(m.scenario());
        m_members.emplace(member.id, std::move(member));
    }
    opsdeck::v1::KeyframeExtra extra;
    extra.ParseFromString(keyframe.extra()); // empty or damaged: no log
    for (const opsdeck::v1::ControlLogRecord &r : extra.control_log()) {
        ControlLogEntry entry;
        entry.unixNs = r.unix_ns();
        entry.command = r.command();
        entry.sequence = r.sequence();
        entry.issuer = QString::fromStdString(r.issuer());
        entry.outcome
            = ControlLogEntry::Outcome(std::clamp(r.outcome(), 0, int(ControlLogEntry::Outcome::Failed)));
        entry.reason = QString::fromStdString(r.reason());
        entry.stateAfter = r.state_after();
        entry.local = r.local();
        if (entry.local) {
            const auto key = std::make_pair(entry.issuer, entry.sequence);
            if (m_localCommands.insert(key).second)
                m_localOrder.push_back(key);
        }
        m_log.push_back(std::move(entry));
        if (m_log.size() > m_logCapacity)
            m_log.pop_front();
    }
    m_state.connected = extra.bridge_connected();
    m_state.connectionError = QString::fromStdString(extra.bridge_connection_error());
    m_version = version;
    m_membersDirty = true;
    m_logDirty = true;
    changed();
}

} // namespace opsdeck::model
