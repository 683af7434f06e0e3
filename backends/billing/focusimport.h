#pragma once

#include "backends/billing/ledger.h"
#include "opsdeck/v1/billing.pb.h"

#include <functional>
#include <string>

namespace opsdeck::billing {

// Streams a FOCUS CSV into the ledger: `next` yields the file chunk by chunk
// (false at the end). Valid rows are written in batched transactions; the
// report lists the first 1,000 rejected rows with line and reason and counts
// all of them. Memory stays bounded by the chunk size.
opsdeck::v1::ImportReport importFocusCsv(
    Ledger &ledger, const std::function<bool(std::string *chunk)> &next, std::string *error);

// A FOCUS CSV file on disk, read in 256 KiB chunks.
opsdeck::v1::ImportReport importFocusFile(Ledger &ledger, const std::string &path, std::string *error);

} // namespace opsdeck::billing
