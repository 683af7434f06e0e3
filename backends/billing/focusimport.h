#pragma once

#include "backends/billing/ledger.h"
#include "opsdeck/v1/billing.pb.h"

#include <functional>
#include <string>

namespace opsdeck::billing {

// What a chunk source hands the importer on each call.
enum class ImportStep {
    Chunk, // *chunk holds the next piece of the file
    End, // the file is complete
    Cut, // the upload broke off (bad message, cancelled, shutting down): keep nothing
};

// Streams a FOCUS CSV into the ledger: `next` yields the file chunk by chunk.
// The whole file is one ledger transaction: its valid rows become visible
// together at End; a source that answers Cut rolls all of them back, so a
// broken-off upload leaves the ledger exactly as it was (rows_imported 0).
// Invalid rows are skipped; the report lists the first 1,000 with line and
// reason and counts all of them. Memory stays bounded by the chunk size.
opsdeck::v1::ImportReport importFocusCsv(
    Ledger &ledger, const std::function<ImportStep(std::string *chunk)> &next, std::string *error);

// A FOCUS CSV file on disk, read in 256 KiB chunks (a read error is a Cut).
opsdeck::v1::ImportReport importFocusFile(Ledger &ledger, const std::string &path, std::string *error);

} // namespace opsdeck::billing
