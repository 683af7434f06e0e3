#include "model/costledger.h"

#include "model/diagnostics.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace opsdeck::model {
namespace {

constexpr std::int64_t kMinuteNs = 60'000'000'000LL;
constexpr std::int64_t kHourNs = 60 * kMinuteNs;

std::int64_t floorTo(std::int64_t t, std::int64_t step)
{
    std::int64_t q = t / step;
    if (t % step != 0 && t < 0)
        --q;
    return q * step;
}

void add(CostLedger::Sums &s, const opsdeck::v1::LineItem &item)
{
    s.billed += item.billed_cost();
    s.effective += item.effective_cost();
    s.list += item.list_cost();
    s.quantity += item.consumed_quantity();
    ++s.items;
}

QString pricingName(int category)
{
    switch (category) {
    case opsdeck::v1::PRICING_CATEGORY_STANDARD:
        return QStringLiteral("Standard");
    case opsdeck::v1::PRICING_CATEGORY_DYNAMIC:
        return QStringLiteral("Dynamic");
    case opsdeck::v1::PRICING_CATEGORY_COMMITTED:
        return QStringLiteral("Committed");
    case opsdeck::v1::PRICING_CATEGORY_OTHER:
        return QStringLiteral("Other");
    default:
        return QStringLiteral("Unspecified");
    }
}

} // namespace

CostLedger::CostLedger(Diagnostics *diagnostics)
    : CostLedger(diagnostics, Options {})
{ }

CostLedger::CostLedger(Diagnostics *diagnostics, Options options)
    : m_diagnostics(diagnostics)
    , m_options(options)
{ }

void CostLedger::clear()
{
    m_currency.clear();
    m_totals = {};
    m_byPricing = {};
    m_services.clear();
    m_resources.clear();
    m_hours.clear();
    m_minutes.clear();
    m_lastSeqBySource.clear();
    m_firstNs = m_latestNs = 0;
    m_lastSeq = m_rejected = 0;
    m_hasForecast = false;
    m_forecast.Clear();
}

void CostLedger::apply(std::span<const opsdeck::v1::Envelope> batch)
{
    for (const opsdeck::v1::Envelope &e : batch) {
        if (e.channel() != opsdeck::v1::CHANNEL_BILLING)
            continue;
        if (e.has_line_item())
            applyLineItem(e.line_item(), QString::fromStdString(e.source()), e.recv_time_unix_ns());
        else if (e.has_cost_report())
            applyReport(e.cost_report());
    }
}

void CostLedger::applyLineItem(const opsdeck::v1::LineItem &item, const QString &source, std::int64_t recvNs)
{
    auto reject = [&](const QString &reason) {
        ++m_rejected;
        if (m_diagnostics)
            m_diagnostics->report(source.isEmpty() ? QStringLiteral("billing") : source, reason,
                QString::fromStdString(item.ShortDebugString()), recvNs);
    };
    if (!std::isfinite(item.billed_cost()) || !std::isfinite(item.effective_cost())
        || !std::isfinite(item.list_cost()) || !std::isfinite(item.consumed_quantity()))
        return reject(QStringLiteral("non-finite cost or quantity"));
    if (item.charge_period_end_unix_ns() < item.charge_period_start_unix_ns())
        return reject(QStringLiteral("charge period ends before it starts"));
    if (!m_currency.isEmpty() && !item.billing_currency().empty()
        && m_currency != QLatin1String(item.billing_currency().c_str()))
        return reject(QStringLiteral("currency differs from the ledger's"));
    const int pricing = item.pricing_category();
    if (pricing < 0 || pricing >= kPricingCategories)
        return reject(QStringLiteral("unknown pricing category"));
    // A reconnect that replays from a time may repeat rows: the ledger seq says.
    if (item.ledger_seq() > 0) {
        std::uint64_t &last = m_lastSeqBySource[source];
        if (item.ledger_seq() <= last)
            return;
        last = item.ledger_seq();
        m_lastSeq = std::max(m_lastSeq, item.ledger_seq());
    }
    if (m_currency.isEmpty())
        m_currency = QString::fromStdString(item.billing_currency());

    add(m_totals, item);
    add(m_byPricing[std::size_t(pricing)], item);
    const QString service = item.service_name().empty() ? QStringLiteral("(none)")
                                                        : QString::fromStdString(item.service_name());
    add(m_services[service], item);

    ResourceKey key { service,
        item.resource_id().empty() ? QStringLiteral("(none)") : QString::fromStdString(item.resource_id()) };
    auto it = m_resources.find(key);
    if (it == m_resources.end() && m_resources.size() >= m_options.maxResources)
        it = m_resources.try_emplace({ service, QStringLiteral("(other resources)") }).first;
    else if (it == m_resources.end())
        it = m_resources.try_emplace(key).first;
    add(it->second.sums, item);
    it->second.byPricing[std::size_t(pricing)] += item.effective_cost();
    if (it->second.unit.isEmpty())
        it->second.unit = QString::fromStdString(item.consumed_unit());

    const std::int64_t start = item.charge_period_start_unix_ns();
    const std::int64_t end = item.charge_period_end_unix_ns();
    m_firstNs = m_firstNs == 0 ? start : std::min(m_firstNs, start);
    if (item.charge_category() == opsdeck::v1::CHARGE_CATEGORY_USAGE)
        m_latestNs = std::max(m_latestNs, end);

    // Hourly buckets by the charge's start (as the backend attributes them).
    m_hours[floorTo(start, kHourNs)][std::size_t(pricing)] += item.effective_cost();
    while (m_hours.size() > m_options.maxHours)
        m_hours.erase(m_hours.begin());
    if (item.charge_category() == opsdeck::v1::CHARGE_CATEGORY_USAGE && end - start <= 24 * kHourNs)
        addBurn(start, std::max(end, start + 1), item.effective_cost());
}

void CostLedger::addBurn(std::int64_t startNs, std::int64_t endNs, double cost)
{
    // Spread the cost evenly over its period in minute buckets, for the window
    // of the last two hours of charges only.
    const std::int64_t horizon = m_latestNs - 2 * kHourNs;
    const double perNs = cost / double(endNs - startNs);
    for (std::int64_t m = floorTo(std::max(startNs, horizon), kMinuteNs); m < endNs; m += kMinuteNs) {
        const std::int64_t a = std::max(m, startNs), b = std::min(m + kMinuteNs, endNs);
        if (b > a)
            m_minutes[m] += perNs * double(b - a);
    }
    while (!m_minutes.empty() && m_minutes.begin()->first < horizon - kMinuteNs)
        m_minutes.erase(m_minutes.begin());
}

void CostLedger::applyReport(const opsdeck::v1::CostReport &report)
{
    if (report.has_forecast() && report.forecast().month_end_unix_ns() > 0) {
        m_forecast = report.forecast();
        m_hasForecast = true;
    }
    if (m_currency.isEmpty())
        m_currency = QString::fromStdString(report.currency());
}

void CostLedger::publish()
{
    auto s = std::make_shared<Snapshot>();
    s->currency = m_currency;
    s->totals = m_totals;
    s->byPricing = m_byPricing;
    s->firstNs = m_firstNs;
    s->latestNs = m_latestNs;
    s->lastSeq = m_lastSeq;
    s->rejected = m_rejected;
    s->hasForecast = m_hasForecast;
    s->forecastFromBackend = m_hasForecast;
    s->forecast = m_forecast;
    if (!m_hasForecast && m_latestNs > 0) {
        // No forecast from the backend yet: extrapolate the month of the
        // latest charge linearly from the hourly buckets (bounded to
        // maxHours, which covers a month with the default options).
        const QDateTime latest = QDateTime::fromMSecsSinceEpoch((m_latestNs - 1) / 1'000'000, Qt::UTC);
        const QDateTime monthStart(
            QDate(latest.date().year(), latest.date().month(), 1), QTime(0, 0), Qt::UTC);
        const std::int64_t start = monthStart.toMSecsSinceEpoch() * 1'000'000;
        const std::int64_t end = monthStart.addMonths(1).toMSecsSinceEpoch() * 1'000'000;
        double mtd = 0;
        for (auto it = m_hours.lower_bound(start); it != m_hours.end(); ++it)
            for (double v : it->second)
                mtd += v;
        s->hasForecast = true;
        s->forecast.set_month_start_unix_ns(start);
        s->forecast.set_month_end_unix_ns(end);
        s->forecast.set_month_to_date(mtd);
        s->forecast.set_forecast_month_total(
            mtd * double(end - start) / double(std::max<std::int64_t>(1, m_latestNs - start)));
    }
    for (auto it = m_minutes.lower_bound(m_latestNs - kHourNs);
         it != m_minutes.end() && it->first < m_latestNs; ++it)
        s->burnRatePerHour += it->second;
    if (!m_hasForecast)
        s->forecast.set_burn_rate_per_hour(s->burnRatePerHour);
    s->services.reserve(m_services.size());
    for (const auto &[name, sums] : m_services)
        s->services.push_back({ name, sums });
    std::sort(s->services.begin(), s->services.end(),
        [](const ServiceCost &a, const ServiceCost &b) { return a.sums.effective > b.sums.effective; });
    s->resources.reserve(m_resources.size());
    for (const auto &[key, state] : m_resources) {
        const auto dominant
            = std::max_element(state.byPricing.begin(), state.byPricing.end()) - state.byPricing.begin();
        s->resources.push_back(
            { key.service, key.resource, state.unit, pricingName(int(dominant)), state.sums });
    }
    s->buckets.reserve(m_hours.size());
    for (const auto &[hour, values] : m_hours)
        s->buckets.push_back({ hour, values });
    m_box.publish(std::move(s));
}

} // namespace opsdeck::model
