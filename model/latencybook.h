#pragma once

#include "model/histogram.h"
#include "model/latencyseries.h"
#include "model/snapshotbox.h"
#include "opsdeck/v1/recording.pb.h"

#include <QString>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace opsdeck::model {

class Diagnostics;

// Per-service call latency and timeouts, as the Services view shows them.
// Folds CallBatch and StatsWindow envelopes (CHANNEL_TELEMETRY) into 1-second
// windows per (service, method), per edge (caller -> callee) and per replica,
// with rolling 1 min / 5 min / 1 h views. Client-side records (what the caller
// experienced, timeouts included) feed every series; server-side records only
// count late responses (SEEDS.md section 3). Windows advance in data time, so
// a replay produces the same numbers as the live session.
// Model thread only, except snapshot().
class LatencyBook
{
public:
    enum class Kind { Method, Edge, Replica };
    enum ViewIndex { Minute1 = 0, Minute5 = 1, Hour1 = 2, ViewCount = 3 };
    static constexpr std::array<int, ViewCount> kViewSeconds { 60, 300, 3600 };

    struct Row
    {
        Kind kind = Kind::Method;
        QString service; // callee service
        QString method; // empty for edges and replicas
        QString caller; // edges only
        QString replica; // replicas only
        std::array<LatencyView, ViewCount> views;
        std::shared_ptr<const SummaryHistory> history; // closed minutes, then seconds; oldest first
        std::int64_t lastSecond = 0;
    };
    struct ReplicaState
    {
        QString service;
        QString replica;
        QString address;
        int health = 0; // opsdeck::v1::ReplicaHealth
        QString fault;
    };
    struct Snapshot
    {
        std::int64_t nowSecond = 0; // the book's data clock
        std::vector<Row> rows; // methods, then edges, then replicas
        std::vector<ReplicaState> replicas; // from the last topology seen
        std::vector<std::pair<QString, QString>> edges; // declared dependency edges
        // The latency distribution of every method over the last minute, same order as rows.
        std::map<QString, SparseHistogram> distributions; // key "service/method"
        std::uint64_t records = 0;
        std::uint64_t rejected = 0;
        std::uint64_t droppedByExporter = 0;

        const Row *find(Kind kind, const QString &a, const QString &b) const;
    };

    explicit LatencyBook(Diagnostics *diagnostics = nullptr);

    void apply(std::span<const opsdeck::v1::Envelope> batch);
    void applyCalls(const opsdeck::v1::CallBatch &batch, const QString &source);
    void applyStats(const opsdeck::v1::StatsWindow &window, const QString &source);
    // Moves the data clock forward in quiet periods (e.g. from a 1-Hz timer).
    void advanceTo(std::int64_t unixNs);

    void publish();

    // Replay seeking (model::Recorder / model::Player): the windows this book
    // holds as StatsWindows in Keyframe.latency_windows, and back. Minutes older
    // than the 300-s seconds ring travel as 60-s windows: after a restore the
    // 1-h view is exact except for the part of the minute that straddles the
    // 5-min boundary; per-second history older than 5 min is not restored.
    void writeKeyframe(opsdeck::v1::Keyframe &keyframe) const;
    void restore(const opsdeck::v1::Keyframe &keyframe);
    std::shared_ptr<const Snapshot> snapshot() const { return m_box.get(); }

    std::uint64_t records() const { return m_records; }
    std::uint64_t rejected() const { return m_rejected; }
    std::size_t seriesCount() const { return m_series.size(); }
    // Heap bytes held by the series' windows and histories (soak accounting).
    std::size_t retainedBytes() const;

    // Caps the number of distinct series; records for new keys beyond it are
    // rejected and counted so memory stays bounded under hostile input.
    static constexpr std::size_t kMaxSeries = 4096;

private:
    struct Entry
    {
        Kind kind;
        std::string a, b, c; // method: service, method; edge: caller, callee; replica: service, replica
        LatencySeries series;
    };
    Entry *entry(Kind kind, std::string_view a, std::string_view b);
    // The three series one client-side record feeds, found with one lookup.
    struct Route
    {
        Entry *method = nullptr;
        Entry *edge = nullptr;
        Entry *replica = nullptr; // null without a replica
    };
    const Route *route(const opsdeck::v1::CallRecord &r, std::string_view caller);
    void reject(const QString &source, const QString &reason, const QString &example);

    Diagnostics *m_diagnostics;
    std::unordered_map<std::string, std::unique_ptr<Entry>> m_series;
    std::unordered_map<std::string, Route> m_routes; // bounded like m_series
    std::string m_keyScratch;
    std::string m_routeScratch;
    std::int64_t m_nowSecond = 0;
    std::uint64_t m_records = 0;
    std::uint64_t m_rejected = 0;
    std::uint64_t m_droppedByExporter = 0;
    opsdeck::v1::ServiceTopology m_topology;
    Histogram m_scratch;
    SnapshotBox<Snapshot> m_box;
};

} // namespace opsdeck::model
