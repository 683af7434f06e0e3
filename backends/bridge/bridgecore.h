#pragma once

#include "backends/bridge/bridgeconfig.h"
#include "backends/bridge/controlmodule.h"
#include "backends/bridge/ddsingest.h"
#include "backends/bridge/fanout.h"
#include "backends/bridge/tokenstore.h"
#include "backends/dds/participant.h"

#include <grpcpp/server.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace opsdeck::bridge {

// Progress of the history wait after a (re)start (ticker thread only).
struct HistoryWatch
{
    bool holding = false;
    std::uint64_t matched = 0;
    std::size_t keys = 0;
    std::chrono::steady_clock::time_point lastChange;
};

// The parts of a running bridge, shared by BridgeServer and BridgeService.
// Members are declared in construction order; destruction runs backwards.
struct BridgeCore
{
    explicit BridgeCore(const BridgeConfig &c)
        : config(c)
    { }

    BridgeConfig config;
    TokenStore tokens;
    dds::Participant participant;
    Fanout fanout;
    std::unique_ptr<DdsIngest> ingest;
    std::unique_ptr<ControlModule> control;
    std::int64_t startedUnixNs = 0;
    std::atomic<std::uint64_t> nextSubscriber { 0 };

    std::unique_ptr<grpc::Service> service;
    std::unique_ptr<grpc::Server> server;
    int port = 0;

    // The ticker thread: rate-limit flushes every 10 ms, BridgeStats every period.
    std::thread ticker;
    std::mutex tickMutex;
    std::condition_variable tickWake;
    bool stopping = false;

    mutable std::mutex statsMutex;
    opsdeck::v1::BridgeStats lastStats;

    opsdeck::v1::BridgeStats buildStats(std::int64_t periodNs);
    // Releases the subscribers held for the history once it has settled or
    // the wait reached its bound.
    void watchHistory(HistoryWatch &watch, std::chrono::steady_clock::duration elapsed);
    opsdeck::v1::SimClock clock() const;
};

} // namespace opsdeck::bridge
