#pragma once

#include "proto/tsanhandoff.h"

#include <QMetaObject>
#include <QObject>

#include <utility>

namespace opsdeck::clients {

namespace detail {
// Acquires on the thread that destroys the queued call. Qt drops its last
// reference to the call inside libQt6Core — often on the posting thread, after
// the target's thread has run it — and that reference count is invisible to
// ThreadSanitizer too; without this, destroying the captures (a unary call's
// state, say) would look like a race with the run that read them.
struct TsanCallGuard
{
    ~TsanCallGuard() { OPSDECK_TSAN_ACQUIRE(&tsanQueueSync); }
    // The address the hand-offs are told on. One for the process, because the
    // queued call cannot read its own captures (memory the posting thread
    // wrote) before it has acquired. Qt's queues give that order anyway: a
    // thread's events are all posted under one lock.
    static inline const char tsanQueueSync = 0;
};
} // namespace detail

// Runs f later on target's thread (a queued call), from any thread: how a gRPC
// reaction or a worker thread hands a result to the client's thread. Qt's
// event queue is locked with futexes inside libQt6Core, which is not built
// with ThreadSanitizer, so the hand-off is also told to TSan: everything the
// posting thread wrote before this call is visible to f, and everything f did
// to whichever thread destroys it (proto/tsanhandoff.h). The guard is captured
// last so that it is destroyed, and acquires, before f's captures.
template<typename F> void postQueued(QObject *target, F &&f)
{
    using detail::TsanCallGuard;
    OPSDECK_TSAN_RELEASE(&TsanCallGuard::tsanQueueSync);
    QMetaObject::invokeMethod(
        target,
        [f = std::forward<F>(f), guard = TsanCallGuard {}]() mutable {
            OPSDECK_TSAN_ACQUIRE(&TsanCallGuard::tsanQueueSync);
            f();
            OPSDECK_TSAN_RELEASE(&TsanCallGuard::tsanQueueSync);
        },
        Qt::QueuedConnection);
}

} // namespace opsdeck::clients
