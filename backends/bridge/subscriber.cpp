#include "backends/bridge/subscriber.h"

#include "backends/bridge/fanout.h"

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

} // namespace

Subscriber::Subscriber(Fanout &fanout, opsdeck::v1::SubscribeRequest request, std::string id, std::string peer,
                       std::uint32_t capacity)
    : m_fanout(fanout)
    , m_request(std::move(request))
    , m_id(std::move(id))
    , m_peer(std::move(peer))
    , m_capacity(capacity)
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
                    ++m_rateLimited;  // an undelivered deferred update is superseded
                d.item = item;
                return;
            }
        }
        m_deferred.erase(item->key);
    }
    enqueueLocked(item, snapshot);
    kickLocked(nowNs);
}

void Subscriber::enqueueLocked(const OutItemPtr &item, bool snapshot)
{
    if (item->state) {
        const auto it = m_pendingState.find(item->key);
        if (it != m_pendingState.end()) {
            it->second.item = item;  // keeps its place (and its snapshot flag) in the queue
            ++m_coalesced;
            return;
        }
        m_pendingState.emplace(item->key, Pending{item, snapshot});
        m_order.push_back(Entry{true, item->key, {}});
        return;
    }
    if (m_events >= m_capacity) {
        ++m_dropped;
        return;
    }
    ++m_events;
    m_order.push_back(Entry{false, item->key, Pending{item, snapshot}});
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
    const Entry entry = std::move(m_order.front());
    m_order.pop_front();
    Pending pending;
    if (entry.state) {
        const auto it = m_pendingState.find(entry.key);
        pending = std::move(it->second);
        m_pendingState.erase(it);
        if (intervalNs(entry.key.topic) > 0)
            m_lastSentNs[entry.key] = nowNs;
    } else {
        pending = entry.event;
        --m_events;
    }
    opsdeck::v1::Sample prefix;
    prefix.set_seq(++m_seq);
    prefix.set_snapshot(pending.snapshot);
    const std::string head = prefix.SerializeAsString();
    const grpc::Slice slices[2] = {grpc::Slice(head), pending.item->body};
    m_buffer = grpc::ByteBuffer(slices, 2);
    m_writing = true;
    ++m_sent;
    // More is queued: let gRPC gather this write with the next ones into fewer
    // frames and syscalls; the last queued sample goes out unbuffered.
    grpc::WriteOptions options;
    if (!m_order.empty())
        options.set_buffer_hint();
    StartWrite(&m_buffer, options);
}

void Subscriber::OnWriteDone(bool ok)
{
    std::lock_guard lock(m_mutex);
    m_writing = false;
    if (!ok) {
        finishLocked(grpc::Status(grpc::StatusCode::UNAVAILABLE, "stream broken"));
        return;
    }
    kickLocked(unixNowNs());
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
    Finish(status);
}

void Subscriber::OnCancel()
{
    finish(grpc::Status::CANCELLED);
}

void Subscriber::OnDone()
{
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_fanout.unsubscribe(this);
    const std::shared_ptr<Subscriber> last = std::move(m_self);  // deletes this on return
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
    m_sentAtLastStats = m_sent;
    return s;
}

} // namespace opsdeck::bridge
