#include "model/connectionsettings.h"

#include <QSettings>

namespace opsdeck::model {

QString backendKey(Backend backend)
{
    switch (backend) {
    case Backend::Bridge:
        return QStringLiteral("bridge");
    case Backend::Telemetry:
        return QStringLiteral("telemetry");
    case Backend::Billing:
        return QStringLiteral("billing");
    }
    return {};
}

BackendSettings &ConnectionSettings::of(Backend backend)
{
    switch (backend) {
    case Backend::Bridge:
        return bridge;
    case Backend::Telemetry:
        return telemetry;
    case Backend::Billing:
        break;
    }
    return billing;
}

const BackendSettings &ConnectionSettings::of(Backend backend) const
{
    return const_cast<ConnectionSettings *>(this)->of(backend);
}

ConnectionSettings ConnectionSettings::load(const QSettings &settings)
{
    ConnectionSettings result;
    for (Backend backend : kAllBackends) {
        const QString prefix = QStringLiteral("connections/%1/").arg(backendKey(backend));
        BackendSettings &b = result.of(backend);
        b.url = settings.value(prefix + QStringLiteral("url")).toString();
        b.caFile = settings.value(prefix + QStringLiteral("caFile")).toString();
        b.certFile = settings.value(prefix + QStringLiteral("certFile")).toString();
        b.keyFile = settings.value(prefix + QStringLiteral("keyFile")).toString();
        b.token = settings.value(prefix + QStringLiteral("token")).toString();
    }
    return result;
}

void ConnectionSettings::save(QSettings &settings) const
{
    for (Backend backend : kAllBackends) {
        const QString prefix = QStringLiteral("connections/%1/").arg(backendKey(backend));
        const BackendSettings &b = of(backend);
        settings.setValue(prefix + QStringLiteral("url"), b.url);
        settings.setValue(prefix + QStringLiteral("caFile"), b.caFile);
        settings.setValue(prefix + QStringLiteral("certFile"), b.certFile);
        settings.setValue(prefix + QStringLiteral("keyFile"), b.keyFile);
        settings.setValue(prefix + QStringLiteral("token"), b.token);
    }
}

} // namespace opsdeck::model
