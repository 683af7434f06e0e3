#pragma once

#include "opsdeck/v1/recording.pb.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace opsdeck::model {

struct RecorderOptions
{
    QString path; // first file; split files get -0002, -0003 … before the suffix
    // A keyframe every this much stream time or this many envelopes, whichever
    // comes first, so seeking never re-applies more than that.
    std::int64_t keyframeIntervalNs = 10'000'000'000;
    std::uint64_t keyframeEveryEnvelopes = 20'000;
    // Commit at least this often: a crash loses at most this much.
    std::int64_t commitIntervalMs = 250;
    std::size_t queueCapacity = 1u << 16; // pending rows; beyond it rows are dropped and counted
    std::uint64_t splitBytes = 0; // 0 = never split by size
    std::int64_t splitDurationNs = 0; // 0 = never split by duration
    opsdeck::v1::RecordingMetadata metadata; // backends, scenario; the rest is filled in
};

// Writes every envelope that enters the console to a SQLite recording (see
// recordingformat.h) on its own thread. record() is called on the model thread
// after the models have applied a batch (register it as the last EventStream
// sink); it serialises, takes keyframes when due and queues, never waiting on
// the disk. The writer commits in batches at least every commitIntervalMs.
class Recorder
{
public:
    // Fills a keyframe with the models' current state. Called on the model thread.
    using KeyframeSource = std::function<void(opsdeck::v1::Keyframe &)>;

    struct Stats
    {
        QString currentFile;
        std::uint64_t envelopes = 0; // written (committed) in all files
        std::uint64_t dropped = 0; // lost because the queue was full
        std::uint64_t bytes = 0; // current file on disk, with its WAL
        std::uint64_t files = 0;
        std::int64_t firstUnixNs = 0;
        std::int64_t lastUnixNs = 0;
        QString lastError;
    };

    Recorder(RecorderOptions options, KeyframeSource keyframes);
    ~Recorder();
    Recorder(const Recorder &) = delete;
    Recorder &operator=(const Recorder &) = delete;

    // Creates the first file (refuses to overwrite an existing one), writes the
    // initial keyframe and starts the writer thread. Model thread.
    bool start(QString *error);
    // Commits everything queued, writes the end time and closes. Model thread.
    void stop();
    bool isRecording() const { return m_running; }

    // Model thread, after the models applied the batch.
    void record(std::span<const opsdeck::v1::Envelope> batch);

    Stats stats() const; // any thread

    // Called on the writer thread after every commit with the highest seq now
    // durable in the current file (used by the crash test and headless recorder).
    void setCommitObserver(std::function<void(const QString &file, std::uint64_t seq)> observer);

    static QString splitPath(const QString &first, int index);

private:
    struct Row
    {
        enum class Kind { Envelope, Keyframe, Rotate } kind = Kind::Envelope;
        std::uint64_t seq = 0; // file seq (envelope) or last_seq (keyframe)
        std::int64_t t = 0;
        int channel = 0;
        int markKind = 0;
        std::string label;
        std::string data;
    };

    void enqueue(Row row);
    void takeKeyframe();
    void writerLoop();
    class Writer;

    RecorderOptions m_options;
    KeyframeSource m_keyframes;

    // Model thread only.
    bool m_running = false;
    std::uint64_t m_nextSeq = 1;
    std::int64_t m_lastT = 0;
    std::int64_t m_lastKeyframeT = 0;
    std::uint64_t m_sinceKeyframe = 0;
    std::int64_t m_fileStartT = 0;
    std::uint64_t m_fileBytesQueued = 0;
    int m_fileIndex = 1;

    // Shared with the writer thread.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Row> m_queue;
    bool m_stopRequested = false;
    Stats m_stats;
    std::function<void(const QString &, std::uint64_t)> m_commitObserver;
    std::atomic<std::uint64_t> m_dropped { 0 };
    std::thread m_thread;
    std::unique_ptr<Writer> m_writer;
};

} // namespace opsdeck::model
