// ingest.calls: call records/s decoded and folded into the LatencyBook, against
// a protobuf parse-only loop over the same serialized batches (same run).
// ingest.percentile_error: worst relative error of p50/p90/p99/p99.9 from the
// histograms against an exact sort of the same values.
#include "model/histogram.h"
#include "model/latencybook.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> makeBatches(int batches, int perBatch)
{
    const char *services[] = { "gateway", "orders", "inventory", "payments", "ledger", "directory" };
    const char *methods[] = { "Get", "Put", "List" };
    const char *callers[] = { "traffic", "gateway", "orders", "payments" };
    std::mt19937_64 rng(1);
    std::lognormal_distribution<double> logn(std::log(5e6), 0.9);
    std::vector<std::string> out;
    std::int64_t t = 1'800'000'000LL * 1'000'000'000;
    for (int b = 0; b < batches; ++b) {
        opsdeck::v1::Envelope e;
        e.set_channel(opsdeck::v1::CHANNEL_TELEMETRY);
        e.set_source("bench");
        auto *batch = e.mutable_call_batch();
        for (int i = 0; i < perBatch; ++i) {
            auto *r = batch->add_calls();
            const int s = int(rng() % 6);
            r->set_service(services[s]);
            r->set_method(methods[rng() % 3]);
            r->set_caller(callers[rng() % 4]);
            r->set_replica(std::string(services[s]) + "-" + std::to_string(rng() % 3));
            t += 50'000; // 20,000 calls per data second
            r->set_start_unix_ns(t);
            r->set_duration_ns(std::int64_t(logn(rng)));
            r->set_status_code(rng() % 50 == 0 ? 4 : 0);
            r->set_deadline_ns(250'000'000);
            r->set_attempt(rng() % 20 == 0 ? 2 : 1);
            r->set_side(opsdeck::v1::CALL_SIDE_CLIENT);
            r->set_request_id(std::to_string(rng()));
        }
        out.push_back(e.SerializeAsString());
    }
    return out;
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

} // namespace

int main(int argc, char **argv)
{
    bool quick = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--help")) {
            std::printf("bench_ingest [--quick]\n"
                        "  ingest.calls: ratio = ours / reference records per second (higher is better);\n"
                        "    ours = parse each Envelope{CallBatch} and fold it into model::LatencyBook,\n"
                        "    reference = protobuf parse-only loop over the same serialized batches.\n"
                        "  ingest.percentile_error: worst relative error of p50/p90/p99/p99.9 against an\n"
                        "    exact sort of the same values (lower is better; goal applies to the value).\n");
            return 0;
        }
        quick |= !std::strcmp(argv[i], "--quick");
    }
    const int batches = quick ? 200 : 1000;
    const int perBatch = 500;
    const auto data = makeBatches(batches, perBatch);
    const double records = double(batches) * perBatch;
    const int rounds = quick ? 1 : 3;

    // Reference: parse only. Best of `rounds`.
    double refBest = 1e30;
    std::uint64_t sink = 0;
    for (int r = 0; r < rounds; ++r) {
        opsdeck::v1::Envelope e;
        const auto t0 = Clock::now();
        for (const std::string &s : data) {
            e.ParseFromString(s);
            sink += std::uint64_t(e.call_batch().calls_size());
        }
        refBest = std::min(refBest, seconds(Clock::now() - t0));
    }
    // Ours: parse + fold (+ one publish per 20,000 records, as a live console would at ~1 Hz).
    double oursBest = 1e30;
    for (int r = 0; r < rounds; ++r) {
        opsdeck::model::LatencyBook book;
        std::vector<opsdeck::v1::Envelope> one(1);
        const auto t0 = Clock::now();
        int n = 0;
        for (const std::string &s : data) {
            one[0].ParseFromString(s);
            book.apply(one);
            if (++n % 40 == 0)
                book.publish();
        }
        book.publish();
        oursBest = std::min(oursBest, seconds(Clock::now() - t0));
        sink += book.records();
    }
    const double refRate = records / refBest;
    const double oursRate = records / oursBest;
    const double ratio = oursRate / refRate;
    std::printf("BENCH ingest.calls value=%.0f unit=records/s ref=%.0f ratio=%.3f goal=>=0.5 %s\n", oursRate,
        refRate, ratio, ratio >= 0.5 ? "PASS" : "FAIL");

    // Percentile error over several shapes of latency.
    std::mt19937_64 rng(99);
    double worst = 0.0;
    const int n = quick ? 200'000 : 1'000'000;
    for (int shape = 0; shape < 3; ++shape) {
        std::lognormal_distribution<double> logn(std::log(shape == 0 ? 2e6 : 40e6), shape == 2 ? 1.5 : 0.7);
        std::bernoulli_distribution slow(0.02);
        std::vector<std::int64_t> values;
        values.reserve(std::size_t(n));
        opsdeck::model::Histogram h;
        for (int i = 0; i < n; ++i) {
            std::int64_t v = std::int64_t(logn(rng));
            if (shape == 1 && slow(rng))
                v = 250'000'000 + v / 100;
            values.push_back(v);
            h.record(v);
        }
        std::sort(values.begin(), values.end());
        for (double q : { 0.5, 0.9, 0.99, 0.999 }) {
            const auto rank = std::max<std::size_t>(1, std::size_t(std::ceil(q * double(values.size()))));
            const double exact = double(values[rank - 1]);
            worst = std::max(worst, std::abs(double(h.percentile(q)) - exact) / exact);
        }
    }
    std::printf("BENCH ingest.percentile_error value=%.5f unit=relative goal=<=0.01 %s\n", worst,
        worst <= 0.01 ? "PASS" : "FAIL");
    return sink == 0 ? 1 : 0;
}
