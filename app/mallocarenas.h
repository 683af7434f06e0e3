#pragma once

#include <string>

namespace opsdeck::app {

// Caps how many malloc arenas glibc keeps (M_ARENA_MAX). glibc gives threads
// up to 8 arenas per core; the console runs about 160 threads (gRPC's pools,
// Cyclone DDS, Qt, the in-process demo backends), and every arena keeps its
// own free memory. When a backend restarts, its new threads' allocations land
// in arenas whose free chunks other arenas cannot reuse, and each restart left
// the process 1.4-3.7 MB larger (docs/RELIABILITY.md, "Soak"). Two arenas on
// a console whose threads mostly wait cost no measurable time there.
//
// Call first thing in main(), before any thread starts. A user's own
// MALLOC_ARENA_MAX or GLIBC_TUNABLES setting wins: nothing is changed then.
// Returns what was done, for the log; empty where glibc is not the allocator.
std::string limitMallocArenas(int arenas);

} // namespace opsdeck::app
