#include "model/eventstream.h"

#include <QMetaObject>

#include <chrono>

namespace opsdeck::model {

std::int64_t unixNowNs()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

EventStream::EventStream(std::size_t capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(capacity)
{ }

bool EventStream::post(opsdeck::v1::Envelope envelope)
{
    bool schedule = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_pending.size() >= m_capacity) {
            m_dropped.fetch_add(1, std::memory_order_relaxed);
            return false;
        }
        envelope.set_seq(m_nextSeq++);
        if (envelope.recv_time_unix_ns() == 0)
            envelope.set_recv_time_unix_ns(unixNowNs());
        m_pending.push_back(std::move(envelope));
        // One queued flush per burst: producers coalesce into the same batch
        // until the model thread has taken it.
        if (!m_flushScheduled) {
            m_flushScheduled = true;
            schedule = true;
        }
    }
    m_posted.fetch_add(1, std::memory_order_relaxed);
    if (schedule)
        QMetaObject::invokeMethod(this, &EventStream::flush, Qt::QueuedConnection);
    return true;
}

void EventStream::addSink(Sink sink)
{
    m_sinks.push_back(std::move(sink));
}

std::size_t EventStream::flush()
{
    {
        std::lock_guard lock(m_mutex);
        m_draining.swap(m_pending);
        m_flushScheduled = false;
    }
    const std::size_t count = m_draining.size();
    if (count == 0)
        return 0;
    const std::span<const opsdeck::v1::Envelope> batch(m_draining);
    for (const Sink &sink : m_sinks)
        sink(batch);
    const quint64 lastSeq = m_draining.back().seq();
    m_draining.clear();
    Q_EMIT batchApplied(lastSeq, int(count));
    return count;
}

} // namespace opsdeck::model
