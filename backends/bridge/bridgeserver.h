#pragma once

#include "backends/bridge/bridgeconfig.h"
#include "opsdeck/v1/bridge.pb.h"

#include <memory>
#include <string>

namespace opsdeck::bridge {

struct BridgeCore;

// The DDS-bridge backend, in-process: one Cyclone DDS participant (loopback
// configuration unless CYCLONEDDS_URI is set), the selective-forwarding core,
// the control module and a gRPC server implementing opsdeck.v1.Bridge with
// health checking, reflection and channelz.
//
//   opsdeck::bridge::BridgeServer bridge(config);     // listen "127.0.0.1:0"
//   if (!bridge.start(&error)) ...;
//   connect to bridge.address()  // "127.0.0.1:<port>"
//   bridge.stop();                // also in the destructor
//
// start()/stop() from one thread; the accessors are thread-safe.
class BridgeServer
{
public:
    explicit BridgeServer(BridgeConfig config);
    ~BridgeServer();
    BridgeServer(const BridgeServer &) = delete;
    BridgeServer &operator=(const BridgeServer &) = delete;

    bool start(std::string *error);
    void stop();

    int port() const;
    std::string address() const;
    const BridgeConfig &config() const { return m_config; }

    opsdeck::v1::BridgeStats stats() const; // the latest periodic stats
    opsdeck::v1::SimClock clock() const;
    std::size_t subscriberCount() const; // open Subscribe streams

private:
    BridgeConfig m_config;
    std::unique_ptr<BridgeCore> m_core;
};

} // namespace opsdeck::bridge
