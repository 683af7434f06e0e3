// billing.import: FOCUS CSV rows/s streamed into the ledger (parse, validate,
// batched insert) against a raw batched SQLite insert of the same rows into
// the same schema, measured in the same run. ratio = ours / reference
// (higher is better), goal >= 0.5.
#include "backends/billing/focuscsv.h"
#include "backends/billing/focusimport.h"
#include "backends/billing/ledger.h"
#include "bench/billing/benchrows.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <vector>

using namespace opsdeck;

namespace {

// The reference gets the ledger's own pragmas (WAL, synchronous=NORMAL, 64 MiB cache).
double rawInsert(const std::string &path, const std::vector<billing::LedgerRow> &rows)
{
    std::string error;
    billing::Ledger::open(path, "USD", &error); // the same schema and indexes, then closed
    sqlite3 *db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;", nullptr,
        nullptr, nullptr);
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db,
        "INSERT INTO line_items(billed_cost, effective_cost, list_cost, contracted_cost, currency,"
        " period_start, period_end, charge_category, pricing_category, commitment_type, commitment_id,"
        " commitment_status, service_name, service_category, region_id, sub_account_id, resource_id,"
        " consumed_quantity, consumed_unit, sku_id, charge_description, tags)"
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        -1, &s, nullptr);
    const auto t0 = std::chrono::steady_clock::now();
    std::size_t inBatch = 0;
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (const auto &r : rows) {
        auto text = [s](int i, const std::string &v) {
            sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_STATIC);
        };
        sqlite3_bind_double(s, 1, r.billedCost);
        sqlite3_bind_double(s, 2, r.effectiveCost);
        sqlite3_bind_double(s, 3, r.listCost);
        sqlite3_bind_double(s, 4, r.contractedCost);
        text(5, r.currency);
        sqlite3_bind_int64(s, 6, r.periodStartNs);
        sqlite3_bind_int64(s, 7, r.periodEndNs);
        sqlite3_bind_int(s, 8, r.chargeCategory);
        sqlite3_bind_int(s, 9, r.pricingCategory);
        text(10, r.commitmentDiscountType);
        text(11, r.commitmentDiscountId);
        text(12, r.commitmentDiscountStatus);
        text(13, r.serviceName);
        text(14, r.serviceCategory);
        text(15, r.regionId);
        text(16, r.subAccountId);
        text(17, r.resourceId);
        sqlite3_bind_double(s, 18, r.consumedQuantity);
        text(19, r.consumedUnit);
        text(20, r.skuId);
        text(21, r.chargeDescription);
        text(22, r.tagsJson);
        sqlite3_step(s);
        sqlite3_reset(s);
        if (++inBatch == 20000) {
            sqlite3_exec(db, "COMMIT; BEGIN", nullptr, nullptr, nullptr);
            inBatch = 0;
        }
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double seconds = bench::secondsSince(t0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return seconds;
}

} // namespace

int main(int argc, char **argv)
{
    std::uint64_t rows = 500'000;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--help")) {
            std::printf(
                "bench_billing_import [--quick|--full|--rows N]\n"
                "  BENCH billing.import: FOCUS CSV rows/s into the ledger (streamed parse + validation +\n"
                "  batched insert); ref = raw batched SQLite insert of the same, already parsed rows into\n"
                "  the same schema. ratio = ours / ref (higher is better), goal >= 0.5.\n"
                "  Default 500,000 rows; --quick 100,000; --full 2,000,000.\n");
            return 0;
        }
        if (!std::strcmp(argv[i], "--quick"))
            rows = 100'000;
        else if (!std::strcmp(argv[i], "--full"))
            rows = 2'000'000;
        else if (!std::strcmp(argv[i], "--rows") && i + 1 < argc)
            rows = std::strtoull(argv[++i], nullptr, 10);
    }
    const auto dir
        = std::filesystem::temp_directory_path() / ("opsdeck-bench-import-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string csvPath = (dir / "focus.csv").string();

    std::vector<billing::LedgerRow> parsed;
    parsed.reserve(rows);
    {
        std::ofstream csv(csvPath, std::ios::binary);
        std::string buffer;
        billing::FocusCsvWriter::header(&buffer);
        for (std::uint64_t i = 0; i < rows; ++i) {
            parsed.push_back(bench::syntheticRow(i));
            billing::FocusCsvWriter::row(parsed.back(), &buffer);
            if (buffer.size() > (1 << 20)) {
                csv.write(buffer.data(), std::streamsize(buffer.size()));
                buffer.clear();
            }
        }
        csv.write(buffer.data(), std::streamsize(buffer.size()));
    }
    const auto csvBytes = std::filesystem::file_size(csvPath);
    std::printf("billing.import: %llu rows, %.1f MB of FOCUS CSV\n", static_cast<unsigned long long>(rows),
        double(csvBytes) / 1e6);

    const double refSeconds = rawInsert((dir / "raw.sqlite").string(), parsed);
    parsed.clear();
    parsed.shrink_to_fit();

    std::string error;
    auto ledger = billing::Ledger::open((dir / "ledger.sqlite").string(), "USD", &error);
    const auto t0 = std::chrono::steady_clock::now();
    const auto report = billing::importFocusFile(*ledger, csvPath, &error);
    const double oursSeconds = bench::secondsSince(t0);
    ledger.reset();
    std::filesystem::remove_all(dir);
    if (report.rows_imported() != rows || report.rows_rejected() != 0) {
        std::fprintf(stderr, "import imported %llu of %llu rows (%s)\n",
            static_cast<unsigned long long>(report.rows_imported()), static_cast<unsigned long long>(rows),
            error.c_str());
        return 1;
    }
    const double ours = double(rows) / oursSeconds;
    const double ref = double(rows) / refSeconds;
    bench::printBench("billing.import", ours, "rows/s", ref, ours / ref, ">=", 0.5);
    return 0;
}
