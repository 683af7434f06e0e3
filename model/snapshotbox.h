#pragma once

#include <memory>
#include <mutex>

namespace opsdeck::model {

// Hands immutable snapshots from the model thread to readers on any thread.
// The writer publishes a new shared_ptr; readers take a reference and keep a
// consistent view for as long as they hold it. The lock covers only the
// pointer swap, never a copy of the data.
template<typename T> class SnapshotBox
{
public:
    SnapshotBox()
        : m_current(std::make_shared<const T>())
    { }

    void publish(std::shared_ptr<const T> next)
    {
        std::lock_guard lock(m_mutex);
        m_current = std::move(next);
    }

    std::shared_ptr<const T> get() const
    {
        std::lock_guard lock(m_mutex);
        return m_current;
    }

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const T> m_current;
};

} // namespace opsdeck::model
