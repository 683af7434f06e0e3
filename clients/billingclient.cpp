#include "clients/billingclient.h"

#include "clients/postqueued.h"
#include "model/eventstream.h"
#include "opsdeck/v1/billing.grpc.pb.h"
#include "proto/tsanhandoff.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMetaObject>

#include <grpcpp/grpcpp.h>

#include <chrono>

Q_LOGGING_CATEGORY(lcBillingClient, "opsdeck.clients.billing")

namespace opsdeck::clients {

using opsdeck::v1::Billing;

// A call in flight: its context, so that destruction can cancel it.
struct BillingClient::Call
{
    grpc::ClientContext context;
};

BillingClient::BillingClient(Endpoint endpoint, model::EventStream *stream, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_stream(stream)
    , m_source(QStringLiteral("billing %1").arg(m_endpoint.target))
{ }

BillingClient::~BillingClient()
{
    stopCharges();
    std::vector<Worker> workers;
    {
        std::unique_lock lock(m_mutex);
        m_closing = true;
        for (const auto &call : m_calls)
            call->context.TryCancel();
        m_cv.wait(lock, [this] { return m_calls.empty(); });
        workers.swap(m_workers);
    }
    for (Worker &w : workers)
        w.thread.join();
}

std::shared_ptr<grpc::Channel> BillingClient::channel(QString *error)
{
    std::lock_guard lock(m_channelMutex);
    if (!m_channel)
        m_channel = makeChannel(m_endpoint, error);
    return m_channel;
}

std::shared_ptr<BillingClient::Call> BillingClient::beginCall()
{
    auto call = std::make_shared<Call>();
    std::lock_guard lock(m_mutex);
    if (m_closing)
        return nullptr;
    m_calls.insert(call);
    return call;
}

void BillingClient::endCall(const std::shared_ptr<Call> &call)
{
    // Notified under the lock: the destructor may be waiting to return.
    std::lock_guard lock(m_mutex);
    m_calls.erase(call);
    m_cv.notify_all();
}

void BillingClient::failLater(const QString &call, const QString &error)
{
    qCWarning(lcBillingClient) << call << "failed:" << error;
    postQueued(this, [this, call, error] { Q_EMIT callFailed(call, error); });
}

void BillingClient::worker(std::function<void()> job)
{
    std::lock_guard lock(m_mutex);
    if (m_closing)
        return;
    // Join the workers that have finished, so imports and exports over a long
    // session do not pile up thread handles.
    for (auto it = m_workers.begin(); it != m_workers.end();) {
        if (it->done->load()) {
            it->thread.join();
            it = m_workers.erase(it);
        } else {
            ++it;
        }
    }
    auto done = std::make_shared<std::atomic<bool>>(false);
    m_workers.push_back({ std::thread([job = std::move(job), done] {
                             job();
                             done->store(true);
                         }),
        done });
}

// ------------------------------------------------------------------ charges

void BillingClient::startCharges(std::int64_t sinceUnixNs)
{
    stopCharges();
    {
        std::lock_guard lock(m_mutex);
        m_stopCharges = false;
    }
    m_charges_thread = std::thread([this, sinceUnixNs] { chargesLoop(sinceUnixNs); });
}

void BillingClient::stopCharges()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopCharges = true;
        if (m_chargesContext)
            m_chargesContext->TryCancel();
    }
    m_cv.notify_all();
    if (m_charges_thread.joinable())
        m_charges_thread.join();
}

void BillingClient::report(int state, const QString &error, std::int64_t nextRetryUnixNs)
{
    opsdeck::v1::Envelope envelope;
    envelope.set_channel(opsdeck::v1::CHANNEL_CONSOLE);
    envelope.set_source(m_source.toStdString());
    envelope.set_source_time_ns(model::unixNowNs());
    auto *event = envelope.mutable_connection();
    event->set_backend("billing");
    event->set_target(m_endpoint.target.toStdString());
    event->set_state(opsdeck::v1::ConnectionState(state));
    event->set_error(error.toStdString());
    event->set_next_retry_unix_ns(nextRetryUnixNs);
    if (m_stream)
        m_stream->post(std::move(envelope));
    postQueued(this, [this, state, error] { Q_EMIT stateChanged(state, error); });
}

void BillingClient::chargesLoop(std::int64_t sinceNs)
{
    auto backoff = m_endpoint.initialBackoff;
    const std::string source = m_source.toStdString();
    for (;;) {
        QString error;
        auto ch = channel(&error);
        if (!ch) {
            report(opsdeck::v1::CONNECTION_STATE_SHUTDOWN, error);
            return;
        }
        auto stub = Billing::NewStub(ch);
        grpc::ClientContext context;
        prepareContext(context, m_endpoint, std::chrono::milliseconds(0));
        {
            std::lock_guard lock(m_mutex);
            if (m_stopCharges)
                break;
            m_chargesContext = &context;
        }
        m_attempts.fetch_add(1);
        report(opsdeck::v1::CONNECTION_STATE_CONNECTING, {});
        opsdeck::v1::StreamChargesRequest request;
        request.set_since_unix_ns(sinceNs);
        request.set_after_ledger_seq(m_lastSeq.load());
        auto reader = stub->StreamCharges(&context, request);
        opsdeck::v1::Envelope envelope;
        bool announced = false;
        while (reader->Read(envelope.mutable_line_item())) {
            if (!announced) {
                announced = true;
                m_connected = true;
                backoff = m_endpoint.initialBackoff;
                report(opsdeck::v1::CONNECTION_STATE_READY, {});
            }
            m_lastSeq = envelope.line_item().ledger_seq();
            envelope.set_channel(opsdeck::v1::CHANNEL_BILLING);
            envelope.set_source(source);
            envelope.set_source_time_ns(envelope.line_item().charge_period_start_unix_ns());
            m_charges.fetch_add(1);
            if (!m_stream || !m_stream->post(std::move(envelope)))
                m_dropped.fetch_add(1);
            envelope.Clear();
        }
        const grpc::Status status = reader->Finish();
        m_connected = false;
        {
            std::lock_guard lock(m_mutex);
            m_chargesContext = nullptr;
            if (m_stopCharges)
                break;
        }
        const auto next = std::chrono::system_clock::now() + backoff;
        report(opsdeck::v1::CONNECTION_STATE_TRANSIENT_FAILURE,
            QString::fromStdString(status.error_message()),
            std::chrono::duration_cast<std::chrono::nanoseconds>(next.time_since_epoch()).count());
        std::unique_lock lock(m_mutex);
        if (m_cv.wait_for(lock, backoff, [this] { return m_stopCharges; }))
            break;
        backoff = std::min(backoff * 2, m_endpoint.maxBackoff);
    }
    report(opsdeck::v1::CONNECTION_STATE_IDLE, {});
}

// ------------------------------------------------------------------ unary calls

void BillingClient::queryCosts(const opsdeck::v1::CostQuery &query)
{
    QString error;
    auto ch = channel(&error);
    auto call = ch ? beginCall() : nullptr;
    if (!call)
        return failLater(QStringLiteral("QueryCosts"), error);
    prepareContext(call->context, m_endpoint, std::chrono::seconds(30));
    auto request = std::make_shared<opsdeck::v1::CostQuery>(query);
    auto response = std::make_shared<opsdeck::v1::CostReport>();
    auto stub = std::shared_ptr<Billing::Stub>(Billing::NewStub(ch));
    OPSDECK_TSAN_RELEASE(call.get());
    stub->async()->QueryCosts(
        &call->context, request.get(), response.get(), [this, call, request, response, stub](grpc::Status s) {
            OPSDECK_TSAN_ACQUIRE(call.get());
            if (s.ok()) {
                opsdeck::v1::Envelope envelope;
                envelope.set_channel(opsdeck::v1::CHANNEL_BILLING);
                envelope.set_source(m_source.toStdString());
                envelope.set_source_time_ns(response->generated_unix_ns());
                *envelope.mutable_cost_report() = *response;
                if (m_stream)
                    m_stream->post(std::move(envelope));
                postQueued(this, [this, response] { Q_EMIT costsReady(*response); });
            } else {
                failLater(QStringLiteral("QueryCosts"), QString::fromStdString(s.error_message()));
            }
            endCall(call);
        });
}

void BillingClient::reprice(const opsdeck::v1::RepriceRequest &repriceRequest)
{
    QString error;
    auto ch = channel(&error);
    auto call = ch ? beginCall() : nullptr;
    if (!call)
        return failLater(QStringLiteral("Reprice"), error);
    prepareContext(call->context, m_endpoint, std::chrono::seconds(30));
    auto request = std::make_shared<opsdeck::v1::RepriceRequest>(repriceRequest);
    auto response = std::make_shared<opsdeck::v1::RepriceReport>();
    auto stub = std::shared_ptr<Billing::Stub>(Billing::NewStub(ch));
    OPSDECK_TSAN_RELEASE(call.get());
    stub->async()->Reprice(
        &call->context, request.get(), response.get(), [this, call, request, response, stub](grpc::Status s) {
            OPSDECK_TSAN_ACQUIRE(call.get());
            if (s.ok())
                postQueued(this, [this, response] { Q_EMIT repriceReady(*response); });
            else
                failLater(QStringLiteral("Reprice"), QString::fromStdString(s.error_message()));
            endCall(call);
        });
}

void BillingClient::fetchPriceBook()
{
    QString error;
    auto ch = channel(&error);
    auto call = ch ? beginCall() : nullptr;
    if (!call)
        return failLater(QStringLiteral("GetPriceBook"), error);
    prepareContext(call->context, m_endpoint, std::chrono::seconds(30));
    auto response = std::make_shared<opsdeck::v1::PriceBook>();
    auto request = std::make_shared<opsdeck::v1::GetPriceBookRequest>();
    auto stub = std::shared_ptr<Billing::Stub>(Billing::NewStub(ch));
    OPSDECK_TSAN_RELEASE(call.get());
    stub->async()->GetPriceBook(
        &call->context, request.get(), response.get(), [this, call, response, request, stub](grpc::Status s) {
            OPSDECK_TSAN_ACQUIRE(call.get());
            if (s.ok())
                postQueued(this, [this, response] { Q_EMIT priceBookReady(*response); });
            else
                failLater(QStringLiteral("GetPriceBook"), QString::fromStdString(s.error_message()));
            endCall(call);
        });
}

// ------------------------------------------------------------------ import / export

void BillingClient::importFocus(const QString &path)
{
    QString error;
    auto ch = channel(&error);
    auto call = ch ? beginCall() : nullptr;
    if (!call)
        return failLater(QStringLiteral("ImportFocus"), error);
    worker([this, ch, call, path] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            failLater(QStringLiteral("ImportFocus"), tr("cannot read %1: %2").arg(path, file.errorString()));
            return endCall(call);
        }
        prepareContext(call->context, m_endpoint, std::chrono::milliseconds(0));
        auto stub = Billing::NewStub(ch);
        opsdeck::v1::ImportReport report;
        auto writer = stub->ImportFocus(&call->context, &report);
        const qint64 total = file.size();
        qint64 sent = 0;
        int lastPercent = -1;
        opsdeck::v1::ImportChunk chunk;
        chunk.set_file_name(QFileInfo(path).fileName().toStdString());
        bool ok = true;
        while (ok && !file.atEnd()) {
            const QByteArray data = file.read(256 * 1024);
            chunk.set_data(data.constData(), std::size_t(data.size()));
            ok = writer->Write(chunk);
            chunk.clear_file_name();
            sent += data.size();
            // Progress coalesced to whole percents: at most 100 signals an import.
            const int percent = total > 0 ? int(sent * 100 / total) : 100;
            if (percent != lastPercent) {
                lastPercent = percent;
                postQueued(this, [this, sent, total] { Q_EMIT importProgress(sent, total); });
            }
        }
        writer->WritesDone();
        const grpc::Status status = writer->Finish();
        if (status.ok())
            postQueued(this, [this, report] { Q_EMIT importFinished(report); });
        else
            failLater(QStringLiteral("ImportFocus"), QString::fromStdString(status.error_message()));
        endCall(call);
    });
}

void BillingClient::exportFocus(const opsdeck::v1::ExportRequest &request, const QString &path)
{
    QString error;
    auto ch = channel(&error);
    auto call = ch ? beginCall() : nullptr;
    if (!call)
        return failLater(QStringLiteral("ExportFocus"), error);
    worker([this, ch, call, request, path] {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            failLater(QStringLiteral("ExportFocus"), tr("cannot write %1: %2").arg(path, file.errorString()));
            return endCall(call);
        }
        prepareContext(call->context, m_endpoint, std::chrono::milliseconds(0));
        auto stub = Billing::NewStub(ch);
        auto reader = stub->ExportFocus(&call->context, request);
        opsdeck::v1::ExportChunk chunk;
        qint64 bytes = 0;
        while (reader->Read(&chunk)) {
            file.write(chunk.data().data(), qint64(chunk.data().size()));
            bytes += qint64(chunk.data().size());
        }
        const grpc::Status status = reader->Finish();
        file.close();
        if (status.ok())
            postQueued(this, [this, path, bytes] { Q_EMIT exportFinished(path, bytes); });
        else
            failLater(QStringLiteral("ExportFocus"), QString::fromStdString(status.error_message()));
        endCall(call);
    });
}

} // namespace opsdeck::clients
