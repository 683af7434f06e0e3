#include "model/recordingformat.h"

#include "model/sqlitedb.h"

#include <QString>

namespace opsdeck::model::recording {

bool createSchema(SqliteDb &db, QString *error)
{
    // synchronous=NORMAL in WAL mode: a process crash or kill loses nothing
    // committed; only a power loss can lose the last transactions.
    static constexpr std::string_view kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA application_id = 1330664260;
PRAGMA user_version = 1;
CREATE TABLE metadata (id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL);
CREATE TABLE envelopes (seq INTEGER PRIMARY KEY, t INTEGER NOT NULL, channel INTEGER NOT NULL,
                        data BLOB NOT NULL);
CREATE INDEX envelopes_t ON envelopes (t);
CREATE TABLE keyframes (last_seq INTEGER PRIMARY KEY, t INTEGER NOT NULL, data BLOB NOT NULL);
CREATE INDEX keyframes_t ON keyframes (t);
CREATE TABLE marks (seq INTEGER PRIMARY KEY, t INTEGER NOT NULL, kind INTEGER NOT NULL,
                    label TEXT NOT NULL);
)sql";
    static_assert(kApplicationId == 1330664260, "keep the pragma above in step");
    return db.exec(kSchema, error);
}

bool markFor(const opsdeck::v1::Envelope &envelope, MarkKind *kind, std::string *label)
{
    using opsdeck::v1::Envelope;
    switch (envelope.payload_case()) {
    case Envelope::kControlCommand:
        *kind = MarkKind::Control;
        *label = "command " + opsdeck::v1::ControlKind_Name(envelope.control_command().kind()) + " #"
            + std::to_string(envelope.control_command().sequence());
        return true;
    case Envelope::kControlAck:
        *kind = MarkKind::Control;
        *label = "ack " + opsdeck::v1::AckResult_Name(envelope.control_ack().result()) + " #"
            + std::to_string(envelope.control_ack().sequence());
        return true;
    case Envelope::kBridgeSample:
        if (envelope.bridge_sample().has_control()) {
            const auto &event = envelope.bridge_sample().control();
            *kind = MarkKind::Control;
            *label = opsdeck::v1::ControlKind_Name(event.command().kind()) + " by " + event.ack().issuer()
                + ": " + opsdeck::v1::AckResult_Name(event.ack().result());
            return true;
        }
        return false;
    case Envelope::kMark:
        switch (envelope.mark().kind()) {
        case opsdeck::v1::MARK_KIND_NOTE:
            *kind = MarkKind::Note;
            break;
        case opsdeck::v1::MARK_KIND_ALERT:
            *kind = MarkKind::Alert;
            break;
        default:
            *kind = MarkKind::Bookmark;
            break;
        }
        *label = envelope.mark().title();
        return true;
    case Envelope::kConnection:
        *kind = MarkKind::Connection;
        *label = envelope.connection().backend() + " "
            + opsdeck::v1::ConnectionState_Name(envelope.connection().state());
        return true;
    default:
        return false;
    }
}

} // namespace opsdeck::model::recording
