#pragma once

#include "clients/backendconnection.h"
#include "clients/endpoint.h"
#include "opsdeck/v1/bridge.pb.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>

namespace opsdeck::model {
class EventStream;
}
namespace grpc {
class ClientContext;
}

namespace opsdeck::clients {

class SubscribeStream;
template<typename Message> class SubscribeReactor;

// The outcome of one SendControl call, as the bridge answered it.
struct ControlResult
{
    quint64 sequence = 0;
    opsdeck::v1::ControlKind kind = opsdeck::v1::CONTROL_KIND_UNSPECIFIED;
    int grpcCode = 0; // grpc::StatusCode; 0 = OK
    QString reason; // for refusals and failures: "PERMISSION_DENIED: ..." etc.
    opsdeck::v1::ControlAck ack; // as received (or built from the error for refusals)

    bool applied() const { return grpcCode == 0 && ack.result() == opsdeck::v1::ACK_RESULT_APPLIED; }
    bool refused() const { return ack.result() == opsdeck::v1::ACK_RESULT_REFUSED; }
};

// Client of the DDS-bridge (bridge.proto, service Bridge) on gRPC's callback
// API: nothing here blocks the calling thread.
//
// - SubscribeBatched (or Subscribe, with a bridge that lacks it or when
//   Options::batchedStream is off): every Sample is copied into an Envelope
//   (CHANNEL_BRIDGE, source = the bridge address) and posted to the EventStream
//   from the gRPC thread. A batch carries whatever the bridge had queued, so a
//   burst costs one gRPC message instead of one per sample. After a reconnect
//   the client subscribes again, asking for the current state first
//   (skip_snapshot = false), so the models can drop what went away.
// - SendControl: sendControl() returns the sequence at once; the command and
//   the answer are posted as CHANNEL_CONTROL envelopes (so the log and the
//   recording hold them) and reported by controlFinished().
// - GetStatus after every (re)connection: statusReceived(), roleChanged().
//
// Lives on the thread that creates it (normally the GUI thread).
class BridgeClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString clientName = QStringLiteral("opsdeck");
        QString issuer; // operator identity; empty = $USER
        opsdeck::v1::SubscribeRequest subscription; // topics, rates, filters (empty = everything)
        std::chrono::milliseconds controlDeadline { 5000 };
        std::chrono::milliseconds statusDeadline { 3000 };
        // SubscribeBatched; a bridge that answers UNIMPLEMENTED gets Subscribe
        // until the next connection attempt.
        bool batchedStream = true;
    };

    BridgeClient(Endpoint endpoint, model::EventStream *events, QObject *parent = nullptr);
    BridgeClient(Endpoint endpoint, model::EventStream *events, Options options, QObject *parent = nullptr);
    ~BridgeClient() override; // cancels the calls and waits for gRPC to let go of them

    void start();
    void stop();

    // Sends a control command; returns its sequence (0 if not connected: the
    // refusal is reported through controlFinished as well).
    quint64 sendControl(opsdeck::v1::ControlKind kind, qint64 dtNs = 0, double realTimeFactor = 0,
        const QString &comment = {});
    void requestStatus();

    BackendConnection *connection() { return &m_connection; }
    bool isSubscribed() const { return m_subscribed; }
    // The current (or last) stream is a SubscribeBatched one.
    bool isBatched() const { return m_batched; }
    opsdeck::v1::Role role() const { return m_role; }
    QString issuer() const { return m_options.issuer; }
    quint64 samplesReceived() const;

Q_SIGNALS:
    void controlFinished(const opsdeck::clients::ControlResult &result);
    void statusReceived(const opsdeck::v1::BridgeStatus &status);
    void roleChanged(opsdeck::v1::Role role);
    void subscribedChanged(bool subscribed);
    void snapshotCompleted(); // the current state of a (re)subscription has arrived

private:
    template<typename Message> friend class SubscribeReactor;
    void subscribe();
    template<typename Reactor> void startStream(Reactor *reactor);
    void cancelAll();
    void waitForCalls();
    void onStreamStarted(quint64 generation);
    void onStreamEnded(quint64 generation, const grpc::Status &status, bool batched, bool started);
    void finishControl(quint64 sequence, opsdeck::v1::ControlKind kind, const grpc::Status &status,
        const opsdeck::v1::ControlAck &ack);
    void postControlEnvelope(const opsdeck::v1::ControlCommand *command, const opsdeck::v1::ControlAck *ack);
    void registerCall(grpc::ClientContext *context);
    void unregisterCall(grpc::ClientContext *context);

    Endpoint m_endpoint;
    model::EventStream *m_events;
    Options m_options;
    BackendConnection m_connection;
    quint64 m_nextSequence;
    quint64 m_streamGeneration = 0;
    bool m_subscribed = false;
    bool m_batched = false;
    bool m_bridgeLacksBatches = false; // this connection's bridge answered UNIMPLEMENTED
    opsdeck::v1::Role m_role = opsdeck::v1::ROLE_UNSPECIFIED;

    // Calls in flight (their contexts), so stop() can cancel them and the
    // destructor can wait until gRPC no longer calls back into this object.
    mutable std::mutex m_callsMutex;
    std::condition_variable m_callsDone;
    std::set<grpc::ClientContext *> m_calls;
    SubscribeStream *m_stream = nullptr; // guarded by m_callsMutex
    std::shared_ptr<std::atomic<quint64>> m_samples;
};

} // namespace opsdeck::clients

Q_DECLARE_METATYPE(opsdeck::clients::ControlResult)
Q_DECLARE_METATYPE(opsdeck::v1::BridgeStatus)
