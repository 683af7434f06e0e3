// Fuzz target: the text formats users write by hand. The first byte picks the
// parser — the simulation scenario, the mesh scenario (JSON), the price book
// — and the rest is the file. Each must accept it or refuse it with a reason,
// never crash.
#include "backends/billing/pricebook.h"
#include "backends/mesh/scenario.h"
#include "backends/sim/scenario.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string text(reinterpret_cast<const char *>(data) + 1, size - 1);
    std::string error;
    switch (data[0] % 3) {
    case 0: {
        const auto scenario = opsdeck::sim::parseScenario(text, "fuzz.scenario", &error);
        if (!scenario && error.empty())
            std::abort();
        break;
    }
    case 1: {
        opsdeck::mesh::Scenario scenario;
        if (!opsdeck::mesh::Scenario::parse(text, &scenario, &error) && error.empty())
            std::abort();
        break;
    }
    case 2: {
        opsdeck::billing::PriceBook book;
        std::vector<opsdeck::billing::PriceBookError> errors;
        if (!opsdeck::billing::PriceBook::parse(text, &book, &errors) && errors.empty())
            std::abort();
        break;
    }
    }
    return 0;
}
