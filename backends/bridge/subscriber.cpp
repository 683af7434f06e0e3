#include "backends/bridge/subscriber.h"

#include "backends/bridge/fanout.h"
#include "proto/tsanhandoff.h"

#include <chrono>

namespace opsdeck::bridge {

using opsdeck::v1::Topic;

namespace {

std::int64_t unixNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void putVarint(std::string &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(char(v | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
}

std::size_t varintSize(std::uint64_t v)
{
    std::size_t n = 1;
    while (v >= 0x80) {
        v >>= 7;
        ++n;
    }
    return n;
}

// Protobuf wire format, written by hand because it is on every sample's path:
// Sample.seq (field 1, varint) and Sample.snapshot (field 5, varint) when set.
constexpr char kSeqTag = 0x08;
constexpr char kSnapshotTag = 0x28;
// SampleBatch.samples (field 1, length-delimited).
constexpr char kBatchSampleTag = 0x0a;

} // namespace

Subscriber::Subscriber(Fanout &fanout, opsdeck::v1::SubscribeRequest request, std::string id,
    std::string peer, std::uint32_t capacity, bool batched)
    : m_fanout(fanout)
    , m_request(std::move(request))
    , m_id(std::move(id))
    , m_peer(std::move(peer))
    , m_capacity(capacity)
    , m_batched(batched)
    , m_maxBatch(!batched                  ? 1
              : m_request.max_batch() == 0 ? kDefaultMaxBatch
                                           : std::min(m_request.max_batch(), kMaxBatch))
{
    for (const auto &t : m_request.topics()) {
        if (t.topic() <= 0 || t.topic() >= int(m_intervalNs.size()))
            continue;
        m_topicMask |= 1u << t.topic();
        if (t.max_rate_hz() > 0)
            m_intervalNs[std::size_t(t.topic())] = std::int64_t(1e9 / t.max_rate_hz());
    }
    if (m_request.topics().empty())
        m_topicMask = ~0u;
    m_nodeFilter.insert(m_request.node_filter().begin(), m_request.node_filter().end());
    const auto &r = m_request.region();
    m_hasRegion = r.min_lat_deg() != 0 || r.max_lat_deg() != 0 || r.min_lon_deg() != 0 || r.max_lon_deg() != 0
        || r.min_alt_m() != 0 || r.max_alt_m() != 0;
}

std::int64_t Subscriber::intervalNs(Topic topic) const
{
    return topic > 0 && topic < int(m_intervalNs.size()) ? m_intervalNs[std::size_t(topic)] : 0;
}

bool Subscriber::inRegion(const OutItem &item, const PositionLookup &position) const
{
    const auto &r = m_request.region();
    auto inside = [&r](const OutItem &n) {
        if (!n.hasPosition)
            return false;
        if (n.latDeg < r.min_lat_deg() || n.latDeg > r.max_lat_deg() || n.lonDeg < r.min_lon_deg()
            || n.lonDeg > r.max_lon_deg() || n.altM < r.min_alt_m())
            return false;
        return r.max_alt_m() == 0 || n.altM <= r.max_alt_m();
    };
    if (item.key.topic == opsdeck::v1::TOPIC_NODE_STATE)
        return inside(item);
    for (std::uint32_t node : item.nodes) {
        const OutItem *n = position(node);
        if (n && inside(*n))
            return true;
    }
    return false;
}

bool Subscriber::wants(const OutItem &item, const PositionLookup &position) const
{
    const Topic topic = item.key.topic;
    if (!(m_topicMask & (1u << topic)))
        return false;
    const bool spatial = topic == opsdeck::v1::TOPIC_NODE_STATE || topic == opsdeck::v1::TOPIC_LINK_STATE
        || topic == opsdeck::v1::TOPIC_ROUTE;
    if (!spatial)
        return true;
    if (!m_nodeFilter.empty()) {
        bool any = false;
        for (std::uint32_t node : item.nodes)
            any = any || m_nodeFilter.count(node);
        if (!any)
            return false;
    }
    return !m_hasRegion || inRegion(item, position);
}

void Subscriber::push(const OutItemPtr &item, bool snapshot, std::int64_t nowNs)
{
    std::lock_guard lock(m_mutex);
    if (m_finished)
        return;
    if (item->state && !snapshot) {
        const std::int64_t interval = intervalNs(item->key.topic);
        if (interval > 0 && !m_pendingState.count(item->key)) {
            const auto last = m_lastSentNs.find(item->key);
            if (last != m_lastSentNs.end() && nowNs - last->second < interval) {
                Pending &d = m_deferred[item->key];
                if (d.item)
                    ++m_rateLimited; // an undelivered deferred update is superseded
                d.item = item;
                return;
            }
        }
        if (!m_deferred.empty())
            m_deferred.erase(item->key);
    }
    enqueueLocked(item, snapshot);
    kickLocked(nowNs);
}

void Subscriber::setWaitingForHistory(bool waiting)
{
    std::lock_guard lock(m_mutex);
    m_waitingForHistory = waiting;
}

void Subscriber::enqueueLocked(const OutItemPtr &item, bool snapshot)
{
    if (item->state) {
        const auto it = m_pendingState.find(item->key);
        if (it != m_pendingState.end()) {
            it->second.item = item; // keeps its place (and its snapshot flag) in the queue
            ++m_coalesced;
            return;
        }
        m_pendingState.emplace(item->key, Pending { item, snapshot });
        m_order.push_back(Entry { true, item->key, {} });
        return;
    }
    if (m_events >= m_capacity) {
        ++m_dropped;
        return;
    }
    ++m_events;
    m_order.push_back(Entry { false, item->key, Pending { item, snapshot } });
}

void Subscriber::flushDeferred(std::int64_t nowNs)
{
    std::lock_guard lock(m_mutex);
    if (m_finished || m_deferred.empty())
        return;
    for (auto it = m_deferred.begin(); it != m_deferred.end();) {
        const auto last = m_lastSentNs.find(it->first);
        if (last == m_lastSentNs.end() || nowNs - last->second >= intervalNs(it->first.topic)) {
            enqueueLocked(it->second.item, false);
            it = m_deferred.erase(it);
        } else {
            ++it;
        }
    }
    kickLocked(nowNs);
}

void Subscriber::kickLocked(std::int64_t nowNs)
{
    if (m_writing || m_finished || m_order.empty())
        return;
    // Take what is queued (one sample unless batched), give each its own
    // seq/snapshot header and send the shared bodies by reference:
    //   Subscribe:         [seq, snapshot][body]
    //   SubscribeBatched:  ([tag 1, length][seq, snapshot][body])...
    // The headers of one write share one allocation.
    m_slices.clear();
    m_heads.clear();
    m_headEnds.clear();
    m_bodies.clear();
    std::size_t bodyBytes = 0;
    while (!m_order.empty() && m_bodies.size() < m_maxBatch && m_heads.size() + bodyBytes < kMaxBatchBytes) {
        Entry entry = std::move(m_order.front());
        m_order.pop_front();
        Pending pending;
        if (entry.state) {
            const auto it = m_pendingState.find(entry.key);
            pending = std::move(it->second);
            m_pendingState.erase(it);
            if (intervalNs(entry.key.topic) > 0)
                m_lastSentNs[entry.key] = nowNs;
        } else {
            pending = std::move(entry.event);
            --m_events;
        }
        const grpc::Slice &body = pending.item->body;
        const std::uint64_t seq = ++m_seq;
        if (m_batched) {
            m_heads.push_back(kBatchSampleTag);
            putVarint(m_heads, 1 + varintSize(seq) + (pending.snapshot ? 2 : 0) + body.size());
        }
        m_heads.push_back(kSeqTag);
        putVarint(m_heads, seq);
        if (pending.snapshot) {
            m_heads.push_back(kSnapshotTag);
            m_heads.push_back(1);
        }
        m_headEnds.push_back(m_heads.size());
        bodyBytes += body.size();
        m_bodies.push_back(body);
    }
    const grpc::Slice heads(m_heads);
    std::size_t headBegin = 0;
    for (std::size_t i = 0; i < m_bodies.size(); ++i) {
        m_slices.push_back(heads.sub(headBegin, m_headEnds[i]));
        m_slices.push_back(std::move(m_bodies[i]));
        headBegin = m_headEnds[i];
    }
    const std::size_t count = m_bodies.size();
    m_bodies.clear();
    m_buffer = grpc::ByteBuffer(m_slices.data(), m_slices.size());
    m_writing = true;
    m_sent += count;
    ++m_messages;
    // Subscribe: more is queued, so let gRPC gather this write with the next
    // ones into fewer frames and syscalls; the last queued sample goes out
    // unbuffered. A batch already holds everything queued: never hinted.
    grpc::WriteOptions options;
    if (!m_batched && !m_order.empty())
        options.set_buffer_hint();
    OPSDECK_TSAN_RELEASE(this);
    StartWrite(&m_buffer, options);
}

void Subscriber::OnWriteDone(bool ok)
{
    OPSDECK_TSAN_ACQUIRE(this);
    std::lock_guard lock(m_mutex);
    m_writing = false;
    if (!ok) {
        finishLocked(grpc::Status(grpc::StatusCode::UNAVAILABLE, "stream broken"));
        return;
    }
    kickLocked(unixNowNs());
    OPSDECK_TSAN_RELEASE(this); // OnDone may follow on another thread
}

void Subscriber::finish(const grpc::Status &status)
{
    std::lock_guard lock(m_mutex);
    finishLocked(status);
}

void Subscriber::finishLocked(const grpc::Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_order.clear();
    m_pendingState.clear();
    m_deferred.clear();
    m_events = 0;
    OPSDECK_TSAN_RELEASE(this);
    Finish(status);
}

void Subscriber::OnCancel()
{
    OPSDECK_TSAN_ACQUIRE(this);
    finish(grpc::Status::CANCELLED);
    OPSDECK_TSAN_RELEASE(this);
}

void Subscriber::OnDone()
{
    OPSDECK_TSAN_ACQUIRE(this);
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_fanout.unsubscribe(this);
    OPSDECK_TSAN_RELEASE(&m_fanout); // BridgeServer::stop() continues after the last OnDone
    const std::shared_ptr<Subscriber> last = std::move(m_self); // deletes this on return
}

std::size_t Subscriber::queueDepth() const
{
    std::lock_guard lock(m_mutex);
    return m_order.size();
}

opsdeck::v1::SubscriberStats Subscriber::stats(double periodS)
{
    std::lock_guard lock(m_mutex);
    opsdeck::v1::SubscriberStats s;
    s.set_subscriber_id(m_id);
    s.set_client_name(m_request.client_name());
    s.set_peer(m_peer);
    s.set_queue_depth(std::uint32_t(m_order.size()));
    s.set_queue_capacity(m_capacity);
    s.set_sent(m_sent);
    s.set_coalesced(m_coalesced);
    s.set_dropped(m_dropped);
    s.set_rate_limited(m_rateLimited);
    s.set_send_rate_hz(periodS > 0 ? double(m_sent - m_sentAtLastStats) / periodS : 0.0);
    s.set_batched(m_batched);
    s.set_messages(m_messages);
    s.set_waiting_for_history(m_waitingForHistory);
    m_sentAtLastStats = m_sent;
    return s;
}

} // namespace opsdeck::bridge
