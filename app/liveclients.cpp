#include "app/liveclients.h"

#include "app/logging.h"
#include "clients/backendconnection.h"
#include "clients/billingclient.h"
#include "clients/bridgeclient.h"
#include "clients/endpoint.h"
#include "clients/telemetryclient.h"
#include "model/eventstream.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace opsdeck::app {

namespace {

std::size_t indexOf(model::Backend backend)
{
    return std::size_t(backend);
}

bool toEndpoint(const model::BackendSettings &settings, clients::Endpoint *endpoint, QString *error)
{
    if (!clients::parseEndpointUrl(settings.url, endpoint, error))
        return false;
    endpoint->caFile = settings.caFile;
    endpoint->certFile = settings.certFile;
    endpoint->keyFile = settings.keyFile;
    endpoint->token = settings.token;
    return true;
}

QString retryText(std::int64_t nextRetryUnixNs)
{
    const qint64 ms = nextRetryUnixNs / 1'000'000 - QDateTime::currentMSecsSinceEpoch();
    const qint64 seconds = std::max<qint64>(0, (ms + 999) / 1000);
    return LiveClients::tr("retrying in %n s", nullptr, int(seconds));
}

} // namespace

LiveClients::LiveClients(
    model::EventStream *stream, StatusSink sink, ConnectionEvents events, QObject *parent)
    : QObject(parent)
    , m_stream(stream)
    , m_sink(std::move(sink))
    , m_events(std::move(events))
    , m_tick(new QTimer(this))
{
    // The retry countdown moves once per second.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &LiveClients::refreshStatus);
    m_tick->start();
}

LiveClients::~LiveClients()
{
    for (model::Backend backend : model::kAllBackends)
        stopBackend(backend);
}

void LiveClients::connectTo(const model::ConnectionSettings &settings)
{
    const model::ConnectionSettings previous = m_settings;
    const bool wasOffline = !m_offline.isEmpty();
    m_settings = settings;
    m_offline.clear();
    for (model::Backend backend : model::kAllBackends) {
        const model::BackendSettings &now = settings.of(backend);
        const bool running = (backend == model::Backend::Bridge && m_bridge)
            || (backend == model::Backend::Telemetry && m_telemetry)
            || (backend == model::Backend::Billing && m_billing);
        if (running && !wasOffline && now == previous.of(backend))
            continue;
        stopBackend(backend);
        m_configError[indexOf(backend)].clear();
        if (now.url.isEmpty())
            continue;
        switch (backend) {
        case model::Backend::Bridge:
            startBridge(now);
            break;
        case model::Backend::Telemetry:
            startTelemetry(now);
            break;
        case model::Backend::Billing:
            startBilling(now);
            break;
        }
    }
    refreshStatus();
}

void LiveClients::disconnectAll(const QString &why)
{
    for (model::Backend backend : model::kAllBackends)
        stopBackend(backend);
    m_offline = why;
    refreshStatus();
}

void LiveClients::reconnectNow()
{
    if (!m_offline.isEmpty())
        return;
    if (m_bridge && !m_bridge->connection()->isReady())
        m_bridge->connection()->reconnectNow();
    if (m_telemetry && !m_telemetry->isConnected()) {
        m_telemetry->stop();
        m_telemetry->start();
    }
    if (m_billing && !m_billing->isConnected())
        m_billing->startCharges(); // resumes after the last ledger seq it saw
    refreshStatus();
}

void LiveClients::startBridge(const model::BackendSettings &settings)
{
    clients::Endpoint endpoint;
    QString error;
    if (!toEndpoint(settings, &endpoint, &error)) {
        m_configError[indexOf(model::Backend::Bridge)] = error;
        return;
    }
    m_bridge = new clients::BridgeClient(endpoint, m_stream, this);
    connect(
        m_bridge->connection(), &clients::BackendConnection::stateChanged, this, &LiveClients::refreshStatus);
    m_bridge->start();
    Q_EMIT bridgeChanged(m_bridge);
}

void LiveClients::startTelemetry(const model::BackendSettings &settings)
{
    clients::Endpoint endpoint;
    QString error;
    if (!toEndpoint(settings, &endpoint, &error)) {
        m_configError[indexOf(model::Backend::Telemetry)] = error;
        return;
    }
    m_telemetry
        = new clients::TelemetryClient(endpoint, m_stream, clients::TelemetryClient::Mode::Calls, this);
    connect(m_telemetry, &clients::TelemetryClient::stateChanged, this, [this](int state, const QString &e) {
        PlainState &plain = m_plain[indexOf(model::Backend::Telemetry)];
        if (plain.state != state)
            plain.sinceUnixNs = model::unixNowNs();
        plain.state = state;
        plain.error = e;
        refreshStatus();
    });
    m_plain[indexOf(model::Backend::Telemetry)]
        = { opsdeck::v1::CONNECTION_STATE_CONNECTING, {}, model::unixNowNs() };
    m_telemetry->start();
}

void LiveClients::startBilling(const model::BackendSettings &settings)
{
    clients::Endpoint endpoint;
    QString error;
    if (!toEndpoint(settings, &endpoint, &error)) {
        m_configError[indexOf(model::Backend::Billing)] = error;
        return;
    }
    m_billing = new clients::BillingClient(endpoint, m_stream, this);
    connect(m_billing, &clients::BillingClient::stateChanged, this, [this](int state, const QString &e) {
        PlainState &plain = m_plain[indexOf(model::Backend::Billing)];
        if (plain.state != state)
            plain.sinceUnixNs = model::unixNowNs();
        plain.state = state;
        plain.error = e;
        if (state == opsdeck::v1::CONNECTION_STATE_READY && m_billing) {
            // The month's forecast (the ledger extrapolates until it arrives).
            opsdeck::v1::CostQuery query;
            query.set_include_forecast(true);
            m_billing->queryCosts(query);
        }
        refreshStatus();
    });
    m_plain[indexOf(model::Backend::Billing)]
        = { opsdeck::v1::CONNECTION_STATE_CONNECTING, {}, model::unixNowNs() };
    m_billing->startCharges();
    Q_EMIT billingChanged(m_billing);
}

void LiveClients::stopBackend(model::Backend backend)
{
    // Stop before delete: the destructors wait for gRPC to let go of the calls.
    switch (backend) {
    case model::Backend::Bridge:
        if (m_bridge) {
            auto *bridge = std::exchange(m_bridge, nullptr);
            bridge->disconnect(this);
            bridge->connection()->disconnect(this);
            bridge->stop();
            Q_EMIT bridgeChanged(nullptr);
            delete bridge;
        }
        break;
    case model::Backend::Telemetry:
        if (m_telemetry) {
            auto *telemetry = std::exchange(m_telemetry, nullptr);
            telemetry->disconnect(this);
            telemetry->stop();
            delete telemetry;
        }
        break;
    case model::Backend::Billing:
        if (m_billing) {
            auto *billing = std::exchange(m_billing, nullptr);
            billing->disconnect(this);
            billing->stopCharges();
            Q_EMIT billingChanged(nullptr);
            delete billing;
        }
        break;
    }
    m_plain[indexOf(backend)] = {};
}

model::BackendStatus LiveClients::plainStatus(model::Backend backend, const QString &key) const
{
    const PlainState &plain = m_plain[indexOf(backend)];
    model::BackendStatus status;
    status.address = m_settings.of(backend).url;
    status.sinceUnixNs = plain.sinceUnixNs;
    status.detail = plain.error;
    status.state = clients::BackendConnection::linkState(
        opsdeck::v1::ConnectionState(plain.state), !plain.error.isEmpty());
    // The next retry time travels in the client's ConnectionEvent envelope.
    if (status.state == model::LinkState::Failed && m_events) {
        if (const auto events = m_events()) {
            const auto it = events->find(key.toStdString());
            if (it != events->end() && it->second.state() == opsdeck::v1::CONNECTION_STATE_TRANSIENT_FAILURE
                && it->second.next_retry_unix_ns() > 0) {
                const QString retry = retryText(it->second.next_retry_unix_ns());
                status.detail = status.detail.isEmpty() ? retry : tr("%1 — %2").arg(status.detail, retry);
            }
        }
    }
    return status;
}

void LiveClients::refreshStatus()
{
    const std::int64_t now = model::unixNowNs();
    for (model::Backend backend : model::kAllBackends) {
        model::BackendStatus status;
        status.address = m_settings.of(backend).url;
        status.sinceUnixNs = now;
        const QString &configError = m_configError[indexOf(backend)];
        if (!m_offline.isEmpty()) {
            status.state = model::LinkState::Idle;
            status.detail = m_offline;
        } else if (status.address.isEmpty()) {
            status.state = model::LinkState::NotConfigured;
            status.detail = tr("No address: File ▸ Connect… or --%1 URL").arg(model::backendKey(backend));
        } else if (!configError.isEmpty()) {
            status.state = model::LinkState::Failed;
            status.detail = configError;
        } else if (backend == model::Backend::Bridge && m_bridge) {
            status = m_bridge->connection()->status();
            status.address = m_settings.of(backend).url;
        } else if (backend != model::Backend::Bridge) {
            status = plainStatus(backend, model::backendKey(backend));
        }
        model::BackendStatus &shown = m_shown[indexOf(backend)];
        if (!m_anyShown || shown.state != status.state || shown.detail != status.detail
            || shown.address != status.address) {
            shown = status;
            if (m_sink)
                m_sink(backend, status);
        }
    }
    m_anyShown = true;
}

} // namespace opsdeck::app
