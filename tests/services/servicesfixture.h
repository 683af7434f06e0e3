#pragma once

#include "model/latencybook.h"

// A LatencyBook with 30 s of known traffic: orders/PlaceOrder fast,
// payments/Charge close to its 300 ms deadline with timeouts, ledger/Post fast,
// replicas with health from a topology.
inline std::shared_ptr<const opsdeck::model::LatencyBook::Snapshot> servicesFixture(int seconds = 30)
{
    constexpr std::int64_t kSec = 1'000'000'000;
    const std::int64_t t0 = 1'800'000'000LL * kSec;
    opsdeck::model::LatencyBook book;
    std::vector<opsdeck::v1::Envelope> envs;
    for (int s = 0; s < seconds; ++s) {
        opsdeck::v1::Envelope e;
        e.set_channel(opsdeck::v1::CHANNEL_TELEMETRY);
        auto *batch = e.mutable_call_batch();
        auto add = [&](const char *caller, const char *service, const char *method, const char *replica,
                       std::int64_t d, std::uint32_t status, std::int64_t deadline) {
            auto *r = batch->add_calls();
            r->set_caller(caller);
            r->set_service(service);
            r->set_method(method);
            r->set_replica(replica);
            r->set_start_unix_ns(t0 + s * kSec);
            r->set_duration_ns(d);
            r->set_status_code(status);
            r->set_attempt(1);
            r->set_deadline_ns(deadline);
            r->set_side(opsdeck::v1::CALL_SIDE_CLIENT);
        };
        for (int i = 0; i < 20; ++i) {
            add("gateway", "orders", "PlaceOrder", "orders-0", (3 + i % 5) * 1'000'000, 0, 800'000'000);
            add("orders", "payments", "Charge", i % 2 ? "payments-1" : "payments-0",
                i % 10 == 0 ? 300'000'000 : (250 + i) * 1'000'000, i % 10 == 0 ? 4 : 0, 300'000'000);
            add("payments", "ledger", "Post", "ledger-0", (1 + i % 3) * 1'000'000, 0, 150'000'000);
        }
        if (s == 0) {
            auto *t = batch->mutable_topology();
            auto *svc = t->add_services();
            svc->set_service("payments");
            for (int r = 0; r < 2; ++r) {
                auto *rep = svc->add_replicas();
                rep->set_replica("payments-" + std::to_string(r));
                rep->set_health(
                    r == 1 ? opsdeck::v1::REPLICA_HEALTH_EJECTED : opsdeck::v1::REPLICA_HEALTH_SERVING);
            }
            auto *edge = t->add_edges();
            edge->set_caller("traffic");
            edge->set_callee("gateway");
            edge = t->add_edges();
            edge->set_caller("gateway");
            edge->set_callee("orders");
        }
        envs.push_back(std::move(e));
    }
    book.apply(envs);
    book.publish();
    return book.snapshot();
}

// audit/Export, called only in the given seconds (20 calls of 40 ms each).
inline std::shared_ptr<const opsdeck::model::LatencyBook::Snapshot> sparseFixture(std::vector<int> seconds)
{
    constexpr std::int64_t kSec = 1'000'000'000;
    const std::int64_t t0 = 1'800'000'000LL * kSec;
    opsdeck::model::LatencyBook book;
    std::vector<opsdeck::v1::Envelope> envs;
    for (int s : seconds) {
        opsdeck::v1::Envelope e;
        e.set_channel(opsdeck::v1::CHANNEL_TELEMETRY);
        auto *batch = e.mutable_call_batch();
        for (int i = 0; i < 20; ++i) {
            auto *r = batch->add_calls();
            r->set_caller("gateway");
            r->set_service("audit");
            r->set_method("Export");
            r->set_replica("audit-0");
            r->set_start_unix_ns(t0 + s * kSec);
            r->set_duration_ns(40'000'000);
            r->set_attempt(1);
            r->set_side(opsdeck::v1::CALL_SIDE_CLIENT);
        }
        envs.push_back(std::move(e));
    }
    book.apply(envs);
    book.publish();
    return book.snapshot();
}
