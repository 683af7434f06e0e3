#include "clients/endpoint.h"

#include <QTest>

using opsdeck::clients::Endpoint;

class TestEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("tls");
        QTest::newRow("bare") << "127.0.0.1:50051" << true << "127.0.0.1:50051" << false;
        QTest::newRow("grpc") << "grpc://localhost:1" << true << "localhost:1" << false;
        QTest::newRow("grpcs") << "grpcs://bridge.example:443/" << true << "bridge.example:443" << true;
        QTest::newRow("ipv6") << "grpc://[::1]:7000" << true << "[::1]:7000" << false;
        QTest::newRow("no port") << "grpc://localhost" << false << "" << false;
        QTest::newRow("bad port") << "localhost:99999" << false << "" << false;
        QTest::newRow("http") << "http://localhost:80" << false << "" << false;
        QTest::newRow("empty host") << ":50051" << false << "" << false;
    }

    void parsesUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, ok);
        Endpoint endpoint;
        QString error;
        QCOMPARE(opsdeck::clients::parseEndpointUrl(url, &endpoint, &error), ok);
        if (ok) {
            QFETCH(QString, target);
            QFETCH(bool, tls);
            QCOMPARE(endpoint.target, target);
            QCOMPARE(endpoint.tls, tls);
        } else {
            QVERIFY2(error.contains(url), qPrintable(error));
        }
    }

    void loopbackDetection()
    {
        Endpoint e;
        for (const char *t : { "127.0.0.1:1", "localhost:1", "[::1]:1", "127.5.6.7:9" }) {
            e.target = t;
            QVERIFY2(e.isLoopback(), t);
        }
        for (const char *t : { "192.0.2.1:1", "bridge.example:1" }) {
            e.target = t;
            QVERIFY2(!e.isLoopback(), t);
        }
    }

    void plaintextToRemoteHostNeedsOptIn()
    {
        Endpoint e;
        e.target = "bridge.example:50051";
        QString error;
        QVERIFY(!opsdeck::clients::makeChannel(e, &error));
        QVERIFY2(error.contains("plaintext"), qPrintable(error));
        // Opting in builds the channel (nothing is sent until a call is made).
        e.allowInsecureRemote = true;
        QVERIFY(opsdeck::clients::makeChannel(e, &error));
    }

    void unreadableTlsFilesAreReportedNotIgnored()
    {
        Endpoint e;
        e.target = "127.0.0.1:1";
        e.tls = true;
        e.caFile = "/nonexistent/ca.pem";
        QString error;
        QVERIFY(!opsdeck::clients::makeChannel(e, &error));
        QVERIFY2(error.contains("/nonexistent/ca.pem"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
