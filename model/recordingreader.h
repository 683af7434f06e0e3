#pragma once

#include "model/recordingformat.h"
#include "model/sqlitedb.h"

#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace opsdeck::model {

// Read-only access to a recording file (recordingformat.h). Opening reads only
// the metadata, the time range and the marks, so a multi-gigabyte file opens
// at once; envelopes are read on demand in seq order. Damage (a truncated
// file, flipped bytes) never throws or crashes: what cannot be read is listed
// in problems() with where it was, and everything before it stays usable.
class RecordingReader
{
public:
    struct Mark
    {
        std::uint64_t seq = 0;
        std::int64_t t = 0;
        recording::MarkKind kind = recording::MarkKind::Bookmark;
        QString label;
    };

    struct Problem
    {
        QString where; // e.g. "envelope 1234 (12:00:03.250)", "metadata"
        QString what;
    };

    using Visitor
        = std::function<void(const opsdeck::v1::Envelope &envelope, std::uint64_t seq, std::int64_t t)>;

    // Fails (with a reason naming the file) only when nothing at all can be
    // read: missing, empty, not an OpsDeck recording, a newer format, or so
    // damaged that no record survives. A file SQLite cannot read is salvaged
    // page by page (recordingsalvage.h) into a temporary copy that is opened
    // instead; problems() then says what was lost and what was recovered.
    bool open(const QString &path, QString *error);
    bool isSalvaged() const { return m_salvageDir != nullptr; }
    void close();
    bool isOpen() const { return m_db.isOpen(); }

    const QString &path() const { return m_path; }
    const opsdeck::v1::RecordingMetadata &metadata() const { return m_metadata; }
    std::int64_t startNs() const { return m_startNs; }
    std::int64_t endNs() const { return m_endNs; } // last readable envelope
    std::uint64_t lastSeq() const { return m_lastSeq; } // last readable envelope
    const std::vector<Mark> &marks() const { return m_marks; }
    const std::vector<Problem> &problems() const { return m_problems; }

    // The keyframe with the largest last_seq whose t <= position. False when
    // there is none usable: start from the empty state at seq 0.
    bool keyframeAt(std::int64_t position, opsdeck::v1::Keyframe *out);

    // Visits envelopes with seq > afterSeq and t <= untilNs in seq order, at
    // most maxCount of them. Returns how many it visited; a damaged payload is
    // skipped and listed, a damaged page ends the readable range there.
    std::size_t read(
        std::uint64_t afterSeq, std::int64_t untilNs, std::size_t maxCount, const Visitor &visit);

    // The seq and t of the first envelope after `afterSeq` (false at the end).
    bool nextAfter(std::uint64_t afterSeq, std::uint64_t *seq, std::int64_t *t);

    // Writes [fromNs, toNs] to a new recording. It begins at the keyframe at or
    // before fromNs so the state at fromNs is complete.
    bool exportRange(std::int64_t fromNs, std::int64_t toNs, const QString &path, QString *error);

private:
    enum class OpenResult { Ok, Damaged, Refused };
    OpenResult openDatabase(const QString &file, QString *error);
    void addProblem(const QString &where, const QString &what);
    QString describe(std::uint64_t seq, std::int64_t t) const;

    SqliteDb m_db;
    QString m_path;
    opsdeck::v1::RecordingMetadata m_metadata;
    std::int64_t m_startNs = 0;
    std::int64_t m_endNs = 0;
    std::uint64_t m_lastSeq = 0;
    std::vector<Mark> m_marks;
    std::vector<Problem> m_problems;
    std::unique_ptr<QTemporaryDir> m_salvageDir;
};

} // namespace opsdeck::model
