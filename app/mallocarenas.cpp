#include "app/mallocarenas.h"

#include <cstdlib>
#include <cstring>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace opsdeck::app {

std::string limitMallocArenas(int arenas)
{
#ifdef __GLIBC__
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    if (std::getenv("MALLOC_ARENA_MAX") || (tunables && std::strstr(tunables, "arena_max")))
        return "malloc arenas: left as the environment sets them";
    if (mallopt(M_ARENA_MAX, arenas) != 1)
        return "malloc arenas: glibc refused a limit of " + std::to_string(arenas);
    return "malloc arenas: at most " + std::to_string(arenas);
#else
    (void)arenas;
    return {};
#endif
}

} // namespace opsdeck::app
