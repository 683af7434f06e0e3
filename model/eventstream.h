#pragma once

#include "opsdeck/v1/recording.pb.h"

#include <QObject>

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <vector>

namespace opsdeck::model {

// The single entrance of the console: every datum from a backend client or the
// replay player arrives here as an Envelope. Producers call post() from any
// thread (gRPC threads included); it copies nothing beyond the move, never
// blocks on the consumer and never grows without bound. The envelopes are
// handed to the sinks in batches on the thread this object lives in (the
// model thread), in the order they were posted.
class EventStream : public QObject
{
    Q_OBJECT

public:
    using Sink = std::function<void(std::span<const opsdeck::v1::Envelope>)>;

    explicit EventStream(std::size_t capacity = 1u << 18, QObject *parent = nullptr);

    // Thread-safe. Stamps seq (always) and recv_time_unix_ns (if unset). Returns
    // false and counts a drop when the pending queue is at capacity.
    bool post(opsdeck::v1::Envelope envelope);

    // Sinks see every batch in registration order. Register before posting.
    // Must be called on the thread this object lives in.
    void addSink(Sink sink);

    // Hands every pending envelope to the sinks now. Normally scheduled by
    // post(); public so that the player and tests can drive it synchronously.
    // Must be called on the thread this object lives in.
    std::size_t flush();

    std::uint64_t posted() const { return m_posted.load(std::memory_order_relaxed); }
    std::uint64_t dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    std::size_t capacity() const { return m_capacity; }

Q_SIGNALS:
    // Emitted after the sinks have taken a batch.
    void batchApplied(quint64 lastSeq, int count);

private:
    const std::size_t m_capacity;
    std::mutex m_mutex;
    std::vector<opsdeck::v1::Envelope> m_pending; // guarded by m_mutex
    std::vector<opsdeck::v1::Envelope> m_draining; // model thread only
    bool m_flushScheduled = false; // guarded by m_mutex
    std::uint64_t m_nextSeq = 1; // guarded by m_mutex
    std::vector<Sink> m_sinks;
    std::atomic<std::uint64_t> m_posted { 0 };
    std::atomic<std::uint64_t> m_dropped { 0 };
};

// Wall-clock now in Unix nanoseconds, the console's timeline clock.
std::int64_t unixNowNs();

} // namespace opsdeck::model
