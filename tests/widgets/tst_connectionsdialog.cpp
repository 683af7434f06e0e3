#include "widgets/connectionsdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace opsdeck;
using model::Backend;

class TestConnectionsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyIsValidAndMeansNotConfigured()
    {
        widgets::ConnectionsDialog dialog(model::ConnectionSettings {});
        QVERIFY(dialog.isValid());
        QVERIFY(dialog.errorText(Backend::Bridge).isEmpty());
    }

    void badAddressShowsInlineErrorAndBlocksOk()
    {
        widgets::ConnectionsDialog dialog(model::ConnectionSettings {});
        dialog.show();
        QTest::keyClicks(dialog.addressEdit(Backend::Telemetry), "http://mesh:80");
        QVERIFY(!dialog.isValid());
        QVERIFY2(dialog.errorText(Backend::Telemetry).contains("unknown scheme"),
            qPrintable(dialog.errorText(Backend::Telemetry)));
        auto *label = dialog.findChild<QLabel *>("telemetry_error");
        QVERIFY(label && !label->isHidden());
        QVERIFY(dialog.errorText(Backend::Bridge).isEmpty());

        dialog.addressEdit(Backend::Telemetry)->setText("grpc://127.0.0.1:99999");
        QVERIFY(dialog.errorText(Backend::Telemetry).contains("port must be 1-65535"));
        // A long error on the visible page is shown whole, not cut off.
        dialog.addressEdit(Backend::Bridge)->setText("http://bridge:1");
        dialog.caEdit(Backend::Bridge)->setText("/nonexistent/ca.pem");
        auto *bridgeError = dialog.findChild<QLabel *>("bridge_error");
        QTRY_VERIFY(bridgeError->height() >= bridgeError->heightForWidth(bridgeError->width()));
        dialog.addressEdit(Backend::Bridge)->clear();
        dialog.caEdit(Backend::Bridge)->clear();

        dialog.addressEdit(Backend::Telemetry)->setText("grpc://127.0.0.1:50052");
        QVERIFY(dialog.isValid());
        QVERIFY(label->isHidden());
    }

    void tlsFilesAreChecked()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath("client.pem");
        QFile file(cert);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN CERTIFICATE-----\n");
        file.close();

        widgets::ConnectionsDialog dialog(model::ConnectionSettings {});
        dialog.addressEdit(Backend::Bridge)->setText("grpcs://bridge.example:443");
        dialog.caEdit(Backend::Bridge)->setText(dir.filePath("missing-ca.pem"));
        QVERIFY(!dialog.isValid());
        QVERIFY2(dialog.errorText(Backend::Bridge).contains("cannot read"),
            qPrintable(dialog.errorText(Backend::Bridge)));
        dialog.caEdit(Backend::Bridge)->clear();
        dialog.certEdit(Backend::Bridge)->setText(cert);
        QVERIFY(!dialog.isValid());
        QVERIFY(dialog.errorText(Backend::Bridge).contains("both a certificate and a key"));
        dialog.keyEdit(Backend::Bridge)->setText(cert);
        QVERIFY(dialog.isValid());
    }

    void resultRoundTripsThroughSettings()
    {
        model::ConnectionSettings initial;
        initial.billing.url = "127.0.0.1:7000";
        widgets::ConnectionsDialog dialog(initial);
        QCOMPARE(dialog.addressEdit(Backend::Billing)->text(), QString("127.0.0.1:7000"));
        QCOMPARE(dialog.tokenEdit(Backend::Billing)->echoMode(), QLineEdit::Password);
        dialog.addressEdit(Backend::Bridge)->setText("  grpc://localhost:50051  ");
        dialog.tokenEdit(Backend::Bridge)->setText("secret");
        const model::ConnectionSettings result = dialog.connectionSettings();
        QCOMPARE(result.bridge.url, QString("grpc://localhost:50051"));
        QCOMPARE(result.bridge.token, QString("secret"));
        QCOMPARE(result.billing.url, QString("127.0.0.1:7000"));

        QTemporaryDir dir;
        QSettings settings(dir.filePath("s.ini"), QSettings::IniFormat);
        result.save(settings);
        QVERIFY(model::ConnectionSettings::load(settings) == result);
    }
};

QTEST_MAIN(TestConnectionsDialog)
#include "tst_connectionsdialog.moc"
