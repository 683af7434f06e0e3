#pragma once

#include "backends/billing/chargehub.h"
#include "backends/billing/ledger.h"
#include "backends/billing/pricingengine.h"
#include "backends/billing/usage.h"
#include "backends/billing/workload.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>

namespace grpc {
class Server;
}

namespace opsdeck::billing {

class BillingService;

struct BillingOptions
{
    std::string ledgerPath; // SQLite file (WAL needs a real file)
    std::string priceBookPath = OPSDECK_DEFAULT_PRICE_BOOK;
    std::string listenAddress = "127.0.0.1:0"; // loopback, ephemeral port
    bool syntheticWorkload = true; // run the seeded WorkloadGenerator live
    std::uint64_t seed = 1;
    int backfillHours = 7 * 24; // synthetic history generated at start
    std::chrono::milliseconds tick { 5000 }; // live pricing interval
    // SQLite page cache per ledger connection (writer and reader). The service
    // keeps big ledgers' indexes hot; a backend inside the console (the demo)
    // needs little and should not hold 128 MiB of the console's memory.
    int cacheMiB = 64;
    static constexpr int kEmbeddedCacheMiB = 8;
    // The SQLite page-cache pool (reserveSqlitePageCache) of a process that
    // embeds the backend: both ledger connections, and 4 MiB for the
    // console's own recordings.
    static constexpr std::size_t kEmbeddedPoolBytes = std::size_t(2 * kEmbeddedCacheMiB + 4) << 20;
};

// The billing backend: price book + pricing engine + SQLite ledger + the
// gRPC `Billing` service, and optionally the synthetic workload that keeps
// costs moving. It is also the UsageSink the demo feeds with the usage of the
// running system (mesh services, simulation nodes): submit() prices the usage
// at once, writes the rows and wakes every StreamCharges call.
class BillingBackend final : public UsageSink
{
public:
    static std::unique_ptr<BillingBackend> create(const BillingOptions &options, std::string *error);
    ~BillingBackend() override;

    // Starts the gRPC server (health and reflection on) and, if enabled, the
    // synthetic workload (its backfill is priced before start() returns).
    bool start(std::string *error);
    void stop(); // idempotent; ends live streams, joins the workload thread

    int port() const { return m_port; }
    std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }

    // UsageSink (thread-safe).
    void submit(const UsageEvent &event) override;
    void commit(const Commitment &commitment) override;
    void settle(std::int64_t untilNs) override;
    // Prices a batch in one ledger transaction.
    void submitAll(std::span<const UsageEvent> events);

    // Generates and prices the synthetic workload up to `nowNs` (the live
    // thread calls this every tick; tests call it to drive time themselves).
    void runWorkloadUntil(std::int64_t nowNs);

    Ledger &ledger() { return *m_ledger; }
    const PriceBook &priceBook() const { return m_engine.priceBook(); }
    ChargeHub &hub() { return m_hub; }
    std::uint64_t usageErrors() const { return m_usageErrors.load(); }
    const WorkloadGenerator *workload() const { return m_workload.get(); }

private:
    BillingBackend(BillingOptions options, PriceBook book);
    void restoreEngine();
    void write(std::vector<LedgerRow> &rows);
    void liveLoop();

    BillingOptions m_options;
    std::mutex m_engineMutex; // the engine and the order of ledger writes
    PricingEngine m_engine;
    std::unique_ptr<Ledger> m_ledger;
    ChargeHub m_hub;
    std::unique_ptr<WorkloadGenerator> m_workload;
    std::int64_t m_workloadUntilNs = 0; // guarded by m_engineMutex
    std::unique_ptr<BillingService> m_service;
    std::unique_ptr<grpc::Server> m_server;
    int m_port = 0;
    std::thread m_live;
    std::mutex m_liveMutex;
    std::condition_variable m_liveWake;
    bool m_stopping = false; // guarded by m_liveMutex
    std::atomic<std::uint64_t> m_usageErrors { 0 };
};

} // namespace opsdeck::billing
