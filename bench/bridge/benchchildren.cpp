#include "benchchildren.h"

#include "backends/dds/participant.h"
#include "opsdeck/v1/bridge.grpc.pb.h"
#include "opsdeck_dds.h"

#include <grpcpp/create_channel.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace opsdeck::bench {

long long steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {

std::atomic<bool> g_stopClients{false};

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
    const dds_entity_t nodes = participant.createWriter(participant.topics().node, dds::QosKind::State, &error);
    const dds_entity_t routes = participant.createWriter(participant.topics().route, dds::QosKind::State, &error);
    if (nodes < 0 || routes < 0 || !waitMatched(nodes) || !waitMatched(routes)) {
        std::fprintf(stderr, "writer: no bridge matched\n");
        return 1;
    }
    char member[] = "bench-writer";
    char name[] = "N";
    for (std::uint32_t id = 1; id <= 6; ++id) {
        opsdeck_dds_NodeState n{};
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
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // nodes reach the bridge before routes name them

    // A Route of six hops: 100 bytes of CDR payload, like ddsperf's "size 100".
    std::uint32_t hops[] = {1, 2, 3, 4, 5, 6};
    char routeName[] = "bench";
    opsdeck_dds_Route r{};
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
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("written %llu seconds %.6f\n", static_cast<unsigned long long>(written), seconds);
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let reliable delivery finish
    return 0;
}

int runClients(const QStringList &args)
{
    if (args.size() != 5)
        return 2;
    const std::string address = args[0].toStdString();
    const int fast = args[1].toInt();
    const int slowSleepUs = args[2].toInt();
    const auto duration = std::chrono::milliseconds(args[3].toLongLong());
    const bool latency = args[4].toInt() != 0;
    auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
    auto stub = opsdeck::v1::Bridge::NewStub(channel);
    const int total = fast + (slowSleepUs > 0 ? 1 : 0);
    struct Result
    {
        std::uint64_t count = 0;
        long long first = 0, last = 0;
        std::vector<long long> latencies;
    };
    std::vector<Result> results(static_cast<std::size_t>(total));
    std::vector<std::thread> threads;
    // The parent sends SIGTERM once the writer is done and the data drained;
    // the deadline is only a safety net.
    std::signal(SIGTERM, stopClients);
    const auto deadline = std::chrono::system_clock::now() + duration;
    std::vector<grpc::ClientContext> contexts(static_cast<std::size_t>(total));
    std::atomic<bool> joined{false};
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
            auto reader = stub->Subscribe(&context, request);
            opsdeck::v1::Sample sample;
            Result &res = results[std::size_t(i)];
            while (reader->Read(&sample)) {
                // Only the writer's samples (the writer's exit disposes every key: not data).
                if (!sample.has_route() || !sample.route().reachable())
                    continue;
                const long long now = steadyNowNs();
                if (res.count++ == 0)
                    res.first = now;
                res.last = now;
                if (latency)
                    res.latencies.push_back(now - sample.source_time_ns());
                if (slow)
                    std::this_thread::sleep_for(std::chrono::microseconds(slowSleepUs));
            }
            reader->Finish();
        });
    }
    for (std::thread &t : threads)
        t.join();
    joined.store(true);
    watcher.join();
    for (int i = 0; i < total; ++i) {
        const Result &res = results[std::size_t(i)];
        std::printf("client %d %s count %llu span %.6f\n", i, i == fast ? "slow" : "fast",
                    static_cast<unsigned long long>(res.count), double(res.last - res.first) * 1e-9);
        if (latency && !res.latencies.empty()) {
            std::vector<long long> l = res.latencies;
            std::sort(l.begin(), l.end());
            auto pct = [&l](double p) { return double(l[std::min(l.size() - 1, std::size_t(p * double(l.size())))]) / 1000.0; };
            std::printf("latency p50 %.3f p99 %.3f n %zu\n", pct(0.50), pct(0.99), l.size());
        }
    }
    std::fflush(stdout);
    return 0;
}

} // namespace opsdeck::bench
