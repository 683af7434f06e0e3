#pragma once

#include "app/modelhost.h"
#include "model/backendstatus.h"
#include "model/connectionsettings.h"

#include <QObject>
#include <QPointer>

#include <array>
#include <functional>
#include <memory>

class QTimer;

namespace opsdeck::clients {
class BillingClient;
class BridgeClient;
class TelemetryClient;
} // namespace opsdeck::clients
namespace opsdeck::model {
class EventStream;
}

namespace opsdeck::app {

// The live backend clients (bridge, telemetry, billing), posting into the
// model thread's EventStream, and their connection status for the
// Connections dock and the status-bar lights: state, last error and the
// retry countdown, refreshed once per second. GUI thread.
class LiveClients : public QObject
{
    Q_OBJECT

public:
    using ConnectionEvents = std::function<std::shared_ptr<const ModelWorker::LatestConnections>()>;

    // Receives every status change (the Connections model, or a log line
    // when headless).
    using StatusSink = std::function<void(model::Backend, const model::BackendStatus &)>;

    LiveClients(
        model::EventStream *stream, StatusSink sink, ConnectionEvents events, QObject *parent = nullptr);
    ~LiveClients() override;

    // Dials every backend that has an address and drops the others. A backend
    // whose settings did not change keeps its client (and its stream).
    void connectTo(const model::ConnectionSettings &settings);
    // Stops every client (replay, shutdown); the statuses say why.
    void disconnectAll(const QString &why);
    // Skips the backoff wait of every client that is not connected.
    void reconnectNow();

    clients::BridgeClient *bridge() const { return m_bridge; }
    clients::TelemetryClient *telemetry() const { return m_telemetry; }
    clients::BillingClient *billing() const { return m_billing; }
    const model::ConnectionSettings &settings() const { return m_settings; }

Q_SIGNALS:
    // A client was created or removed (nullptr): views re-wire to it.
    void bridgeChanged(opsdeck::clients::BridgeClient *bridge);
    void billingChanged(opsdeck::clients::BillingClient *billing);

private:
    struct PlainState
    {
        int state = 0; // opsdeck::v1::ConnectionState
        QString error;
        std::int64_t sinceUnixNs = 0;
    };

    void startBridge(const model::BackendSettings &settings);
    void startTelemetry(const model::BackendSettings &settings);
    void startBilling(const model::BackendSettings &settings);
    void stopBackend(model::Backend backend);
    void refreshStatus();
    model::BackendStatus plainStatus(model::Backend backend, const QString &key) const;

    model::EventStream *m_stream;
    StatusSink m_sink;
    std::array<model::BackendStatus, 3> m_shown {};
    bool m_anyShown = false;
    ConnectionEvents m_events;
    model::ConnectionSettings m_settings;
    QString m_offline; // non-empty while disconnected on purpose (replay)
    clients::BridgeClient *m_bridge = nullptr;
    clients::TelemetryClient *m_telemetry = nullptr;
    clients::BillingClient *m_billing = nullptr;
    std::array<PlainState, 3> m_plain {};
    std::array<QString, 3> m_configError {};
    QTimer *m_tick;
};

} // namespace opsdeck::app
