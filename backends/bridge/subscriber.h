#pragma once

#include "backends/bridge/outitem.h"

#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/server_callback.h>

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace opsdeck::bridge {

class Fanout;

// One console's Subscribe or SubscribeBatched stream (a "consumer" in SFU
// terms) and its bounded queue. State samples coalesce to the latest value per
// key in place, so a slow console gets fewer, newer updates and its memory is
// bounded by the number of keys; events (stats, control echoes) are bounded by
// the queue capacity and the newest is dropped (counted) when full. Only one
// gRPC write is in flight. A batched stream sends everything queued when the
// previous write finished in one SampleBatch; a sample that finds the stream
// idle is written at once, on the thread that pushed it (no Nagle delay).
//
// Threads: push()/flushDeferred() come from the DDS / control / tick threads,
// the reactions from gRPC's callback threads; one mutex guards the queue.
// For ThreadSanitizer the reactor is also released to gRPC before StartWrite
// and Finish and acquired at the top of every reaction (proto/tsanhandoff.h).
class Subscriber : public grpc::ServerWriteReactor<grpc::ByteBuffer>
{
public:
    using PositionLookup = std::function<const OutItem *(std::uint32_t nodeId)>;

    // Batches hold at most this many bytes (the consoles accept 4 MiB messages).
    static constexpr std::size_t kMaxBatchBytes = 1u << 20;
    static constexpr std::uint32_t kDefaultMaxBatch = 1024;
    static constexpr std::uint32_t kMaxBatch = 8192;

    Subscriber(Fanout &fanout, opsdeck::v1::SubscribeRequest request, std::string id, std::string peer,
        std::uint32_t capacity, bool batched);

    // Keeps the reactor alive until gRPC calls OnDone.
    void attach(std::shared_ptr<Subscriber> self) { m_self = std::move(self); }

    const std::string &id() const { return m_id; }
    bool wantsSnapshot() const { return !m_request.skip_snapshot(); }
    // Immutable filter: topic, node filter, region of interest.
    bool wants(const OutItem &item, const PositionLookup &position) const;

    void push(const OutItemPtr &item, bool snapshot, std::int64_t nowNs);
    // Held by the Fanout until the bridge has taken in the members' state.
    void setWaitingForHistory(bool waiting);
    // Moves rate-limited updates whose interval has passed into the queue.
    void flushDeferred(std::int64_t nowNs);
    // Ends the stream (bridge shutdown); safe to call more than once.
    void finish(const grpc::Status &status);

    opsdeck::v1::SubscriberStats stats(double periodS);
    std::size_t queueDepth() const;

    void OnWriteDone(bool ok) override;
    void OnCancel() override;
    void OnDone() override;

private:
    struct Pending
    {
        OutItemPtr item;
        bool snapshot = false;
    };
    struct Entry
    {
        bool state = false;
        Key key;
        Pending event; // events only
    };

    bool inRegion(const OutItem &item, const PositionLookup &position) const;
    std::int64_t intervalNs(opsdeck::v1::Topic topic) const;
    void enqueueLocked(const OutItemPtr &item, bool snapshot);
    void kickLocked(std::int64_t nowNs);
    void finishLocked(const grpc::Status &status);

    Fanout &m_fanout;
    const opsdeck::v1::SubscribeRequest m_request;
    const std::string m_id;
    const std::string m_peer;
    const std::uint32_t m_capacity;
    const bool m_batched;
    const std::uint32_t m_maxBatch;
    std::uint32_t m_topicMask = 0;
    std::array<std::int64_t, 8> m_intervalNs {};
    std::unordered_set<std::uint32_t> m_nodeFilter;
    bool m_hasRegion = false;

    mutable std::mutex m_mutex;
    std::deque<Entry> m_order;
    std::unordered_map<Key, Pending, KeyHash> m_pendingState;
    std::unordered_map<Key, Pending, KeyHash> m_deferred; // rate-limited, waiting for their slot
    std::unordered_map<Key, std::int64_t, KeyHash> m_lastSentNs;
    std::size_t m_events = 0;
    std::uint64_t m_seq = 0;
    grpc::ByteBuffer m_buffer;
    std::vector<grpc::Slice> m_slices; // reused by every write
    std::string m_heads; // per-sample headers of one write
    std::vector<std::size_t> m_headEnds;
    std::vector<grpc::Slice> m_bodies;
    bool m_writing = false;
    bool m_waitingForHistory = false;
    bool m_finished = false;
    bool m_done = false;
    std::uint64_t m_sent = 0, m_messages = 0, m_coalesced = 0, m_dropped = 0, m_rateLimited = 0;
    std::uint64_t m_sentAtLastStats = 0;
    std::shared_ptr<Subscriber> m_self;
};

} // namespace opsdeck::bridge
