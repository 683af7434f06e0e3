#include "benchchildren.h"

#include "backends/dds/participant.h"
#include "opsdeck/v1/bridge.grpc.pb.h"
#include "opsdeck_dds.h"

#include <QtGlobal>

#include <grpcpp/create_channel.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace opsdeck::bench {

double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

long long steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {

// system_clock - steady_clock, the smallest of a few reads (the same in every
// process of this machine to within a microsecond).
long long systemMinusSteadyNs()
{
    long long best = 0;
    long long bestWidth = -1;
    for (int i = 0; i < 20; ++i) {
        const long long a = steadyNowNs();
        const long long sys = std::chrono::duration_cast<std::chrono::nanoseconds>(
            std::chrono::system_clock::now().time_since_epoch())
                                  .count();
        const long long b = steadyNowNs();
        if (bestWidth < 0 || b - a < bestWidth) {
            bestWidth = b - a;
            best = sys - (a + b) / 2;
        }
    }
    return best;
}

std::atomic<bool> g_stopClients { false };

extern "C" void stopClients(int)
{
    g_stopClients.store(true);
}

bool waitMatched(dds_entity_t writer)
{
    for (int i = 0; i < 500; ++i) {
        dds_publication_matched_status_t status;
        if (dds_get_publication_matched_status(writer, &status) == DDS_RETCODE_OK && status.current_count > 0)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

} // namespace

int runWriter(const QStringList &args)
{
    if (args.size() != 4)
        return 2;
    const std::uint32_t domain = args[0].toUInt();
    const double rate = args[1].toDouble();
    const auto duration = std::chrono::milliseconds(args[2].toLongLong());
    const std::uint32_t keys = std::max(1u, args[3].toUInt());
    dds::Participant participant;
    std::string error;
    if (!participant.open(domain, &error)) {
        std::fprintf(stderr, "writer: %s\n", error.c_str());
        return 1;
    }
    // As fast as possible: let Cyclone pack samples into datagrams, exactly as
    // the reference (ddsperf, which always enables write batching) does. A
    // paced writer sends every sample at once (latency). Set before the
    // writers exist: Cyclone reads it when it creates them.
    if (rate <= 0)
        dds_write_set_batch(true);
    const dds_entity_t nodes
        = participant.createWriter(participant.topics().node, dds::QosKind::State, &error);
    const dds_entity_t routes
        = participant.createWriter(participant.topics().route, dds::QosKind::State, &error);
    if (nodes < 0 || routes < 0 || !waitMatched(nodes) || !waitMatched(routes)) {
        std::fprintf(stderr, "writer: no bridge matched\n");
        return 1;
    }
    char member[] = "bench-writer";
    char name[] = "N";
    for (std::uint32_t id = 1; id <= 6; ++id) {
        opsdeck_dds_NodeState n {};
        n.node_id = id;
        n.name = name;
        n.kind = 1;
        n.status = 1;
        n.lat_deg = 46 + id * 0.1;
        n.lon_deg = 8;
        n.alt_m = 9000;
        n.member_id = member;
        dds_write(nodes, &n);
    }
    dds_write_flush(nodes);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(100)); // nodes reach the bridge before routes name them

    // A Route of six hops: 100 bytes of CDR payload, like ddsperf's "size 100".
    std::uint32_t hops[] = { 1, 2, 3, 4, 5, 6 };
    char routeName[] = "bench";
    opsdeck_dds_Route r {};
    r.name = routeName;
    r.src = 1;
    r.dst = 6;
    r.hops._buffer = hops;
    r.hops._length = r.hops._maximum = 6;
    r.reachable = true;
    r.cost = 1;
    r.latency_ms = 1;
    r.bottleneck_mbps = 10;
    r.member_id = member;
    const auto start = std::chrono::steady_clock::now();
    const auto end = start + duration;
    std::uint64_t written = 0;
    for (;;) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= end)
            break;
        if (rate > 0) {
            const auto due = start + std::chrono::nanoseconds(std::int64_t(double(written) * 1e9 / rate));
            if (due > now)
                std::this_thread::sleep_until(due);
        }
        r.flow_id = 1 + std::uint32_t(written % keys);
        r.step = written;
        r.sim_time_ns = steadyNowNs();
        if (dds_write(routes, &r) == DDS_RETCODE_OK)
            ++written;
    }
    dds_write_flush(routes);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("written %llu seconds %.6f cpu %.6f start %lld\n", static_cast<unsigned long long>(written),
        seconds, processCpuSeconds(),
        static_cast<long long>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(start.time_since_epoch()).count()));
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // let reliable delivery finish
    return 0;
}

int runClients(const QStringList &args)
{
    if (args.size() != 6)
        return 2;
    const std::string address = args[0].toStdString();
    const int fast = args[1].toInt();
    const int slowSleepUs = args[2].toInt();
    const auto duration = std::chrono::milliseconds(args[3].toLongLong());
    const bool latency = args[4].toInt() != 0;
    const bool batched = args[5].toInt() != 0;
    const long long clockOffsetNs = systemMinusSteadyNs();
    auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
    auto stub = opsdeck::v1::Bridge::NewStub(channel);
    const int total = fast + (slowSleepUs > 0 ? 1 : 0);
    struct Result
    {
        std::uint64_t count = 0;
        long long first = 0, last = 0;
        std::vector<long long> latencies;
        std::vector<long long> toBridge, fromBridge; // the split at the bridge's receive time
        std::uint64_t messages = 0;
    };
    std::vector<Result> results(static_cast<std::size_t>(total));
    std::vector<std::thread> threads;
    // The parent sends SIGTERM once the writer is done and the data drained;
    // the deadline is only a safety net.
    std::signal(SIGTERM, stopClients);
    const auto deadline = std::chrono::system_clock::now() + duration;
    std::vector<grpc::ClientContext> contexts(static_cast<std::size_t>(total));
    std::atomic<bool> joined { false };
    std::thread watcher([&] {
        while (!joined.load() && !g_stopClients.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        for (grpc::ClientContext &c : contexts)
            c.TryCancel();
    });
    for (int i = 0; i < total; ++i) {
        threads.emplace_back([&, i] {
            const bool slow = i == fast;
            grpc::ClientContext &context = contexts[std::size_t(i)];
            context.set_deadline(deadline);
            opsdeck::v1::SubscribeRequest request;
            request.set_client_name(slow ? "slow" : "fast-" + std::to_string(i));
            request.add_topics()->set_topic(opsdeck::v1::TOPIC_ROUTE);
            request.set_skip_snapshot(true);
            request.set_max_batch(qEnvironmentVariableIntValue("OPSDECK_BENCH_MAX_BATCH"));
            Result &res = results[std::size_t(i)];
            auto take = [&](const opsdeck::v1::Sample &sample, long long now) {
                // Only the writer's samples (the writer's exit disposes every key: not data).
                if (!sample.has_route() || !sample.route().reachable())
                    return;
                if (res.count++ == 0)
                    res.first = now;
                res.last = now;
                if (latency) {
                    res.latencies.push_back(now - sample.source_time_ns());
                    // bridge_recv is the system clock: map it onto steady_clock.
                    const long long bridgeSteady = sample.bridge_recv_unix_ns() - clockOffsetNs;
                    res.toBridge.push_back(bridgeSteady - sample.source_time_ns());
                    res.fromBridge.push_back(now - bridgeSteady);
                }
                if (slow)
                    std::this_thread::sleep_for(std::chrono::microseconds(slowSleepUs));
            };
            if (batched) {
                // As the console reads (clients/bridgeclient.cpp).
                auto reader = stub->SubscribeBatched(&context, request);
                opsdeck::v1::SampleBatch batch;
                while (reader->Read(&batch)) {
                    const long long now = steadyNowNs();
                    ++res.messages;
                    for (const opsdeck::v1::Sample &sample : batch.samples())
                        take(sample, now);
                }
                reader->Finish();
            } else {
                auto reader = stub->Subscribe(&context, request);
                opsdeck::v1::Sample sample;
                while (reader->Read(&sample))
                    take(sample, steadyNowNs());
                reader->Finish();
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    joined.store(true);
    watcher.join();
    std::printf("clients cpu %.6f\n", processCpuSeconds());
    for (int i = 0; i < total; ++i) {
        const Result &res = results[std::size_t(i)];
        std::printf("client %d %s count %llu span %.6f messages %llu first %lld\n", i,
            i == fast ? "slow" : "fast", static_cast<unsigned long long>(res.count),
            double(res.last - res.first) * 1e-9, static_cast<unsigned long long>(res.messages), res.first);
        if (latency && !res.latencies.empty()) {
            std::vector<long long> l = res.latencies;
            std::sort(l.begin(), l.end());
            auto pct = [&l](double p) {
                return double(l[std::min(l.size() - 1, std::size_t(p * double(l.size())))]) / 1000.0;
            };
            std::printf("latency p50 %.3f p99 %.3f n %zu\n", pct(0.50), pct(0.99), l.size());
            l = res.toBridge;
            std::sort(l.begin(), l.end());
            const double toP50 = pct(0.5);
            l = res.fromBridge;
            std::sort(l.begin(), l.end());
            std::printf("split writer->bridge p50 %.3f bridge->client p50 %.3f\n", toP50, pct(0.5));
        }
    }
    std::fflush(stdout);
    return 0;
}

} // namespace opsdeck::bench
