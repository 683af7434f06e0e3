#include "app/memorytrimmer.h"

#include "app/malloctuning.h" // OPSDECK_GLIBC_MALLOC

#include <QThreadPool>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace opsdeck::app {

MemoryTrimmer::MemoryTrimmer(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &MemoryTrimmer::trimInBackground);
}

MemoryTrimmer::~MemoryTrimmer() = default;

void MemoryTrimmer::start(std::chrono::milliseconds interval)
{
    m_timer.start(interval);
}

void MemoryTrimmer::stop()
{
    m_timer.stop();
}

bool MemoryTrimmer::trimNow()
{
#ifdef OPSDECK_GLIBC_MALLOC
    return malloc_trim(0) == 1;
#else
    return false;
#endif
}

void MemoryTrimmer::trimInBackground()
{
    // One at a time: a trim that outlasts the interval is not queued again.
    if (m_state->running.exchange(true))
        return;
    std::shared_ptr<State> state = m_state;
    QThreadPool::globalInstance()->start([state] {
        if (trimNow())
            ++state->released;
        ++state->trims;
        state->running = false;
    });
}

} // namespace opsdeck::app
