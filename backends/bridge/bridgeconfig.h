#pragma once

#include <cstdint>
#include <string>

namespace opsdeck::bridge {

// Everything opsdeck-bridge can be told (command line / config file keys in
// docs/BRIDGE.md). Defaults are the loopback demo set-up.
struct BridgeConfig
{
    std::string listen = "127.0.0.1:0"; // port 0: an ephemeral port, see BridgeServer::port()
    std::uint32_t domain = 0; // DDS domain id
    std::string bridgeId = "opsdeck-bridge";

    // Security. No token file: open (every caller is an operator "anonymous").
    std::string tokenFile;
    std::string tlsCertFile; // PEM; with tlsKeyFile turns TLS on
    std::string tlsKeyFile;
    std::string tlsClientCaFile; // PEM; verifies client certificates when given
    bool requireClientCert = false;
    bool allowInsecureRemote = false; // plaintext on a non-loopback address needs this

    // Control module and time manager.
    bool controlEnabled = true; // exactly one bridge per domain should control time
    std::int64_t dtNs = 100'000'000;
    double realTimeFactor = 1.0;
    std::int64_t epochUnixNs = 1'767'225'600'000'000'000; // 2026-01-01T00:00:00Z
    std::string auditLogPath;

    // Forwarding.
    int statsPeriodMs = 1000;
    std::uint32_t defaultQueueCapacity = 1024;
    std::uint32_t maxQueueCapacity = 65536;

    // After (re)start, hold subscribers that want a snapshot until the members'
    // transient-local state has arrived: until DDS discovery and the state have
    // been quiet for historyQuietMs and every member holds as many keys here as
    // its MemberStatus.owned_keys says, at most historyWaitMs. 0 = no wait.
    int historyWaitMs = 1000;
    int historyQuietMs = 200;
};

} // namespace opsdeck::bridge
