#pragma once

#include "opsdeck/v1/billing.pb.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace opsdeck::billing {

// One ledger row: the FOCUS columns as plain values. The ledger, the pricing
// engine and the CSV reader work on this (no protobuf allocations per row);
// the gRPC service converts to/from opsdeck::v1::LineItem at the edge.
struct LedgerRow
{
    std::uint64_t seq = 0; // assigned by the ledger on insert
    double billedCost = 0;
    double effectiveCost = 0;
    double listCost = 0;
    double contractedCost = 0;
    std::string currency;
    std::int64_t periodStartNs = 0;
    std::int64_t periodEndNs = 0;
    int chargeCategory = opsdeck::v1::CHARGE_CATEGORY_USAGE;
    int pricingCategory = opsdeck::v1::PRICING_CATEGORY_STANDARD;
    std::string commitmentDiscountType;
    std::string commitmentDiscountId;
    std::string commitmentDiscountStatus;
    std::string serviceName;
    std::string serviceCategory;
    std::string regionId;
    std::string subAccountId;
    std::string resourceId;
    double consumedQuantity = 0;
    std::string consumedUnit;
    std::string skuId;
    std::string chargeDescription;
    std::string tagsJson = "{}"; // canonical JSON object of string → string
};

opsdeck::v1::LineItem toLineItem(const LedgerRow &row);
LedgerRow fromLineItem(const opsdeck::v1::LineItem &item);

// FOCUS spellings ("Usage", "Committed", ...). Parsing is exact (FOCUS values
// are case-sensitive); an empty PricingCategory is allowed (UNSPECIFIED).
std::string_view chargeCategoryName(int category);
std::string_view pricingCategoryName(int category);
std::optional<int> parseChargeCategory(std::string_view text);
std::optional<int> parsePricingCategory(std::string_view text);

// Tags: a flat JSON object of strings. Returns nullopt for anything else.
std::optional<std::map<std::string, std::string>> parseTagsJson(std::string_view json);
std::string tagsToJson(const std::map<std::string, std::string> &tags);

} // namespace opsdeck::billing
