#include "backends/mesh/trafficgenerator.h"

#include "backends/mesh/interceptors.h"
#include "backends/mesh/meshcatalog.h"
#include "backends/mesh/replicapool.h"

#include <algorithm>
#include <chrono>
#include <random>

namespace opsdeck::mesh {

TrafficGenerator::TrafficGenerator(ReplicaPool *pool, TrafficSpec spec, std::uint64_t seed)
    : m_pool(pool)
    , m_spec(std::move(spec))
    , m_seed(seed)
    , m_rate(std::clamp(m_spec.ratePerSec, 0.0, TrafficSpec::kMaxRate))
{ }

TrafficGenerator::~TrafficGenerator()
{
    stop();
}

void TrafficGenerator::start()
{
    m_stop = false;
    const int workers = std::clamp(m_spec.maxInFlight, 1, 32);
    for (int i = 0; i < workers; ++i)
        m_workers.emplace_back([this, i] { work(i); });
    m_pacer = std::thread([this] { pace(); });
}

void TrafficGenerator::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_pacer.joinable())
        m_pacer.join();
    for (std::thread &t : m_workers)
        if (t.joinable())
            t.join();
    m_workers.clear();
}

void TrafficGenerator::setRate(double perSecond)
{
    m_rate = std::clamp(perSecond, 0.0, TrafficSpec::kMaxRate);
    m_cv.notify_all();
}

void TrafficGenerator::pace()
{
    using Clock = std::chrono::steady_clock;
    auto next = Clock::now();
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        const double rate = m_rate.load();
        if (rate <= 0) {
            m_cv.wait_for(lock, std::chrono::milliseconds(100));
            next = Clock::now();
            continue;
        }
        next += std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate));
        // After a stall, don't burst to catch up: at most 100 ms of backlog.
        next = std::max(next, Clock::now() - std::chrono::milliseconds(100));
        if (m_cv.wait_until(lock, next, [this] { return m_stop; }))
            break;
        if (m_tickets >= m_spec.maxInFlight) {
            m_shed.fetch_add(1);
            continue;
        }
        ++m_tickets;
        m_cv.notify_one();
    }
}

void TrafficGenerator::work(int worker)
{
    std::mt19937_64 rng(m_seed * 7919 + std::uint64_t(worker));
    std::vector<double> weights;
    for (const TrafficMix &m : m_spec.mix)
        weights.push_back(m.weight);
    std::discrete_distribution<std::size_t> pickMethod(weights.begin(), weights.end());
    std::uint64_t n = 0;
    while (true) {
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_stop || m_tickets > 0; });
            if (m_stop)
                return;
            --m_tickets;
        }
        const std::string &method = m_spec.mix[pickMethod(rng)].method;
        opsdeck::v1::MeshRequest request;
        std::string id = std::to_string(worker);
        id += '-';
        id += std::to_string(++n);
        request.set_request_id(id);
        std::string customer = "c";
        customer += std::to_string(rng() % 1000);
        std::string item = "sku-";
        item += std::to_string(rng() % 500);
        request.set_customer(customer);
        request.set_item(item);
        request.set_quantity(1 + std::uint32_t(rng() % 4));
        request.set_amount_cents(std::int64_t(100 + rng() % 10000));
        m_sent.fetch_add(1);
        const auto picked = m_pool->pick();
        if (!picked) {
            m_failed.fetch_add(1);
            continue;
        }
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(m_spec.deadlineMs));
        context.AddMetadata(kRequestIdKey, request.request_id());
        context.AddMetadata(kAttemptKey, "1");
        opsdeck::v1::MeshReply reply;
        const grpc::Status status
            = MeshCatalog::invoke(picked->channel, m_spec.target, method, &context, request, &reply);
        m_pool->report(picked->index, int(status.error_code()));
        (status.ok() ? m_ok : m_failed).fetch_add(1);
    }
}

} // namespace opsdeck::mesh
