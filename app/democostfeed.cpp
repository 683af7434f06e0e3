#include "app/democostfeed.h"

#include "app/demologging.h"
#include "backends/billing/billingbackend.h"

#include <QTimer>

#include <algorithm>
#include <chrono>

namespace opsdeck::app {

namespace {

std::int64_t wallNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Collects one flush's events so they are priced in one ledger transaction.
class BatchSink final : public billing::UsageSink
{
public:
    explicit BatchSink(billing::BillingBackend &billing)
        : m_billing(billing)
    { }
    void submit(const billing::UsageEvent &event) override { m_events.push_back(event); }
    void commit(const billing::Commitment &commitment) override { m_billing.commit(commitment); }
    void settle(std::int64_t untilNs) override
    {
        m_billing.submitAll(m_events);
        m_events.clear();
        m_billing.settle(untilNs);
    }

private:
    billing::BillingBackend &m_billing;
    std::vector<billing::UsageEvent> m_events;
};

constexpr double kGbSecondsPerRecord = 0.004 * 0.128; // 4 ms at 128 MB

} // namespace

DemoCostFeed::DemoCostFeed(
    billing::BillingBackend &billing, std::vector<Resource> resources, double timeScale, QObject *parent)
    : QObject(parent)
    , m_billing(billing)
    , m_resources(std::move(resources))
    , m_timeScale(timeScale > 0 ? timeScale : 1.0)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &DemoCostFeed::flush);
}

DemoCostFeed::~DemoCostFeed()
{
    stop();
}

std::int64_t DemoCostFeed::billedNowNs() const
{
    // Whole seconds: instances are billed per second rounded up per event, so
    // intervals of whole seconds bill exactly what ran (and a reservation for
    // N instances covers exactly N of them).
    constexpr std::int64_t kSecond = 1'000'000'000;
    const std::int64_t now = wallNowNs();
    const std::int64_t billed = m_wallStartNs + std::int64_t(double(now - m_wallStartNs) * m_timeScale);
    return billed / kSecond * kSecond;
}

billing::UsageMeter::InstanceSpec DemoCostFeed::spec(const Resource &r, Resource::Offer offer) const
{
    billing::UsageMeter::InstanceSpec s;
    s.product = "vm.small";
    switch (offer) {
    case Resource::Offer::Reserved:
        s.offer = "reserved";
        s.commitmentId = reservationId();
        break;
    case Resource::Offer::OnDemand:
        s.offer = "on-demand";
        break;
    case Resource::Offer::Spot:
        s.offer = "spot";
        break;
    }
    s.tags = { { "app", r.app }, { "workload", r.workload }, { "name", r.name }, { "demo", "yes" } };
    return s;
}

void DemoCostFeed::start(int flushIntervalMs)
{
    if (m_running)
        return;
    m_running = true;
    m_wallStartNs = wallNowNs() / 1'000'000'000 * 1'000'000'000;
    const std::int64_t now = billedNowNs();
    double reserved = 0;
    for (const Resource &r : m_resources)
        reserved += r.offer == Resource::Offer::Reserved ? 1 : 0;
    if (reserved > 0)
        m_billing.commit({ reservationId(), "vm.small.reserved", reserved, now });
    for (const Resource &r : m_resources)
        m_meter.started(r.id, spec(r, r.offer), now);
    m_lastCalls = m_callCounter ? m_callCounter() : 0;
    m_timer->start(std::max(100, flushIntervalMs));
    qCInfo(lcDemo) << "cost feed:" << m_resources.size() << "instances," << reserved
                   << "reserved, billing clock x" << m_timeScale;
}

void DemoCostFeed::stop()
{
    if (!m_running)
        return;
    m_timer->stop();
    const std::int64_t now = billedNowNs();
    for (const Resource &r : m_resources)
        m_meter.stopped(r.id, now);
    flush();
    m_running = false;
}

void DemoCostFeed::interruptSpot()
{
    if (m_spotInterrupted || !m_running)
        return;
    m_spotInterrupted = true;
    const std::int64_t now = billedNowNs();
    for (const Resource &r : m_resources) {
        if (r.offer != Resource::Offer::Spot)
            continue;
        m_meter.stopped(r.id, now, /*interrupted=*/true);
        m_meter.started(r.id, spec(r, Resource::Offer::OnDemand), now);
    }
    flush();
}

void DemoCostFeed::restoreSpot()
{
    if (!m_spotInterrupted || !m_running)
        return;
    m_spotInterrupted = false;
    const std::int64_t now = billedNowNs();
    for (const Resource &r : m_resources) {
        if (r.offer != Resource::Offer::Spot)
            continue;
        m_meter.stopped(r.id, now);
        m_meter.started(r.id, spec(r, Resource::Offer::Spot), now);
    }
    flush();
}

void DemoCostFeed::flush()
{
    if (!m_running)
        return;
    if (m_callCounter) {
        const std::uint64_t calls = m_callCounter();
        if (calls > m_lastCalls) {
            const double requests = double(calls - m_lastCalls);
            m_meter.calls("fn/telemetry-ingest", requests, requests * kGbSecondsPerRecord,
                { { "app", "mesh" }, { "workload", "telemetry" }, { "demo", "yes" } });
        }
        m_lastCalls = calls;
    }
    const auto t0 = std::chrono::steady_clock::now();
    BatchSink sink(m_billing);
    m_meter.flush(billedNowNs(), sink);
    const auto took = std::chrono::steady_clock::now() - t0;
    m_maxFlushUs = std::max<std::int64_t>(
        m_maxFlushUs, std::chrono::duration_cast<std::chrono::microseconds>(took).count());
    m_flushes.fetch_add(1);
    Q_EMIT flushed();
}

} // namespace opsdeck::app
