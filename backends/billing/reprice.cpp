#include "backends/billing/reprice.h"

#include "backends/billing/timeutil.h"

#include <algorithm>
#include <map>
#include <set>

namespace opsdeck::billing {

opsdeck::v1::RepriceReport reprice(const PriceBook &book, const std::vector<Ledger::InstanceUsage> &usage,
    double hoursPerDay, std::int64_t startNs, std::int64_t endNs)
{
    opsdeck::v1::RepriceReport report;
    report.set_currency(book.currency());
    struct Product
    {
        std::set<std::string> resources;
        double hours = 0;
    };
    std::map<std::string, Product> products;
    std::int64_t first = INT64_MAX, last = INT64_MIN;
    for (const auto &u : usage) {
        const auto *price = book.find(u.skuId);
        if (!price || !book.find(price->product(), "on-demand"))
            continue; // not an instance SKU of this price book
        Product &p = products[price->product()];
        p.resources.insert(u.resourceId);
        p.hours += u.hours;
        first = std::min(first, u.firstStartNs);
        last = std::max(last, u.lastEndNs);
    }
    if (products.empty())
        return report;
    // The range that actually holds usage (an open-ended query means "all").
    const std::int64_t from = std::max(startNs, first);
    const std::int64_t to = std::min(endNs > 0 ? endNs : INT64_MAX, last);
    const double days = std::max(1.0 / 24.0, double(to - from) / double(kNsPerDay));
    double instances = 0, hours = 0;
    for (const auto &[name, p] : products) {
        instances += double(p.resources.size());
        hours += p.hours;
    }
    const double measured = hours / (instances * days);
    const double h = hoursPerDay > 0 ? std::min(24.0, hoursPerDay) : std::min(24.0, measured);
    report.set_hours_per_day(h);
    report.set_instance_hours(hours);
    report.set_instances(std::uint32_t(instances));
    report.set_days(days);

    double onDemandPerHour = 0; // all instances, one hour each
    for (const auto &[name, p] : products)
        onDemandPerHour += double(p.resources.size()) * PriceBook::unitPrice(*book.find(name, "on-demand"));
    const double onDemand = onDemandPerHour * h * days;
    report.set_on_demand_cost(onDemand);

    std::set<std::string> offers;
    for (const auto &price : book.proto().prices())
        if (products.count(price.product()) && price.offer() != "on-demand"
            && (price.pricing_category() == opsdeck::v1::PRICING_CATEGORY_COMMITTED
                || price.pricing_category() == opsdeck::v1::PRICING_CATEGORY_DYNAMIC))
            offers.insert(price.offer());
    {
        auto *o = report.add_options();
        o->set_pricing_category(opsdeck::v1::PRICING_CATEGORY_STANDARD);
        o->set_cost(onDemand);
        o->set_break_even_hours_per_day(0);
        o->set_description("on-demand: pay per second for the hours that run");
    }
    for (const std::string &offer : offers) {
        double perHour = 0; // the offer's hourly rate for all instances
        double interruptions = 0;
        const opsdeck::v1::Price *sample = nullptr;
        bool complete = true;
        for (const auto &[name, p] : products) {
            const auto *price = book.find(name, offer);
            if (!price) {
                complete = false;
                break;
            }
            sample = price;
            const double n = double(p.resources.size());
            if (price->pricing_category() == opsdeck::v1::PRICING_CATEGORY_COMMITTED)
                perHour += n * PriceBook::amortisedPerHour(*price);
            else
                perHour += n * PriceBook::unitPrice(*price);
            interruptions += n * price->interruptions_per_hour();
        }
        if (!complete || !sample)
            continue; // the offer does not cover every product in the range
        auto *o = report.add_options();
        o->set_pricing_category(sample->pricing_category());
        o->set_commitment_discount_type(sample->commitment_discount_type());
        if (sample->pricing_category() == opsdeck::v1::PRICING_CATEGORY_COMMITTED) {
            // Paid for every hour of the term, used or not.
            o->set_cost(perHour * 24.0 * days);
            o->set_break_even_hours_per_day(24.0 * perHour / onDemandPerHour);
            o->set_description(offer + ": committed for the term, paid 24 hours a day");
        } else {
            o->set_cost(perHour * h * days);
            o->set_break_even_hours_per_day(0);
            o->set_description(offer + ": cheaper at any utilisation; about "
                + std::to_string(int(interruptions * h * days + 0.5))
                + " interruptions expected over the range");
        }
        o->set_saving_vs_on_demand(onDemand - o->cost());
    }
    return report;
}

} // namespace opsdeck::billing
