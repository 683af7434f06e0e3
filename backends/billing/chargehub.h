#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace opsdeck::billing {

// Tells live StreamCharges calls that the ledger grew. It carries only the
// last ledger seq: each stream reads the new rows from the ledger itself, so
// a slow subscriber costs nothing here and can never lose a row (it catches
// up from the ledger), and a million-row import is one notification.
class ChargeHub
{
public:
    void notify(std::uint64_t lastSeq)
    {
        {
            std::lock_guard lock(m_mutex);
            if (lastSeq > m_lastSeq)
                m_lastSeq = lastSeq;
        }
        m_changed.notify_all();
    }

    // Waits until the ledger holds rows after `seq`, the hub closes, or the
    // timeout passes. Returns the last seq known.
    std::uint64_t waitBeyond(std::uint64_t seq, std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, timeout, [&] { return m_lastSeq > seq || m_closed; });
        return m_lastSeq;
    }

    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_changed.notify_all();
    }

    bool closed() const
    {
        std::lock_guard lock(m_mutex);
        return m_closed;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::uint64_t m_lastSeq = 0;
    bool m_closed = false;
};

} // namespace opsdeck::billing
