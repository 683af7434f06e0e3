#pragma once

#include <QString>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include <chrono>
#include <memory>

namespace opsdeck::clients {

// Where a backend is and how to reach it. Filled from the command line
// (--bridge URL ...), the Connections dialog or QSettings.
struct Endpoint
{
    QString target; // host:port
    bool tls = false; // grpcs:// or explicit
    QString caFile; // PEM; empty = system roots
    QString certFile; // client certificate (PEM), optional
    QString keyFile; // client key (PEM), optional
    QString token; // bearer token sent as `authorization: Bearer ...`
    // Plaintext to anything but loopback needs this explicit opt-in (DESIGN.md, Security).
    bool allowInsecureRemote = false;

    // Keepalive: ping an idle connection this often, declare it dead if no
    // answer within the timeout. The servers accept pings at this rate.
    std::chrono::milliseconds keepaliveInterval { 10000 };
    std::chrono::milliseconds keepaliveTimeout { 5000 };
    // Reconnect backoff (gRPC's own, capped so an operator never waits long).
    std::chrono::milliseconds initialBackoff { 250 };
    std::chrono::milliseconds maxBackoff { 4000 };
    int maxReceiveMessageBytes = 64 * 1024 * 1024;

    bool isLoopback() const;
};

// Parses "host:port", "grpc://host:port" (plaintext) or "grpcs://host:port"
// (TLS). Returns false and a readable reason for anything else.
bool parseEndpointUrl(const QString &url, Endpoint *out, QString *error);

// Builds a channel for the endpoint. Returns nullptr and a reason when the
// endpoint is not allowed (plaintext to a remote host without opt-in) or the
// TLS files cannot be read. Never falls back to plaintext silently.
std::shared_ptr<grpc::Channel> makeChannel(const Endpoint &endpoint, QString *error);

// Adds the bearer token and a deadline to a call.
void prepareContext(
    grpc::ClientContext &context, const Endpoint &endpoint, std::chrono::milliseconds deadline);

} // namespace opsdeck::clients
