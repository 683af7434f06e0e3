#pragma once

#include "backends/billing/usagemeter.h"

#include <QObject>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class QTimer;

namespace opsdeck::billing {
class BillingBackend;
}

namespace opsdeck::app {

// Feeds the billing backend with the usage of the running demo, so the Costs
// view moves with the system (docs/DEMO.md, "Costs"):
//   - every mesh replica and every simulation node is a running vm.small
//     instance; its offer follows the price book's mix: replicas "<svc>-0" and
//     ground stations are covered by one reservation, replicas "<svc>-1" and
//     every third aircraft run on demand, the rest on spot;
//   - the mesh's call records are a serverless function ("fn/telemetry-ingest",
//     one request per record, 4 ms at 128 MB each);
//   - a spot interruption stops every spot instance (interrupted, no minimum
//     charge) and restarts it on demand; restoring spot does the reverse.
// Usage is metered on a compressed clock — `timeScale` billed seconds per real
// second, starting at the wall clock of start() — so a burn rate over "the last
// hour of charges" follows the story within a minute. Lives on the thread that
// created it (the GUI thread); flushes on a timer in one ledger transaction.
class DemoCostFeed : public QObject
{
    Q_OBJECT

public:
    struct Resource
    {
        std::string id; // "mesh/payments-1", "sim/node-17"
        std::string app; // tag "app": "mesh" or "sim"
        std::string workload; // tag "workload": the service, or "aircraft" / "ground"
        std::string name; // tag "name"
        enum class Offer { Reserved, OnDemand, Spot } offer = Offer::OnDemand;
    };

    DemoCostFeed(billing::BillingBackend &billing, std::vector<Resource> resources, double timeScale,
        QObject *parent = nullptr);
    ~DemoCostFeed() override;

    // Buys the reservation, starts every instance and the flush timer.
    void start(int flushIntervalMs);
    // Stops every instance at now and flushes a last time.
    void stop();

    // The mesh's cumulative call-record count; read at each flush.
    void setCallCounter(std::function<std::uint64_t()> counter) { m_callCounter = std::move(counter); }

    void interruptSpot();
    void restoreSpot();
    bool spotInterrupted() const { return m_spotInterrupted; }

    // Submits the usage up to now (also called by the timer).
    void flush();
    std::int64_t billedNowNs() const; // the compressed clock
    std::uint64_t flushes() const { return m_flushes.load(); }
    // The longest flush so far (it runs on the GUI thread: one ledger transaction).
    std::int64_t maxFlushUs() const { return m_maxFlushUs; }
    const std::vector<Resource> &resources() const { return m_resources; }
    static std::string reservationId() { return "demo-reservation"; }

Q_SIGNALS:
    void flushed();

private:
    billing::UsageMeter::InstanceSpec spec(const Resource &r, Resource::Offer offer) const;

    billing::BillingBackend &m_billing;
    std::vector<Resource> m_resources;
    double m_timeScale;
    billing::UsageMeter m_meter;
    std::function<std::uint64_t()> m_callCounter;
    std::uint64_t m_lastCalls = 0;
    std::int64_t m_wallStartNs = 0;
    bool m_spotInterrupted = false;
    bool m_running = false;
    std::atomic<std::uint64_t> m_flushes { 0 };
    std::int64_t m_maxFlushUs = 0;
    QTimer *m_timer;
};

} // namespace opsdeck::app
