#include "backends/billing/focusimport.h"

#include "backends/billing/focuscsv.h"

#include <fstream>

namespace opsdeck::billing {

opsdeck::v1::ImportReport importFocusCsv(
    Ledger &ledger, const std::function<bool(std::string *chunk)> &next, std::string *error)
{
    opsdeck::v1::ImportReport report;
    Ledger::Writer writer(ledger);
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
    while (!writeFailed && next(&chunk))
        reader.feed(chunk);
    reader.finish();
    if (!writer.finish(writeFailed ? nullptr : error))
        writeFailed = true;
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
            return !chunk->empty();
        },
        error);
    report.set_file_name(path);
    return report;
}

} // namespace opsdeck::billing
