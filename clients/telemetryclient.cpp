#include "clients/telemetryclient.h"

#include "clients/postqueued.h"
#include "model/eventstream.h"
#include "opsdeck/v1/telemetry.grpc.pb.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcTelemetry, "opsdeck.clients.telemetry")

namespace opsdeck::clients {

TelemetryClient::TelemetryClient(Endpoint endpoint, model::EventStream *stream, Mode mode, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_stream(stream)
    , m_mode(mode)
{ }

TelemetryClient::~TelemetryClient()
{
    stop();
}

void TelemetryClient::start()
{
    if (m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = false;
    }
    m_thread = std::thread([this] { run(); });
}

void TelemetryClient::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        if (m_context)
            m_context->TryCancel();
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void TelemetryClient::report(int state, const QString &error, std::int64_t nextRetryUnixNs)
{
    opsdeck::v1::Envelope e;
    e.set_channel(opsdeck::v1::CHANNEL_CONSOLE);
    e.set_source(m_endpoint.target.toStdString());
    e.set_source_time_ns(model::unixNowNs());
    auto *c = e.mutable_connection();
    c->set_backend("telemetry");
    c->set_target(m_endpoint.target.toStdString());
    c->set_state(opsdeck::v1::ConnectionState(state));
    c->set_error(error.toStdString());
    c->set_next_retry_unix_ns(nextRetryUnixNs);
    m_stream->post(std::move(e));
    postQueued(this, [this, state, error] { Q_EMIT stateChanged(state, error); });
}

void TelemetryClient::run()
{
    auto backoff = m_endpoint.initialBackoff;
    const std::string source = m_endpoint.target.toStdString();
    while (true) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                break;
        }
        ++m_attempts;
        QString error;
        const std::shared_ptr<grpc::Channel> channel = makeChannel(m_endpoint, &error);
        grpc::Status status(grpc::StatusCode::UNAVAILABLE, error.toStdString());
        if (channel) {
            report(opsdeck::v1::CONNECTION_STATE_CONNECTING, QString());
            auto stub = opsdeck::v1::Telemetry::NewStub(channel);
            grpc::ClientContext context;
            if (!m_endpoint.token.isEmpty())
                context.AddMetadata("authorization", "Bearer " + m_endpoint.token.toStdString());
            context.set_wait_for_ready(false);
            {
                std::lock_guard lock(m_mutex);
                if (m_stop)
                    break;
                m_context = &context;
            }
            bool first = true;
            auto deliver = [&](opsdeck::v1::Envelope &&e) {
                if (first) {
                    first = false;
                    m_connected = true;
                    backoff = m_endpoint.initialBackoff;
                    report(opsdeck::v1::CONNECTION_STATE_READY, QString());
                }
                ++m_batches;
                if (!m_stream->post(std::move(e)))
                    ++m_dropped; // the console is behind: drop, never block gRPC
            };
            if (m_mode == Mode::Calls) {
                opsdeck::v1::StreamCallsRequest request;
                auto reader = stub->StreamCalls(&context, request);
                opsdeck::v1::CallBatch batch;
                while (reader->Read(&batch)) {
                    opsdeck::v1::Envelope e;
                    e.set_channel(opsdeck::v1::CHANNEL_TELEMETRY);
                    e.set_source(source);
                    e.set_source_time_ns(batch.batch_unix_ns());
                    m_records += std::uint64_t(batch.calls_size());
                    *e.mutable_call_batch() = std::move(batch);
                    batch.Clear();
                    deliver(std::move(e));
                }
                status = reader->Finish();
            } else {
                opsdeck::v1::StreamStatsRequest request;
                auto reader = stub->StreamStats(&context, request);
                opsdeck::v1::StatsWindow window;
                while (reader->Read(&window)) {
                    opsdeck::v1::Envelope e;
                    e.set_channel(opsdeck::v1::CHANNEL_TELEMETRY);
                    e.set_source(source);
                    e.set_source_time_ns(window.window_start_unix_ns());
                    *e.mutable_stats_window() = std::move(window);
                    window.Clear();
                    deliver(std::move(e));
                }
                status = reader->Finish();
            }
            std::lock_guard lock(m_mutex);
            m_context = nullptr;
        }
        const bool wasConnected = m_connected.exchange(false);
        std::unique_lock lock(m_mutex);
        if (m_stop)
            break;
        if (wasConnected)
            backoff = m_endpoint.initialBackoff;
        const auto retryAt
            = model::unixNowNs() + std::chrono::duration_cast<std::chrono::nanoseconds>(backoff).count();
        const QString why = QString::fromStdString(
            status.error_message().empty() ? "stream ended" : status.error_message());
        lock.unlock();
        qCInfo(lcTelemetry) << "telemetry stream to" << m_endpoint.target << "ended:" << why;
        report(opsdeck::v1::CONNECTION_STATE_TRANSIENT_FAILURE, why, retryAt);
        lock.lock();
        m_cv.wait_for(lock, backoff, [this] { return m_stop; });
        if (m_stop)
            break;
        backoff = std::min(backoff * 2, m_endpoint.maxBackoff);
    }
    report(opsdeck::v1::CONNECTION_STATE_SHUTDOWN, QString());
}

} // namespace opsdeck::clients
