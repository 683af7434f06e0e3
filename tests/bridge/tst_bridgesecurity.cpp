// Bearer tokens and roles, TLS with certificates generated here by the openssl
// CLI, and the standard health service.
#include "backends/bridge/bridgeserver.h"
#include "backends/bridge/tokenstore.h"
#include "bridgetestclient.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <grpcpp/generic/generic_stub.h>

#include <future>

using namespace opsdeck;
using namespace opsdeck::v1;
using test::timeoutMs;

namespace {
constexpr std::uint32_t kDomain = 44;

std::string bytesOf(const grpc::ByteBuffer &buffer)
{
    std::vector<grpc::Slice> slices;
    std::string out;
    if (!buffer.Dump(&slices).ok())
        return out;
    for (const grpc::Slice &s : slices)
        out.append(reinterpret_cast<const char *>(s.begin()), s.size());
    return out;
}

grpc::ByteBuffer bufferOf(const std::string &bytes)
{
    grpc::Slice slice(bytes);
    return grpc::ByteBuffer(&slice, 1);
}

// One request, one response on a bidirectional stream, through the generic API.
class OneExchange final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>
{
public:
    explicit OneExchange(grpc::ByteBuffer request)
        : m_request(std::move(request))
    { }
    void begin()
    {
        StartWrite(&m_request);
        StartRead(&m_response);
        StartCall();
    }
    void OnWriteDone(bool) override { StartWritesDone(); }
    void OnReadDone(bool ok) override { m_ok = ok; }
    void OnDone(const grpc::Status &status) override { m_done.set_value(status); }
    bool wait(int ms, grpc::Status *status)
    {
        auto f = m_done.get_future();
        if (f.wait_for(std::chrono::milliseconds(ms)) != std::future_status::ready)
            return false;
        *status = f.get();
        return true;
    }
    bool ok() const { return m_ok; }
    const grpc::ByteBuffer &response() const { return m_response; }

private:
    grpc::ByteBuffer m_request, m_response;
    bool m_ok = false;
    std::promise<grpc::Status> m_done;
};
const char *kOperatorToken = "operator-token-0123456789";
const char *kViewerToken = "viewer-token-0123456789abc";

std::string readAll(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll().toStdString();
}
} // namespace

class TestBridgeSecurity : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(timeoutMs(20000)) || p.exitCode() != 0) {
            qWarning() << "openssl" << args << p.readAllStandardError();
            return false;
        }
        return true;
    }

    bool makeCertificate(const char *name, const char *cn, const char *extensions)
    {
        QFile ext(path("ext.cnf"));
        if (!ext.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        ext.write(extensions);
        ext.close();
        const QString key = QString::fromLatin1(name) + QStringLiteral(".key");
        const QString csr = QString::fromLatin1(name) + QStringLiteral(".csr");
        const QString pem = QString::fromLatin1(name) + QStringLiteral(".pem");
        return openssl({ QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                   QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), csr,
                   QStringLiteral("-subj"), QStringLiteral("/CN=") + QString::fromLatin1(cn) })
            && openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"),
                QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                QStringLiteral("1"), QStringLiteral("-out"), pem, QStringLiteral("-extfile"),
                QStringLiteral("ext.cnf") });
    }

    std::shared_ptr<grpc::Channel> tlsChannel(const std::string &address, bool withClientCert)
    {
        grpc::SslCredentialsOptions options;
        options.pem_root_certs = readAll(path("ca.pem"));
        if (withClientCert) {
            options.pem_cert_chain = readAll(path("client.pem"));
            options.pem_private_key = readAll(path("client.key"));
        }
        grpc::ChannelArguments args;
        args.SetSslTargetNameOverride("localhost");
        return grpc::CreateCustomChannel(address, grpc::SslCredentials(options), args);
    }

private Q_SLOTS:
    void tokenFileErrorsNameTheLine()
    {
        bridge::TokenStore store;
        std::string error;
        QVERIFY(!store.parse("operator alice short\n", "tokens", &error));
        QVERIFY2(error.find("tokens:1:") == 0, error.c_str());
        QVERIFY(!store.parse("# ok\nadmin bob 0123456789abcdef0\n", "tokens", &error));
        QVERIFY2(error.find("tokens:2: unknown role 'admin'") == 0, error.c_str());
        QVERIFY(store.parse("viewer v 0123456789abcdef0  # comment\n", "tokens", &error));
    }

    void rolesAndTokens()
    {
        QFile tokens(path("tokens"));
        QVERIFY(tokens.open(QIODevice::WriteOnly));
        tokens.write(
            QByteArray("operator alice ") + kOperatorToken + "\nviewer wallboard " + kViewerToken + "\n");
        tokens.close();
        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.tokenFile = path("tokens").toStdString();
        bridge::BridgeServer bridge(config);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());

        ControlAck ack;
        BridgeStatus status;
        // No token and a wrong token: UNAUTHENTICATED for every call.
        for (const std::string &token : { std::string(), std::string("wrong-token-0123456789") }) {
            test::BridgeTestClient client(test::plainChannel(bridge.address()), token);
            QCOMPARE(client.status(&status).error_code(), grpc::StatusCode::UNAUTHENTICATED);
            QCOMPARE(
                client.control(CONTROL_KIND_START, 1, &ack).error_code(), grpc::StatusCode::UNAUTHENTICATED);
            client.subscribe(SubscribeRequest());
            grpc::Status end;
            QTRY_VERIFY_WITH_TIMEOUT(client.finished(&end), timeoutMs(5000));
            QCOMPARE(end.error_code(), grpc::StatusCode::UNAUTHENTICATED);
            QCOMPARE(client.with([](auto &s) { return s.samples; }), 0u);
        }

        // A viewer subscribes and queries but cannot control.
        test::BridgeTestClient viewer(test::plainChannel(bridge.address()), kViewerToken);
        QVERIFY(viewer.status(&status).ok());
        QCOMPARE(status.caller_role(), ROLE_VIEWER);
        QCOMPARE(status.caller_identity(), std::string("wallboard"));
        const grpc::Status denied = viewer.control(CONTROL_KIND_START, 1, &ack);
        QCOMPARE(denied.error_code(), grpc::StatusCode::PERMISSION_DENIED);
        viewer.subscribe(SubscribeRequest());
        QTRY_VERIFY_WITH_TIMEOUT(viewer.with([](auto &s) { return s.snapshotDone; }), timeoutMs(5000));
        QCOMPARE(bridge.clock().state(), SIM_STATE_INIT);

        // The operator can, and the ack names the authenticated identity.
        test::BridgeTestClient op(test::plainChannel(bridge.address()), kOperatorToken);
        QVERIFY(op.status(&status).ok());
        QCOMPARE(status.caller_role(), ROLE_OPERATOR);
        QVERIFY(op.control(CONTROL_KIND_START, 1, &ack).ok());
        QCOMPARE(ack.issuer(), std::string("alice"));
        QCOMPARE(bridge.clock().state(), SIM_STATE_RUNNING);
        viewer.stop();
    }

    void tlsWithClientCertificates()
    {
        QVERIFY(openssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"),
            QStringLiteral("-out"), QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("1"),
            QStringLiteral("-subj"), QStringLiteral("/CN=OpsDeck Test CA") }));
        QVERIFY(makeCertificate("server", "localhost",
            "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"));
        QVERIFY(makeCertificate("client", "console", "extendedKeyUsage=clientAuth\n"));

        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.tlsCertFile = path("server.pem").toStdString();
        config.tlsKeyFile = path("server.key").toStdString();
        config.tlsClientCaFile = path("ca.pem").toStdString();
        config.requireClientCert = true;
        bridge::BridgeServer bridge(config);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());

        BridgeStatus status;
        test::BridgeTestClient good(tlsChannel(bridge.address(), true));
        QVERIFY(good.status(&status).ok());
        QCOMPARE(status.dds_domain(), kDomain);
        good.subscribe(SubscribeRequest());
        QTRY_VERIFY_WITH_TIMEOUT(good.with([](auto &s) { return s.snapshotDone; }), timeoutMs(5000));

        // Without a client certificate, and in plaintext, nothing gets through.
        test::BridgeTestClient anonymous(tlsChannel(bridge.address(), false));
        QCOMPARE(anonymous.status(&status).error_code(), grpc::StatusCode::UNAVAILABLE);
        test::BridgeTestClient plain(test::plainChannel(bridge.address()));
        QCOMPARE(plain.status(&status).error_code(), grpc::StatusCode::UNAVAILABLE);
        good.stop();
    }

    void healthReflectionChannelz()
    {
        bridge::BridgeConfig config;
        config.domain = kDomain;
        bridge::BridgeServer bridge(config);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());
        // A channel with the console's keepalive settings (clients/endpoint.cpp).
        // The server's ping policy (5 s minimum interval) is below their 10 s
        // interval; this test does not wait long enough to watch pings happen.
        grpc::ChannelArguments args;
        args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 10000);
        args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 5000);
        args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
        args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
        auto channel = grpc::CreateCustomChannel(bridge.address(), grpc::InsecureChannelCredentials(), args);

        // grpc.health.v1.Health/Check {service: "opsdeck.v1.Bridge"} → SERVING (1).
        grpc::GenericStub stub(channel);
        const std::string service = "opsdeck.v1.Bridge";
        std::string request = std::string("\x0a") + char(service.size()) + service;
        grpc::Slice slice(request);
        grpc::ByteBuffer in(&slice, 1), out;
        grpc::ClientContext context;
        std::promise<grpc::Status> done;
        stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &in, &out,
            [&done](grpc::Status s) { done.set_value(s); });
        auto future = done.get_future();
        QVERIFY(future.wait_for(std::chrono::milliseconds(timeoutMs(5000))) == std::future_status::ready);
        QVERIFY(future.get().ok());
        std::vector<grpc::Slice> slices;
        QVERIFY(out.Dump(&slices).ok());
        std::string response;
        for (const grpc::Slice &s : slices)
            response.append(reinterpret_cast<const char *>(s.begin()), s.size());
        QCOMPARE(response, std::string("\x08\x01", 2));

        // Reflection: ServerReflectionRequest{list_services: ""} names the Bridge service.
        {
            grpc::ClientContext rc;
            OneExchange exchange(bufferOf(std::string("\x3a\x00", 2)));
            stub.PrepareBidiStreamingCall(&rc,
                "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", grpc::StubOptions(),
                &exchange);
            exchange.begin();
            grpc::Status status;
            QVERIFY(exchange.wait(timeoutMs(5000), &status));
            QVERIFY2(status.ok(), status.error_message().c_str());
            QVERIFY(exchange.ok());
            QVERIFY(bytesOf(exchange.response()).find("opsdeck.v1.Bridge") != std::string::npos);
        }

        // Channelz: GetServers lists this server (a non-empty response).
        {
            grpc::ClientContext cc;
            grpc::ByteBuffer empty = bufferOf(std::string()), servers;
            std::promise<grpc::Status> got;
            stub.UnaryCall(&cc, "/grpc.channelz.v1.Channelz/GetServers", grpc::StubOptions(), &empty,
                &servers, [&got](grpc::Status s) { got.set_value(s); });
            auto f = got.get_future();
            QVERIFY(f.wait_for(std::chrono::milliseconds(timeoutMs(5000))) == std::future_status::ready);
            const grpc::Status status = f.get();
            QVERIFY2(status.ok(), status.error_message().c_str());
            QVERIFY(!bytesOf(servers).empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestBridgeSecurity)
#include "tst_bridgesecurity.moc"
