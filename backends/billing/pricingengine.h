#pragma once

#include "backends/billing/ledgerrow.h"
#include "backends/billing/pricebook.h"
#include "backends/billing/usage.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace opsdeck::billing {

// Turns usage into FOCUS ledger rows with the prices of a PriceBook.
// Stateful (monthly free allowances and volume tiers, commitment utilisation,
// storage classes), so one engine prices one stream of usage. Not
// thread-safe: BillingBackend serialises calls.
//
// Rules (docs/COSTS.md has the worked examples):
// - instances: per second, a run shorter than the SKU's minimum is billed the
//   minimum (not when the provider interrupted it); split at hour boundaries.
// - commitments: the purchase is billed once; every hour of the term carries
//   the amortised rate per unit, as "Used" rows for covered usage and one
//   "Unused" row for the rest; usage above the committed count is on-demand.
// - spot: the spot price; ListCost is the on-demand price of the same seconds.
// - tiered and free-allowance SKUs accumulate per account, SKU and month.
// - storage: a data set unused for 90 days is priced in the cold class (one
//   transition charge per object when it moves; an access moves it back).
class PricingEngine
{
public:
    explicit PricingEngine(PriceBook book);

    const PriceBook &priceBook() const { return m_book; }

    // Appends the rows for one usage event. Unknown products are skipped and
    // reported in *error (nothing is guessed).
    void price(const UsageEvent &event, std::vector<LedgerRow> *out, std::string *error = nullptr);
    // Registers a commitment; appends its purchase row (if it has an upfront).
    // resumeSettledUntilNs > 0: the commitment is already in the ledger (a
    // restart): no purchase row, and hours before that time are settled.
    bool addCommitment(const Commitment &commitment, std::vector<LedgerRow> *out,
        std::string *error = nullptr, std::int64_t resumeSettledUntilNs = 0);
    // State carried over from the ledger after a restart, so the month's
    // free allowances and tiers and the storage classes continue.
    void restoreMonthly(
        const std::string &accountId, const std::string &skuId, std::int64_t monthStartNs, double quantity);
    void restoreCold(const std::string &resourceId);
    // Emits the "Unused" rows of every whole hour before untilNs not yet settled.
    void settle(std::int64_t untilNs, std::vector<LedgerRow> *out);

    // Cost of `quantity` more units after `usedBefore` units this month:
    // free allowance first, then the tiers over the monthly cumulative quantity.
    static double tieredCost(const opsdeck::v1::Price &price, double usedBefore, double quantity);

    static constexpr std::int64_t kColdAfterNs = 90LL * 24 * 3600 * 1'000'000'000;
    static constexpr double kHoursPerMonth = 730.0; // GB-Month and object-month

private:
    struct CommitmentState
    {
        Commitment commitment;
        const opsdeck::v1::Price *price = nullptr;
        std::int64_t endNs = 0;
        std::int64_t settledUntilNs = 0;
        std::map<std::int64_t, double> usedSecondsByHour;
    };

    LedgerRow baseRow(const UsageEvent &event, const opsdeck::v1::Price &price, std::int64_t startNs,
        std::int64_t endNs) const;
    void priceInstance(const UsageEvent &event, std::vector<LedgerRow> *out, std::string *error);
    void priceInstanceSlice(const UsageEvent &event, std::int64_t startNs, std::int64_t endNs, double seconds,
        std::vector<LedgerRow> *out, std::string *error);
    void priceMetered(const UsageEvent &event, const opsdeck::v1::Price &price, double quantity,
        std::vector<LedgerRow> *out);
    void priceStorage(const UsageEvent &event, std::vector<LedgerRow> *out, std::string *error);
    const opsdeck::v1::Price *need(
        std::string_view product, std::string_view offer, std::string *error) const;

    PriceBook m_book;
    std::map<std::string, CommitmentState> m_commitments;
    // (account, sku, month start) → quantity used so far this month.
    std::map<std::tuple<std::string, std::string, std::int64_t>, double> m_monthly;
    std::map<std::string, bool> m_cold; // storage data set → in the cold class
};

} // namespace opsdeck::billing
