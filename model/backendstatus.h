#pragma once

#include <QString>

#include <array>
#include <cstdint>

namespace opsdeck::model {

// The three backends the console talks to (DESIGN.md, Processes).
enum class Backend { Bridge, Telemetry, Billing };
inline constexpr std::array<Backend, 3> kAllBackends { Backend::Bridge, Backend::Telemetry,
    Backend::Billing };

enum class LinkState {
    NotConfigured, // no address known
    Idle, // address known, no connection attempted
    Connecting,
    Connected,
    Failed,
};

// What the console knows about one backend connection. Clients report it; the
// Connections dock and the status-bar lights show it.
struct BackendStatus
{
    QString address; // as configured, e.g. "grpc://127.0.0.1:50051"
    LinkState state = LinkState::NotConfigured;
    QString detail; // why the state is what it is (an error, or a note)
    std::int64_t sinceUnixNs = 0;
};

// Stable keys for settings and object names: "bridge", "telemetry", "billing".
QString backendKey(Backend backend);

} // namespace opsdeck::model
