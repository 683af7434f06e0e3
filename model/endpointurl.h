#pragma once

#include <QString>

namespace opsdeck::model {

// A backend address as the user types it, parsed without any network library,
// so that widgets/ (the Connections dialog) and clients/ (which builds the
// gRPC channel) validate with the same code and widgets/ links no gRPC.
struct EndpointUrl
{
    QString target; // host:port, IPv6 hosts in brackets: "[::1]:50051"
    bool tls = false; // grpcs://
};

// Accepts "host:port", "grpc://host:port" (plaintext) or "grpcs://host:port"
// (TLS), with an optional trailing '/'. Returns false and a readable reason
// for anything else.
bool parseEndpointUrl(const QString &url, EndpointUrl *out, QString *error);

// "[::1]:443" → "::1", "127.0.0.1:50051" → "127.0.0.1", "name:1" → "name".
QString endpointHost(const QString &target);

} // namespace opsdeck::model
