#include "app/malloctuning.h"

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace opsdeck::app {

#ifdef OPSDECK_GLIBC_MALLOC
namespace {
bool setByUser(const char *variable, const char *tunable)
{
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    return std::getenv(variable) || (tunables && std::strstr(tunables, tunable));
}
} // namespace
#endif

std::string tuneMalloc(int arenas, int mmapBytes)
{
#ifdef OPSDECK_GLIBC_MALLOC
    std::string done = "malloc:";
    if (setByUser("MALLOC_ARENA_MAX", "arena_max"))
        done += " arenas as the environment sets them;";
    else if (mallopt(M_ARENA_MAX, arenas) == 1)
        done += " at most " + std::to_string(arenas) + " arenas;";
    else
        done += " glibc refused " + std::to_string(arenas) + " arenas;";
    if (setByUser("MALLOC_MMAP_THRESHOLD_", "mmap_threshold"))
        done += " mmap threshold as the environment sets it";
    else if (mallopt(M_MMAP_THRESHOLD, mmapBytes) == 1 && mallopt(M_TRIM_THRESHOLD, 2 * mmapBytes) == 1)
        done += " blocks of " + std::to_string(mmapBytes) + " bytes and more mmapped";
    else
        done += " glibc refused an mmap threshold of " + std::to_string(mmapBytes);
    return done;
#else
    (void)arenas;
    (void)mmapBytes;
    return {};
#endif
}

} // namespace opsdeck::app
