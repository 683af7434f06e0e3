#include "backends/mesh/telemetryhub.h"

#include <algorithm>
#include <bit>
#include <chrono>

namespace opsdeck::mesh {

namespace {

std::int64_t nowNs()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

// The same log-linear layout the console uses (64 sub-buckets per power of
// two), written out here because backends do not link the console's model.
constexpr int kSubBits = 6;
constexpr int kSub = 1 << kSubBits;

int bucketIndex(std::int64_t v)
{
    if (v < kSub)
        return v < 0 ? 0 : int(v);
    const int exponent = std::min(47, int(std::bit_width(std::uint64_t(v))) - 1);
    const int shift = exponent - kSubBits;
    const int sub = std::min<int>(kSub - 1, int(std::uint64_t(v) >> shift) - kSub);
    return kSub + shift * kSub + sub;
}

std::int64_t bucketLower(int i)
{
    return i < kSub ? i : std::int64_t(kSub + (i - kSub) % kSub) << ((i - kSub) / kSub);
}

std::int64_t bucketUpper(int i)
{
    return i < kSub ? i + 1 : std::int64_t(kSub + (i - kSub) % kSub + 1) << ((i - kSub) / kSub);
}

bool wanted(const std::vector<std::string> &services, const std::string &service)
{
    return services.empty() || std::find(services.begin(), services.end(), service) != services.end();
}

} // namespace

void TelemetryHub::Aggregate::add(const opsdeck::v1::CallRecord &r)
{
    if (r.side() == opsdeck::v1::CALL_SIDE_SERVER) {
        if (r.late_response())
            counters.set_late_responses(counters.late_responses() + 1);
        return;
    }
    counters.set_calls(counters.calls() + 1);
    if (r.status_code() != 0)
        counters.set_errors(counters.errors() + 1);
    if (r.status_code() == 4)
        counters.set_timeouts(counters.timeouts() + 1);
    if (r.status_code() == 14)
        counters.set_unavailable(counters.unavailable() + 1);
    if (r.attempt() > 1)
        counters.set_retries(counters.retries() + 1);
    const std::int64_t d = r.duration_ns();
    min = counters.calls() == 1 ? d : std::min(min, d);
    max = counters.calls() == 1 ? d : std::max(max, d);
    sum += double(d);
    ++buckets[bucketIndex(d)];
    if (r.deadline_ns() > 0)
        deadline = r.deadline_ns();
}

void TelemetryHub::Aggregate::toProto(opsdeck::v1::Histogram *h) const
{
    h->set_count(counters.calls());
    h->set_min_ns(min);
    h->set_max_ns(max);
    h->set_sum_ns(sum);
    for (const auto &[i, n] : buckets) {
        auto *b = h->add_buckets();
        b->set_lower_ns(bucketLower(i));
        b->set_upper_ns(bucketUpper(i));
        b->set_count(n);
    }
}

TelemetryHub::TelemetryHub(std::size_t ringCapacity, std::string source)
    : m_capacity(std::max<std::size_t>(ringCapacity, 16))
    , m_source(std::move(source))
    , m_ring(m_capacity)
{ }

TelemetryHub::~TelemetryHub()
{
    shutdown();
}

void TelemetryHub::record(opsdeck::v1::CallRecord record)
{
    m_recorded.fetch_add(1, std::memory_order_relaxed);
    if (record.late_response())
        m_late.fetch_add(1, std::memory_order_relaxed);
    {
        std::lock_guard lock(m_mutex);
        rollLocked(nowNs() / 1'000'000'000);
        const std::string caller = record.caller();
        m_window.methods[{ record.service(), record.method() }].add(record);
        m_window.edges[{ caller, record.service(), record.method() }].add(record);
        m_ring[m_head % m_capacity] = std::move(record);
        ++m_head;
    }
    m_cv.notify_all();
}

void TelemetryHub::rollLocked(std::int64_t nowSecond)
{
    if (m_window.second == 0) {
        m_window.second = nowSecond;
        return;
    }
    if (nowSecond <= m_window.second)
        return;
    m_closed.emplace_back(++m_windowSeq, std::move(m_window));
    while (m_closed.size() > 10)
        m_closed.pop_front();
    m_window = Window {};
    m_window.second = nowSecond;
}

void TelemetryHub::setTopologyProvider(TopologyProvider provider)
{
    std::lock_guard lock(m_mutex);
    m_topology = std::move(provider);
}

void TelemetryHub::topologyChanged()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_topologyVersion;
    }
    m_cv.notify_all();
}

void TelemetryHub::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        m_shutdown = true;
    }
    m_cv.notify_all();
}

grpc::Status TelemetryHub::StreamCalls(grpc::ServerContext *context,
    const opsdeck::v1::StreamCallsRequest *request, grpc::ServerWriter<opsdeck::v1::CallBatch> *writer)
{
    const std::vector<std::string> services(request->services().begin(), request->services().end());
    const std::size_t maxBatch
        = request->max_batch() ? std::min<std::size_t>(request->max_batch(), 10000) : 1000;
    const auto maxDelay = std::chrono::nanoseconds(request->max_batch_delay_ns() > 0
            ? std::clamp<std::int64_t>(request->max_batch_delay_ns(), 1'000'000, 5'000'000'000)
            : 100'000'000);
    std::uint64_t cursor = 0;
    std::uint64_t topologySent = 0;
    {
        std::lock_guard lock(m_mutex);
        cursor = m_head;
        m_subscribers.fetch_add(1);
    }
    struct Leave
    {
        std::atomic<int> &count;
        ~Leave() { count.fetch_sub(1); }
    } leave { m_subscribers };
    while (!context->IsCancelled()) {
        opsdeck::v1::CallBatch batch;
        TopologyProvider topology;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait_for(lock, maxDelay, [&] {
                return m_shutdown || m_head - cursor >= maxBatch || topologySent != m_topologyVersion;
            });
            if (m_shutdown)
                break;
            if (m_head - cursor > m_capacity) {
                // This stream fell a full ring behind: the oldest records are gone.
                batch.set_dropped_since_last(m_head - m_capacity - cursor);
                cursor = m_head - m_capacity;
            }
            for (; cursor < m_head && std::size_t(batch.calls_size()) < maxBatch; ++cursor) {
                const opsdeck::v1::CallRecord &r = m_ring[cursor % m_capacity];
                if (wanted(services, r.service()))
                    *batch.add_calls() = r;
            }
            if (topologySent != m_topologyVersion && m_topology) {
                topology = m_topology;
                topologySent = m_topologyVersion;
            }
        }
        if (topology)
            *batch.mutable_topology() = topology(); // outside the lock: it takes the mesh's locks
        if (batch.calls_size() == 0 && !batch.has_topology() && batch.dropped_since_last() == 0)
            continue;
        batch.set_batch_unix_ns(nowNs());
        batch.set_source(m_source);
        if (!writer->Write(batch))
            break;
    }
    return grpc::Status::OK;
}

opsdeck::v1::StatsWindow TelemetryHub::toProto(
    const Window &w, const std::vector<std::string> &services) const
{
    opsdeck::v1::StatsWindow out;
    out.set_window_start_unix_ns(w.second * 1'000'000'000);
    out.set_window_ns(1'000'000'000);
    out.set_source(m_source);
    for (const auto &[key, agg] : w.methods) {
        if (!wanted(services, key.first))
            continue;
        auto *m = out.add_methods();
        m->set_service(key.first);
        m->set_method(key.second);
        *m->mutable_counters() = agg.counters;
        m->set_deadline_ns(agg.deadline);
        agg.toProto(m->mutable_latency());
    }
    for (const auto &[key, agg] : w.edges) {
        if (!wanted(services, std::get<1>(key)))
            continue;
        auto *e = out.add_edges();
        e->set_caller(std::get<0>(key));
        e->set_callee(std::get<1>(key));
        e->set_method(std::get<2>(key));
        *e->mutable_counters() = agg.counters;
        e->set_deadline_ns(agg.deadline);
        agg.toProto(e->mutable_latency());
    }
    return out;
}

grpc::Status TelemetryHub::StreamStats(grpc::ServerContext *context,
    const opsdeck::v1::StreamStatsRequest *request, grpc::ServerWriter<opsdeck::v1::StatsWindow> *writer)
{
    if (request->window_ns() != 0 && request->window_ns() != 1'000'000'000)
        return { grpc::StatusCode::INVALID_ARGUMENT, "only 1-second windows are aggregated" };
    const std::vector<std::string> services(request->services().begin(), request->services().end());
    std::uint64_t sent = 0;
    {
        std::lock_guard lock(m_mutex);
        sent = m_windowSeq;
    }
    while (!context->IsCancelled()) {
        std::vector<opsdeck::v1::StatsWindow> out;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait_for(lock, std::chrono::milliseconds(100), [&] { return m_shutdown; });
            if (m_shutdown)
                break;
            rollLocked(nowNs() / 1'000'000'000);
            for (const auto &[seq, window] : m_closed)
                if (seq > sent)
                    out.push_back(toProto(window, services));
            sent = m_windowSeq;
        }
        for (const auto &w : out)
            if (!writer->Write(w))
                return grpc::Status::OK;
    }
    return grpc::Status::OK;
}

grpc::Status TelemetryHub::ListServices(
    grpc::ServerContext *, const opsdeck::v1::ListServicesRequest *, opsdeck::v1::ServiceTopology *reply)
{
    TopologyProvider topology;
    {
        std::lock_guard lock(m_mutex);
        topology = m_topology;
    }
    if (!topology)
        return { grpc::StatusCode::UNAVAILABLE, "mesh not started" };
    *reply = topology();
    return grpc::Status::OK;
}

} // namespace opsdeck::mesh
