#pragma once

// Tells ThreadSanitizer about the hand-offs gRPC makes between threads.
//
// A gRPC callback call hands our objects (a reactor, a unary call's state and
// the lambda that captures it) from the thread that starts the call to one of
// gRPC's threads that runs the callback, and from one callback to the next.
// The happens-before edge is real — gRPC's completion queue and its
// absl::Mutex provide it — but Debian's gRPC and abseil are not built with
// -fsanitize=thread, so TSan cannot see it and reports every such hand-off as
// a race. These annotations draw the edge gRPC draws, at the same places:
//
//   OPSDECK_TSAN_RELEASE(x)  before handing x to gRPC (StartCall, StartRead,
//                            StartWrite, Finish, an async unary call) and at
//                            the end of a callback another thread continues
//   OPSDECK_TSAN_ACQUIRE(x)  at the top of every callback that takes x back
//
// They name an address, not a lock: an acquire sees everything written before
// any earlier release of the same address. They cost nothing outside a TSan
// build (scripts/sanitize.sh tsan, CMakePresets "tsan").
//
// The same is used for the other uninstrumented hand-offs: Cyclone DDS's
// listener threads (bridge/ddsingest.cpp) and Qt's event queue
// (clients/postqueued.h). What is left to suppress: tests/reliability/tsan.supp.
//
// Why here: proto/ is the one folder that both clients/ and backends/* already
// depend on (through opsdeck_rpc, which lists it; included from the source
// root like every OpsDeck header: "proto/tsanhandoff.h"), and the hand-offs it
// annotates are those of the gRPC calls whose stubs live here. It has no
// dependencies, so no dependency arrow changes.

#if defined(__SANITIZE_THREAD__)
#define OPSDECK_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define OPSDECK_TSAN 1
#endif
#endif

#if defined(OPSDECK_TSAN)
#include <sanitizer/tsan_interface.h>

namespace opsdeck::tsan {
inline void release(const volatile void *addr)
{
    __tsan_release(const_cast<void *>(addr));
}
inline void acquire(const volatile void *addr)
{
    __tsan_acquire(const_cast<void *>(addr));
}
} // namespace opsdeck::tsan

#define OPSDECK_TSAN_RELEASE(addr) ::opsdeck::tsan::release(addr)
#define OPSDECK_TSAN_ACQUIRE(addr) ::opsdeck::tsan::acquire(addr)
#else
#define OPSDECK_TSAN_RELEASE(addr) static_cast<void>(addr)
#define OPSDECK_TSAN_ACQUIRE(addr) static_cast<void>(addr)
#endif
