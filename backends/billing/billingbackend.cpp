#include "backends/billing/billingbackend.h"

#include "backends/billing/billingservice.h"
#include "backends/billing/timeutil.h"
#include "proto/tsanhandoff.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/server_builder.h>

#include <cstdio>

namespace opsdeck::billing {

BillingBackend::BillingBackend(BillingOptions options, PriceBook book)
    : m_options(std::move(options))
    , m_engine(std::move(book))
{ }

BillingBackend::~BillingBackend()
{
    stop();
}

std::unique_ptr<BillingBackend> BillingBackend::create(const BillingOptions &options, std::string *error)
{
    PriceBook book;
    std::vector<PriceBookError> errors;
    if (!PriceBook::load(options.priceBookPath, &book, &errors)) {
        if (error)
            *error = PriceBook::formatErrors(options.priceBookPath, errors);
        return nullptr;
    }
    std::unique_ptr<BillingBackend> backend(new BillingBackend(options, std::move(book)));
    backend->m_ledger
        = Ledger::open(options.ledgerPath, backend->priceBook().currency(), error, options.cacheMiB);
    if (!backend->m_ledger)
        return nullptr;
    backend->m_hub.notify(backend->m_ledger->lastSeq());
    backend->restoreEngine();
    return backend;
}

void BillingBackend::restoreEngine()
{
    // A ledger that already holds charges continues where it stopped: this
    // month's free allowances and tiers stay used, cold data stays cold.
    const std::int64_t month = monthStartNs(wallNowNs());
    for (const auto &m : m_ledger->monthlyQuantities(month))
        m_engine.restoreMonthly(m.accountId, m.skuId, month, m.quantity);
    for (const auto &resource : m_ledger->coldStorageResources())
        m_engine.restoreCold(resource);
}

bool BillingBackend::start(std::string *error)
{
    if (m_options.syntheticWorkload) {
        const std::int64_t now = wallNowNs();
        // The same seed on the same ledger resumes the workload instead of
        // pricing its history twice.
        std::int64_t epoch = now - std::int64_t(m_options.backfillHours) * kNsPerHour;
        const std::string seed = std::to_string(m_options.seed);
        if (m_ledger->meta("workload_seed") == seed && !m_ledger->meta("workload_epoch_ns").empty()) {
            epoch = std::int64_t(std::stoll(m_ledger->meta("workload_epoch_ns")));
            const std::string until = m_ledger->meta("workload_until_ns");
            // Downtime is filled in, but never more than the backfill horizon.
            m_workloadUntilNs = std::max<std::int64_t>(until.empty() ? 0 : std::stoll(until),
                now - std::int64_t(m_options.backfillHours) * kNsPerHour);
        } else {
            m_ledger->setMeta("workload_seed", seed);
            m_ledger->setMeta("workload_epoch_ns", std::to_string(floorNs(epoch, kNsPerHour)));
        }
        m_workload = std::make_unique<WorkloadGenerator>(m_options.seed, epoch);
        for (const auto &price : priceBook().proto().prices())
            if (price.interruptions_per_hour() > 0)
                m_workload->setInterruptionsPerHour(price.product(), price.interruptions_per_hour());
        for (const Commitment &c : m_workload->commitments())
            commit(c);
        runWorkloadUntil(now);
    }
    m_service = std::make_unique<BillingService>(*this);
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    builder.AddListeningPort(m_options.listenAddress, grpc::InsecureServerCredentials(), &m_port);
    builder.RegisterService(m_service.get());
    // ImportFocus runs on gRPC's callback threads, which may predate this
    // server: what was set up here reaches them through gRPC's server start,
    // which TSan cannot see (proto/tsanhandoff.h).
    OPSDECK_TSAN_RELEASE(m_service.get());
    m_server = builder.BuildAndStart();
    if (!m_server || m_port == 0) {
        if (error)
            *error = "cannot listen on " + m_options.listenAddress;
        return false;
    }
    if (m_workload)
        m_live = std::thread([this] { liveLoop(); });
    return true;
}

void BillingBackend::stop()
{
    // First: a running import holds the ledger's writer, and the live thread
    // joined below may be waiting for it while the client stalls.
    if (m_service)
        m_service->stopImports();
    {
        std::lock_guard lock(m_liveMutex);
        m_stopping = true;
    }
    m_liveWake.notify_all();
    if (m_live.joinable())
        m_live.join();
    m_hub.close(); // live streams return before the server waits for them
    if (m_server) {
        m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
        m_server->Wait();
        m_server.reset();
    }
}

void BillingBackend::liveLoop()
{
    std::unique_lock lock(m_liveMutex);
    while (!m_liveWake.wait_for(lock, m_options.tick, [this] { return m_stopping; })) {
        lock.unlock();
        runWorkloadUntil(wallNowNs());
        lock.lock();
    }
}

void BillingBackend::write(std::vector<LedgerRow> &rows)
{
    if (rows.empty())
        return;
    std::string error;
    if (!m_ledger->insert(rows, &error)) {
        std::fprintf(stderr, "opsdeck-billing: %s\n", error.c_str());
        m_usageErrors.fetch_add(1);
        return;
    }
    m_hub.notify(rows.back().seq);
}

void BillingBackend::submit(const UsageEvent &event)
{
    submitAll(std::span<const UsageEvent>(&event, 1));
}

void BillingBackend::submitAll(std::span<const UsageEvent> events)
{
    std::lock_guard lock(m_engineMutex);
    std::vector<LedgerRow> rows;
    for (const UsageEvent &e : events) {
        std::string error;
        m_engine.price(e, &rows, &error);
        if (!error.empty())
            m_usageErrors.fetch_add(1);
    }
    write(rows);
}

void BillingBackend::commit(const Commitment &commitment)
{
    std::lock_guard lock(m_engineMutex);
    std::vector<LedgerRow> rows;
    std::string error;
    // Committing again after a restart resumes the commitment already in the
    // ledger: no second purchase, no unused hours written twice.
    const std::int64_t resume = m_ledger->commitmentSettledUntil(commitment.id);
    if (!m_engine.addCommitment(commitment, &rows, &error, resume)) {
        std::fprintf(stderr, "opsdeck-billing: %s\n", error.c_str());
        m_usageErrors.fetch_add(1);
    }
    write(rows);
}

void BillingBackend::settle(std::int64_t untilNs)
{
    std::lock_guard lock(m_engineMutex);
    std::vector<LedgerRow> rows;
    m_engine.settle(untilNs, &rows);
    write(rows);
}

void BillingBackend::runWorkloadUntil(std::int64_t nowNs)
{
    if (!m_workload)
        return;
    std::vector<UsageEvent> events;
    {
        std::lock_guard lock(m_engineMutex);
        const std::int64_t from = std::max(m_workloadUntilNs, m_workload->epochNs());
        if (nowNs <= from)
            return;
        m_workload->generate(from, nowNs, &events);
        m_workloadUntilNs = nowNs;
    }
    submitAll(events);
    settle(nowNs);
    m_ledger->setMeta("workload_until_ns", std::to_string(nowNs));
}

} // namespace opsdeck::billing
