#include "model/endpointurl.h"

namespace opsdeck::model {

QString endpointHost(const QString &target)
{
    if (target.startsWith('[')) {
        const qsizetype close = target.indexOf(']');
        return close > 0 ? target.mid(1, close - 1) : target;
    }
    const qsizetype colon = target.lastIndexOf(':');
    return colon > 0 ? target.left(colon) : target;
}

bool parseEndpointUrl(const QString &url, EndpointUrl *out, QString *error)
{
    auto fail = [error, &url](const QString &why) {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(url, why);
        return false;
    };
    QString rest = url.trimmed();
    bool tls = false;
    if (rest.startsWith(QStringLiteral("grpcs://"))) {
        tls = true;
        rest = rest.mid(8);
    } else if (rest.startsWith(QStringLiteral("grpc://"))) {
        rest = rest.mid(7);
    } else if (rest.contains(QStringLiteral("://"))) {
        return fail(QStringLiteral("unknown scheme; use grpc://host:port or grpcs://host:port"));
    }
    if (rest.endsWith('/'))
        rest.chop(1);
    const qsizetype colon = rest.lastIndexOf(':');
    if (colon <= 0 || colon == rest.size() - 1)
        return fail(QStringLiteral("expected host:port"));
    bool ok = false;
    const int port = rest.mid(colon + 1).toInt(&ok);
    if (!ok || port <= 0 || port > 65535)
        return fail(QStringLiteral("port must be 1-65535"));
    if (endpointHost(rest).isEmpty())
        return fail(QStringLiteral("empty host"));
    if (out) {
        out->target = rest;
        out->tls = tls;
    }
    return true;
}

} // namespace opsdeck::model
