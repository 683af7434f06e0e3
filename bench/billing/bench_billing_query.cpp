// billing.query: group-by (service x day) over N line items through the
// billing backend's gRPC QueryCosts (in-process, loopback) against the same
// SQL run by the sqlite3 shell on the same file, in the same run.
// ratio = ours / reference time (lower is better), goal <= 1.5.
#include "backends/billing/billingbackend.h"
#include "backends/billing/ledger.h"
#include "bench/billing/benchrows.h"
#include "opsdeck/v1/billing.grpc.pb.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <vector>

using namespace opsdeck;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Runs the SQL `runs` times in one sqlite3 shell with .timer on; returns the
// "Run Time: real" of each run and counts the result lines.
std::vector<double> shellTimes(
    const std::string &db, const std::string &sql, int runs, std::size_t *resultLines)
{
    const std::string script = db + ".sql";
    {
        std::ofstream out(script);
        out << ".timer on\n";
        for (int i = 0; i < runs; ++i)
            out << sql << "\n";
    }
    // The shell gets the same page cache as the ledger's reader connection.
    const std::string command
        = "sqlite3 -batch -readonly -cmd 'PRAGMA cache_size=-65536' '" + db + "' < '" + script + "' 2>&1";
    FILE *pipe = popen(command.c_str(), "r");
    std::vector<double> times;
    std::size_t lines = 0;
    char line[4096];
    while (pipe && std::fgets(line, sizeof line, pipe)) {
        double real = 0;
        if (std::sscanf(line, "Run Time: real %lf", &real) == 1)
            times.push_back(real);
        else
            ++lines;
    }
    if (pipe)
        pclose(pipe);
    std::filesystem::remove(script);
    *resultLines = runs > 0 ? lines / std::size_t(runs) : 0;
    return times;
}

} // namespace

int main(int argc, char **argv)
{
    std::uint64_t rows = 1'000'000;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--help")) {
            std::printf(
                "bench_billing_query [--quick|--full|--rows N]\n"
                "  BENCH billing.query: QueryCosts (granularity day, group by service) over N line items\n"
                "  through the billing backend's gRPC service in-process; ref = the same SQL\n"
                "  (Ledger::groupedSql) run by the sqlite3 shell on the same file (.timer real time).\n"
                "  ratio = ours / ref time (lower is better), goal <= 1.5. Median of 3 runs each, "
                "alternating.\n"
                "  Default 1,000,000 line items; --quick 200,000; --full 10,000,000 (BENCHMARKS.md size).\n");
            return 0;
        }
        if (!std::strcmp(argv[i], "--quick"))
            rows = 200'000;
        else if (!std::strcmp(argv[i], "--full"))
            rows = 10'000'000;
        else if (!std::strcmp(argv[i], "--rows") && i + 1 < argc)
            rows = std::strtoull(argv[++i], nullptr, 10);
    }
    const auto dir
        = std::filesystem::temp_directory_path() / ("opsdeck-bench-query-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "ledger.sqlite").string();
    std::string error;
    {
        auto ledger = billing::Ledger::open(path, "USD", &error);
        billing::Ledger::Writer writer(*ledger, 50000);
        const auto t0 = std::chrono::steady_clock::now();
        for (std::uint64_t i = 0; i < rows; ++i)
            writer.add(bench::syntheticRow(i, rows), &error);
        writer.finish(&error);
        std::printf("billing.query: %llu line items (built in %.1f s)\n",
            static_cast<unsigned long long>(rows), bench::secondsSince(t0));
    }

    billing::BillingOptions options;
    options.ledgerPath = path;
    options.syntheticWorkload = false;
    auto backend = billing::BillingBackend::create(options, &error);
    if (!backend || !backend->start(&error)) {
        std::fprintf(stderr, "backend: %s\n", error.c_str());
        return 1;
    }
    auto stub = opsdeck::v1::Billing::NewStub(
        grpc::CreateChannel(backend->address(), grpc::InsecureChannelCredentials()));
    opsdeck::v1::CostQuery query;
    query.set_granularity(opsdeck::v1::GRANULARITY_DAY);
    query.add_group_by()->set_dimension(opsdeck::v1::DIMENSION_SERVICE);
    const std::string sql = backend->ledger().groupedSql(query);

    auto ours = [&](std::size_t *rowsOut) {
        grpc::ClientContext ctx;
        opsdeck::v1::CostReport report;
        const auto t0 = std::chrono::steady_clock::now();
        const grpc::Status status = stub->QueryCosts(&ctx, query, &report);
        const double seconds = bench::secondsSince(t0);
        if (!status.ok() || report.totals().line_items() != rows) {
            std::fprintf(stderr, "QueryCosts: %s (%llu items)\n", status.error_message().c_str(),
                static_cast<unsigned long long>(report.totals().line_items()));
            std::exit(1);
        }
        *rowsOut = std::size_t(report.rows_size());
        return seconds;
    };
    std::size_t ourRows = 0, shellRows = 0;
    // The ledger was just written, so its pages are in the OS cache for both.
    std::vector<double> oursTimes, refTimes;
    for (int i = 0; i < 3; ++i) {
        oursTimes.push_back(ours(&ourRows));
        const auto t = shellTimes(path, sql, 1, &shellRows);
        if (t.empty()) {
            std::fprintf(stderr, "the sqlite3 shell did not report a time (is sqlite3 installed?)\n");
            return 1;
        }
        refTimes.push_back(t.front());
    }
    backend->stop();
    std::filesystem::remove_all(dir);
    if (ourRows != shellRows) {
        std::fprintf(stderr, "row count differs: ours %zu, sqlite3 %zu\n", ourRows, shellRows);
        return 1;
    }
    const double o = median(oursTimes), r = median(refTimes);
    std::printf("billing.query: %zu result rows; ours %.3f s, sqlite3 shell %.3f s\n", ourRows, o, r);
    bench::printBench("billing.query", o * 1000.0, "ms", r * 1000.0, o / r, "<=", 1.5);
    return 0;
}
