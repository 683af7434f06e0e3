// The OTLP/gRPC trace receiver against a real gRPC client on loopback: what an
// OpenTelemetry SDK exports is what the LatencyBook shows.
#include "clients/otlpreceiver.h"
#include "model/eventstream.h"
#include "model/latencybook.h"
#include "opentelemetry/proto/collector/trace/v1/trace_service.grpc.pb.h"

#include <QTest>

#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/byte_buffer.h>

#include <future>

using opsdeck::model::LatencyBook;
namespace otlp = opentelemetry::proto;

namespace {
constexpr std::uint64_t kT0 = 1'800'000'000ULL * 1'000'000'000ULL;

int scaled(int ms)
{
    bool ok = false;
    const double f = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble(&ok);
    return int(ms * (ok && f > 0 ? f : 1.0));
}

void setString(otlp::common::v1::KeyValue *kv, const char *key, const std::string &value)
{
    kv->set_key(key);
    kv->mutable_value()->set_string_value(value);
}

otlp::trace::v1::Span *addSpan(
    otlp::trace::v1::ScopeSpans *ss, const char *name, std::uint64_t startNs, std::uint64_t durationNs, int n)
{
    auto *span = ss->add_spans();
    span->set_trace_id(std::string(15, '\x01') + char(n & 0x7f));
    span->set_span_id(std::string(7, '\x02') + char(n & 0x7f));
    span->set_name(name);
    span->set_kind(otlp::trace::v1::Span::SPAN_KIND_SERVER);
    span->set_start_time_unix_nano(startNs);
    span->set_end_time_unix_nano(startNs + durationNs);
    return span;
}

otlp::collector::trace::v1::ExportTraceServiceRequest request(const char *service)
{
    otlp::collector::trace::v1::ExportTraceServiceRequest req;
    auto *rs = req.add_resource_spans();
    setString(rs->mutable_resource()->add_attributes(), "service.name", service);
    setString(rs->mutable_resource()->add_attributes(), "service.instance.id", std::string(service) + "-a");
    rs->add_scope_spans()->mutable_scope()->set_name("test");
    return req;
}
} // namespace

class TestOtlpReceiver : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<opsdeck::model::EventStream> m_stream;
    std::unique_ptr<LatencyBook> m_book;
    std::unique_ptr<opsdeck::clients::OtlpReceiver> m_receiver;
    std::unique_ptr<otlp::collector::trace::v1::TraceService::Stub> m_stub;
    std::shared_ptr<grpc::Channel> m_channel;

    grpc::Status exportSpans(const otlp::collector::trace::v1::ExportTraceServiceRequest &req,
        otlp::collector::trace::v1::ExportTraceServiceResponse *resp, bool gzip = false)
    {
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(scaled(5000)));
        if (gzip)
            ctx.set_compression_algorithm(GRPC_COMPRESS_GZIP);
        return m_stub->Export(&ctx, req, resp);
    }

    const LatencyBook::Row *method(const char *service, const char *name)
    {
        m_book->publish();
        return m_book->snapshot()->find(
            LatencyBook::Kind::Method, QString::fromLatin1(service), QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stream = std::make_unique<opsdeck::model::EventStream>();
        m_book = std::make_unique<LatencyBook>();
        m_stream->addSink([this](std::span<const opsdeck::v1::Envelope> b) { m_book->apply(b); });
        opsdeck::clients::OtlpReceiver::Options options;
        options.address = QStringLiteral("127.0.0.1:0");
        options.maxRequestBytes = 64 * 1024;
        m_receiver = std::make_unique<opsdeck::clients::OtlpReceiver>(m_stream.get(), options);
        QString error;
        QVERIFY2(m_receiver->start(&error), qPrintable(error));
        QVERIFY(m_receiver->port() > 0);
        m_channel
            = grpc::CreateChannel(m_receiver->address().toStdString(), grpc::InsecureChannelCredentials());
        m_stub = otlp::collector::trace::v1::TraceService::NewStub(m_channel);
    }

    void cleanupTestCase() { m_receiver->stop(); }

    void spansOfKnownDurationsGiveExpectedPercentiles()
    {
        auto req = request("checkout");
        auto *ss = req.mutable_resource_spans(0)->mutable_scope_spans(0);
        // 100 spans of 1..100 ms; five carry status ERROR, one a gRPC DEADLINE_EXCEEDED.
        for (int i = 1; i <= 100; ++i) {
            auto *span
                = addSpan(ss, "GetCart", kT0 + std::uint64_t(i) * 1'000'000, std::uint64_t(i) * 1'000'000, i);
            if (i % 20 == 0) {
                span->mutable_status()->set_code(otlp::trace::v1::Status::STATUS_CODE_ERROR);
                span->mutable_status()->set_message("boom");
            }
            if (i == 33) {
                auto *kv = span->add_attributes();
                kv->set_key("rpc.grpc.status_code");
                kv->mutable_value()->set_int_value(4);
            }
        }
        otlp::collector::trace::v1::ExportTraceServiceResponse resp;
        const grpc::Status status = exportSpans(req, &resp);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QVERIFY(!resp.has_partial_success());
        QTRY_VERIFY_WITH_TIMEOUT(method("checkout", "GetCart") != nullptr, scaled(5000));
        const auto &v = method("checkout", "GetCart")->views[LatencyBook::Minute1];
        QCOMPARE(v.counts.calls, std::uint64_t(100));
        QCOMPARE(v.counts.errors, std::uint64_t(6));
        QCOMPARE(v.counts.timeouts, std::uint64_t(1));
        QVERIFY2(std::abs(double(v.p50) - 50e6) / 50e6 <= 0.01, qPrintable(QString::number(v.p50)));
        QVERIFY2(std::abs(double(v.p90) - 90e6) / 90e6 <= 0.01, qPrintable(QString::number(v.p90)));
        QVERIFY2(std::abs(double(v.p99) - 99e6) / 99e6 <= 0.01, qPrintable(QString::number(v.p99)));
        QCOMPARE(v.max, std::int64_t(100'000'000));
        m_book->publish();
        QVERIFY(m_book->snapshot()->find(
            LatencyBook::Kind::Replica, QStringLiteral("checkout"), QStringLiteral("checkout-a")));
    }

    void invalidSpansAreAnsweredInPartialSuccess()
    {
        const auto before = m_receiver->counters().spansRejected;
        auto req = request("cart");
        auto *ss = req.mutable_resource_spans(0)->mutable_scope_spans(0);
        addSpan(ss, "Add", kT0, 5'000'000, 1);
        addSpan(ss, "Add", kT0, 6'000'000, 2)->set_trace_id("short");
        auto *backwards = addSpan(ss, "Add", kT0, 7'000'000, 3);
        backwards->set_end_time_unix_nano(kT0 - 1);
        otlp::collector::trace::v1::ExportTraceServiceResponse resp;
        QVERIFY(exportSpans(req, &resp).ok());
        QVERIFY(resp.has_partial_success());
        QCOMPARE(resp.partial_success().rejected_spans(), std::int64_t(2));
        QVERIFY(!resp.partial_success().error_message().empty());
        QCOMPARE(m_receiver->counters().spansRejected, before + 2);
        QTRY_VERIFY_WITH_TIMEOUT(method("cart", "Add") != nullptr, scaled(5000));
        QCOMPARE(method("cart", "Add")->views[0].counts.calls, std::uint64_t(1));
    }

    void malformedAndOversizedExportsAreRefusedAndCounted()
    {
        // Every span invalid: INVALID_ARGUMENT.
        auto req = request("bad");
        addSpan(req.mutable_resource_spans(0)->mutable_scope_spans(0), "X", kT0, 1, 1)->set_span_id("");
        otlp::collector::trace::v1::ExportTraceServiceResponse resp;
        QCOMPARE(exportSpans(req, &resp).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QCOMPARE(m_receiver->counters().rejectedByStatus[int(grpc::StatusCode::INVALID_ARGUMENT)],
            std::uint64_t(1));

        // Above the receiver's 64 KiB limit: RESOURCE_EXHAUSTED.
        auto big = request("big");
        auto *span = addSpan(big.mutable_resource_spans(0)->mutable_scope_spans(0), "Y", kT0, 1000, 1);
        setString(span->add_attributes(), "blob", std::string(100 * 1024, 'x'));
        QCOMPARE(exportSpans(big, &resp).error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
        QCOMPARE(m_receiver->counters().rejectedByStatus[int(grpc::StatusCode::RESOURCE_EXHAUSTED)],
            std::uint64_t(1));

        // Bytes that are not an ExportTraceServiceRequest at all.
        grpc::GenericStub generic(m_channel);
        const char garbage[] = "\x0a\xff\xff\xff\xff\x0f\x01";
        grpc::Slice slice(garbage, sizeof garbage - 1);
        grpc::ByteBuffer in(&slice, 1), out;
        grpc::ClientContext ctx;
        std::promise<grpc::Status> done;
        generic.UnaryCall(&ctx, "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
            grpc::StubOptions(), &in, &out, [&](grpc::Status s) { done.set_value(s); });
        auto future = done.get_future();
        QCOMPARE(future.wait_for(std::chrono::milliseconds(scaled(5000))), std::future_status::ready);
        const grpc::Status status = future.get();
        QVERIFY(!status.ok());
        QCOMPARE(m_receiver->counters().rejectedByStatus[int(status.error_code())], std::uint64_t(1));
        // Nothing from the refused requests reached the book.
        QVERIFY(method("bad", "X") == nullptr);
        QVERIFY(method("big", "Y") == nullptr);
    }

    void gzipExportsAreAccepted()
    {
        auto req = request("gz");
        auto *ss = req.mutable_resource_spans(0)->mutable_scope_spans(0);
        for (int i = 0; i < 300; ++i) {
            auto *span = addSpan(ss, "Compress", kT0 + std::uint64_t(i) * 1000, 2'000'000, i);
            setString(span->add_attributes(), "note", std::string(64, 'z'));
        }
        otlp::collector::trace::v1::ExportTraceServiceResponse resp;
        const grpc::Status status = exportSpans(req, &resp, true);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QTRY_VERIFY_WITH_TIMEOUT(method("gz", "Compress") != nullptr, scaled(5000));
        QCOMPARE(method("gz", "Compress")->views[0].counts.calls, std::uint64_t(300));
    }
};

QTEST_GUILESS_MAIN(TestOtlpReceiver)
#include "tst_otlpreceiver.moc"
