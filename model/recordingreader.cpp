#include "model/recordingreader.h"

#include "model/recordingsalvage.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace opsdeck::model {

namespace {
constexpr std::size_t kMaxProblems = 100;
}

bool RecordingReader::open(const QString &path, QString *error)
{
    close();
    m_path = path;
    const QFileInfo info(path);
    if (!info.exists() || info.size() == 0) {
        *error = QStringLiteral("%1: %2").arg(
            path, info.exists() ? QStringLiteral("the file is empty") : QStringLiteral("no such file"));
        return false;
    }
    QString why;
    const OpenResult result = openDatabase(path, &why);
    if (result == OpenResult::Ok)
        return true;
    if (result == OpenResult::Refused) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        close();
        return false;
    }
    // SQLite cannot read it: recover what the pages still hold.
    close();
    m_path = path;
    m_salvageDir = std::make_unique<QTemporaryDir>();
    const QString copy = m_salvageDir->filePath(QStringLiteral("recovered.opsrec"));
    SalvageReport report;
    QString salvageError;
    if (!m_salvageDir->isValid() || !salvageRecording(path, copy, &report, &salvageError)) {
        QFile file(path);
        const bool sqlite = file.open(QIODevice::ReadOnly) && file.read(15) == "SQLite format 3";
        *error = sqlite ? QStringLiteral("%1: damaged beyond repair (%2); %3").arg(path, why, salvageError)
                        : QStringLiteral("%1: not an OpsDeck recording (not an SQLite database, and no "
                                         "recording pages found in it)")
                              .arg(path);
        close();
        return false;
    }
    const std::vector<Problem> before = std::move(m_problems);
    QString reopenError;
    if (openDatabase(copy, &reopenError) != OpenResult::Ok) {
        *error = QStringLiteral("%1: recovered copy unreadable (%2)").arg(path, reopenError);
        close();
        return false;
    }
    m_problems.insert(m_problems.begin(), before.begin(), before.end());
    m_problems.insert(m_problems.begin(),
        { QStringLiteral("file"),
            QStringLiteral("damaged (%1): %2; everything recovered is shown").arg(why, report.summary()) });
    return true;
}

RecordingReader::OpenResult RecordingReader::openDatabase(const QString &file, QString *error)
{
    QString why;
    if (!m_db.open(file, true, &why)) {
        *error = why;
        return OpenResult::Damaged;
    }
    SqliteStmt header(m_db, "PRAGMA application_id");
    if (!header.step(&why)) {
        *error = why.isEmpty() ? QStringLiteral("no database header") : why;
        return OpenResult::Damaged;
    }
    if (header.int64(0) != recording::kApplicationId) {
        *error = QStringLiteral("not an OpsDeck recording (application id %1)").arg(header.int64(0));
        return OpenResult::Refused;
    }
    SqliteStmt version(m_db, "PRAGMA user_version");
    if (!version.step(&why)) {
        *error = why;
        return OpenResult::Damaged;
    }
    if (version.int64(0) > std::int64_t(recording::kFormatVersion)) {
        *error = QStringLiteral("recorded by a newer OpsDeck (format %1; this one reads up to %2)")
                     .arg(version.int64(0))
                     .arg(recording::kFormatVersion);
        return OpenResult::Refused;
    }

    SqliteStmt meta(m_db, "SELECT data FROM metadata WHERE id = 1");
    if (!meta.step(&why)) {
        addProblem(QStringLiteral("metadata"), why.isEmpty() ? QStringLiteral("missing") : why);
    } else {
        const auto bytes = meta.blob(0);
        if (!m_metadata.ParseFromArray(bytes.data(), int(bytes.size())))
            addProblem(QStringLiteral("metadata"), QStringLiteral("damaged, ignored"));
    }

    // min/max through the rowid and the t index: instant on any file size.
    SqliteStmt range(m_db, "SELECT min(t), max(t), max(seq) FROM envelopes");
    if (range.step(&why)) {
        if (!range.isNull(2)) {
            m_startNs = range.int64(0);
            m_endNs = range.int64(1);
            m_lastSeq = std::uint64_t(range.int64(2));
        }
    } else if (!why.isEmpty()) {
        *error = why;
        return OpenResult::Damaged;
    }
    SqliteStmt firstKeyframe(m_db, "SELECT min(t) FROM keyframes WHERE t > 0");
    if (firstKeyframe.step(&why) && !firstKeyframe.isNull(0))
        m_startNs = m_lastSeq == 0 ? firstKeyframe.int64(0) : std::min(m_startNs, firstKeyframe.int64(0));
    if (m_lastSeq == 0 && m_startNs == 0)
        m_startNs = m_metadata.start_unix_ns();
    if (m_endNs < m_startNs)
        m_endNs = m_startNs;

    SqliteStmt marks(m_db, "SELECT seq, t, kind, label FROM marks ORDER BY seq");
    while (marks.step(&why)) {
        if (std::uint64_t(marks.int64(0)) > m_lastSeq)
            break;
        m_marks.push_back({ std::uint64_t(marks.int64(0)), marks.int64(1),
            recording::MarkKind(marks.int64(2)), marks.text(3) });
    }
    if (!why.isEmpty())
        addProblem(QStringLiteral("timeline marks"), why);
    return OpenResult::Ok;
}

void RecordingReader::close()
{
    m_db.close();
    m_metadata.Clear();
    m_startNs = m_endNs = 0;
    m_lastSeq = 0;
    m_marks.clear();
    m_problems.clear();
    m_salvageDir.reset();
}

bool RecordingReader::keyframeAt(std::int64_t position, opsdeck::v1::Keyframe *out)
{
    SqliteStmt query(m_db,
        "SELECT last_seq, data FROM keyframes WHERE t <= ? AND last_seq <= ? "
        "ORDER BY last_seq DESC");
    query.bind(1, position);
    query.bind(2, std::int64_t(m_lastSeq));
    QString why;
    // A damaged keyframe is skipped in favour of an earlier one.
    while (query.step(&why)) {
        const auto bytes = query.blob(1);
        if (out->ParseFromArray(bytes.data(), int(bytes.size())))
            return true;
        addProblem(QStringLiteral("keyframe after envelope %1").arg(query.int64(0)),
            QStringLiteral("damaged, an earlier keyframe is used"));
    }
    if (!why.isEmpty())
        addProblem(QStringLiteral("keyframes"), why);
    out->Clear();
    return false;
}

std::size_t RecordingReader::read(
    std::uint64_t afterSeq, std::int64_t untilNs, std::size_t maxCount, const Visitor &visit)
{
    SqliteStmt query(m_db,
        "SELECT seq, t, data FROM envelopes WHERE seq > ? AND seq <= ? AND t <= ? "
        "ORDER BY seq LIMIT ?");
    query.bind(1, std::int64_t(afterSeq));
    query.bind(2, std::int64_t(m_lastSeq));
    query.bind(3, untilNs);
    query.bind(4, std::int64_t(std::min<std::size_t>(maxCount, std::size_t(INT64_MAX))));
    std::size_t visited = 0;
    QString why;
    opsdeck::v1::Envelope envelope;
    std::uint64_t seq = afterSeq;
    std::int64_t t = 0;
    while (query.step(&why)) {
        seq = std::uint64_t(query.int64(0));
        t = query.int64(1);
        const auto bytes = query.blob(2);
        if (!envelope.ParseFromArray(bytes.data(), int(bytes.size()))) {
            addProblem(describe(seq, t), QStringLiteral("damaged payload, skipped"));
            continue;
        }
        visit(envelope, seq, t);
        ++visited;
    }
    if (!why.isEmpty()) {
        // Everything after the last good row is out of reach from now on.
        addProblem(QStringLiteral("after %1").arg(describe(seq, t)),
            QStringLiteral("unreadable from here on (%1); the part before it is usable").arg(why));
        m_lastSeq = seq;
        if (t > 0)
            m_endNs = std::max(m_startNs, t);
    }
    return visited;
}

bool RecordingReader::nextAfter(std::uint64_t afterSeq, std::uint64_t *seq, std::int64_t *t)
{
    SqliteStmt query(m_db, "SELECT seq, t FROM envelopes WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 1");
    query.bind(1, std::int64_t(afterSeq));
    query.bind(2, std::int64_t(m_lastSeq));
    if (!query.step())
        return false;
    *seq = std::uint64_t(query.int64(0));
    *t = query.int64(1);
    return true;
}

bool RecordingReader::exportRange(std::int64_t fromNs, std::int64_t toNs, const QString &path, QString *error)
{
    if (toNs < fromNs) {
        *error = QStringLiteral("the range ends before it starts");
        return false;
    }
    if (QFileInfo::exists(path)) {
        *error = QStringLiteral("%1 already exists").arg(path);
        return false;
    }
    opsdeck::v1::Keyframe keyframe;
    keyframeAt(fromNs, &keyframe); // empty keyframe = start of the file
    const std::uint64_t baseSeq = keyframe.last_seq();

    SqliteDb out;
    if (!out.open(path, false, error) || !recording::createSchema(out, error))
        return false;
    if (!out.exec("BEGIN", error))
        return false;
    keyframe.set_last_seq(0);
    const std::int64_t startT = keyframe.recv_time_unix_ns() ? keyframe.recv_time_unix_ns() : fromNs;
    keyframe.set_recv_time_unix_ns(startT);
    SqliteStmt insertKeyframe(out, "INSERT INTO keyframes (last_seq, t, data) VALUES (?, ?, ?)");
    const std::string first = keyframe.SerializeAsString();
    insertKeyframe.bind(1, std::int64_t(0));
    insertKeyframe.bind(2, startT);
    insertKeyframe.bindBlob(3, first.data(), first.size());
    if (!insertKeyframe.run(error))
        return false;

    SqliteStmt insertEnvelope(out, "INSERT INTO envelopes (seq, t, channel, data) VALUES (?, ?, ?, ?)");
    SqliteStmt insertMark(out, "INSERT INTO marks (seq, t, kind, label) VALUES (?, ?, ?, ?)");
    std::uint64_t nextSeq = 1;
    std::int64_t lastT = startT;
    bool ok = true;
    constexpr std::size_t kChunk = 10000;
    std::uint64_t after = baseSeq;
    for (;;) {
        std::uint64_t lastVisited = after;
        const std::size_t n = read(
            after, toNs, kChunk, [&](const opsdeck::v1::Envelope &e, std::uint64_t seq, std::int64_t t) {
                lastVisited = seq;
                const std::string bytes = e.SerializeAsString();
                insertEnvelope.bind(1, std::int64_t(nextSeq));
                insertEnvelope.bind(2, t);
                insertEnvelope.bind(3, std::int64_t(e.channel()));
                insertEnvelope.bindBlob(4, bytes.data(), bytes.size());
                ok = ok && insertEnvelope.run(error);
                recording::MarkKind kind;
                std::string label;
                if (recording::markFor(e, &kind, &label)) {
                    insertMark.bind(1, std::int64_t(nextSeq));
                    insertMark.bind(2, t);
                    insertMark.bind(3, std::int64_t(kind));
                    insertMark.bind(4, label);
                    ok = ok && insertMark.run(error);
                }
                ++nextSeq;
                lastT = t;
            });
        if (!ok)
            return false;
        if (n < kChunk || lastVisited == after)
            break;
        after = lastVisited;
    }
    auto metadata = m_metadata;
    metadata.set_start_unix_ns(startT);
    metadata.set_end_unix_ns(lastT);
    metadata.set_envelopes(nextSeq - 1);
    metadata.set_dropped(0);
    const std::string metaBytes = metadata.SerializeAsString();
    SqliteStmt insertMeta(out, "INSERT INTO metadata (id, data) VALUES (1, ?)");
    insertMeta.bindBlob(1, metaBytes.data(), metaBytes.size());
    if (!insertMeta.run(error) || !out.exec("COMMIT", error))
        return false;
    out.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return true;
}

void RecordingReader::addProblem(const QString &where, const QString &what)
{
    if (m_problems.size() < kMaxProblems)
        m_problems.push_back({ where, what });
}

QString RecordingReader::describe(std::uint64_t seq, std::int64_t t) const
{
    return QStringLiteral("envelope %1 (%2 UTC)")
        .arg(seq)
        .arg(QDateTime::fromMSecsSinceEpoch(t / 1000000, Qt::UTC)
                 .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz")));
}

} // namespace opsdeck::model
