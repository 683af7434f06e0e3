#include "clients/backendconnection.h"

#include "clients/logging.h"
#include "clients/postqueued.h"
#include "model/eventstream.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace opsdeck::clients {

using opsdeck::v1::ConnectionState;

namespace {

// How long one connectivity watch waits before it is re-armed. Bounds how long
// the destructor waits for the watcher thread.
constexpr auto kWatchSlice = std::chrono::milliseconds(200);

struct Watch
{
    std::shared_ptr<grpc::Channel> channel;
    quint64 generation = 0;
    grpc_connectivity_state last = GRPC_CHANNEL_IDLE;
};

} // namespace

QString statusCodeName(grpc::StatusCode code)
{
    switch (code) {
    case grpc::OK:
        return QStringLiteral("OK");
    case grpc::CANCELLED:
        return QStringLiteral("CANCELLED");
    case grpc::UNKNOWN:
        return QStringLiteral("UNKNOWN");
    case grpc::INVALID_ARGUMENT:
        return QStringLiteral("INVALID_ARGUMENT");
    case grpc::DEADLINE_EXCEEDED:
        return QStringLiteral("DEADLINE_EXCEEDED");
    case grpc::NOT_FOUND:
        return QStringLiteral("NOT_FOUND");
    case grpc::ALREADY_EXISTS:
        return QStringLiteral("ALREADY_EXISTS");
    case grpc::PERMISSION_DENIED:
        return QStringLiteral("PERMISSION_DENIED");
    case grpc::UNAUTHENTICATED:
        return QStringLiteral("UNAUTHENTICATED");
    case grpc::RESOURCE_EXHAUSTED:
        return QStringLiteral("RESOURCE_EXHAUSTED");
    case grpc::FAILED_PRECONDITION:
        return QStringLiteral("FAILED_PRECONDITION");
    case grpc::ABORTED:
        return QStringLiteral("ABORTED");
    case grpc::OUT_OF_RANGE:
        return QStringLiteral("OUT_OF_RANGE");
    case grpc::UNIMPLEMENTED:
        return QStringLiteral("UNIMPLEMENTED");
    case grpc::INTERNAL:
        return QStringLiteral("INTERNAL");
    case grpc::UNAVAILABLE:
        return QStringLiteral("UNAVAILABLE");
    case grpc::DATA_LOSS:
        return QStringLiteral("DATA_LOSS");
    default:
        return QStringLiteral("CODE_%1").arg(int(code));
    }
}

QString statusText(const grpc::Status &status)
{
    const QString message = QString::fromStdString(status.error_message());
    return message.isEmpty() ? statusCodeName(status.error_code())
                             : QStringLiteral("%1: %2").arg(statusCodeName(status.error_code()), message);
}

std::chrono::milliseconds BackendConnection::backoffDelay(
    const Backoff &backoff, int failures, double random01)
{
    const double base
        = double(backoff.initial.count()) * std::pow(backoff.multiplier, std::max(0, failures - 1));
    const double capped = std::min(base, double(backoff.max.count()));
    const double jittered = capped * (1.0 + backoff.jitter * (2.0 * random01 - 1.0));
    return std::chrono::milliseconds(qint64(std::clamp(jittered, 0.0, double(backoff.max.count()))));
}

bool BackendConnection::isConnectionFailure(grpc::StatusCode code)
{
    return code == grpc::UNAVAILABLE || code == grpc::DEADLINE_EXCEEDED || code == grpc::UNKNOWN
        || code == grpc::INTERNAL || code == grpc::CANCELLED || code == grpc::ABORTED
        || code == grpc::RESOURCE_EXHAUSTED;
}

model::LinkState BackendConnection::linkState(opsdeck::v1::ConnectionState state, bool hasError)
{
    switch (state) {
    case opsdeck::v1::CONNECTION_STATE_READY:
        return model::LinkState::Connected;
    case opsdeck::v1::CONNECTION_STATE_CONNECTING:
        return model::LinkState::Connecting;
    case opsdeck::v1::CONNECTION_STATE_TRANSIENT_FAILURE:
        return model::LinkState::Failed;
    default:
        return hasError ? model::LinkState::Failed : model::LinkState::Idle;
    }
}

QString BackendConnection::stateName(ConnectionState state)
{
    switch (state) {
    case opsdeck::v1::CONNECTION_STATE_IDLE:
        return tr("idle");
    case opsdeck::v1::CONNECTION_STATE_CONNECTING:
        return tr("connecting");
    case opsdeck::v1::CONNECTION_STATE_READY:
        return tr("connected");
    case opsdeck::v1::CONNECTION_STATE_TRANSIENT_FAILURE:
        return tr("connection lost");
    case opsdeck::v1::CONNECTION_STATE_SHUTDOWN:
        return tr("stopped");
    default:
        return tr("unknown");
    }
}

BackendConnection::BackendConnection(
    QString backend, Endpoint endpoint, model::EventStream *events, QObject *parent)
    : QObject(parent)
    , m_backend(std::move(backend))
    , m_endpoint(std::move(endpoint))
    , m_events(events)
{
    m_backoff.initial = m_endpoint.initialBackoff;
    m_backoff.max = m_endpoint.maxBackoff;
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // a coarse timer fires up to 5 % early: the countdown and
                                                 // the jitter bounds would lie
    connect(&m_retryTimer, &QTimer::timeout, this, &BackendConnection::attempt);
    m_watcher = std::thread([this] { watchLoop(); });
}

BackendConnection::~BackendConnection()
{
    {
        std::lock_guard lock(m_watchMutex);
        m_watchStopping = true;
        m_cq.Shutdown();
    }
    m_watcher.join();
}

void BackendConnection::start()
{
    if (m_started)
        return;
    m_started = true;
    m_failures = 0;
    m_refused = false;
    createChannel();
    if (!m_channel)
        return;
    attempt();
}

void BackendConnection::stop()
{
    m_started = false;
    m_retryTimer.stop();
    m_nextRetryUnixMs = 0;
    ++m_generation;
    m_channel.reset();
    setState(opsdeck::v1::CONNECTION_STATE_SHUTDOWN);
}

void BackendConnection::reconnectNow()
{
    if (!m_started) {
        start();
        return;
    }
    m_retryTimer.stop();
    m_failures = 0;
    createChannel(); // a fresh channel skips gRPC's own reconnect backoff as well
    if (m_channel)
        attempt();
}

void BackendConnection::createChannel()
{
    QString error;
    auto channel = makeChannel(m_endpoint, &error);
    const quint64 generation = ++m_generation;
    if (!channel) {
        m_channel.reset();
        m_started = false;
        m_lastError = error;
        setState(opsdeck::v1::CONNECTION_STATE_SHUTDOWN);
        qCWarning(lcClients) << m_backend << "endpoint refused:" << error;
        return;
    }
    m_channel = channel;
    armWatch(channel, generation, channel->GetState(false));
}

void BackendConnection::attempt()
{
    if (!m_started)
        return;
    m_retryTimer.stop();
    m_nextRetryUnixMs = 0;
    // A channel that is still in gRPC's own backoff would fail the new calls at
    // once: start over with a fresh one so our schedule is the one that counts.
    const grpc_connectivity_state current = m_channel ? m_channel->GetState(false) : GRPC_CHANNEL_SHUTDOWN;
    if (current == GRPC_CHANNEL_TRANSIENT_FAILURE || current == GRPC_CHANNEL_SHUTDOWN)
        createChannel();
    if (!m_channel)
        return;
    if (m_channel->GetState(true) == GRPC_CHANNEL_READY && !m_refused) {
        m_failures = 0;
        setState(opsdeck::v1::CONNECTION_STATE_READY);
    } else if (m_state != opsdeck::v1::CONNECTION_STATE_CONNECTING) {
        setState(opsdeck::v1::CONNECTION_STATE_CONNECTING);
    }
    Q_EMIT attemptStarted();
}

void BackendConnection::callSucceeded()
{
    if (!m_started)
        return;
    m_failures = 0;
    m_refused = false;
    m_everSucceeded = true;
    if (m_state != opsdeck::v1::CONNECTION_STATE_READY) {
        m_nextRetryUnixMs = 0;
        setState(opsdeck::v1::CONNECTION_STATE_READY);
    }
}

QString BackendConnection::setupHint(const grpc::Status &status) const
{
    // gRPC reports a server that hangs up during connection set-up only as
    // "Socket closed" (or a reset). Before anything ever worked with this endpoint, the
    // usual causes are a TLS mismatch; say so (a backend that went away
    // later gives the same text, so never after a success).
    const QString message = QString::fromStdString(status.error_message());
    if (m_everSucceeded || status.error_code() != grpc::UNAVAILABLE
        || !(message.contains(QLatin1String("Socket closed"))
            || message.contains(QLatin1String("Connection reset"))))
        return {};
    if (!m_endpoint.tls)
        return tr(" — the server closed the connection while it was being set up; if it expects TLS, "
                  "connect with grpcs://");
    if (m_endpoint.certFile.isEmpty())
        return tr(" — the server closed the TLS connection while it was being set up; it may require a "
                  "client certificate");
    return tr(" — the server closed the TLS connection while it was being set up; it may not accept this "
              "client certificate");
}

void BackendConnection::callFailed(const grpc::Status &status)
{
    if (!m_started)
        return;
    m_lastError = statusText(status) + setupHint(status);
    m_refused
        = status.error_code() == grpc::UNAUTHENTICATED || status.error_code() == grpc::PERMISSION_DENIED;
    qCInfo(lcClients) << m_backend << m_endpoint.target << "call failed:" << m_lastError;
    if (m_retryTimer.isActive()) {
        setState(m_state); // the error text changed
        return;
    }
    scheduleRetry();
}

void BackendConnection::scheduleRetry()
{
    ++m_failures;
    const auto delay = backoffDelay(m_backoff, m_failures, QRandomGenerator::global()->generateDouble());
    m_nextRetryUnixMs = QDateTime::currentMSecsSinceEpoch() + delay.count();
    m_retryTimer.start(delay);
    setState(opsdeck::v1::CONNECTION_STATE_TRANSIENT_FAILURE);
}

void BackendConnection::onChannelState(quint64 generation, grpc_connectivity_state state)
{
    if (generation != m_generation.load() || !m_started)
        return;
    qCDebug(lcClients) << m_backend << "channel state" << int(state);
    switch (state) {
    case GRPC_CHANNEL_READY:
        if (m_refused)
            break; // the transport is up but the server refuses us: not "connected", keep the reason
        if (m_retryTimer.isActive()) {
            // gRPC reconnected on its own before our retry: restart the calls now.
            attempt();
        } else if (m_state != opsdeck::v1::CONNECTION_STATE_READY) {
            m_failures = 0;
            setState(opsdeck::v1::CONNECTION_STATE_READY);
        }
        break;
    case GRPC_CHANNEL_TRANSIENT_FAILURE:
        if (!m_retryTimer.isActive()) {
            if (m_lastError.isEmpty() || m_state == opsdeck::v1::CONNECTION_STATE_READY)
                m_lastError = tr("connection to %1 failed").arg(m_endpoint.target);
            scheduleRetry();
        }
        break;
    case GRPC_CHANNEL_IDLE:
        // The server closed the connection (or it idled out): keep it warm, so
        // the console notices at once when the backend is gone.
        if (!m_retryTimer.isActive() && m_channel) {
            m_channel->GetState(true);
            if (m_state == opsdeck::v1::CONNECTION_STATE_READY)
                setState(opsdeck::v1::CONNECTION_STATE_CONNECTING);
        }
        break;
    case GRPC_CHANNEL_CONNECTING:
        if (!m_retryTimer.isActive() && m_state == opsdeck::v1::CONNECTION_STATE_READY)
            setState(opsdeck::v1::CONNECTION_STATE_CONNECTING);
        break;
    case GRPC_CHANNEL_SHUTDOWN:
        break;
    }
}

model::BackendStatus BackendConnection::status() const
{
    model::BackendStatus status;
    status.address
        = (m_endpoint.tls ? QStringLiteral("grpcs://") : QStringLiteral("grpc://")) + m_endpoint.target;
    status.sinceUnixNs = m_sinceUnixNs;
    status.state = linkState(m_state, !m_lastError.isEmpty());
    status.detail = m_lastError;
    if (m_nextRetryUnixMs > 0) {
        const qint64 seconds
            = std::max<qint64>(0, (m_nextRetryUnixMs - QDateTime::currentMSecsSinceEpoch() + 999) / 1000);
        const QString retry = tr("retrying in %n s", nullptr, int(seconds));
        status.detail = status.detail.isEmpty() ? retry : QStringLiteral("%1 — %2").arg(status.detail, retry);
    }
    return status;
}

void BackendConnection::setState(ConnectionState state)
{
    if (state != m_state)
        m_sinceUnixNs = model::unixNowNs();
    m_state = state;
    if (state == opsdeck::v1::CONNECTION_STATE_READY)
        m_lastError.clear();
    Q_EMIT stateChanged(m_state, m_lastError, m_nextRetryUnixMs);
    if (m_events) {
        opsdeck::v1::Envelope envelope;
        envelope.set_channel(opsdeck::v1::CHANNEL_CONSOLE);
        envelope.set_source(m_endpoint.target.toStdString());
        envelope.set_source_time_ns(model::unixNowNs());
        auto *event = envelope.mutable_connection();
        event->set_backend(m_backend.toStdString());
        event->set_target(m_endpoint.target.toStdString());
        event->set_state(m_state);
        event->set_error(m_lastError.toStdString());
        event->set_next_retry_unix_ns(m_nextRetryUnixMs * 1'000'000);
        m_events->post(std::move(envelope));
    }
}

void BackendConnection::armWatch(
    std::shared_ptr<grpc::Channel> channel, quint64 generation, grpc_connectivity_state last)
{
    auto *watch = new Watch { std::move(channel), generation, last };
    std::lock_guard lock(m_watchMutex);
    if (m_watchStopping) {
        delete watch;
        return;
    }
    // Report the state the watch starts from, then every change.
    const grpc_connectivity_state initial = last;
    postQueued(this, [this, generation, initial] { onChannelState(generation, initial); });
    watch->channel->NotifyOnStateChange(last, std::chrono::system_clock::now() + kWatchSlice, &m_cq, watch);
}

void BackendConnection::watchLoop()
{
    void *tag = nullptr;
    bool ok = false;
    while (m_cq.Next(&tag, &ok)) {
        auto *watch = static_cast<Watch *>(tag);
        std::lock_guard lock(m_watchMutex);
        if (m_watchStopping || watch->generation != m_generation.load()) {
            delete watch; // a replaced channel: its watch ends here
            continue;
        }
        const grpc_connectivity_state now = watch->channel->GetState(false);
        if (now != watch->last) {
            watch->last = now;
            const quint64 generation = watch->generation;
            postQueued(this, [this, generation, now] { onChannelState(generation, now); });
        }
        watch->channel->NotifyOnStateChange(
            watch->last, std::chrono::system_clock::now() + kWatchSlice, &m_cq, watch);
    }
}

} // namespace opsdeck::clients
