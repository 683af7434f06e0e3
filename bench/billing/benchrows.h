#pragma once

// Deterministic synthetic FOCUS rows for the billing benchmarks: 12
// services, 400 resources, 90 days, hourly charges, a tag per row.
#include "backends/billing/ledgerrow.h"
#include "backends/billing/timeutil.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace opsdeck::bench {

// Row i of n: charges in time order over 90 days when n is given (as a
// ledger fills), cycling through the 90 days hour by hour otherwise.
inline billing::LedgerRow syntheticRow(std::uint64_t i, std::uint64_t n = 0)
{
    static const char *services[] = { "Compute Instances", "Object Storage", "Functions", "Data Transfer",
        "Managed Database", "Load Balancer", "Container Registry", "Queue", "Monitoring", "DNS",
        "Key Management", "Block Storage" };
    static const char *regions[] = { "eu-central-1", "eu-west-1", "us-east-1", "ap-southeast-2" };
    static const char *units[] = { "Hours", "GB-Month", "Requests", "GB" };
    std::uint64_t h = i * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    billing::LedgerRow r;
    const int service = int(h % 12);
    const std::int64_t hour = n > 0 ? std::int64_t(i * 90 * 24 / n) : std::int64_t(i % (90 * 24));
    const std::int64_t start = billing::unixNs(2026, 8, 1) + hour * billing::kNsPerHour;
    r.periodStartNs = start;
    r.periodEndNs = start + billing::kNsPerHour;
    r.currency = "USD";
    r.chargeCategory = opsdeck::v1::CHARGE_CATEGORY_USAGE;
    r.pricingCategory = 1 + int((h >> 8) % 3);
    r.serviceName = services[service];
    r.serviceCategory = service < 4 ? "Compute" : "Other";
    r.regionId = regions[(h >> 12) % 4];
    r.subAccountId = "acct-" + std::to_string((h >> 16) % 8);
    r.resourceId = "res-" + std::to_string((h >> 20) % 400);
    r.consumedQuantity = double((h >> 24) % 1000) / 10.0;
    r.consumedUnit = units[service % 4];
    r.effectiveCost = double((h >> 32) % 100000) / 10000.0;
    r.billedCost = r.effectiveCost;
    r.listCost = r.effectiveCost * (r.pricingCategory == 1 ? 1.0 : 1.4);
    r.contractedCost = r.effectiveCost;
    r.skuId = "sku-" + std::to_string(service) + "-" + std::to_string(r.pricingCategory);
    r.chargeDescription = "synthetic, benchmark row";
    r.tagsJson = "{\"team\":\"t" + std::to_string((h >> 40) % 6) + "\"}";
    return r;
}

inline double secondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

inline void printBench(
    const char *id, double value, const char *unit, double ref, double ratio, const char *op, double goal)
{
    const bool pass = op[0] == '>' ? ratio >= goal : ratio <= goal;
    std::printf("BENCH %s value=%.6g unit=%s ref=%.6g ratio=%.3f goal=%s%g %s\n", id, value, unit, ref, ratio,
        op, goal, pass ? "PASS" : "FAIL");
    std::fflush(stdout);
}

} // namespace opsdeck::bench
