#include "backends/billing/focusimport.h"

#include "backends/billing/focuscsv.h"

#include <fstream>

namespace opsdeck::billing {

opsdeck::v1::ImportReport importFocusCsv(
    Ledger &ledger, const std::function<ImportStep(std::string *chunk)> &next, std::string *error)
{
    opsdeck::v1::ImportReport report;
    // One transaction: an upload is kept whole or not at all.
    Ledger::Writer writer(ledger, Ledger::Writer::kOneTransaction);
    bool writeFailed = false;
    FocusCsvReader reader(
        ledger.currency(),
        [&](LedgerRow &row) {
            if (!writeFailed && !writer.add(row, error))
                writeFailed = true;
        },
        [&](const FocusCsvReader::Rejection &r) {
            if (report.rejected_size() < 1000) {
                auto *out = report.add_rejected();
                out->set_line(r.line);
                out->set_column(r.column);
                out->set_reason(r.reason);
            }
        });
    std::string chunk;
    ImportStep step = ImportStep::Chunk;
    while (!writeFailed && (step = next(&chunk)) == ImportStep::Chunk)
        reader.feed(chunk);
    if (step == ImportStep::Cut) {
        writer.rollback();
        writeFailed = true;
    } else {
        reader.finish();
        if (!writer.finish(writeFailed ? nullptr : error))
            writeFailed = true;
    }
    report.set_rows_read(reader.rowsRead());
    report.set_rows_imported(writeFailed ? 0 : reader.rowsAccepted());
    report.set_rows_rejected(reader.rowsRejected());
    return report;
}

opsdeck::v1::ImportReport importFocusFile(Ledger &ledger, const std::string &path, std::string *error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error)
            *error = "cannot open " + path;
        return {};
    }
    auto report = importFocusCsv(
        ledger,
        [&](std::string *chunk) {
            chunk->resize(256 * 1024);
            in.read(chunk->data(), std::streamsize(chunk->size()));
            chunk->resize(std::size_t(in.gcount()));
            if (in.bad()) {
                if (error)
                    *error = "cannot read " + path;
                return ImportStep::Cut;
            }
            return chunk->empty() ? ImportStep::End : ImportStep::Chunk;
        },
        error);
    report.set_file_name(path);
    return report;
}

} // namespace opsdeck::billing
