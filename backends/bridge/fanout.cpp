#include "backends/bridge/fanout.h"

#include <algorithm>
#include <chrono>

namespace opsdeck::bridge {

namespace {

std::int64_t unixNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

const OutItem *Fanout::positionLocked(std::uint32_t nodeId) const
{
    const auto it = m_cache.find(Key { opsdeck::v1::TOPIC_NODE_STATE, nodeId });
    return it == m_cache.end() ? nullptr : it->second.get();
}

void Fanout::fanLocked(const OutItemPtr &item, std::int64_t nowNs)
{
    const Subscriber::PositionLookup position = [this](std::uint32_t id) { return positionLocked(id); };
    for (const auto &s : m_subscribers) {
        if (s->wants(*item, position)) {
            s->push(item, false, nowNs);
            m_fannedOut.fetch_add(1, std::memory_order_relaxed);
        }
    }
}

void Fanout::publish(const OutItemPtr &item)
{
    const std::int64_t now = unixNowNs();
    std::lock_guard lock(m_mutex);
    if (item->state)
        m_cache[item->key] = item;
    fanLocked(item, now);
}

void Fanout::remove(const OutItemPtr &last)
{
    const std::int64_t now = unixNowNs();
    std::lock_guard lock(m_mutex);
    fanLocked(last, now);
    m_cache.erase(last->key);
}

void Fanout::subscribe(const std::shared_ptr<Subscriber> &subscriber)
{
    const std::int64_t now = unixNowNs();
    std::lock_guard lock(m_mutex);
    if (m_holding && subscriber->wantsSnapshot()) {
        subscriber->setWaitingForHistory(true);
        m_held.push_back(subscriber);
        return;
    }
    registerLocked(subscriber, now);
}

void Fanout::holdForHistory()
{
    std::lock_guard lock(m_mutex);
    m_holding = true;
}

void Fanout::releaseHistoryHold()
{
    const std::int64_t now = unixNowNs();
    std::lock_guard lock(m_mutex);
    m_holding = false;
    for (const auto &s : m_held) {
        s->setWaitingForHistory(false);
        registerLocked(s, now);
    }
    m_held.clear();
}

bool Fanout::holdingForHistory() const
{
    std::lock_guard lock(m_mutex);
    return m_holding;
}

bool Fanout::hasNodes(const std::uint32_t *ids, std::size_t count) const
{
    std::lock_guard lock(m_mutex);
    for (std::size_t i = 0; i < count; ++i)
        if (!m_cache.count(Key { opsdeck::v1::TOPIC_NODE_STATE, ids[i] }))
            return false;
    return true;
}

void Fanout::registerLocked(const std::shared_ptr<Subscriber> &subscriber, std::int64_t now)
{
    m_subscribers.push_back(subscriber);
    if (!subscriber->wantsSnapshot())
        return;
    const Subscriber::PositionLookup position = [this](std::uint32_t id) { return positionLocked(id); };
    // Nodes first, so a console can place links and routes as they arrive.
    std::vector<OutItemPtr> items;
    items.reserve(m_cache.size());
    for (const auto &[key, item] : m_cache)
        if (subscriber->wants(*item, position))
            items.push_back(item);
    std::sort(items.begin(), items.end(), [](const OutItemPtr &a, const OutItemPtr &b) {
        return std::tie(a->key.topic, a->key.id) < std::tie(b->key.topic, b->key.id);
    });
    for (const OutItemPtr &item : items)
        subscriber->push(item, true, now);
    opsdeck::v1::Sample done;
    done.set_bridge_recv_unix_ns(now);
    done.set_source_time_ns(now);
    done.mutable_snapshot_complete()->set_keys_sent(std::uint32_t(items.size()));
    subscriber->push(makeItem(Key { opsdeck::v1::TOPIC_UNSPECIFIED, 0 }, false, done), true, now);
}

void Fanout::unsubscribe(Subscriber *subscriber)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_subscribers, [subscriber](const auto &s) { return s.get() == subscriber; });
    std::erase_if(m_held, [subscriber](const auto &s) { return s.get() == subscriber; });
}

void Fanout::flushDeferred(std::int64_t nowNs)
{
    std::lock_guard lock(m_mutex);
    for (const auto &s : m_subscribers)
        s->flushDeferred(nowNs);
}

void Fanout::finishAll(const grpc::Status &status)
{
    std::vector<std::shared_ptr<Subscriber>> subscribers;
    {
        std::lock_guard lock(m_mutex);
        subscribers = m_subscribers;
        subscribers.insert(subscribers.end(), m_held.begin(), m_held.end());
    }
    for (const auto &s : subscribers)
        s->finish(status);
}

std::vector<opsdeck::v1::SubscriberStats> Fanout::subscriberStats(double periodS)
{
    std::lock_guard lock(m_mutex);
    std::vector<opsdeck::v1::SubscriberStats> out;
    for (const auto &s : m_subscribers)
        out.push_back(s->stats(periodS));
    for (const auto &s : m_held)
        out.push_back(s->stats(periodS));
    return out;
}

std::size_t Fanout::keys(opsdeck::v1::Topic topic) const
{
    std::lock_guard lock(m_mutex);
    return std::size_t(std::count_if(
        m_cache.begin(), m_cache.end(), [topic](const auto &kv) { return kv.first.topic == topic; }));
}

std::size_t Fanout::keyCount() const
{
    std::lock_guard lock(m_mutex);
    return m_cache.size();
}

std::size_t Fanout::subscriberCount() const
{
    std::lock_guard lock(m_mutex);
    return m_subscribers.size() + m_held.size();
}

OutItemPtr Fanout::cached(const Key &key) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_cache.find(key);
    return it == m_cache.end() ? nullptr : it->second;
}

} // namespace opsdeck::bridge
