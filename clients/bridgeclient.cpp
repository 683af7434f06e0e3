#include "clients/bridgeclient.h"

#include "clients/logging.h"
#include "clients/postqueued.h"
#include "model/eventstream.h"
#include "opsdeck/v1/bridge.grpc.pb.h"
#include "proto/tsanhandoff.h"

#include <QDateTime>

#include <grpcpp/client_context.h>
#include <grpcpp/support/client_callback.h>

#include <type_traits>

namespace opsdeck::clients {

using opsdeck::v1::Envelope;

// What BridgeClient needs of a stream whatever its message type.
class SubscribeStream
{
public:
    virtual ~SubscribeStream() = default;
    virtual grpc::ClientContext *context() = 0;
};

// One Subscribe (Message = Sample) or SubscribeBatched (Message = SampleBatch)
// stream. Owned by gRPC from start() until OnDone, where it reports to the
// client (queued) and deletes itself. Each reaction may run on another gRPC
// thread: the reactor is released to gRPC before every StartRead and acquired
// at the top of every reaction (proto/tsanhandoff.h).
template<typename Message>
class SubscribeReactor final : public grpc::ClientReadReactor<Message>, public SubscribeStream
{
public:
    static constexpr bool kBatched = std::is_same_v<Message, opsdeck::v1::SampleBatch>;

    SubscribeReactor(BridgeClient *owner, quint64 generation, std::shared_ptr<grpc::Channel> channel,
        opsdeck::v1::SubscribeRequest request)
        : m_owner(owner)
        , m_generation(generation)
        , m_stub(opsdeck::v1::Bridge::NewStub(std::move(channel)))
        , m_request(std::move(request))
        , m_events(owner->m_events)
        , m_samples(owner->m_samples)
        , m_source(owner->m_endpoint.target.toStdString())
    {
        prepareContext(m_context, owner->m_endpoint, std::chrono::milliseconds(0));
    }

    grpc::ClientContext *context() override { return &m_context; }

    void start()
    {
        OPSDECK_TSAN_RELEASE(this);
        if constexpr (kBatched)
            m_stub->async()->SubscribeBatched(&m_context, &m_request, this);
        else
            m_stub->async()->Subscribe(&m_context, &m_request, this);
        this->StartRead(&m_message);
        this->StartCall();
    }

    void OnReadDone(bool ok) override
    {
        OPSDECK_TSAN_ACQUIRE(this);
        if (!ok) {
            OPSDECK_TSAN_RELEASE(this);
            return; // OnDone follows with the status
        }
        if (!m_started) {
            m_started = true;
            const quint64 generation = m_generation;
            BridgeClient *owner = m_owner;
            postQueued(owner, [owner, generation] { owner->onStreamStarted(generation); });
        }
        bool complete = false;
        if constexpr (kBatched) {
            for (opsdeck::v1::Sample &sample : *m_message.mutable_samples())
                complete = post(sample) || complete;
            m_samples->fetch_add(quint64(m_message.samples_size()), std::memory_order_relaxed);
        } else {
            complete = post(m_message);
            m_samples->fetch_add(1, std::memory_order_relaxed);
        }
        if (complete) {
            BridgeClient *owner = m_owner;
            postQueued(owner, [owner] { Q_EMIT owner->snapshotCompleted(); });
        }
        m_message.Clear();
        OPSDECK_TSAN_RELEASE(this);
        this->StartRead(&m_message);
    }

    void OnDone(const grpc::Status &status) override
    {
        OPSDECK_TSAN_ACQUIRE(this);
        BridgeClient *owner = m_owner;
        const quint64 generation = m_generation;
        const bool started = m_started;
        postQueued(owner, [owner, generation, status, started] {
            owner->onStreamEnded(generation, status, kBatched, started);
        });
        {
            // Last touch of the owner: its destructor waits for this.
            std::lock_guard lock(owner->m_callsMutex);
            if (owner->m_stream == this)
                owner->m_stream = nullptr;
            owner->m_calls.erase(&m_context);
            owner->m_callsDone.notify_all();
        }
        delete this;
    }

private:
    // Moves the sample into an envelope and posts it; true for SnapshotComplete.
    bool post(opsdeck::v1::Sample &sample)
    {
        const bool complete = sample.has_snapshot_complete();
        Envelope envelope;
        envelope.set_channel(opsdeck::v1::CHANNEL_BRIDGE);
        envelope.set_source(m_source);
        envelope.set_source_time_ns(sample.source_time_ns());
        envelope.mutable_bridge_sample()->Swap(&sample);
        m_events->post(std::move(envelope));
        return complete;
    }

    BridgeClient *m_owner;
    const quint64 m_generation;
    std::unique_ptr<opsdeck::v1::Bridge::Stub> m_stub;
    grpc::ClientContext m_context;
    opsdeck::v1::SubscribeRequest m_request;
    Message m_message;
    model::EventStream *m_events;
    std::shared_ptr<std::atomic<quint64>> m_samples;
    std::string m_source;
    bool m_started = false;
};

namespace {

QString defaultIssuer()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("opsdeck") : user;
}

bool isRefusal(grpc::StatusCode code)
{
    return code == grpc::PERMISSION_DENIED || code == grpc::FAILED_PRECONDITION
        || code == grpc::INVALID_ARGUMENT || code == grpc::UNAUTHENTICATED || code == grpc::OUT_OF_RANGE;
}

template<typename Request, typename Response> struct UnaryCall
{
    grpc::ClientContext context;
    Request request;
    Response response;
    std::unique_ptr<opsdeck::v1::Bridge::Stub> stub;
};

} // namespace

BridgeClient::BridgeClient(Endpoint endpoint, model::EventStream *events, QObject *parent)
    : BridgeClient(std::move(endpoint), events, Options {}, parent)
{ }

BridgeClient::BridgeClient(Endpoint endpoint, model::EventStream *events, Options options, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_events(events)
    , m_options(std::move(options))
    , m_connection(QStringLiteral("bridge"), m_endpoint, events)
    ,
    // Sequences must grow across console restarts too (the bridge dedups by
    // issuer and sequence): start from the wall clock in microseconds.
    m_nextSequence(quint64(QDateTime::currentMSecsSinceEpoch()) * 1000)
    , m_samples(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<opsdeck::clients::ControlResult>();
    qRegisterMetaType<opsdeck::v1::BridgeStatus>();
    if (m_options.issuer.isEmpty())
        m_options.issuer = defaultIssuer();
    connect(&m_connection, &BackendConnection::attemptStarted, this, [this] {
        m_bridgeLacksBatches = false; // a new connection may reach a newer bridge
        subscribe();
        requestStatus();
    });
}

BridgeClient::~BridgeClient()
{
    ++m_streamGeneration;
    cancelAll();
    waitForCalls();
}

quint64 BridgeClient::samplesReceived() const
{
    return m_samples->load(std::memory_order_relaxed);
}

void BridgeClient::start()
{
    m_connection.start();
}

void BridgeClient::stop()
{
    ++m_streamGeneration;
    m_connection.stop();
    cancelAll();
    if (m_subscribed) {
        m_subscribed = false;
        Q_EMIT subscribedChanged(false);
    }
}

void BridgeClient::cancelAll()
{
    std::lock_guard lock(m_callsMutex);
    for (grpc::ClientContext *context : m_calls)
        context->TryCancel();
}

void BridgeClient::waitForCalls()
{
    std::unique_lock lock(m_callsMutex);
    m_callsDone.wait(lock, [this] { return m_calls.empty() && m_stream == nullptr; });
}

void BridgeClient::registerCall(grpc::ClientContext *context)
{
    std::lock_guard lock(m_callsMutex);
    m_calls.insert(context);
}

void BridgeClient::unregisterCall(grpc::ClientContext *context)
{
    std::lock_guard lock(m_callsMutex);
    m_calls.erase(context);
    m_callsDone.notify_all();
}

void BridgeClient::subscribe()
{
    auto channel = m_connection.channel();
    if (!channel)
        return;
    opsdeck::v1::SubscribeRequest request = m_options.subscription;
    request.set_client_name(m_options.clientName.toStdString());
    request.set_skip_snapshot(false); // after a reconnect the current state comes first, always
    const quint64 generation = ++m_streamGeneration;
    m_batched = m_options.batchedStream && !m_bridgeLacksBatches;
    if (m_batched)
        startStream(new SubscribeReactor<opsdeck::v1::SampleBatch>(
            this, generation, std::move(channel), std::move(request)));
    else
        startStream(new SubscribeReactor<opsdeck::v1::Sample>(
            this, generation, std::move(channel), std::move(request)));
    qCDebug(lcClients) << "subscribed to" << m_endpoint.target << "generation" << generation
                       << (m_batched ? "(batched)" : "");
}

template<typename Reactor> void BridgeClient::startStream(Reactor *reactor)
{
    {
        std::lock_guard lock(m_callsMutex);
        if (m_stream) // a previous stream still open (reconnect now): replace it
            m_stream->context()->TryCancel();
        m_stream = reactor;
        m_calls.insert(reactor->context());
    }
    reactor->start();
}

void BridgeClient::onStreamStarted(quint64 generation)
{
    if (generation != m_streamGeneration)
        return;
    m_connection.callSucceeded();
    if (!m_subscribed) {
        m_subscribed = true;
        Q_EMIT subscribedChanged(true);
    }
}

void BridgeClient::onStreamEnded(quint64 generation, const grpc::Status &status, bool batched, bool started)
{
    if (generation != m_streamGeneration)
        return; // replaced or stopped on purpose
    if (batched && !started && status.error_code() == grpc::UNIMPLEMENTED) {
        // A bridge from before SubscribeBatched: the same stream, one sample a message.
        qCInfo(lcClients) << "bridge" << m_endpoint.target << "lacks SubscribeBatched; using Subscribe";
        m_bridgeLacksBatches = true;
        subscribe();
        return;
    }
    if (m_subscribed) {
        m_subscribed = false;
        Q_EMIT subscribedChanged(false);
    }
    qCInfo(lcClients) << "bridge stream ended:" << statusText(status);
    m_connection.callFailed(
        status.ok() ? grpc::Status(grpc::UNAVAILABLE, "the bridge ended the stream") : status);
}

void BridgeClient::requestStatus()
{
    auto channel = m_connection.channel();
    if (!channel)
        return;
    using Call = UnaryCall<opsdeck::v1::GetStatusRequest, opsdeck::v1::BridgeStatus>;
    auto call = std::make_shared<Call>();
    call->stub = opsdeck::v1::Bridge::NewStub(channel);
    prepareContext(call->context, m_endpoint, m_options.statusDeadline);
    registerCall(&call->context);
    OPSDECK_TSAN_RELEASE(call.get());
    call->stub->async()->GetStatus(
        &call->context, &call->request, &call->response, [this, call](grpc::Status status) {
            OPSDECK_TSAN_ACQUIRE(call.get());
            postQueued(this, [this, call, status] {
                if (!status.ok()) {
                    qCInfo(lcClients) << "GetStatus failed:" << statusText(status);
                    // Only an unreachable bridge says something about the
                    // channel; a slow answer is the keepalive's to judge.
                    if (status.error_code() == grpc::UNAVAILABLE)
                        m_connection.callFailed(status);
                    return;
                }
                m_connection.callSucceeded();
                Q_EMIT statusReceived(call->response);
                if (call->response.caller_role() != m_role) {
                    m_role = call->response.caller_role();
                    Q_EMIT roleChanged(m_role);
                }
            });
            unregisterCall(&call->context);
        });
}

quint64 BridgeClient::sendControl(
    opsdeck::v1::ControlKind kind, qint64 dtNs, double realTimeFactor, const QString &comment)
{
    using Call = UnaryCall<opsdeck::v1::ControlCommand, opsdeck::v1::ControlAck>;
    auto call = std::make_shared<Call>();
    const quint64 sequence = ++m_nextSequence;
    opsdeck::v1::ControlCommand &command = call->request;
    command.set_kind(kind);
    command.set_sequence(sequence);
    command.set_issuer(m_options.issuer.toStdString());
    command.set_dt_ns(dtNs);
    command.set_real_time_factor(realTimeFactor);
    command.set_issued_unix_ns(model::unixNowNs());
    command.set_comment(comment.left(256).toStdString());
    postControlEnvelope(&command, nullptr);

    auto channel = m_connection.channel();
    if (!channel || !m_connection.isReady()) {
        const grpc::Status status(grpc::UNAVAILABLE, "not connected to the bridge");
        QMetaObject::invokeMethod(
            this, [this, sequence, kind, status] { finishControl(sequence, kind, status, {}); },
            Qt::QueuedConnection);
        return sequence;
    }
    call->stub = opsdeck::v1::Bridge::NewStub(channel);
    prepareContext(call->context, m_endpoint, m_options.controlDeadline);
    registerCall(&call->context);
    OPSDECK_TSAN_RELEASE(call.get());
    call->stub->async()->SendControl(
        &call->context, &call->request, &call->response, [this, call, sequence, kind](grpc::Status status) {
            OPSDECK_TSAN_ACQUIRE(call.get());
            postQueued(this, [this, call, sequence, kind, status] {
                finishControl(sequence, kind, status, call->response);
            });
            unregisterCall(&call->context);
        });
    return sequence;
}

void BridgeClient::finishControl(quint64 sequence, opsdeck::v1::ControlKind kind, const grpc::Status &status,
    const opsdeck::v1::ControlAck &received)
{
    ControlResult result;
    result.sequence = sequence;
    result.kind = kind;
    result.grpcCode = int(status.error_code());
    if (status.ok()) {
        result.ack = received;
        result.reason = QString::fromStdString(received.reason());
    } else {
        // FAILED_PRECONDITION carries the ack in the error details as well.
        opsdeck::v1::ControlAck detail;
        const bool hasDetail = !status.error_details().empty()
            && detail.ParseFromString(status.error_details()) && detail.sequence() == sequence;
        if (hasDetail)
            result.ack = detail;
        result.ack.set_sequence(sequence);
        result.ack.set_kind(kind);
        if (result.ack.issuer().empty())
            result.ack.set_issuer(m_options.issuer.toStdString());
        result.ack.set_result(isRefusal(status.error_code()) ? opsdeck::v1::ACK_RESULT_REFUSED
                                                             : opsdeck::v1::ACK_RESULT_UNSPECIFIED);
        result.reason = statusText(status);
        if (hasDetail && !detail.reason().empty()
            && !result.reason.contains(QString::fromStdString(detail.reason())))
            result.reason += QStringLiteral(" (%1)").arg(QString::fromStdString(detail.reason()));
        result.ack.set_reason(result.reason.toStdString());
        result.ack.set_acked_unix_ns(model::unixNowNs());
        // A command that timed out has an unknown outcome, but the connection
        // is not known to be lost (the stream's keepalive decides that): no
        // reconnect, so the next command can go out at once.
        if (status.error_code() == grpc::UNAVAILABLE && m_connection.isReady())
            m_connection.callFailed(status);
    }
    qCInfo(lcClients) << "control" << int(kind) << "seq" << sequence << "->" << int(result.ack.result())
                      << result.reason;
    postControlEnvelope(nullptr, &result.ack);
    Q_EMIT controlFinished(result);
}

void BridgeClient::postControlEnvelope(
    const opsdeck::v1::ControlCommand *command, const opsdeck::v1::ControlAck *ack)
{
    if (!m_events)
        return;
    Envelope envelope;
    envelope.set_channel(opsdeck::v1::CHANNEL_CONTROL);
    envelope.set_source(m_endpoint.target.toStdString());
    envelope.set_source_time_ns(model::unixNowNs());
    if (command)
        *envelope.mutable_control_command() = *command;
    if (ack)
        *envelope.mutable_control_ack() = *ack;
    m_events->post(std::move(envelope));
}

} // namespace opsdeck::clients
