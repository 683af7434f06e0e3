#pragma once

#include "opsdeck/v1/billing.pb.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace opsdeck::billing {

struct PriceBookError
{
    int line = 0; // 1-based line in the file, 0 when not tied to a line
    std::string message;
};

// The editable price book (resources/billing/pricebook.conf): an INI-style text
// file, one [sku] section per price. Format in docs/COSTS.md. Immutable after
// loading; safe to share between threads.
class PriceBook
{
public:
    PriceBook() = default;

    // Parses the text; on any error returns false and every error found (the
    // whole file is checked, not just the first problem).
    static bool parse(std::string_view text, PriceBook *out, std::vector<PriceBookError> *errors);
    static bool load(const std::string &path, PriceBook *out, std::vector<PriceBookError> *errors);
    static std::string formatErrors(const std::string &path, const std::vector<PriceBookError> &errors);

    const opsdeck::v1::PriceBook &proto() const { return m_proto; }
    const std::string &currency() const { return m_proto.currency(); }
    const opsdeck::v1::Price *find(std::string_view skuId) const;
    // product + offer, e.g. ("vm.small", "spot").
    const opsdeck::v1::Price *find(std::string_view product, std::string_view offer) const;

    // Commitments: the effective cost of one committed unit per hour of its
    // term (upfront amortised + recurring fee).
    static double amortisedPerHour(const opsdeck::v1::Price &price);
    // The first tier's unit price (the flat price of a one-tier SKU).
    static double unitPrice(const opsdeck::v1::Price &price);

private:
    void index();

    opsdeck::v1::PriceBook m_proto;
    std::unordered_map<std::string, int> m_bySku;
    std::unordered_map<std::string, int> m_byProductOffer;
};

} // namespace opsdeck::billing
