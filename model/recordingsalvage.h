#pragma once

#include <QString>

#include <cstdint>

namespace opsdeck::model {

// Recovers what a damaged recording still holds when SQLite itself cannot
// read it (a truncated file loses the b-tree's interior pages, which SQLite
// writes late; a flipped byte in a page header makes the whole tree
// unreachable). It scans every page of the file for SQLite table leaf pages,
// decodes their records (following overflow chains where they are intact),
// keeps the envelopes, keyframes, marks and metadata that still parse, and
// writes them to a fresh recording. The file is memory-mapped, never read whole.
struct SalvageReport
{
    std::uint64_t pages = 0;
    std::uint64_t leafPages = 0;
    std::uint64_t envelopes = 0;
    std::uint64_t keyframes = 0;
    std::uint64_t marks = 0;
    std::uint64_t damagedRecords = 0; // cells that did not decode or parse
    std::uint64_t firstSeq = 0;
    std::uint64_t lastSeq = 0;
    std::uint64_t gaps = 0; // envelopes missing between first and last
    bool metadata = false;
    QString summary() const;
};

// Writes the salvaged content of `damaged` to `out` (which must not exist).
// Returns false with a reason if nothing recoverable was found.
bool salvageRecording(const QString &damaged, const QString &out, SalvageReport *report, QString *error);

} // namespace opsdeck::model
