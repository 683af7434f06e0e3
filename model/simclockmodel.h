#pragma once

#include "model/diagnostics.h"
#include "model/snapshotbox.h"
#include "opsdeck/v1/recording.pb.h"

#include <QString>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <utility>
#include <vector>

namespace opsdeck::model {

// A simulation member as the bridge reports it (bridge.proto MemberStatus).
struct SimMember
{
    QString id;
    QString name;
    QString kind;
    opsdeck::v1::MemberState state = opsdeck::v1::MEMBER_STATE_UNSPECIFIED;
    std::uint64_t lastStep = 0;
    std::int64_t simTimeNs = 0;
    std::int64_t heartbeatUnixNs = 0;
    std::uint32_t ownedKeys = 0;
    QString scenario;
};

// One line of the control event log: a command this console sent, the answer
// to it, or a command another console sent (seen through the bridge's echo).
struct ControlLogEntry
{
    enum class Outcome {
        Sent, // this console sent the command; no answer yet
        Applied, // the bridge applied it and published the new state
        Duplicate, // the bridge had seen the sequence before
        Refused, // invalid transition, invalid value or not allowed for the role
        Failed, // no answer: transport error or deadline
    };
    std::int64_t unixNs = 0;
    opsdeck::v1::ControlKind command = opsdeck::v1::CONTROL_KIND_UNSPECIFIED;
    std::uint64_t sequence = 0;
    QString issuer;
    Outcome outcome = Outcome::Sent;
    QString reason;
    opsdeck::v1::SimState stateAfter = opsdeck::v1::SIM_STATE_UNSPECIFIED;
    bool local = true; // false: another console's command, seen in the bridge's echo
};

struct SimClockSnapshot
{
    std::uint64_t version = 0;
    bool known = false; // a SimClock has been received
    bool connected = false; // the bridge connection is up (from the client's connection events)
    QString connectionError;

    opsdeck::v1::SimState state = opsdeck::v1::SIM_STATE_UNSPECIFIED;
    std::uint64_t step = 0;
    std::int64_t simTimeNs = 0;
    std::int64_t dtNs = 0;
    double realTimeFactor = 0;
    std::int64_t epochUnixNs = 0;
    QString epochTime; // YYYYDDD.HHMMSS of epoch + sim time (as the bridge sent it, or computed)
    std::uint64_t lastSequence = 0;
    QString lastIssuer;
    std::int64_t wallTimeUnixNs = 0; // when the bridge published the clock

    std::shared_ptr<const std::vector<SimMember>> members = std::make_shared<std::vector<SimMember>>();
    std::shared_ptr<const std::vector<ControlLogEntry>> log
        = std::make_shared<std::vector<ControlLogEntry>>();
};

// The simulation clock, its members and the control command history.
// Threading as Topology: apply()/publish() on the model thread, snapshot()
// from any thread. The state is only ever what the bridge reported: a command
// that was sent changes nothing until the bridge publishes the new clock.
class SimClockModel
{
public:
    explicit SimClockModel(Diagnostics *diagnostics, std::size_t logCapacity = 500);

    // Takes CHANNEL_BRIDGE samples (clock, members, control echoes),
    // CHANNEL_CONTROL envelopes (this console's commands and their answers) and
    // CHANNEL_CONSOLE connection events of the "bridge" backend.
    void apply(std::span<const opsdeck::v1::Envelope> batch);
    bool publish();

    // Replay (simclockkeyframe.cpp): the clock and members into Keyframe.clock /
    // members, the control log and connection flag into Keyframe.extra
    // (keyframestate.proto); restore() replaces the state with them.
    void writeKeyframe(opsdeck::v1::Keyframe &keyframe) const;
    void restore(const opsdeck::v1::Keyframe &keyframe);
    std::shared_ptr<const SimClockSnapshot> snapshot() const { return m_box.get(); }

    // "1234.500 s"
    static QString formatSimSeconds(std::int64_t simTimeNs);
    // YYYYDDD.HHMMSS (UTC) of epoch + sim time, e.g. 2026325.101502.
    static QString formatEpochTime(std::int64_t epochUnixNs, std::int64_t simTimeNs);
    // "start", "freeze", ...; "running", "frozen", ...
    static QString commandName(opsdeck::v1::ControlKind kind);
    static QString stateName(opsdeck::v1::SimState state);
    static QString memberStateName(opsdeck::v1::MemberState state);
    static QString outcomeName(ControlLogEntry::Outcome outcome);

    // The transitions of the control module (DESIGN.md): which commands the
    // state allows. UNSPECIFIED (no clock yet) allows nothing.
    static bool allows(opsdeck::v1::SimState state, opsdeck::v1::ControlKind kind);

private:
    void applyClock(const opsdeck::v1::SimClock &clock, const opsdeck::v1::Envelope &envelope);
    void applyMember(const opsdeck::v1::MemberStatus &member, const opsdeck::v1::Envelope &envelope);
    void applyEcho(const opsdeck::v1::ControlEvent &event, std::int64_t unixNs);
    void applyCommand(const opsdeck::v1::ControlCommand &command, std::int64_t unixNs);
    void applyAck(const opsdeck::v1::ControlAck &ack, std::int64_t unixNs);
    void appendLog(ControlLogEntry entry);
    void changed() { ++m_version; }

    Diagnostics *m_diagnostics;
    std::size_t m_logCapacity;
    SimClockSnapshot m_state; // members/log are rebuilt from the containers below
    std::map<QString, SimMember> m_members;
    std::deque<ControlLogEntry> m_log;
    // (issuer, sequence) of commands this console sent, so the bridge's echo
    // of them is not logged twice. Bounded like the log.
    std::set<std::pair<QString, std::uint64_t>> m_localCommands;
    std::deque<std::pair<QString, std::uint64_t>> m_localOrder;

    bool m_inSnapshot = false;
    std::set<QString> m_snapshotMembers;

    std::uint64_t m_version = 0;
    std::uint64_t m_publishedVersion = ~std::uint64_t(0);
    bool m_membersDirty = true;
    bool m_logDirty = true;
    SnapshotBox<SimClockSnapshot> m_box;
};

} // namespace opsdeck::model
