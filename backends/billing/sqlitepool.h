#pragma once

#include <cstddef>
#include <string>

namespace opsdeck::billing {

// SQLite's page cache from one pool reserved for the process, instead of
// malloc. A ledger's page cache grows page by page for as long as the ledger
// grows, interleaved with the short-lived allocations of gRPC's and DDS's
// threads; when a billing backend stops (the console restarts its embedded
// one), glibc cannot return those pages to the system — live allocations sit
// between them — and the next backend's cache grows somewhere else: the soak
// measured ≈ 7 MB more resident memory after every billing restart. From a
// pool, freed pages go back to the pool and the next ledger reuses them.
//
// The pool is resident from the start (SQLite links every slot into its free
// list when it sets it up), so only a process that runs a ledger reserves
// one. Pages that do not fit (a full pool, a page size above 4 KiB) fall back
// to malloc. It must be set up before the process first uses SQLite; later it
// fails, says why and leaves SQLite on malloc.
bool reserveSqlitePageCache(std::size_t bytes, std::string *error = nullptr);

// Resident bytes SQLite accounts for: its heap (sqlite3_memory_used) plus
// the pool.
std::size_t sqliteResidentBytes();

} // namespace opsdeck::billing
