#include "model/connectionsettings.h"
#include "model/endpointurl.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace opsdeck::model;

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsThroughQSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("opsdeck.ini");
        ConnectionSettings written;
        written.bridge = { "grpcs://bridge.example:443", "/etc/ca.pem", "/etc/c.pem", "/etc/k.pem", "t0k" };
        written.billing.url = "127.0.0.1:7000";
        {
            QSettings settings(path, QSettings::IniFormat);
            written.save(settings);
        }
        QSettings settings(path, QSettings::IniFormat);
        const ConnectionSettings read = ConnectionSettings::load(settings);
        QVERIFY(read == written);
        QCOMPARE(read.of(Backend::Bridge).token, QString("t0k"));
        QVERIFY(read.of(Backend::Telemetry).url.isEmpty());
        QCOMPARE(settings.value("connections/billing/url").toString(), QString("127.0.0.1:7000"));
    }

    void parserNeedsNoNetworkLibrary()
    {
        EndpointUrl url;
        QString error;
        QVERIFY(parseEndpointUrl("grpcs://[::1]:443/", &url, &error));
        QCOMPARE(url.target, QString("[::1]:443"));
        QVERIFY(url.tls);
        QCOMPARE(endpointHost(url.target), QString("::1"));
        QVERIFY(!parseEndpointUrl("ftp://x:1", nullptr, &error));
        QVERIFY2(error.contains("unknown scheme"), qPrintable(error));
        QVERIFY(!parseEndpointUrl("grpc://host:0", nullptr, &error));
        QVERIFY2(error.contains("port"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
