// The channelz view against a real gRPC server started in the test.
#include "clients/channelzclient.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "widgets/serviceschannelzview.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

#include <grpcpp/create_channel.h>
#include <grpcpp/ext/channelz_service_plugin.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <future>

class TestChannelz : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<grpc::Server> m_server;
    std::string m_address;
    std::shared_ptr<grpc::Channel> m_channel;

    opsdeck::clients::Endpoint endpoint() const
    {
        opsdeck::clients::Endpoint e;
        e.target = QString::fromStdString(m_address);
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        grpc::EnableDefaultHealthCheckService(true);
        grpc::channelz::experimental::InitChannelzService();
        grpc::ServerBuilder builder;
        int port = 0;
        builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
        m_server = builder.BuildAndStart();
        QVERIFY(m_server && port > 0);
        m_address = "127.0.0.1:" + std::to_string(port);
        // Traffic to observe: 5 successful health checks and 1 failing call.
        m_channel = grpc::CreateChannel(m_address, grpc::InsecureChannelCredentials());
        auto stub = grpc::health::v1::Health::NewStub(m_channel);
        for (int i = 0; i < 5; ++i) {
            grpc::ClientContext ctx;
            grpc::health::v1::HealthCheckRequest req;
            grpc::health::v1::HealthCheckResponse resp;
            QVERIFY(stub->Check(&ctx, req, &resp).ok());
        }
        grpc::ClientContext ctx;
        grpc::health::v1::HealthCheckRequest req;
        req.set_service("no-such-service");
        grpc::health::v1::HealthCheckResponse resp;
        QCOMPARE(stub->Check(&ctx, req, &resp).error_code(), grpc::StatusCode::NOT_FOUND);
    }

    void cleanupTestCase() { m_server->Shutdown(); }

    void readsServersChannelsAndSockets()
    {
        opsdeck::clients::ChannelzClient client(endpoint());
        const auto snap = client.fetchOnce();
        QVERIFY2(snap->error.isEmpty(), qPrintable(snap->error));
        const opsdeck::model::ChannelzServer *server = nullptr;
        for (const auto &s : snap->servers)
            if (s.calls.started >= 6)
                server = &s;
        QVERIFY2(server, "no server with our calls");
        QVERIFY(server->calls.succeeded >= 5);
        QVERIFY(server->calls.failed >= 1);
        QVERIFY(!server->sockets.empty());
        QVERIFY(server->sockets.front().streams.started >= 1);
        // Our client channel to that server, READY, with the same calls.
        const opsdeck::model::ChannelzChannel *channel = nullptr;
        for (const auto &c : snap->channels)
            if (c.target.endsWith(QString::fromStdString(m_address)) && c.calls.started == 6)
                channel = &c;
        QVERIFY2(channel, "our channel is missing");
        QCOMPARE(channel->state, QStringLiteral("READY"));
        QCOMPARE(channel->calls.failed, std::int64_t(1));
        QVERIFY(!channel->children.empty()); // its subchannel
        QCOMPARE(channel->children.front().state, QStringLiteral("READY"));
    }

    void viewShowsTheTree()
    {
        opsdeck::widgets::ServicesChannelzView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view.showsEmptyState());
        opsdeck::clients::ChannelzClient client(endpoint(), std::chrono::milliseconds(100));
        QSignalSpy spy(&client, &opsdeck::clients::ChannelzClient::snapshotReady);
        connect(&client, &opsdeck::clients::ChannelzClient::snapshotReady, &view,
            &opsdeck::widgets::ServicesChannelzView::setSnapshot);
        client.start();
        QVERIFY(spy.wait(5000));
        QTRY_VERIFY(spy.count() >= 2); // a second poll rebuilds the tree under the tester
        client.stop();
        QVERIFY(!view.showsEmptyState());
        auto *m = view.model();
        QCOMPARE(m->rowCount(), 2);
        const QModelIndex servers = m->index(0, 0);
        QVERIFY(m->rowCount(servers) >= 1);
        bool found = false;
        for (int r = 0; r < m->rowCount(servers); ++r)
            found |= m->index(r, opsdeck::widgets::ServicesChannelzView::Failed, servers).data().toInt() >= 1;
        QVERIFY(found);
        QVERIFY(view.tree()->isExpanded(servers));
    }

    void unreachableTargetReportsAnError()
    {
        opsdeck::clients::Endpoint e;
        {
            grpc::ServerBuilder builder;
            int port = 0;
            builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
            auto gone = builder.BuildAndStart();
            e.target = QStringLiteral("127.0.0.1:%1").arg(port);
            gone->Shutdown();
        }
        opsdeck::clients::ChannelzClient client(e);
        const auto snap = client.fetchOnce();
        QVERIFY(!snap->error.isEmpty());
        opsdeck::widgets::ServicesChannelzView view;
        view.setSnapshot(snap);
        QVERIFY(view.showsEmptyState());
    }
};

QTEST_MAIN(TestChannelz)
#include "tst_channelz.moc"
