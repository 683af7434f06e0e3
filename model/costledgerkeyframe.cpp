// CostLedger keyframes for replay: the aggregates in Keyframe.extra
// (keyframestate.proto CostLedgerState).
#include "model/costledger.h"
#include "opsdeck/v1/keyframestate.pb.h"

namespace opsdeck::model {

namespace {

void writeSums(const CostLedger::Sums &from, opsdeck::v1::CostSums *to)
{
    to->set_billed(from.billed);
    to->set_effective(from.effective);
    to->set_list(from.list);
    to->set_quantity(from.quantity);
    to->set_items(from.items);
}

CostLedger::Sums readSums(const opsdeck::v1::CostSums &from)
{
    CostLedger::Sums sums;
    sums.billed = from.billed();
    sums.effective = from.effective();
    sums.list = from.list();
    sums.quantity = from.quantity();
    sums.items = from.items();
    return sums;
}

template<typename Array, typename Repeated> void readArray(const Repeated &from, Array &to)
{
    for (int i = 0; i < from.size() && std::size_t(i) < to.size(); ++i)
        to[std::size_t(i)] = from.Get(i);
}

} // namespace

void CostLedger::writeKeyframe(opsdeck::v1::Keyframe &keyframe) const
{
    opsdeck::v1::KeyframeExtra extra;
    extra.ParseFromString(keyframe.extra()); // other models' parts stay
    opsdeck::v1::CostLedgerState *s = extra.mutable_cost_ledger();
    s->Clear();
    s->set_currency(m_currency.toStdString());
    writeSums(m_totals, s->mutable_totals());
    for (const Sums &sums : m_byPricing)
        writeSums(sums, s->add_by_pricing());
    for (const auto &[name, sums] : m_services) {
        auto *service = s->add_services();
        service->set_name(name.toStdString());
        writeSums(sums, service->mutable_sums());
    }
    for (const auto &[key, state] : m_resources) {
        auto *resource = s->add_resources();
        resource->set_service(key.service.toStdString());
        resource->set_resource(key.resource.toStdString());
        resource->set_unit(state.unit.toStdString());
        writeSums(state.sums, resource->mutable_sums());
        for (double v : state.byPricing)
            resource->add_by_pricing(v);
    }
    for (const auto &[start, values] : m_hours) {
        auto *bucket = s->add_hours();
        bucket->set_start_ns(start);
        for (double v : values)
            bucket->add_values(v);
    }
    for (const auto &[start, value] : m_minutes) {
        auto *bucket = s->add_minutes();
        bucket->set_start_ns(start);
        bucket->add_values(value);
    }
    for (const auto &[source, seq] : m_lastSeqBySource) {
        auto *entry = s->add_last_seq_by_source();
        entry->set_source(source.toStdString());
        entry->set_seq(seq);
    }
    s->set_first_ns(m_firstNs);
    s->set_latest_ns(m_latestNs);
    s->set_last_seq(m_lastSeq);
    s->set_rejected(m_rejected);
    s->set_forecast_known(m_hasForecast);
    if (m_hasForecast)
        *s->mutable_forecast() = m_forecast;
    keyframe.set_extra(extra.SerializeAsString());
}

void CostLedger::restore(const opsdeck::v1::Keyframe &keyframe)
{
    clear();
    opsdeck::v1::KeyframeExtra extra;
    if (!extra.ParseFromString(keyframe.extra()) || !extra.has_cost_ledger())
        return;
    const opsdeck::v1::CostLedgerState &s = extra.cost_ledger();
    m_currency = QString::fromStdString(s.currency());
    m_totals = readSums(s.totals());
    for (int i = 0; i < s.by_pricing_size() && std::size_t(i) < m_byPricing.size(); ++i)
        m_byPricing[std::size_t(i)] = readSums(s.by_pricing(i));
    for (const auto &service : s.services())
        m_services[QString::fromStdString(service.name())] = readSums(service.sums());
    for (const auto &resource : s.resources()) {
        if (m_resources.size() >= m_options.maxResources)
            break;
        ResourceState &state = m_resources[ResourceKey {
            QString::fromStdString(resource.service()), QString::fromStdString(resource.resource()) }];
        state.unit = QString::fromStdString(resource.unit());
        state.sums = readSums(resource.sums());
        readArray(resource.by_pricing(), state.byPricing);
    }
    for (const auto &bucket : s.hours()) {
        if (m_hours.size() >= m_options.maxHours)
            break;
        readArray(bucket.values(), m_hours[bucket.start_ns()]);
    }
    for (const auto &bucket : s.minutes())
        m_minutes[bucket.start_ns()] = bucket.values_size() > 0 ? bucket.values(0) : 0.0;
    for (const auto &entry : s.last_seq_by_source())
        m_lastSeqBySource[QString::fromStdString(entry.source())] = entry.seq();
    m_firstNs = s.first_ns();
    m_latestNs = s.latest_ns();
    m_lastSeq = s.last_seq();
    m_rejected = s.rejected();
    m_hasForecast = s.forecast_known();
    if (m_hasForecast)
        m_forecast = s.forecast();
}

} // namespace opsdeck::model
