#pragma once

#include "model/backendstatus.h"

#include <QString>

class QSettings;

namespace opsdeck::model {

// How to reach one backend, as the user configured it (Connections dialog,
// command line). clients/ turns it into a clients::Endpoint.
struct BackendSettings
{
    QString url; // grpc://host:port, grpcs://host:port or host:port; empty = not configured
    QString caFile; // PEM; empty = system roots
    QString certFile; // client certificate (PEM), optional
    QString keyFile; // client key (PEM), optional
    QString token; // bearer token, optional

    bool operator==(const BackendSettings &) const = default;
};

// Settings of all three backends, stored in QSettings under
// "connections/<backend key>/...".
struct ConnectionSettings
{
    BackendSettings bridge;
    BackendSettings telemetry;
    BackendSettings billing;

    BackendSettings &of(Backend backend);
    const BackendSettings &of(Backend backend) const;

    static ConnectionSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    bool operator==(const ConnectionSettings &) const = default;
};

} // namespace opsdeck::model
