#include "widgets/connectionlights.h"
#include "widgets/connectionsmodel.h"
#include "widgets/diagnosticsmodel.h"
#include "widgets/diagnosticsview.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace opsdeck;

class TestDiagnosticsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableFollowsSnapshots()
    {
        widgets::DiagnosticsModel table;
        QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table.rowCount(), 0);
        QCOMPARE(table.columnCount(), int(widgets::DiagnosticsModel::ColumnCount));

        model::Diagnostics diag;
        diag.report("bridge 127.0.0.1:1", "non-finite position", "node 4 lat=nan", 1'700'000'000'000'000'000);
        diag.report("bridge 127.0.0.1:1", "non-finite position", "node 5 lat=inf", 1'700'000'001'000'000'000);
        diag.report("billing", "negative cost", "line 12", 1'700'000'002'000'000'000);
        diag.publish();
        table.setSnapshot(diag.snapshot());
        QCOMPARE(table.rowCount(), 2);
        QCOMPARE(table.totalCount(), 3u);
        bool sawBridge = false;
        for (int row = 0; row < table.rowCount(); ++row) {
            if (table.index(row, widgets::DiagnosticsModel::Source).data().toString().startsWith("bridge")) {
                sawBridge = true;
                QCOMPARE(table.index(row, widgets::DiagnosticsModel::Count).data().toULongLong(), 2u);
                QCOMPARE(table.index(row, widgets::DiagnosticsModel::FirstExample).data().toString(),
                    QString("node 4 lat=nan"));
                QCOMPARE(table.index(row, widgets::DiagnosticsModel::LastSeen).data().toString(),
                    QString("2023-11-14T22:13:21.000Z"));
            }
        }
        QVERIFY(sawBridge);
        // The same snapshot again is not a change.
        QSignalSpy resets(&table, &QAbstractItemModel::modelReset);
        table.setSnapshot(diag.snapshot());
        QCOMPARE(resets.size(), 0);
    }

    void viewPullsFromProvider()
    {
        model::Diagnostics diag;
        widgets::DiagnosticsView view([&diag] { return diag.snapshot(); });
        QVERIFY(view.summary().contains("No bad input"));
        diag.report("telemetry", "negative duration", "call 7 duration=-3", 5);
        diag.publish();
        QTRY_COMPARE_WITH_TIMEOUT(view.table()->model()->rowCount(), 1, 2000);
        QVERIFY2(view.summary().contains("1 input"), qPrintable(view.summary()));
    }

    void connectionsModelAndLights()
    {
        widgets::ConnectionsModel connections;
        QAbstractItemModelTester tester(&connections, QAbstractItemModelTester::FailureReportingMode::QtTest);
        widgets::ConnectionLights lights(&connections);
        QCOMPARE(connections.rowCount(), 3);
        QCOMPARE(lights.lightText(0), QString("DDS-bridge: Not configured"));

        model::BackendStatus failed;
        failed.address = "grpcs://billing.example:443";
        failed.state = model::LinkState::Failed;
        failed.detail = "UNAVAILABLE: connection refused";
        QSignalSpy changed(&connections, &QAbstractItemModel::dataChanged);
        connections.setStatus(model::Backend::Billing, failed);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(connections.index(2, widgets::ConnectionsModel::State).data().toString(), QString("Failed"));
        QCOMPARE(connections.index(2, widgets::ConnectionsModel::Detail).data().toString(), failed.detail);
        QCOMPARE(connections.index(2, widgets::ConnectionsModel::Address).data().toString(), failed.address);
        QCOMPARE(lights.lightText(2), QString("Billing: Failed"));
        // The light of the failed backend turned red; the others did not.
        auto *dot = lights.findChild<QWidget *>("light_billing");
        QVERIFY(dot);
        QVERIFY2(dot->styleSheet().contains(
                     widgets::ConnectionsModel::stateColor(model::LinkState::Failed).name()),
            qPrintable(dot->styleSheet()));
        QVERIFY(!lights.findChild<QWidget *>("light_bridge")
                     ->styleSheet()
                     .contains(widgets::ConnectionsModel::stateColor(model::LinkState::Failed).name()));
    }
};

QTEST_MAIN(TestDiagnosticsModel)
#include "tst_diagnosticsmodel.moc"
