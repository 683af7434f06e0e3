#include "backends/mesh/interceptors.h"

#include "backends/mesh/telemetryhub.h"

#include <grpcpp/client_context.h>
#include <grpcpp/server_context.h>

#include <cctype>
#include <chrono>
#include <cstring>

namespace opsdeck::mesh {

namespace {

using Hook = grpc::experimental::InterceptionHookPoints;
using SysClock = std::chrono::system_clock;

std::int64_t toUnixNs(SysClock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

// A deadline further than a day away is gRPC's "none" (infinite future).
std::int64_t budgetNs(SysClock::time_point start, SysClock::time_point deadline)
{
    if (deadline - start > std::chrono::hours(24))
        return 0;
    return std::chrono::duration_cast<std::chrono::nanoseconds>(deadline - start).count();
}

template<typename Map> std::string lookup(const Map &metadata, const char *key)
{
    const auto it = metadata.find(key);
    return it == metadata.end() ? std::string() : std::string(it->second.data(), it->second.size());
}

class ClientTelemetry final : public grpc::experimental::Interceptor
{
public:
    ClientTelemetry(grpc::experimental::ClientRpcInfo *info, TelemetryHub *hub, const std::string &caller,
        const std::string &replica)
        : m_info(info)
        , m_hub(hub)
    {
        m_record.set_caller(caller);
        m_record.set_replica(replica);
        m_record.set_side(opsdeck::v1::CALL_SIDE_CLIENT);
        std::string service, method;
        splitMethod(info->method(), &service, &method);
        m_record.set_service(service);
        m_record.set_method(method);
    }

    void Intercept(grpc::experimental::InterceptorBatchMethods *methods) override
    {
        if (methods->QueryInterceptionHookPoint(Hook::PRE_SEND_INITIAL_METADATA)) {
            m_start = SysClock::now();
            auto *md = methods->GetSendInitialMetadata();
            const std::string attempt = lookup(*md, kAttemptKey);
            m_record.set_attempt(
                attempt.empty() ? 1 : std::uint32_t(std::strtoul(attempt.c_str(), nullptr, 10)));
            m_record.set_request_id(lookup(*md, kRequestIdKey));
            if (md->find(kCallerKey) == md->end())
                md->emplace(kCallerKey, m_record.caller());
            m_record.set_start_unix_ns(toUnixNs(m_start));
            m_record.set_deadline_ns(budgetNs(m_start, m_info->client_context()->deadline()));
        }
        if (methods->QueryInterceptionHookPoint(Hook::POST_RECV_STATUS)) {
            const grpc::Status *status = methods->GetRecvStatus();
            m_record.set_duration_ns(
                std::chrono::duration_cast<std::chrono::nanoseconds>(SysClock::now() - m_start).count());
            m_record.set_status_code(std::uint32_t(status->error_code()));
            if (!status->ok())
                m_record.set_status_message(status->error_message().substr(0, 200));
            m_hub->record(std::move(m_record));
        }
        methods->Proceed();
    }

private:
    grpc::experimental::ClientRpcInfo *m_info;
    TelemetryHub *m_hub;
    opsdeck::v1::CallRecord m_record;
    SysClock::time_point m_start;
};

class ServerTelemetry final : public grpc::experimental::Interceptor
{
public:
    ServerTelemetry(grpc::experimental::ServerRpcInfo *info, TelemetryHub *hub, const std::string &replica)
        : m_info(info)
        , m_hub(hub)
    {
        m_record.set_replica(replica);
        m_record.set_side(opsdeck::v1::CALL_SIDE_SERVER);
        std::string service, method;
        splitMethod(info->method(), &service, &method);
        m_record.set_service(service);
        m_record.set_method(method);
    }

    void Intercept(grpc::experimental::InterceptorBatchMethods *methods) override
    {
        if (methods->QueryInterceptionHookPoint(Hook::POST_RECV_INITIAL_METADATA)) {
            m_start = SysClock::now();
            const auto *md = methods->GetRecvInitialMetadata();
            const std::string caller = lookup(*md, kCallerKey);
            m_record.set_caller(caller.empty() ? "unknown" : caller);
            const std::string attempt = lookup(*md, kAttemptKey);
            m_record.set_attempt(
                attempt.empty() ? 1 : std::uint32_t(std::strtoul(attempt.c_str(), nullptr, 10)));
            m_record.set_request_id(lookup(*md, kRequestIdKey));
            m_deadline = m_info->server_context()->deadline();
            m_record.set_start_unix_ns(toUnixNs(m_start));
            m_record.set_deadline_ns(budgetNs(m_start, m_deadline));
        }
        if (methods->QueryInterceptionHookPoint(Hook::PRE_SEND_STATUS)) {
            const auto end = SysClock::now();
            const grpc::Status status = methods->GetSendStatus();
            m_record.set_duration_ns(
                std::chrono::duration_cast<std::chrono::nanoseconds>(end - m_start).count());
            m_record.set_status_code(std::uint32_t(status.error_code()));
            // SEEDS.md section 3: the caller's timeout manager has already
            // dropped this request's context; the response will find nobody.
            m_record.set_late_response(m_record.deadline_ns() > 0 && end > m_deadline);
            m_hub->record(std::move(m_record));
        }
        methods->Proceed();
    }

private:
    grpc::experimental::ServerRpcInfo *m_info;
    TelemetryHub *m_hub;
    opsdeck::v1::CallRecord m_record;
    SysClock::time_point m_start;
    SysClock::time_point m_deadline;
};

} // namespace

void splitMethod(const char *fullMethod, std::string *service, std::string *method)
{
    const std::string full = fullMethod ? fullMethod : "";
    const auto slash = full.rfind('/');
    const std::string qualified = slash == std::string::npos ? full : full.substr(1, slash - 1);
    *method = slash == std::string::npos ? std::string() : full.substr(slash + 1);
    const auto dot = qualified.rfind('.');
    std::string name = dot == std::string::npos ? qualified : qualified.substr(dot + 1);
    for (char &c : name)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    *service = name;
}

ClientTelemetryFactory::ClientTelemetryFactory(TelemetryHub *hub, std::string caller, std::string replica)
    : m_hub(hub)
    , m_caller(std::move(caller))
    , m_replica(std::move(replica))
{ }

grpc::experimental::Interceptor *ClientTelemetryFactory::CreateClientInterceptor(
    grpc::experimental::ClientRpcInfo *info)
{
    if (std::strncmp(info->method(), "/grpc.", 6) == 0)
        return nullptr;
    return new ClientTelemetry(info, m_hub, m_caller, m_replica);
}

ServerTelemetryFactory::ServerTelemetryFactory(TelemetryHub *hub, std::string replica)
    : m_hub(hub)
    , m_replica(std::move(replica))
{ }

grpc::experimental::Interceptor *ServerTelemetryFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo *info)
{
    // Health probes and channelz queries are infrastructure, not traffic.
    if (std::strncmp(info->method(), "/grpc.", 6) == 0)
        return nullptr;
    return new ServerTelemetry(info, m_hub, m_replica);
}

} // namespace opsdeck::mesh
