#include "backends/billing/sqlitepool.h"

#include <sqlite3.h>

#include <memory>

namespace opsdeck::billing {

namespace {
constexpr int kPageBytes = 4096; // SQLite's default page size, which the ledger keeps
std::unique_ptr<std::byte[]> g_pool; // lives as long as the process: SQLite keeps using it
std::size_t g_poolBytes = 0;
constexpr const char *kInUse = "SQLite is already in use: its page cache stays on malloc";
} // namespace

bool reserveSqlitePageCache(std::size_t bytes, std::string *error)
{
    int header = 0;
    if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK) {
        if (error)
            *error = kInUse;
        return false;
    }
    const int slot = (kPageBytes + header + 7) & ~7; // 8-byte aligned slots
    const std::size_t count = bytes / std::size_t(slot);
    // SQLite links every slot into its free list at once: the whole pool is
    // resident from here on (and stays that size).
    std::unique_ptr<std::byte[]> pool(new std::byte[count * std::size_t(slot)]);
    if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, pool.get(), slot, int(count)) != SQLITE_OK) {
        if (error)
            *error = kInUse;
        return false;
    }
    g_pool = std::move(pool);
    g_poolBytes = count * std::size_t(slot);
    return true;
}

std::size_t sqliteResidentBytes()
{
    return std::size_t(sqlite3_memory_used()) + g_poolBytes;
}

} // namespace opsdeck::billing
