#pragma once

#include "backends/bridge/outitem.h"
#include "backends/bridge/subscriber.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace opsdeck::bridge {

// The selective forwarding core: the current value of every state key (the
// late joiners' snapshot) and the subscribers. publish() fans one serialised
// item out by reference to every subscriber whose filter matches.
//
// One mutex orders cache updates, snapshots and fan-out, so a new subscriber
// sees every key exactly once as snapshot or as live update, never neither.
// Lock order: Fanout, then Subscriber.
class Fanout
{
public:
    // A state item replaces the key's cached value; an event is only forwarded.
    void publish(const OutItemPtr &item);
    // The key is gone: forward `last` (e.g. REMOVED) and forget the key.
    void remove(const OutItemPtr &last);

    // Registers the subscriber and queues its snapshot (unless skipped) and
    // SnapshotComplete. While the bridge is still taking in the members'
    // current state (holdForHistory), a subscriber that wants a snapshot is
    // held and gets nothing until releaseHistoryHold(): its snapshot is then
    // the whole state, not whatever had arrived when it connected.
    void subscribe(const std::shared_ptr<Subscriber> &subscriber);
    void unsubscribe(Subscriber *subscriber);

    void holdForHistory();
    void releaseHistoryHold();
    bool holdingForHistory() const;
    // True if every node is in the cache (one lock for the lot).
    bool hasNodes(const std::uint32_t *ids, std::size_t count) const;

    void flushDeferred(std::int64_t nowNs);
    void finishAll(const grpc::Status &status);

    std::vector<opsdeck::v1::SubscriberStats> subscriberStats(double periodS);
    std::size_t keys(opsdeck::v1::Topic topic) const;
    std::size_t keyCount() const;
    std::size_t subscriberCount() const;
    std::uint64_t fannedOut() const { return m_fannedOut.load(); }
    // Current cached value of a key (nullptr if none).
    OutItemPtr cached(const Key &key) const;

private:
    void fanLocked(const OutItemPtr &item, std::int64_t nowNs);
    void registerLocked(const std::shared_ptr<Subscriber> &subscriber, std::int64_t nowNs);
    const OutItem *positionLocked(std::uint32_t nodeId) const;

    mutable std::mutex m_mutex;
    std::unordered_map<Key, OutItemPtr, KeyHash> m_cache;
    std::vector<std::shared_ptr<Subscriber>> m_subscribers;
    std::vector<std::shared_ptr<Subscriber>> m_held; // waiting for the history
    bool m_holding = false;
    std::atomic<std::uint64_t> m_fannedOut { 0 };
};

} // namespace opsdeck::bridge
