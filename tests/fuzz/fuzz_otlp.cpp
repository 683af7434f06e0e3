// Fuzz target: the OTLP receiver's decoder. The bytes are sent as an
// ExportTraceServiceRequest to a real in-process clients::OtlpReceiver over
// loopback gRPC (the span-to-CallRecord conversion is not separable from the
// service); the resulting CallBatch envelopes are folded into a LatencyBook.
// The receiver must answer every request (OK, partial success or a refusal)
// and keep serving.
#include "clients/otlpreceiver.h"
#include "model/diagnostics.h"
#include "model/eventstream.h"
#include "model/latencybook.h"

#include <QCoreApplication>

#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <future>

namespace {

struct Harness
{
    Harness()
    {
        static int argc = 1;
        static char name[] = "fuzz_otlp";
        static char *argv[] = { name, nullptr };
        app = new QCoreApplication(argc, argv);
        events = new opsdeck::model::EventStream;
        book = new opsdeck::model::LatencyBook(&diagnostics);
        events->addSink([this](std::span<const opsdeck::v1::Envelope> batch) { book->apply(batch); });
        opsdeck::clients::OtlpReceiver::Options options;
        options.address = QStringLiteral("127.0.0.1:0");
        receiver = new opsdeck::clients::OtlpReceiver(events, options);
        QString error;
        if (!receiver->start(&error)) {
            std::fprintf(stderr, "OTLP receiver: %s\n", qPrintable(error));
            std::abort();
        }
        stub = new grpc::GenericStub(
            grpc::CreateChannel(receiver->address().toStdString(), grpc::InsecureChannelCredentials()));
    }
    QCoreApplication *app;
    opsdeck::model::Diagnostics diagnostics;
    opsdeck::model::EventStream *events;
    opsdeck::model::LatencyBook *book;
    opsdeck::clients::OtlpReceiver *receiver;
    grpc::GenericStub *stub;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Harness *h = new Harness; // lives for the process: the fuzzer never tears down
    grpc::Slice slice(data, size);
    grpc::ByteBuffer request(&slice, 1), response;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    std::promise<grpc::Status> done;
    h->stub->UnaryCall(&context, "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
        grpc::StubOptions(), &request, &response, [&done](grpc::Status s) { done.set_value(std::move(s)); });
    const grpc::Status status = done.get_future().get();
    if (status.error_code() == grpc::UNAVAILABLE || status.error_code() == grpc::DEADLINE_EXCEEDED) {
        std::fprintf(stderr, "the receiver stopped answering: %d %s\n", int(status.error_code()),
            status.error_message().c_str());
        std::abort();
    }
    h->events->flush();
    h->book->publish();
    return 0;
}
