#pragma once

#include "clients/endpoint.h"
#include "model/backendstatus.h"
#include "opsdeck/v1/recording.pb.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <grpcpp/channel.h>
#include <grpcpp/completion_queue.h>
#include <grpcpp/support/status.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

namespace opsdeck::model {
class EventStream;
}

namespace opsdeck::clients {

// "UNAVAILABLE: failed to connect to all addresses" — a gRPC status for people.
QString statusText(const grpc::Status &status);
QString statusCodeName(grpc::StatusCode code);

// The connection to one backend, shared by every call a client makes to it:
// owns the gRPC channel, watches its connectivity (NotifyOnStateChange on a
// small watcher thread), and decides when the client's calls are (re)started —
// with exponential backoff plus jitter, capped at a few seconds, or at once on
// "Reconnect now". State, last error and next retry time are Qt signals (and,
// when an EventStream is given, CHANNEL_CONSOLE ConnectionEvent envelopes, so
// recordings show when the link was down).
//
// How a client uses it: connect to attemptStarted(); on each attempt build a
// stub on channel() and start its calls. Report callSucceeded() when a call got
// an answer and callFailed(status) when a call ended because of the connection;
// the connection schedules the next attempt. One BackendConnection per backend
// endpoint; it lives on (and must be used from) the thread that created it.
class BackendConnection : public QObject
{
    Q_OBJECT

public:
    struct Backoff
    {
        std::chrono::milliseconds initial { 250 };
        std::chrono::milliseconds max { 4000 };
        double multiplier = 2.0;
        double jitter = 0.2; // ± this fraction of the delay, so many consoles don't retry in step
    };

    // Delay before attempt number `failures` (1 = first retry); `random01` in [0, 1).
    static std::chrono::milliseconds backoffDelay(const Backoff &backoff, int failures, double random01);

    BackendConnection(
        QString backend, Endpoint endpoint, model::EventStream *events = nullptr, QObject *parent = nullptr);
    ~BackendConnection() override;

    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }

    // Creates the channel and makes the first attempt. A refused endpoint
    // (plaintext to a remote host, unreadable TLS files) ends in Shutdown with
    // the reason as the last error.
    void start();
    // Stops retrying and drops the channel. Calls still running should be
    // cancelled by their client.
    void stop();
    // Skips the remaining backoff: a fresh channel and an attempt now.
    void reconnectNow();

    // A call got an answer: the connection works; the backoff starts over.
    void callSucceeded();
    // A call ended for a reason that a new attempt may fix (the connection was
    // lost, the server went away, a deadline passed). Schedules an attempt.
    void callFailed(const grpc::Status &status);
    // True for status codes that say "the connection or the server is not
    // there" rather than "the server answered no".
    static bool isConnectionFailure(grpc::StatusCode code);

    std::shared_ptr<grpc::Channel> channel() const { return m_channel; }
    const Endpoint &endpoint() const { return m_endpoint; }
    QString backend() const { return m_backend; }
    opsdeck::v1::ConnectionState state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    qint64 nextRetryUnixMs() const { return m_nextRetryUnixMs; } // 0 when no retry is scheduled
    int failures() const { return m_failures; }
    bool isReady() const { return m_state == opsdeck::v1::CONNECTION_STATE_READY; }

    static QString stateName(opsdeck::v1::ConnectionState state);
    // The status light of a connection state; IDLE / SHUTDOWN show as failed
    // when an error is known (a refused endpoint), else as idle.
    static model::LinkState linkState(opsdeck::v1::ConnectionState state, bool hasError);

    // The connection as the Connections dock / status-bar lights show it
    // (model::BackendStatus), with the retry countdown in the detail text:
    // call it on stateChanged() and once a second while a retry is pending.
    model::BackendStatus status() const;

Q_SIGNALS:
    void stateChanged(opsdeck::v1::ConnectionState state, const QString &lastError, qint64 nextRetryUnixMs);
    // (Re)start your calls on channel() now.
    void attemptStarted();

private:
    QString setupHint(const grpc::Status &status) const;
    void attempt();
    void createChannel();
    void armWatch(std::shared_ptr<grpc::Channel> channel, quint64 generation, grpc_connectivity_state last);
    void watchLoop();
    void onChannelState(quint64 generation, grpc_connectivity_state state);
    void scheduleRetry();
    void setState(opsdeck::v1::ConnectionState state);

    const QString m_backend;
    const Endpoint m_endpoint;
    model::EventStream *m_events;
    Backoff m_backoff;

    std::shared_ptr<grpc::Channel> m_channel;
    opsdeck::v1::ConnectionState m_state = opsdeck::v1::CONNECTION_STATE_IDLE;
    QString m_lastError;
    qint64 m_nextRetryUnixMs = 0;
    int m_failures = 0;
    // The server answered "not you" (UNAUTHENTICATED / PERMISSION_DENIED) on the
    // last call: a transport that comes up is not "connected" until a call succeeds.
    bool m_refused = false;
    bool m_everSucceeded = false; // a call once worked with this endpoint
    std::int64_t m_sinceUnixNs = 0;
    bool m_started = false;
    QTimer m_retryTimer;

    // Connectivity watch: NotifyOnStateChange completes on m_cq, drained by
    // m_watcher, which posts each change to this object's thread.
    grpc::CompletionQueue m_cq;
    std::thread m_watcher;
    std::mutex m_watchMutex; // orders arming against shutting m_cq down
    bool m_watchStopping = false; // guarded by m_watchMutex
    std::atomic<quint64> m_generation { 0 };
};

} // namespace opsdeck::clients
