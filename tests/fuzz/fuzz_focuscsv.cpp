// Fuzz target: the billing backend's streaming FOCUS CSV reader. The bytes are
// fed in chunks whose sizes come from the input itself (so records and quoted
// fields straddle chunk borders); every row must end accepted or rejected.
#include "backends/billing/focuscsv.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t chunk = 1 + data[0] % 61;
    std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    std::uint64_t accepted = 0, rejected = 0;
    opsdeck::billing::FocusCsvReader reader(
        "USD", [&](opsdeck::billing::LedgerRow &) { ++accepted; },
        [&](const opsdeck::billing::FocusCsvReader::Rejection &r) {
            ++rejected;
            if (r.reason.empty())
                std::abort(); // every rejection must say why
        });
    for (std::size_t at = 0; at < text.size(); at += chunk)
        reader.feed(text.substr(at, chunk));
    reader.finish();
    if (reader.rowsAccepted() != accepted || reader.rowsRejected() != rejected)
        std::abort();
    return 0;
}
