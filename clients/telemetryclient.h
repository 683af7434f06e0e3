#pragma once

#include "clients/endpoint.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

namespace grpc {
class ClientContext;
}

namespace opsdeck::model {
class EventStream;
}

namespace opsdeck::clients {

// Streams an RPC backend's telemetry (opsdeck.v1.Telemetry) into the console:
// each CallBatch or StatsWindow is moved into an Envelope (CHANNEL_TELEMETRY)
// and posted to the EventStream, which never blocks; if the stream is full the
// batch is dropped and counted, so a slow console never stalls gRPC. The
// stream reconnects with exponential backoff (Endpoint::initialBackoff ..
// maxBackoff) and reports every connection change as a ConnectionEvent
// envelope (CHANNEL_CONSOLE) and through stateChanged().
class TelemetryClient : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Calls, // StreamCalls: every call record (exact percentiles)
        Stats // StreamStats: 1-s aggregated histograms (large systems)
    };

    TelemetryClient(
        Endpoint endpoint, model::EventStream *stream, Mode mode = Mode::Calls, QObject *parent = nullptr);
    ~TelemetryClient() override;

    void start();
    void stop();

    bool isConnected() const { return m_connected.load(); }
    std::uint64_t batchesReceived() const { return m_batches.load(); }
    std::uint64_t recordsReceived() const { return m_records.load(); }
    std::uint64_t batchesDropped() const { return m_dropped.load(); }
    std::uint64_t connectAttempts() const { return m_attempts.load(); }

Q_SIGNALS:
    // state is an opsdeck::v1::ConnectionState value. Queued to this object's thread.
    void stateChanged(int state, const QString &error);

private:
    void run();
    void report(int state, const QString &error, std::int64_t nextRetryUnixNs = 0);

    const Endpoint m_endpoint;
    model::EventStream *const m_stream;
    const Mode m_mode;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false; // guarded by m_mutex
    grpc::ClientContext *m_context = nullptr; // guarded by m_mutex; the open stream, for TryCancel
    std::atomic<bool> m_connected { false };
    std::atomic<std::uint64_t> m_batches { 0 }, m_records { 0 }, m_dropped { 0 }, m_attempts { 0 };
};

} // namespace opsdeck::clients
