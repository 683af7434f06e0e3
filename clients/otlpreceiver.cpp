#include "clients/otlpreceiver.h"

#include "model/eventstream.h"
#include "opentelemetry/proto/collector/trace/v1/trace_service.grpc.pb.h"

#include <QLoggingCategory>

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>
#include <grpcpp/support/server_interceptor.h>

#include <string_view>

Q_LOGGING_CATEGORY(lcOtlp, "opsdeck.clients.otlp")

namespace opsdeck::clients {

namespace otlp = opentelemetry::proto;

namespace {

constexpr std::size_t kMaxName = 256;

const otlp::common::v1::AnyValue *attribute(
    const google::protobuf::RepeatedPtrField<otlp::common::v1::KeyValue> &kvs, std::string_view key)
{
    for (const auto &kv : kvs)
        if (kv.key() == key)
            return &kv.value();
    return nullptr;
}

std::string stringAttribute(const google::protobuf::RepeatedPtrField<otlp::common::v1::KeyValue> &kvs,
    std::initializer_list<std::string_view> keys)
{
    for (std::string_view key : keys)
        if (const auto *v = attribute(kvs, key); v && v->has_string_value() && !v->string_value().empty())
            return v->string_value().substr(0, kMaxName);
    return {};
}

bool intAttribute(const google::protobuf::RepeatedPtrField<otlp::common::v1::KeyValue> &kvs,
    std::initializer_list<std::string_view> keys, std::int64_t *out)
{
    for (std::string_view key : keys) {
        const auto *v = attribute(kvs, key);
        if (!v)
            continue;
        if (v->has_int_value()) {
            *out = v->int_value();
            return true;
        }
        if (v->has_string_value()) { // some SDKs send numbers as strings
            try {
                *out = std::stoll(v->string_value());
                return true;
            } catch (...) { }
        }
    }
    return false;
}

std::string hex(const std::string &bytes)
{
    static const char *digits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

} // namespace

// Counts every refused request by status, including those gRPC refuses before
// the handler runs (undecodable bytes).
class OtlpStatusCounter final : public grpc::experimental::Interceptor
{
public:
    explicit OtlpStatusCounter(OtlpReceiver *receiver)
        : m_receiver(receiver)
    { }
    void Intercept(grpc::experimental::InterceptorBatchMethods *methods) override
    {
        if (methods->QueryInterceptionHookPoint(
                grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
            const grpc::Status status = methods->GetSendStatus();
            if (!status.ok())
                m_receiver->countStatus(int(status.error_code()));
        }
        methods->Proceed();
    }

private:
    OtlpReceiver *m_receiver;
};

class OtlpStatusCounterFactory final : public grpc::experimental::ServerInterceptorFactoryInterface
{
public:
    explicit OtlpStatusCounterFactory(OtlpReceiver *receiver)
        : m_receiver(receiver)
    { }
    grpc::experimental::Interceptor *CreateServerInterceptor(grpc::experimental::ServerRpcInfo *) override
    {
        return new OtlpStatusCounter(m_receiver);
    }

private:
    OtlpReceiver *m_receiver;
};

class OtlpTraceService final : public otlp::collector::trace::v1::TraceService::Service
{
public:
    explicit OtlpTraceService(OtlpReceiver *receiver)
        : m_r(receiver)
    { }

    grpc::Status Export(grpc::ServerContext *context,
        const otlp::collector::trace::v1::ExportTraceServiceRequest *request,
        otlp::collector::trace::v1::ExportTraceServiceResponse *response) override
    {
        if (request->ByteSizeLong() > std::size_t(m_r->m_options.maxRequestBytes))
            return { grpc::StatusCode::RESOURCE_EXHAUSTED, "export larger than the receiver's limit" };
        std::size_t spans = 0;
        for (const auto &rs : request->resource_spans())
            for (const auto &ss : rs.scope_spans())
                spans += std::size_t(ss.spans_size());
        if (spans > std::size_t(m_r->m_options.maxSpansPerRequest))
            return { grpc::StatusCode::RESOURCE_EXHAUSTED, "too many spans in one export" };

        opsdeck::v1::Envelope envelope;
        envelope.set_channel(opsdeck::v1::CHANNEL_TELEMETRY);
        envelope.set_source("otlp " + context->peer());
        envelope.set_source_time_ns(model::unixNowNs());
        auto *batch = envelope.mutable_call_batch();
        batch->set_source("otlp");
        batch->set_batch_unix_ns(envelope.source_time_ns());
        std::int64_t rejected = 0;
        std::string firstReason;
        auto reject = [&](const char *why) {
            if (rejected++ == 0)
                firstReason = why;
        };
        for (const auto &rs : request->resource_spans()) {
            const auto &resourceAttrs = rs.resource().attributes();
            const std::string serviceName = stringAttribute(resourceAttrs, { "service.name" });
            const std::string instance
                = stringAttribute(resourceAttrs, { "service.instance.id", "host.name" });
            for (const auto &ss : rs.scope_spans()) {
                for (const auto &span : ss.spans()) {
                    if (span.trace_id().size() != 16 || span.span_id().size() != 8) {
                        reject("invalid trace_id or span_id length");
                        continue;
                    }
                    if (span.start_time_unix_nano() == 0
                        || span.end_time_unix_nano() < span.start_time_unix_nano()
                        || span.end_time_unix_nano() - span.start_time_unix_nano() > 86'400'000'000'000ULL) {
                        reject("missing start time or end before start");
                        continue;
                    }
                    const auto &attrs = span.attributes();
                    auto *r = batch->add_calls();
                    std::string method = stringAttribute(attrs, { "rpc.method" });
                    if (method.empty())
                        method = span.name().substr(0, kMaxName);
                    if (span.kind() == otlp::trace::v1::Span::SPAN_KIND_CLIENT) {
                        std::string callee
                            = stringAttribute(attrs, { "rpc.service", "peer.service", "server.address" });
                        r->set_service(callee.empty() ? "unknown" : callee);
                        r->set_caller(serviceName.empty() ? "unknown" : serviceName);
                        r->set_side(opsdeck::v1::CALL_SIDE_CLIENT);
                    } else {
                        // The only view of the call there is: counted like a caller's.
                        r->set_service(serviceName.empty() ? "unknown" : serviceName);
                        r->set_caller("otlp");
                        r->set_replica(instance);
                        r->set_side(opsdeck::v1::CALL_SIDE_UNSPECIFIED);
                    }
                    r->set_method(method.empty() ? "unknown" : method);
                    r->set_start_unix_ns(std::int64_t(span.start_time_unix_nano()));
                    r->set_duration_ns(std::int64_t(span.end_time_unix_nano() - span.start_time_unix_nano()));
                    std::int64_t code = 0;
                    std::int64_t httpStatus = 0;
                    if (intAttribute(attrs, { "rpc.grpc.status_code" }, &code) && code >= 0 && code <= 16)
                        r->set_status_code(std::uint32_t(code));
                    else if (intAttribute(
                                 attrs, { "http.response.status_code", "http.status_code" }, &httpStatus)
                        && httpStatus >= 500)
                        r->set_status_code(httpStatus == 504 || httpStatus == 408 ? 4 : 2);
                    else if (span.status().code() == otlp::trace::v1::Status::STATUS_CODE_ERROR)
                        r->set_status_code(2);
                    if (span.status().code() == otlp::trace::v1::Status::STATUS_CODE_ERROR)
                        r->set_status_message(span.status().message().substr(0, 200));
                    r->set_attempt(1);
                    r->set_trace_id(hex(span.trace_id()));
                }
            }
        }
        m_r->m_exports.fetch_add(1);
        m_r->m_spansRejected.fetch_add(std::uint64_t(rejected));
        if (rejected > 0 && batch->calls_size() == 0)
            return { grpc::StatusCode::INVALID_ARGUMENT, "every span was invalid: " + firstReason };
        if (rejected > 0) {
            auto *partial = response->mutable_partial_success();
            partial->set_rejected_spans(rejected);
            partial->set_error_message(std::to_string(rejected) + " span(s) rejected, first: " + firstReason);
        }
        m_r->m_accepted.fetch_add(std::uint64_t(batch->calls_size()));
        if (batch->calls_size() > 0 && !m_r->m_stream->post(std::move(envelope)))
            return { grpc::StatusCode::UNAVAILABLE, "console is busy, retry later" };
        return grpc::Status::OK;
    }

private:
    OtlpReceiver *m_r;
};

OtlpReceiver::OtlpReceiver(model::EventStream *stream, Options options)
    : m_stream(stream)
    , m_options(std::move(options))
{ }

OtlpReceiver::~OtlpReceiver()
{
    stop();
}

bool OtlpReceiver::start(QString *error)
{
    if (m_server)
        return true;
    m_service = std::make_unique<OtlpTraceService>(this);
    grpc::ServerBuilder builder;
    builder.AddListeningPort(m_options.address.toStdString(), grpc::InsecureServerCredentials(), &m_port);
    builder.RegisterService(m_service.get());
    // gRPC itself refuses anything far above our limit before decoding it.
    builder.SetMaxReceiveMessageSize(std::max(m_options.maxRequestBytes, 1) * 2);
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> factories;
    factories.push_back(std::make_unique<OtlpStatusCounterFactory>(this));
    builder.experimental().SetInterceptorCreators(std::move(factories));
    m_server = builder.BuildAndStart();
    if (!m_server || m_port == 0) {
        m_server.reset();
        if (error)
            *error = QStringLiteral("cannot listen for OTLP on %1").arg(m_options.address);
        return false;
    }
    qCInfo(lcOtlp) << "OTLP/gRPC trace receiver on" << address();
    return true;
}

void OtlpReceiver::stop()
{
    if (m_server) {
        m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
        m_server->Wait();
        m_server.reset();
    }
}

QString OtlpReceiver::address() const
{
    const QString host = m_options.address.left(m_options.address.lastIndexOf(QLatin1Char(':')));
    return host + QLatin1Char(':') + QString::number(m_port);
}

void OtlpReceiver::countStatus(int code)
{
    std::lock_guard lock(m_mutex);
    ++m_rejected[code];
}

OtlpReceiver::Counters OtlpReceiver::counters() const
{
    Counters c;
    c.exports = m_exports.load();
    c.spansAccepted = m_accepted.load();
    c.spansRejected = m_spansRejected.load();
    std::lock_guard lock(m_mutex);
    c.rejectedByStatus = m_rejected;
    return c;
}

} // namespace opsdeck::clients
