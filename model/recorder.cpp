#include "model/recorder.h"

#include "model/eventstream.h"
#include "model/recordingformat.h"
#include "model/sqlitedb.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSysInfo>

#include <algorithm>
#include <chrono>

Q_LOGGING_CATEGORY(lcRecorder, "opsdeck.model.recorder")

namespace opsdeck::model {

using opsdeck::v1::Envelope;

// The writer thread's side: owns the database handle once the thread runs.
class Recorder::Writer
{
public:
    bool open(const QString &path, const opsdeck::v1::RecordingMetadata &metadata, QString *error)
    {
        if (QFileInfo::exists(path)) {
            *error = QStringLiteral("%1 already exists; a recording never overwrites a file").arg(path);
            return false;
        }
        m_db = std::make_unique<SqliteDb>();
        if (!m_db->open(path, false, error) || !recording::createSchema(*m_db, error)) {
            m_db.reset();
            return false;
        }
        m_path = path;
        m_metadata = metadata;
        m_insertEnvelope
            = SqliteStmt(*m_db, "INSERT INTO envelopes (seq, t, channel, data) VALUES (?, ?, ?, ?)");
        m_insertKeyframe
            = SqliteStmt(*m_db, "INSERT OR REPLACE INTO keyframes (last_seq, t, data) VALUES (?, ?, ?)");
        m_insertMark = SqliteStmt(*m_db, "INSERT INTO marks (seq, t, kind, label) VALUES (?, ?, ?, ?)");
        m_writeMetadata = SqliteStmt(*m_db, "INSERT OR REPLACE INTO metadata (id, data) VALUES (1, ?)");
        return writeMetadata(error);
    }

    bool writeMetadata(QString *error)
    {
        const std::string bytes = m_metadata.SerializeAsString();
        m_writeMetadata.bindBlob(1, bytes.data(), bytes.size());
        return m_writeMetadata.run(error);
    }

    // Writes one batch of rows in one transaction. Returns the last envelope seq written.
    bool write(std::vector<Row> &rows, std::uint64_t *lastSeq, QString *error)
    {
        if (!m_db) {
            *error = QStringLiteral("no recording file is open (the last split failed)");
            return false;
        }
        if (!m_db->exec("BEGIN", error))
            return false;
        for (Row &row : rows) {
            if (row.kind == Row::Kind::Envelope) {
                m_insertEnvelope.bind(1, std::int64_t(row.seq));
                m_insertEnvelope.bind(2, row.t);
                m_insertEnvelope.bind(3, std::int64_t(row.channel));
                m_insertEnvelope.bindBlob(4, row.data.data(), row.data.size());
                if (!m_insertEnvelope.run(error))
                    return rollback();
                if (row.markKind != 0) {
                    m_insertMark.bind(1, std::int64_t(row.seq));
                    m_insertMark.bind(2, row.t);
                    m_insertMark.bind(3, std::int64_t(row.markKind));
                    m_insertMark.bind(4, row.label);
                    if (!m_insertMark.run(error))
                        return rollback();
                }
                *lastSeq = row.seq;
                m_metadata.set_envelopes(m_metadata.envelopes() + 1);
                m_metadata.set_end_unix_ns(row.t);
            } else if (row.kind == Row::Kind::Keyframe) {
                m_insertKeyframe.bind(1, std::int64_t(row.seq));
                m_insertKeyframe.bind(2, row.t);
                m_insertKeyframe.bindBlob(3, row.data.data(), row.data.size());
                if (!m_insertKeyframe.run(error))
                    return rollback();
            }
        }
        if (!writeMetadata(error))
            return rollback();
        return m_db->exec("COMMIT", error);
    }

    void setDropped(std::uint64_t dropped) { m_metadata.set_dropped(dropped); }
    const QString &path() const { return m_path; }
    std::uint64_t bytesOnDisk() const
    {
        if (!m_db)
            return 0;
        return std::uint64_t(QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size());
    }

    void close()
    {
        if (m_db) {
            QString ignored;
            writeMetadata(&ignored);
            m_insertEnvelope = {};
            m_insertKeyframe = {};
            m_insertMark = {};
            m_writeMetadata = {};
            // Fold the WAL back so the file is self-contained when copied.
            m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
            m_db->close();
            m_db.reset();
        }
    }

private:
    bool rollback()
    {
        m_db->exec("ROLLBACK");
        return false;
    }

    std::unique_ptr<SqliteDb> m_db;
    QString m_path;
    opsdeck::v1::RecordingMetadata m_metadata;
    SqliteStmt m_insertEnvelope;
    SqliteStmt m_insertKeyframe;
    SqliteStmt m_insertMark;
    SqliteStmt m_writeMetadata;
};

QString Recorder::splitPath(const QString &first, int index)
{
    if (index <= 1)
        return first;
    const QFileInfo info(first);
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    const QString base = first.left(first.size() - suffix.size());
    return QStringLiteral("%1-%2%3").arg(base).arg(index, 4, 10, QLatin1Char('0')).arg(suffix);
}

Recorder::Recorder(RecorderOptions options, KeyframeSource keyframes)
    : m_options(std::move(options))
    , m_keyframes(std::move(keyframes))
{ }

Recorder::~Recorder()
{
    stop();
}

bool Recorder::start(QString *error)
{
    if (m_running)
        return true;
    auto &meta = m_options.metadata;
    meta.set_format_version(recording::kFormatVersion);
    meta.set_opsdeck_version(OPSDECK_VERSION);
    meta.set_start_unix_ns(unixNowNs()); // when recording began; the timeline uses envelope times
    if (meta.host().empty())
        meta.set_host(QSysInfo::machineHostName().toStdString());
    m_writer = std::make_unique<Writer>();
    if (!m_writer->open(m_options.path, meta, error)) {
        m_writer.reset();
        return false;
    }
    {
        std::lock_guard lock(m_mutex);
        m_stats = {};
        m_stats.currentFile = m_options.path;
        m_stats.files = 1;
        m_stopRequested = false;
        m_queue.clear();
    }
    m_running = true;
    m_nextSeq = 1;
    m_fileIndex = 1;
    m_fileBytesQueued = 0;
    // The initial keyframe has t = 0: it precedes every envelope whatever
    // clock the envelopes carry (live receive times or a replayed recording's).
    m_lastT = 0;
    m_fileStartT = 0;
    takeKeyframe(); // the state before the first envelope of the file
    m_thread = std::thread([this] { writerLoop(); });
    qCInfo(lcRecorder) << "recording to" << m_options.path;
    return true;
}

void Recorder::stop()
{
    if (!m_running)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
    }
    m_wake.notify_all();
    m_thread.join();
    m_writer->close();
    m_writer.reset();
    m_running = false;
    qCInfo(lcRecorder) << "recording stopped:" << stats().envelopes << "envelopes," << stats().dropped
                       << "dropped";
}

void Recorder::enqueue(Row row)
{
    {
        std::lock_guard lock(m_mutex);
        if (row.kind == Row::Kind::Envelope) {
            if (m_queue.size() >= m_options.queueCapacity) {
                m_dropped.fetch_add(1, std::memory_order_relaxed);
                return;
            }
            row.seq = m_nextSeq++;
            ++m_sinceKeyframe;
            m_fileBytesQueued += row.data.size();
        }
        m_queue.push_back(std::move(row));
    }
}

void Recorder::takeKeyframe()
{
    opsdeck::v1::Keyframe keyframe;
    if (m_keyframes)
        m_keyframes(keyframe);
    keyframe.set_recv_time_unix_ns(m_lastT);
    keyframe.set_last_seq(m_nextSeq - 1);
    Row row;
    row.kind = Row::Kind::Keyframe;
    row.seq = m_nextSeq - 1;
    row.t = m_lastT;
    row.data = keyframe.SerializeAsString();
    enqueue(std::move(row));
    m_lastKeyframeT = m_lastT;
    m_sinceKeyframe = 0;
}

void Recorder::record(std::span<const Envelope> batch)
{
    if (!m_running || batch.empty())
        return;
    for (const Envelope &envelope : batch) {
        Row row;
        // Receive times from several producers can interleave slightly; the
        // file's clock never goes back so that seek and play agree.
        m_lastT = std::max(m_lastT, envelope.recv_time_unix_ns());
        row.t = m_lastT;
        row.channel = int(envelope.channel());
        recording::MarkKind mark;
        if (recording::markFor(envelope, &mark, &row.label))
            row.markKind = int(mark);
        row.data = envelope.SerializeAsString();
        enqueue(std::move(row));
    }
    if (m_sinceKeyframe >= m_options.keyframeEveryEnvelopes
        || m_lastT - m_lastKeyframeT >= m_options.keyframeIntervalNs)
        takeKeyframe();

    const bool splitBySize = m_options.splitBytes > 0 && m_fileBytesQueued >= m_options.splitBytes;
    if (m_fileStartT == 0)
        m_fileStartT = batch.front().recv_time_unix_ns();
    const bool splitByTime
        = m_options.splitDurationNs > 0 && m_lastT - m_fileStartT >= m_options.splitDurationNs;
    if (splitBySize || splitByTime) {
        Row rotate;
        rotate.kind = Row::Kind::Rotate;
        rotate.data = splitPath(m_options.path, ++m_fileIndex).toStdString();
        enqueue(std::move(rotate));
        m_nextSeq = 1;
        m_fileBytesQueued = 0;
        m_fileStartT = m_lastT;
        takeKeyframe(); // the new file starts from the full state
    }
}

void Recorder::writerLoop()
{
    std::vector<Row> rows;
    const auto interval = std::chrono::milliseconds(m_options.commitIntervalMs);
    for (;;) {
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, interval, [this] { return m_stopRequested || m_queue.size() >= 8192; });
            rows.swap(m_queue);
            stopping = m_stopRequested;
        }
        // Write up to each rotation, then switch files.
        auto begin = rows.begin();
        while (begin != rows.end()) {
            auto end
                = std::find_if(begin, rows.end(), [](const Row &r) { return r.kind == Row::Kind::Rotate; });
            std::vector<Row> chunk(std::make_move_iterator(begin), std::make_move_iterator(end));
            std::uint64_t lastSeq = 0;
            QString error;
            m_writer->setDropped(m_dropped.load(std::memory_order_relaxed));
            const bool ok = chunk.empty() || m_writer->write(chunk, &lastSeq, &error);
            std::function<void(const QString &, std::uint64_t)> observer;
            {
                std::lock_guard lock(m_mutex);
                if (!ok) {
                    m_stats.lastError = error;
                    m_dropped.fetch_add(chunk.size(), std::memory_order_relaxed);
                } else {
                    for (const Row &row : chunk) {
                        if (row.kind != Row::Kind::Envelope)
                            continue;
                        ++m_stats.envelopes;
                        if (m_stats.firstUnixNs == 0)
                            m_stats.firstUnixNs = row.t;
                        m_stats.lastUnixNs = row.t;
                    }
                }
                m_stats.bytes = m_writer->bytesOnDisk();
                observer = m_commitObserver;
            }
            if (!ok)
                qCWarning(lcRecorder) << "write failed:" << error;
            else if (observer && lastSeq > 0)
                observer(m_writer->path(), lastSeq);
            if (end == rows.end())
                break;
            // Rotate to the next split file.
            const QString next = QString::fromStdString(end->data);
            auto meta = m_options.metadata;
            m_writer->close();
            if (!m_writer->open(next, meta, &error)) {
                std::lock_guard lock(m_mutex);
                m_stats.lastError = error;
                qCWarning(lcRecorder) << "cannot split to" << next << ":" << error;
            } else {
                std::lock_guard lock(m_mutex);
                m_stats.currentFile = next;
                ++m_stats.files;
            }
            begin = end + 1;
        }
        rows.clear();
        if (stopping) {
            std::lock_guard lock(m_mutex);
            if (m_queue.empty())
                break;
        }
    }
}

Recorder::Stats Recorder::stats() const
{
    std::lock_guard lock(m_mutex);
    Stats s = m_stats;
    s.dropped = m_dropped.load(std::memory_order_relaxed);
    return s;
}

void Recorder::setCommitObserver(std::function<void(const QString &, std::uint64_t)> observer)
{
    std::lock_guard lock(m_mutex);
    m_commitObserver = std::move(observer);
}

} // namespace opsdeck::model
