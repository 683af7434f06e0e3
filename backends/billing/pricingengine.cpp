#include "backends/billing/pricingengine.h"

#include "backends/billing/timeutil.h"

#include <algorithm>
#include <cmath>

namespace opsdeck::billing {
namespace {

using opsdeck::v1::Price;

double cumulativeCost(const Price &price, double x)
{
    // Cost of the first x units of the month: free allowance, then tiers.
    double cost = 0;
    for (int i = 0; i < price.tiers_size(); ++i) {
        const double from = std::max(price.tiers(i).from_quantity(), price.free_allowance());
        const double to = i + 1 < price.tiers_size() ? price.tiers(i + 1).from_quantity() : x;
        const double upper = std::min(to, x);
        if (upper > from)
            cost += (upper - from) * price.tiers(i).unit_price();
    }
    return cost;
}

} // namespace

PricingEngine::PricingEngine(PriceBook book)
    : m_book(std::move(book))
{ }

double PricingEngine::tieredCost(const Price &price, double usedBefore, double quantity)
{
    return cumulativeCost(price, usedBefore + quantity) - cumulativeCost(price, usedBefore);
}

const Price *PricingEngine::need(std::string_view product, std::string_view offer, std::string *error) const
{
    const Price *p = m_book.find(product, offer);
    if (!p && error)
        *error = "no price for product '" + std::string(product) + "' offer '" + std::string(offer) + "'";
    return p;
}

LedgerRow PricingEngine::baseRow(
    const UsageEvent &e, const Price &price, std::int64_t startNs, std::int64_t endNs) const
{
    LedgerRow r;
    r.currency = m_book.currency();
    r.periodStartNs = startNs;
    r.periodEndNs = endNs;
    r.chargeCategory = opsdeck::v1::CHARGE_CATEGORY_USAGE;
    r.pricingCategory = price.pricing_category();
    r.serviceName = price.service_name();
    r.serviceCategory = price.service_category();
    r.regionId = e.regionId;
    r.subAccountId = e.accountId;
    r.resourceId = e.resourceId;
    r.consumedUnit = price.unit();
    r.skuId = price.sku_id();
    r.chargeDescription = price.description();
    r.tagsJson = tagsToJson(e.tags);
    return r;
}

void PricingEngine::price(const UsageEvent &e, std::vector<LedgerRow> *out, std::string *error)
{
    if (e.endNs < e.startNs) {
        if (error)
            *error = "usage ends before it starts";
        return;
    }
    switch (e.kind) {
    case UsageEvent::Kind::Instance:
        priceInstance(e, out, error);
        break;
    case UsageEvent::Kind::Function: {
        if (const Price *p = need("function", "requests", error); p && e.requests > 0)
            priceMetered(e, *p, e.requests, out);
        if (const Price *p = need("function", "compute", error); p && e.gbSeconds > 0)
            priceMetered(e, *p, e.gbSeconds, out);
        break;
    }
    case UsageEvent::Kind::Storage:
        priceStorage(e, out, error);
        break;
    case UsageEvent::Kind::DataTransfer:
        if (const Price *p = need("transfer", e.transferKind, error); p && e.transferGb > 0)
            priceMetered(e, *p, e.transferGb, out);
        break;
    }
}

void PricingEngine::priceMetered(
    const UsageEvent &e, const Price &price, double quantity, std::vector<LedgerRow> *out)
{
    double &used = m_monthly[{ e.accountId, price.sku_id(), monthStartNs(e.startNs) }];
    const double cost = tieredCost(price, used, quantity);
    used += quantity;
    LedgerRow r = baseRow(e, price, e.startNs, e.endNs);
    r.consumedQuantity = quantity;
    // Units inside the free allowance are listed at 0: ListCost is what the
    // list prices charge for this usage, so savings come only from discounts.
    r.billedCost = r.effectiveCost = r.listCost = r.contractedCost = cost;
    out->push_back(std::move(r));
}

void PricingEngine::priceInstance(const UsageEvent &e, std::vector<LedgerRow> *out, std::string *error)
{
    const Price *onDemand = need(e.product, "on-demand", error);
    const Price *offer = need(e.product, e.offer, error);
    if (!onDemand || !offer)
        return;
    const std::int64_t runStart = e.runStartNs > 0 ? e.runStartNs : e.startNs;
    // Per-second billing: whole seconds, rounded up.
    auto seconds = [](std::int64_t ns) { return double((ns + kNsPerSecond - 1) / kNsPerSecond); };
    double topUp = 0;
    if (e.runEnds && !e.interrupted) {
        const double runSeconds = seconds(e.endNs - runStart);
        const double minimum = double(offer->minimum_billed_ns() / kNsPerSecond);
        topUp = std::max(0.0, minimum - runSeconds);
    }
    std::int64_t sliceStart = e.startNs;
    do {
        const std::int64_t sliceEnd = std::min(e.endNs, floorNs(sliceStart, kNsPerHour) + kNsPerHour);
        double secs = seconds(sliceEnd - sliceStart);
        if (sliceEnd == e.endNs)
            secs += topUp;
        if (secs > 0)
            priceInstanceSlice(e, sliceStart, sliceEnd, secs, out, error);
        sliceStart = sliceEnd;
    } while (sliceStart < e.endNs);
}

void PricingEngine::priceInstanceSlice(const UsageEvent &e, std::int64_t startNs, std::int64_t endNs,
    double secs, std::vector<LedgerRow> *out, std::string *error)
{
    const Price &od = *m_book.find(e.product, "on-demand");
    const Price &offer = *m_book.find(e.product, e.offer);
    const double odRate = PriceBook::unitPrice(od);
    auto emit = [&](const Price &p, double s, double effectiveRate, double billedRate) -> LedgerRow & {
        LedgerRow r = baseRow(e, p, startNs, endNs);
        r.consumedQuantity = s / 3600.0;
        r.listCost = s / 3600.0 * odRate;
        r.effectiveCost = r.contractedCost = s / 3600.0 * effectiveRate;
        r.billedCost = s / 3600.0 * billedRate;
        out->push_back(std::move(r));
        return out->back();
    };
    if (offer.pricing_category() != opsdeck::v1::PRICING_CATEGORY_COMMITTED) {
        const double rate = PriceBook::unitPrice(offer);
        LedgerRow &r = emit(offer, secs, rate, rate);
        if (e.interrupted) {
            r.chargeDescription += " (interrupted)";
            r.tagsJson = [&] {
                auto tags = e.tags;
                tags["interrupted"] = "true";
                return tagsToJson(tags);
            }();
        }
        return;
    }
    auto it = m_commitments.find(e.commitmentId);
    if (it == m_commitments.end() || it->second.price->sku_id() != offer.sku_id()
        || startNs < it->second.commitment.startNs || startNs >= it->second.endNs) {
        if (error)
            *error = "no active commitment '" + e.commitmentId + "' for " + offer.sku_id()
                + "; priced on demand";
        emit(od, secs, odRate, odRate);
        return;
    }
    CommitmentState &c = it->second;
    double &used = c.usedSecondsByHour[floorNs(startNs, kNsPerHour)];
    const double capacity = c.commitment.count * 3600.0;
    const double covered = std::min(secs, std::max(0.0, capacity - used));
    used += covered;
    if (covered > 0) {
        LedgerRow &r = emit(offer, covered, PriceBook::amortisedPerHour(offer), offer.recurring_per_hour());
        r.commitmentDiscountType = offer.commitment_discount_type();
        r.commitmentDiscountId = c.commitment.id;
        r.commitmentDiscountStatus = "Used";
    }
    if (secs > covered) // usage above the committed count is on-demand
        emit(od, secs - covered, odRate, odRate);
}

void PricingEngine::restoreMonthly(
    const std::string &accountId, const std::string &skuId, std::int64_t month, double quantity)
{
    m_monthly[{ accountId, skuId, month }] = quantity;
}

void PricingEngine::restoreCold(const std::string &resourceId)
{
    m_cold[resourceId] = true;
}

bool PricingEngine::addCommitment(const Commitment &commitment, std::vector<LedgerRow> *out,
    std::string *error, std::int64_t resumeSettledUntilNs)
{
    const Price *p = m_book.find(commitment.skuId);
    if (!p || p->pricing_category() != opsdeck::v1::PRICING_CATEGORY_COMMITTED) {
        if (error)
            *error = "'" + commitment.skuId + "' is not a committed SKU";
        return false;
    }
    if (commitment.count <= 0 || commitment.id.empty()) {
        if (error)
            *error = "a commitment needs an id and a count above zero";
        return false;
    }
    CommitmentState state;
    state.commitment = commitment;
    state.price = p;
    state.endNs = commitment.startNs + p->term_ns();
    state.settledUntilNs = floorNs(std::max(commitment.startNs, resumeSettledUntilNs), kNsPerHour);
    m_commitments[commitment.id] = std::move(state);
    if (p->upfront() > 0 && resumeSettledUntilNs == 0) {
        LedgerRow r;
        r.currency = m_book.currency();
        r.periodStartNs = commitment.startNs;
        r.periodEndNs = commitment.startNs + p->term_ns();
        r.chargeCategory = opsdeck::v1::CHARGE_CATEGORY_PURCHASE;
        r.pricingCategory = opsdeck::v1::PRICING_CATEGORY_COMMITTED;
        r.commitmentDiscountType = p->commitment_discount_type();
        r.commitmentDiscountId = commitment.id;
        r.serviceName = p->service_name();
        r.serviceCategory = p->service_category();
        r.regionId = commitment.regionId;
        r.subAccountId = commitment.accountId;
        r.resourceId = commitment.id;
        r.consumedQuantity = commitment.count;
        r.consumedUnit = "Commitments";
        r.skuId = p->sku_id();
        r.chargeDescription = "purchase: " + p->description();
        // Billed now; its EffectiveCost is spread over the term's hourly rows.
        r.billedCost = p->upfront() * commitment.count;
        out->push_back(std::move(r));
    }
    return true;
}

void PricingEngine::settle(std::int64_t untilNs, std::vector<LedgerRow> *out)
{
    for (auto &[id, c] : m_commitments) {
        const std::int64_t limit = std::min(floorNs(untilNs, kNsPerHour), c.endNs);
        const Price &p = *c.price;
        const double rate = PriceBook::amortisedPerHour(p);
        for (std::int64_t hour = c.settledUntilNs; hour + kNsPerHour <= limit; hour += kNsPerHour) {
            // The first hour of a term that starts mid-hour counts from the start.
            const std::int64_t from = std::max(hour, c.commitment.startNs);
            const double available
                = c.commitment.count * double(hour + kNsPerHour - from) / double(kNsPerSecond);
            double used = 0;
            if (auto u = c.usedSecondsByHour.find(hour); u != c.usedSecondsByHour.end()) {
                used = u->second;
                c.usedSecondsByHour.erase(u);
            }
            const double unused = available - used;
            if (unused <= 0.5)
                continue;
            LedgerRow r;
            r.currency = m_book.currency();
            r.periodStartNs = from;
            r.periodEndNs = hour + kNsPerHour;
            r.chargeCategory = opsdeck::v1::CHARGE_CATEGORY_USAGE;
            r.pricingCategory = opsdeck::v1::PRICING_CATEGORY_COMMITTED;
            r.commitmentDiscountType = p.commitment_discount_type();
            r.commitmentDiscountId = id;
            r.commitmentDiscountStatus = "Unused";
            r.serviceName = p.service_name();
            r.serviceCategory = p.service_category();
            r.regionId = c.commitment.regionId;
            r.subAccountId = c.commitment.accountId;
            r.resourceId = id;
            r.consumedQuantity = unused / 3600.0;
            r.consumedUnit = p.unit();
            r.skuId = p.sku_id();
            r.chargeDescription = "unused commitment: " + p.description();
            r.effectiveCost = r.contractedCost = unused / 3600.0 * rate;
            r.billedCost = unused / 3600.0 * p.recurring_per_hour();
            out->push_back(std::move(r));
        }
        c.settledUntilNs = std::max(c.settledUntilNs, limit);
    }
}

void PricingEngine::priceStorage(const UsageEvent &e, std::vector<LedgerRow> *out, std::string *error)
{
    bool &cold = m_cold[e.resourceId];
    const bool shouldBeCold = e.lastAccessNs > 0 && e.startNs - e.lastAccessNs >= kColdAfterNs;
    if (shouldBeCold && !cold) {
        if (const Price *t = need("storage", "transition", error)) {
            LedgerRow r = baseRow(e, *t, e.startNs, e.startNs);
            r.consumedQuantity = std::max(1.0, e.objects);
            r.billedCost = r.effectiveCost = r.listCost = r.contractedCost
                = r.consumedQuantity * PriceBook::unitPrice(*t);
            r.chargeDescription = "moved to the cold class after 90 days unused";
            out->push_back(std::move(r));
        }
    }
    cold = shouldBeCold;
    const std::string_view cls = cold ? "storage.cold" : "storage.hot";
    const double months = double(e.endNs - e.startNs) / double(kNsPerHour) / kHoursPerMonth;
    auto meter = [&](std::string_view product, std::string_view offer, double quantity) {
        if (quantity <= 0)
            return;
        if (const Price *p = need(product, offer, error))
            priceMetered(e, *p, quantity, out);
    };
    meter(cls, "capacity", e.storedGb * months); // 1. storage
    meter(cls, "requests", e.readRequests + e.writeRequests); // 2. requests
    if (cold)
        meter(cls, "retrieval", e.retrievedGb); //    and retrieval
    meter("storage", "transfer-out", e.transferOutGb); // 3. transfer
    meter("storage", "acceleration", e.acceleratedGb); //    and acceleration
    meter("storage", "management", e.objects * months); // 4. management, analytics
    meter("storage", "replication", e.replicatedGb); // 5. replication
    meter("storage", "processing", e.processedGb); // 6. in-flight processing
}

} // namespace opsdeck::billing
