#pragma once

#include "backends/billing/ledger.h"
#include "backends/billing/pricebook.h"
#include "opsdeck/v1/billing.pb.h"

#include <vector>

namespace opsdeck::billing {

// What-if: the instance usage of a range re-priced as on-demand, each
// commitment offer and spot, at the measured utilisation or at
// `hoursPerDay`. A commitment is paid 24 hours a day, on-demand only for the
// hours that run, so its break-even is 24 x committed rate / on-demand rate
// (weighted by the instances of each product): with on-demand 50 % above the
// commitment, 16 hours a day.
opsdeck::v1::RepriceReport reprice(const PriceBook &book, const std::vector<Ledger::InstanceUsage> &usage,
    double hoursPerDay, std::int64_t startNs, std::int64_t endNs);

} // namespace opsdeck::billing
