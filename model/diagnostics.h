#pragma once

#include "model/snapshotbox.h"

#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace opsdeck::model {

// Bad input is dropped, counted per (source, reason) and shown; this is where
// it is counted. Written on the model thread; read through snapshots.
class Diagnostics
{
public:
    struct Entry
    {
        QString source; // e.g. "bridge 127.0.0.1:50051", "focus-import costs.csv"
        QString reason; // e.g. "non-finite position"
        std::uint64_t count = 0;
        QString firstExample;
        QString lastExample;
        std::int64_t firstSeenUnixNs = 0;
        std::int64_t lastSeenUnixNs = 0;
    };
    using Snapshot = std::vector<Entry>;

    // Keeps at most this many distinct (source, reason) pairs; later new pairs
    // are folded into one "other reasons" entry per source so memory stays bounded.
    explicit Diagnostics(std::size_t maxEntries = 512);

    void report(const QString &source, const QString &reason, const QString &example, std::int64_t atUnixNs);

    std::uint64_t total() const { return m_total; }
    std::uint64_t count(const QString &source, const QString &reason) const;

    // Publishes the current entries for readers on other threads.
    void publish();
    std::shared_ptr<const Snapshot> snapshot() const { return m_box.get(); }

private:
    std::size_t m_maxEntries;
    std::map<std::pair<QString, QString>, Entry> m_entries;
    std::uint64_t m_total = 0;
    SnapshotBox<Snapshot> m_box;
};

} // namespace opsdeck::model
