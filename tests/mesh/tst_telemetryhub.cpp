// Backpressure on both ends of the telemetry stream: the mesh never waits for
// a slow subscriber (it drops and says how many), the console never blocks the
// gRPC thread on a full event stream (it drops and counts).
#include "backends/mesh/telemetryhub.h"
#include "clients/telemetryclient.h"
#include "model/eventstream.h"

#include <QElapsedTimer>
#include <QTest>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <chrono>
#include <thread>

namespace {
int scaled(int ms)
{
    bool ok = false;
    const double f = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble(&ok);
    return int(ms * (ok && f > 0 ? f : 1.0));
}

opsdeck::v1::CallRecord record(int i)
{
    opsdeck::v1::CallRecord r;
    r.set_service("svc");
    r.set_method("M");
    r.set_caller("c");
    r.set_start_unix_ns(1'800'000'000'000'000'000LL + i);
    r.set_duration_ns(1000 + i);
    r.set_status_message(std::string(400, 'p')); // make the stream's flow-control window fill up
    r.set_side(opsdeck::v1::CALL_SIDE_CLIENT);
    return r;
}
} // namespace

class TestTelemetryHub : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<opsdeck::mesh::TelemetryHub> m_hub;
    std::unique_ptr<grpc::Server> m_server;
    std::string m_address;

    void startHub(std::size_t ring)
    {
        m_hub = std::make_unique<opsdeck::mesh::TelemetryHub>(ring);
        grpc::ServerBuilder builder;
        int port = 0;
        builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
        builder.RegisterService(m_hub.get());
        m_server = builder.BuildAndStart();
        QVERIFY(m_server && port > 0);
        m_address = "127.0.0.1:" + std::to_string(port);
    }

    void stopHub()
    {
        m_hub->shutdown();
        m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
        m_server.reset();
        m_hub.reset();
    }

private Q_SLOTS:
    void slowSubscriberLosesOldestAndIsTold()
    {
        startHub(64);
        auto stub = opsdeck::v1::Telemetry::NewStub(
            grpc::CreateChannel(m_address, grpc::InsecureChannelCredentials()));
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(scaled(20000)));
        opsdeck::v1::StreamCallsRequest req;
        req.set_max_batch(16);
        req.set_max_batch_delay_ns(20'000'000);
        auto reader = stub->StreamCalls(&ctx, req);
        // Let the stream start (it reads from where the ring is when it
        // opens), then produce far more than the ring holds while this
        // subscriber reads nothing.
        QElapsedTimer opening;
        opening.start();
        while (m_hub->callSubscribers() == 0 && opening.elapsed() < scaled(5000))
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        QCOMPARE(m_hub->callSubscribers(), 1);
        opsdeck::v1::CallBatch first;
        m_hub->record(record(0));
        QVERIFY(reader->Read(&first));
        std::uint64_t delivered = std::uint64_t(first.calls_size());
        std::uint64_t dropped = first.dropped_since_last();
        const int total = 20000;
        QElapsedTimer producer;
        producer.start();
        for (int i = 1; i < total; ++i)
            m_hub->record(record(i));
        // Recording never waited for the subscriber.
        QVERIFY2(producer.elapsed() < scaled(5000), qPrintable(QString::number(producer.elapsed())));
        opsdeck::v1::CallBatch batch;
        QElapsedTimer deadline;
        deadline.start();
        while (delivered + dropped < std::uint64_t(total) && deadline.elapsed() < scaled(15000)
            && reader->Read(&batch)) {
            delivered += std::uint64_t(batch.calls_size());
            dropped += batch.dropped_since_last();
        }
        ctx.TryCancel();
        reader->Finish();
        // Every record is either delivered or counted as dropped; and some were dropped.
        QCOMPARE(delivered + dropped, std::uint64_t(total));
        QVERIFY(dropped > 0);
        QVERIFY(delivered >= 64);
        stopHub();
    }

    void consoleDropsInsteadOfBlocking()
    {
        startHub(4096);
        // A tiny event stream that is never flushed: this thread runs no event loop.
        opsdeck::model::EventStream stream(2);
        opsdeck::clients::Endpoint endpoint;
        endpoint.target = QString::fromStdString(m_address);
        opsdeck::clients::TelemetryClient client(endpoint, &stream);
        client.start();
        QElapsedTimer t;
        t.start();
        int i = 0;
        // Bounded wait on a condition (no event loop on purpose, see above).
        while (client.batchesDropped() < 5 && t.elapsed() < scaled(10000)) {
            for (int k = 0; k < 50; ++k)
                m_hub->record(record(i++));
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        QVERIFY(client.batchesDropped() >= 5);
        QVERIFY(client.batchesReceived() >= client.batchesDropped());
        QVERIFY(stream.dropped() >= 5);
        client.stop(); // returns promptly: the gRPC thread was never blocked
        stopHub();
    }
};

QTEST_GUILESS_MAIN(TestTelemetryHub)
#include "tst_telemetryhub.moc"
