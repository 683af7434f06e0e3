// record.write and replay.seek (shared BENCHMARKS.md).
//
//   record.write  envelopes/s the Recorder persists (serialise, queue, WAL,
//                 batched commits) vs a raw batched SQLite insert of the same
//                 serialised blobs.  ratio = ours / reference (higher is better).
//   replay.seek   time to seek to a random position (keyframe + re-apply) in an
//                 N-envelope recording written at 10,000 envelopes/s, vs reading
//                 one second of it (10,000 envelopes) sequentially and parsing
//                 them.  ratio = ours / reference (lower is better).
//
// Options: --quick (smaller), --full (10,000,000 envelopes as BENCHMARKS.md
// asks; takes minutes and ~1.5 GB of /tmp), --help.

#include "model/eventstream.h"
#include "model/player.h"
#include "model/recorder.h"
#include "model/recordingreader.h"
#include "nodestatemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace opsdeck::model;
using opsdeck::v1::Envelope;

namespace {
constexpr std::int64_t kRateHz = 10000;
constexpr std::int64_t kStepNs = 1'000'000'000 / kRateHz;
constexpr std::int64_t kT0 = 1'800'000'000'000'000'000;
constexpr std::uint32_t kNodes = 1000;

void bench(
    const char *id, double value, const char *unit, double ref, double ratio, const char *op, double goal)
{
    const bool pass = std::strcmp(op, ">=") == 0 ? ratio >= goal : ratio <= goal;
    std::printf("BENCH %s value=%.6g unit=%s ref=%.6g ratio=%.4g goal=%s%g %s\n", id, value, unit, ref, ratio,
        op, goal, pass ? "PASS" : "FAIL");
    std::fflush(stdout);
}

std::vector<Envelope> makeEnvelopes(std::size_t n)
{
    std::vector<Envelope> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(nodeEnvelope(std::uint32_t(i % kNodes), i, kT0 + std::int64_t(i) * kStepNs));
    return out;
}

double rawSqliteInsertRate(const QString &path, const std::vector<std::string> &blobs)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
        "CREATE TABLE envelopes (seq INTEGER PRIMARY KEY, t INTEGER NOT NULL, channel INTEGER NOT NULL,"
        " data BLOB NOT NULL); CREATE INDEX envelopes_t ON envelopes (t);",
        nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO envelopes VALUES (?, ?, ?, ?)", -1, &insert, nullptr);
    QElapsedTimer timer;
    timer.start();
    constexpr std::size_t kBatch = 2500; // what the recorder commits per 250 ms at 10 kHz
    for (std::size_t i = 0; i < blobs.size(); ++i) {
        if (i % kBatch == 0)
            sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_bind_int64(insert, 1, std::int64_t(i + 1));
        sqlite3_bind_int64(insert, 2, kT0 + std::int64_t(i) * kStepNs);
        sqlite3_bind_int64(insert, 3, 1);
        sqlite3_bind_blob(insert, 4, blobs[i].data(), int(blobs[i].size()), SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        if (i % kBatch == kBatch - 1 || i + 1 == blobs.size())
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return double(blobs.size()) / seconds;
}

// Records `envelopes` through the real Recorder; returns envelopes/s.
double recorderRate(const QString &path, const std::vector<Envelope> &envelopes)
{
    NodeStateModel model;
    RecorderOptions options;
    options.path = path;
    options.queueCapacity = envelopes.size() + 16; // measure throughput, not drops
    Recorder recorder(options, [&](opsdeck::v1::Keyframe &k) { model.save(k); });
    QString error;
    if (!recorder.start(&error)) {
        std::fprintf(stderr, "recorder: %s\n", qPrintable(error));
        std::exit(1);
    }
    QElapsedTimer timer;
    timer.start();
    constexpr std::size_t kBatch = 1000;
    for (std::size_t i = 0; i < envelopes.size(); i += kBatch) {
        const std::span<const Envelope> batch(envelopes.data() + i, std::min(kBatch, envelopes.size() - i));
        model.apply(batch);
        recorder.record(batch);
    }
    recorder.stop(); // returns when every envelope is committed
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (recorder.stats().envelopes != envelopes.size() || recorder.stats().dropped != 0) {
        std::fprintf(stderr, "recorder lost envelopes\n");
        std::exit(1);
    }
    return double(envelopes.size()) / seconds;
}

// Writes an N-envelope recording for the seek benchmark, in chunks to bound memory.
void writeLongRecording(const QString &path, std::size_t n)
{
    NodeStateModel model;
    RecorderOptions options;
    options.path = path;
    options.queueCapacity = 1u << 20;
    Recorder recorder(options, [&](opsdeck::v1::Keyframe &k) { model.save(k); });
    QString error;
    recorder.start(&error);
    std::vector<Envelope> batch;
    for (std::size_t i = 0; i < n; i += batch.size()) {
        batch.clear();
        for (std::size_t j = i; j < std::min(n, i + 1000); ++j)
            batch.push_back(nodeEnvelope(std::uint32_t(j % kNodes), j, kT0 + std::int64_t(j) * kStepNs));
        model.apply(batch);
        recorder.record(batch);
        while (recorder.stats().envelopes + 200000 < i) // keep the queue from ballooning
            QThread::msleep(5);
    }
    recorder.stop();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains("--help")) {
        std::puts("bench_record: record.write (ratio = ours/raw SQLite, higher is better) and replay.seek\n"
                  "(ratio = seek time / time to read 1 s sequentially, lower is better).\n"
                  "  --quick  small sizes   --full  10,000,000-envelope recording (BENCHMARKS.md)");
        return 0;
    }
    const bool quick = args.contains("--quick");
    const bool full = args.contains("--full");
    QTemporaryDir dir;

    // record.write
    const std::size_t writeCount = quick ? 50000 : 200000;
    const auto envelopes = makeEnvelopes(writeCount);
    std::vector<std::string> blobs;
    blobs.reserve(envelopes.size());
    for (const auto &e : envelopes)
        blobs.push_back(e.SerializeAsString());
    const double ref = rawSqliteInsertRate(dir.filePath("raw.db"), blobs);
    const double ours = recorderRate(dir.filePath("ours.opsrec"), envelopes);
    bench("record.write", ours, "envelopes/s", ref, ours / ref, ">=", 0.5);

    // replay.seek
    const std::size_t seekCount = full ? 10'000'000 : (quick ? 200'000 : 1'000'000);
    std::fprintf(stderr, "replay.seek: writing a %zu-envelope recording (%lld envelopes/s)...\n", seekCount,
        static_cast<long long>(kRateHz));
    const QString longPath = dir.filePath("long.opsrec");
    writeLongRecording(longPath, seekCount);

    EventStream stream;
    NodeStateModel model;
    stream.addSink([&](std::span<const Envelope> b) { model.apply(b); });
    Player player(stream, [&](const opsdeck::v1::Keyframe &k) { model.restore(k); });
    QString error;
    if (!player.open(longPath, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    auto *rng = QRandomGenerator::global();
    const int seeks = 40;
    std::vector<double> seekMs;
    std::vector<double> readMs;
    for (int i = 0; i < seeks; ++i) {
        const std::int64_t span = player.endNs() - player.startNs() - 1'000'000'000;
        const std::int64_t at = player.startNs() + std::int64_t(rng->bounded(double(span)));
        QElapsedTimer timer;
        timer.start();
        player.seek(at);
        seekMs.push_back(double(timer.nsecsElapsed()) / 1e6);

        // Reference: read and parse one second of the recording from the same place.
        RecordingReader &reader = player.reader();
        const std::uint64_t seqAt = std::uint64_t((at - kT0) / kStepNs);
        timer.restart();
        std::size_t n = 0;
        reader.read(
            seqAt, at + 1'000'000'000, SIZE_MAX, [&](const Envelope &, std::uint64_t, std::int64_t) { ++n; });
        readMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(seekMs.begin(), seekMs.end());
    std::sort(readMs.begin(), readMs.end());
    const double seekMedian = seekMs[seekMs.size() / 2];
    const double readMedian = readMs[readMs.size() / 2];
    std::fprintf(stderr, "replay.seek: %zu envelopes, median of %d seeks, p90 seek %.2f ms\n", seekCount,
        seeks, seekMs[seekMs.size() * 9 / 10]);
    bench("replay.seek", seekMedian, "ms", readMedian, seekMedian / readMedian, "<=", 2.0);
    return 0;
}
