#include "clients/endpoint.h"

#include "model/endpointurl.h"

#include <QFile>
#include <QHostAddress>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

namespace opsdeck::clients {

namespace {

bool readPem(const QString &path, std::string *out, QString *error)
{
    if (path.isEmpty())
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    out->assign(data.constData(), std::size_t(data.size()));
    return true;
}

} // namespace

bool Endpoint::isLoopback() const
{
    const QString host = model::endpointHost(target);
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool parseEndpointUrl(const QString &url, Endpoint *out, QString *error)
{
    // The parser itself is pure and lives in model/ so that widgets/ can
    // validate addresses without linking gRPC.
    model::EndpointUrl parsed;
    if (!model::parseEndpointUrl(url, &parsed, error))
        return false;
    out->target = parsed.target;
    out->tls = parsed.tls;
    return true;
}

std::shared_ptr<grpc::Channel> makeChannel(const Endpoint &endpoint, QString *error)
{
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    if (endpoint.tls) {
        grpc::SslCredentialsOptions options;
        if (!readPem(endpoint.caFile, &options.pem_root_certs, error)
            || !readPem(endpoint.certFile, &options.pem_cert_chain, error)
            || !readPem(endpoint.keyFile, &options.pem_private_key, error))
            return nullptr;
        if (options.pem_cert_chain.empty() != options.pem_private_key.empty()) {
            if (error)
                *error = QStringLiteral("a client certificate needs both a certificate and a key file");
            return nullptr;
        }
        credentials = grpc::SslCredentials(options);
    } else {
        if (!endpoint.isLoopback() && !endpoint.allowInsecureRemote) {
            if (error)
                *error = QStringLiteral("plaintext to %1 is refused: use grpcs:// or opt in to "
                                        "insecure connections for this backend")
                             .arg(endpoint.target);
            return nullptr;
        }
        credentials = grpc::InsecureChannelCredentials();
    }

    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, int(endpoint.keepaliveInterval.count()));
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, int(endpoint.keepaliveTimeout.count()));
    args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, int(endpoint.initialBackoff.count()));
    args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, int(endpoint.initialBackoff.count()));
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, int(endpoint.maxBackoff.count()));
    args.SetMaxReceiveMessageSize(endpoint.maxReceiveMessageBytes);
    // Each console connection gets its own subchannel, so one backend's
    // reconnect state never leaks into another client's channel.
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    return grpc::CreateCustomChannel(endpoint.target.toStdString(), credentials, args);
}

void prepareContext(
    grpc::ClientContext &context, const Endpoint &endpoint, std::chrono::milliseconds deadline)
{
    if (!endpoint.token.isEmpty())
        context.AddMetadata("authorization", "Bearer " + endpoint.token.toStdString());
    if (deadline.count() > 0)
        context.set_deadline(std::chrono::system_clock::now() + deadline);
}

} // namespace opsdeck::clients
