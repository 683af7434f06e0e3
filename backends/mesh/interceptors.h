#pragma once

#include <grpcpp/support/client_interceptor.h>
#include <grpcpp/support/server_interceptor.h>

#include <string>

namespace opsdeck::mesh {

class TelemetryHub;

// Metadata the mesh's callers attach so that both ends of a call agree on who
// called, which attempt it is and which logical request it belongs to.
inline constexpr const char *kCallerKey = "x-opsdeck-caller";
inline constexpr const char *kAttemptKey = "x-opsdeck-attempt";
inline constexpr const char *kRequestIdKey = "x-opsdeck-request-id";

// Splits "/opsdeck.v1.Orders/PlaceOrder" into ("orders", "PlaceOrder").
void splitMethod(const char *fullMethod, std::string *service, std::string *method);

// Installed on every channel a caller opens to one replica: records each call
// as the caller saw it (CALL_SIDE_CLIENT), deadline-exceeded included.
class ClientTelemetryFactory final : public grpc::experimental::ClientInterceptorFactoryInterface
{
public:
    ClientTelemetryFactory(TelemetryHub *hub, std::string caller, std::string replica);
    grpc::experimental::Interceptor *CreateClientInterceptor(
        grpc::experimental::ClientRpcInfo *info) override;

private:
    TelemetryHub *m_hub;
    std::string m_caller;
    std::string m_replica;
};

// Installed on every replica's server: records each call as the callee served
// it (CALL_SIDE_SERVER) and flags a response finished after the caller's
// deadline, which the caller has already given up on.
class ServerTelemetryFactory final : public grpc::experimental::ServerInterceptorFactoryInterface
{
public:
    ServerTelemetryFactory(TelemetryHub *hub, std::string replica);
    grpc::experimental::Interceptor *CreateServerInterceptor(
        grpc::experimental::ServerRpcInfo *info) override;

private:
    TelemetryHub *m_hub;
    std::string m_replica;
};

} // namespace opsdeck::mesh
