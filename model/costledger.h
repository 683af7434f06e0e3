#pragma once

#include "model/snapshotbox.h"
#include "opsdeck/v1/recording.pb.h"

#include <QString>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <vector>

namespace opsdeck::model {

class Diagnostics;

// Where the money goes, as the Costs view shows it. Folds LineItem envelopes
// (CHANNEL_BILLING, from BillingClient::startCharges or a replay) into
// totals, hourly buckets by pricing category, per-service and per-resource
// sums and a minute-resolution window for the live burn rate; CostReport
// envelopes (from a QueryCosts with a forecast) supply the month forecast.
// Memory is bounded: at most Options::maxHours hourly buckets (older ones
// are dropped from the chart, never from the totals) and Options::maxResources
// resources (the rest of a service folds into "(other resources)").
// Model thread only, except snapshot().
class CostLedger
{
public:
    static constexpr int kPricingCategories = 5; // opsdeck::v1::PricingCategory values

    struct Options
    {
        std::size_t maxHours = 24 * 62;
        std::size_t maxResources = 5000;
    };

    struct Sums
    {
        double billed = 0;
        double effective = 0;
        double list = 0; // on-demand equivalent
        double quantity = 0;
        std::uint64_t items = 0;
        double savings() const { return list - effective; }
    };
    struct ServiceCost
    {
        QString service;
        Sums sums;
    };
    struct ResourceCost
    {
        QString service;
        QString resource;
        QString unit;
        QString pricing; // dominant pricing category name
        Sums sums;
    };
    struct Bucket
    {
        std::int64_t startNs = 0; // hour start, UTC
        std::array<double, kPricingCategories> effectiveByPricing {};
    };
    struct Snapshot
    {
        QString currency;
        Sums totals;
        std::array<Sums, kPricingCategories> byPricing {};
        double burnRatePerHour = 0; // effective cost of the last hour of charges
        std::int64_t firstNs = 0; // earliest charge start seen
        std::int64_t latestNs = 0; // latest usage charge end seen: the ledger's "now"
        std::uint64_t lastSeq = 0;
        std::vector<ServiceCost> services; // by effective cost, descending
        std::vector<ResourceCost> resources; // grouped by service, by effective cost
        std::vector<Bucket> buckets; // hourly, ascending
        bool hasForecast = false;
        bool forecastFromBackend = false; // else extrapolated from the hourly buckets here
        opsdeck::v1::Forecast forecast;
        std::uint64_t rejected = 0;

        bool empty() const { return totals.items == 0; }
    };

    explicit CostLedger(Diagnostics *diagnostics = nullptr);
    CostLedger(Diagnostics *diagnostics, Options options);

    void apply(std::span<const opsdeck::v1::Envelope> batch);
    void applyLineItem(const opsdeck::v1::LineItem &item, const QString &source, std::int64_t recvNs);
    void applyReport(const opsdeck::v1::CostReport &report);
    void clear();

    // Replay (costledgerkeyframe.cpp): the whole aggregate state into
    // Keyframe.extra (keyframestate.proto); restore() replaces the state with it.
    void writeKeyframe(opsdeck::v1::Keyframe &keyframe) const;
    void restore(const opsdeck::v1::Keyframe &keyframe);

    void publish();
    std::shared_ptr<const Snapshot> snapshot() const { return m_box.get(); }

    const Sums &totals() const { return m_totals; }

private:
    void addBurn(std::int64_t startNs, std::int64_t endNs, double cost);

    Diagnostics *m_diagnostics;
    Options m_options;
    QString m_currency;
    Sums m_totals;
    std::array<Sums, kPricingCategories> m_byPricing {};
    std::map<QString, Sums> m_services;
    struct ResourceKey
    {
        QString service;
        QString resource;
        bool operator<(const ResourceKey &o) const
        {
            return service != o.service ? service < o.service : resource < o.resource;
        }
    };
    struct ResourceState
    {
        QString unit;
        Sums sums;
        std::array<double, kPricingCategories> byPricing {};
    };
    std::map<ResourceKey, ResourceState> m_resources;
    std::map<std::int64_t, std::array<double, kPricingCategories>> m_hours;
    std::map<std::int64_t, double> m_minutes; // the last two hours, for the burn rate
    std::map<QString, std::uint64_t> m_lastSeqBySource;
    std::int64_t m_firstNs = 0;
    std::int64_t m_latestNs = 0;
    std::uint64_t m_lastSeq = 0;
    std::uint64_t m_rejected = 0;
    bool m_hasForecast = false;
    opsdeck::v1::Forecast m_forecast;
    SnapshotBox<Snapshot> m_box;
};

} // namespace opsdeck::model
