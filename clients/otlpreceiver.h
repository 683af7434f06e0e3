#pragma once

#include <QString>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

namespace grpc {
class Server;
}

namespace opsdeck::model {
class EventStream;
}

namespace opsdeck::clients {

class OtlpTraceService;

// An OpenTelemetry OTLP/gRPC trace receiver
// (opentelemetry.proto.collector.trace.v1.TraceService/Export), so services
// instrumented with any OpenTelemetry SDK feed the Services view. Each span
// becomes a CallRecord: service = resource service.name (for CLIENT spans the
// callee from rpc.service / peer.service / server.address and the caller from
// service.name), method = rpc.method or the span name, replica =
// service.instance.id, duration = end - start, status from
// rpc.grpc.status_code, else 504/408 -> DEADLINE_EXCEEDED, other HTTP 5xx or
// span status ERROR -> UNKNOWN. One Export becomes one CallBatch envelope.
// Invalid spans are rejected and answered in partial_success; a request whose
// spans are all invalid gets INVALID_ARGUMENT; a request above the size or span
// limits gets RESOURCE_EXHAUSTED; undecodable bytes are refused by gRPC
// (INTERNAL). Every rejection is counted by status code. gzip is accepted.
class OtlpReceiver
{
public:
    struct Options
    {
        QString address = QStringLiteral("127.0.0.1:4317"); // tests use 127.0.0.1:0
        int maxRequestBytes = 4 * 1024 * 1024;
        int maxSpansPerRequest = 50'000;
    };
    struct Counters
    {
        std::uint64_t exports = 0;
        std::uint64_t spansAccepted = 0;
        std::uint64_t spansRejected = 0;
        std::map<int, std::uint64_t> rejectedByStatus; // grpc::StatusCode -> requests
    };

    OtlpReceiver(model::EventStream *stream, Options options);
    ~OtlpReceiver();

    bool start(QString *error);
    void stop();
    int port() const { return m_port; }
    QString address() const;
    Counters counters() const;

private:
    friend class OtlpTraceService;
    friend class OtlpStatusCounter;
    void countStatus(int code);

    model::EventStream *const m_stream;
    const Options m_options;
    std::unique_ptr<OtlpTraceService> m_service;
    std::unique_ptr<grpc::Server> m_server;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::map<int, std::uint64_t> m_rejected; // guarded by m_mutex
    std::atomic<std::uint64_t> m_exports { 0 }, m_accepted { 0 }, m_spansRejected { 0 };
};

} // namespace opsdeck::clients
