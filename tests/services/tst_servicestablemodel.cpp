#include "servicesfixture.h"
#include "widgets/servicesproxymodel.h"
#include "widgets/servicestablemodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QTest>

using opsdeck::widgets::ServicesProxyModel;
using opsdeck::widgets::ServicesTableModel;

class TestServicesTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelIsConsistentAcrossSnapshots()
    {
        ServicesTableModel model;
        ServicesProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setSnapshot(servicesFixture(10));
        // 3 methods + 3 edges + 4 replicas.
        QCOMPARE(model.rowCount(), 10);
        model.setSnapshot(servicesFixture(20)); // same keys: data changes only
        QCOMPARE(model.rowCount(), 10);
        model.setSnapshot(nullptr);
        QCOMPARE(model.rowCount(), 0);
        model.setSnapshot(servicesFixture(5));
        model.setWindow(opsdeck::model::LatencyBook::Minute5);
        QCOMPARE(model.columnCount(), int(ServicesTableModel::ColumnCount));
    }

    void sortsNumericallyBySlowest()
    {
        ServicesTableModel model;
        ServicesProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(servicesFixture());
        proxy.setKinds(ServicesProxyModel::Methods);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.sort(ServicesTableModel::P99, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, ServicesTableModel::Service).data().toString(), QStringLiteral("payments"));
        QCOMPARE(proxy.index(2, ServicesTableModel::Service).data().toString(), QStringLiteral("ledger"));
        proxy.sort(ServicesTableModel::P99, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, ServicesTableModel::Service).data().toString(), QStringLiteral("ledger"));
        // "9.0 ms" must not sort after "10 ms" as text would.
        proxy.sort(ServicesTableModel::Rate, Qt::DescendingOrder);
        QVERIFY(proxy.index(0, ServicesTableModel::Rate).data(ServicesTableModel::SortRole).toDouble()
            >= proxy.index(2, ServicesTableModel::Rate).data(ServicesTableModel::SortRole).toDouble());
    }

    void filtersByTextKindAndProblems()
    {
        ServicesTableModel model;
        ServicesProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(servicesFixture());
        QCOMPARE(proxy.rowCount(), 10);
        proxy.setText(QStringLiteral("PAY"));
        // payments/Charge, orders->payments edge, payments->ledger edge (caller), 2 replicas.
        QCOMPARE(proxy.rowCount(), 5);
        proxy.setKinds(ServicesProxyModel::Replicas);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setText(QString());
        proxy.setKinds(ServicesProxyModel::All);
        proxy.setProblemsOnly(true);
        // Only the payments rows cross a threshold (p99 at the deadline, 10 % timeouts) + the ejected
        // replica.
        for (int r = 0; r < proxy.rowCount(); ++r)
            QVERIFY(
                proxy.index(r, ServicesTableModel::Service).data().toString() == QLatin1String("payments"));
        QVERIFY(proxy.rowCount() >= 3);
    }

    void thresholdColoursAndSparklines()
    {
        ServicesTableModel model;
        model.setSnapshot(servicesFixture());
        int payments = -1, ledger = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            const auto *row = model.rowAt(r);
            if (row->kind != opsdeck::model::LatencyBook::Kind::Method)
                continue;
            if (row->service == QLatin1String("payments"))
                payments = r;
            if (row->service == QLatin1String("ledger"))
                ledger = r;
        }
        QVERIFY(payments >= 0 && ledger >= 0);
        QVERIFY(model.index(payments, ServicesTableModel::TimeoutPct)
                    .data(Qt::BackgroundRole)
                    .value<QColor>()
                    .isValid());
        QVERIFY(model.index(payments, ServicesTableModel::Headroom)
                    .data(Qt::BackgroundRole)
                    .value<QColor>()
                    .isValid());
        QVERIFY(!model.index(ledger, ServicesTableModel::TimeoutPct).data(Qt::BackgroundRole).isValid());
        QCOMPARE(
            model.index(payments, ServicesTableModel::TimeoutPct).data().toString(), QStringLiteral("10.00"));
        QCOMPARE(model.index(payments, ServicesTableModel::Deadline).data().toString(),
            QStringLiteral("300.0 ms"));
        const auto spark = model.index(payments, ServicesTableModel::Trend)
                               .data(ServicesTableModel::SparklineRole)
                               .value<QList<double>>();
        QCOMPARE(spark.size(), 29); // 29 closed seconds, the 30th still open
        QVERIFY(spark.back() > 250.0);
    }
};

QTEST_MAIN(TestServicesTableModel)
#include "tst_servicestablemodel.moc"
