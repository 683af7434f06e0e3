#pragma once

#include "backends/mesh/scenario.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace opsdeck::mesh {

class ReplicaPool;

// Drives the entry service at a configurable, bounded rate: a pacer releases
// one ticket per 1/rate seconds and a fixed set of workers make the calls (with
// the traffic deadline, through a ReplicaPool so the calls are recorded with
// caller "traffic"). When every worker is busy and max_in_flight tickets wait,
// further tickets are shed and counted instead of queued without bound.
class TrafficGenerator
{
public:
    TrafficGenerator(ReplicaPool *pool, TrafficSpec spec, std::uint64_t seed);
    ~TrafficGenerator();

    void start();
    void stop();
    void setRate(double perSecond);

    std::uint64_t sent() const { return m_sent.load(); }
    std::uint64_t ok() const { return m_ok.load(); }
    std::uint64_t failed() const { return m_failed.load(); }
    std::uint64_t shed() const { return m_shed.load(); }

private:
    void pace();
    void work(int worker);

    ReplicaPool *m_pool;
    TrafficSpec m_spec;
    std::uint64_t m_seed;
    std::atomic<double> m_rate;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_tickets = 0; // guarded by m_mutex
    bool m_stop = false;
    std::thread m_pacer;
    std::vector<std::thread> m_workers;
    std::atomic<std::uint64_t> m_sent { 0 }, m_ok { 0 }, m_failed { 0 }, m_shed { 0 };
};

} // namespace opsdeck::mesh
