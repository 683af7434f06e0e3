#pragma once

#include "proto/tsanhandoff.h"

#include <QMetaObject>
#include <QObject>

#include <utility>

namespace opsdeck::clients {

// Runs f later on target's thread (a queued call), from any thread: how a gRPC
// reaction or a worker thread hands a result to the client's thread. Qt's
// event queue is locked with futexes inside libQt6Core, which is not built
// with ThreadSanitizer, so the hand-off is also told to TSan: everything the
// posting thread wrote before this call is visible to f (proto/tsanhandoff.h).
template<typename F> void postQueued(QObject *target, F &&f)
{
    OPSDECK_TSAN_RELEASE(target);
    QMetaObject::invokeMethod(
        target,
        [target, f = std::forward<F>(f)]() mutable {
            OPSDECK_TSAN_ACQUIRE(target);
            f();
        },
        Qt::QueuedConnection);
}

} // namespace opsdeck::clients
