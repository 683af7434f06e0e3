#pragma once

#include <string>

// glibc's malloc is the allocator, and what is set here applies: not under a
// sanitizer, whose runtime brings its own allocator (mallopt and malloc_trim
// then do nothing useful; the settings' tests skip).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define OPSDECK_SANITIZER_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define OPSDECK_SANITIZER_ALLOCATOR 1
#endif
#endif
#if defined(__GLIBC__) && !defined(OPSDECK_SANITIZER_ALLOCATOR)
#define OPSDECK_GLIBC_MALLOC 1
#endif

namespace opsdeck::app {

// How glibc's malloc is set up for a console that runs for hours and sees its
// backends restart (docs/RELIABILITY.md, "Soak"). Call first thing in main(),
// before any thread starts. A user's own MALLOC_* or GLIBC_TUNABLES setting
// for a parameter wins: that one is left alone. Returns what was done, for the
// log; empty where glibc's malloc is not the allocator.
//
// - At most `arenas` malloc arenas (M_ARENA_MAX). glibc gives threads up to 8
//   per core; the console runs about 160 threads (gRPC's pools, Cyclone DDS,
//   Qt, the in-process demo backends) and each arena keeps its own free
//   memory: a restarted backend's new threads allocated in arenas whose free
//   chunks other arenas could not reuse, and every restart left the process a
//   few MB larger. Two arenas on a console whose threads mostly wait cost no
//   measurable time.
// - Blocks of `mmapBytes` and more always come from mmap (M_MMAP_THRESHOLD),
//   so that freeing one gives its memory back. By default glibc raises the
//   threshold to the size of a freed mmapped block, and the next such block
//   (a restarted mesh's 65,536-record telemetry ring, ≈ 7 MB) came from the
//   heap, wherever it fit: a restart could leave a hole of that size behind.
//   The heap's top is trimmed above twice that size (M_TRIM_THRESHOLD, as
//   glibc's own adjustment would set it).
std::string tuneMalloc(int arenas, int mmapBytes);

// What opsdeck's main (and the soak test, which stands in for it) uses.
constexpr int kConsoleMallocArenas = 2;
constexpr int kConsoleMmapThreshold = 1 << 20;

} // namespace opsdeck::app
