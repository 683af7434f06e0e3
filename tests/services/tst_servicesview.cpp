#include "servicesfixture.h"
#include "widgets/chartstimeview.h"
#include "widgets/latencyhistogram.h"
#include "widgets/servicesgraph.h"
#include "widgets/servicesproxymodel.h"
#include "widgets/servicestablemodel.h"
#include "widgets/servicesview.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QFile>
#include <QItemSelectionModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using opsdeck::widgets::ServicesTableModel;
using opsdeck::widgets::ServicesView;

class TestServicesView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStateUntilData()
    {
        ServicesView view;
        view.resize(1000, 700);
        view.show();
        QVERIFY(view.showsEmptyState());
        view.setSnapshot(std::make_shared<const opsdeck::model::LatencyBook::Snapshot>());
        QVERIFY(view.showsEmptyState());
        view.setSnapshot(servicesFixture());
        QVERIFY(!view.showsEmptyState());
        QVERIFY(!view.grab().isNull());
    }

    void selectionDrivesTheCharts()
    {
        ServicesView view;
        QAbstractItemModelTester tester(
            view.proxyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 700);
        view.show();
        view.setSnapshot(servicesFixture());
        // Methods are shown by default, slowest first.
        QCOMPARE(view.proxyModel()->rowCount(), 3);
        QCOMPARE(view.proxyModel()->index(0, ServicesTableModel::Service).data().toString(),
            QStringLiteral("payments"));
        view.table()->selectRow(0);
        // p50 + p99 for payments/Charge, and its deadline as a line.
        QCOMPARE(view.latencyChart()->seriesNames().size(), 2);
        QVERIFY(view.latencyChart()->seriesNames().contains(QStringLiteral("payments/Charge p99")));
        QVERIFY(view.latencyChart()->displayedPointCount() > 0);
        QVERIFY(!view.latencyChart()->grab().isNull());
        auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("servicesCharts"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(view.histogram());
        QVERIFY(view.histogram()->binCount() > 0);
        tabs->setCurrentWidget(view.errorsChart());
        QCOMPARE(view.errorsChart()->seriesNames().size(), 3);
        QVERIFY(!view.errorsChart()->grab().isNull());
    }

    void errorsChartIsPerSecondOverMinutesToo()
    {
        // 15 minutes of payments/Charge with 2 timeouts a second: the older
        // history is per minute, the last minutes per second — the chart
        // shows 2 per second for both, not 120 for a minute.
        ServicesView view;
        view.resize(1000, 700);
        view.show();
        view.setSnapshot(servicesFixture(900));
        QCOMPARE(view.proxyModel()->index(0, ServicesTableModel::Service).data().toString(),
            QStringLiteral("payments"));
        view.table()->selectRow(0);
        auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("servicesCharts"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(view.errorsChart());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("errors.csv"));
        QVERIFY(view.errorsChart()->exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        int points = 0;
        qint64 firstMs = 0, lastMs = 0;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.startsWith("\"payments/Charge timeouts\""))
                continue;
            const QList<QByteArray> cols = line.split(',');
            QCOMPARE(cols.size(), 4);
            QCOMPARE(cols[3].toDouble(), 2.0);
            const qint64 ms = cols[2].toLongLong();
            if (points++ == 0)
                firstMs = ms;
            QVERIFY(ms > lastMs);
            lastMs = ms;
        }
        QVERIFY2(
            points > 300 && points < 500, qPrintable(QString::number(points))); // minutes + ≤ 427 seconds
        QVERIFY(lastMs - firstMs >= 14 * 60 * 1000); // the whole quarter hour is there
        // Minutes then seconds, every second with calls: no gap, one line each.
        QCOMPARE(view.errorsChart()->chart()->series().size(), 3);
    }

    void sparseMethodLeavesGaps()
    {
        // Calls in seconds 0–2, 10 and 20–22: each chart series is two runs
        // and a dot, no line across the seconds without calls.
        ServicesView view;
        view.resize(1000, 700);
        view.show();
        view.setSnapshot(sparseFixture({ 0, 1, 2, 10, 20, 21, 22 }));
        QCOMPARE(view.proxyModel()->rowCount(), 1);
        view.table()->selectRow(0);
        QCOMPARE(view.latencyChart()->seriesNames().size(), 2);
        // p50 and p99: a line, a line after the gap, the dot.
        QCOMPARE(view.latencyChart()->chart()->series().size(), 2 * 3);
        QCOMPARE(view.latencyChart()->displayedPointCount(), 2 * 6); // second 22 is still open
        auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("servicesCharts"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(view.errorsChart());
        QCOMPARE(view.errorsChart()->chart()->series().size(), 3 * 3);
        // Without gaps, one line each.
        view.setSnapshot(sparseFixture({ 0, 1, 2, 3, 4, 5, 6 }));
        tabs->setCurrentWidget(view.latencyChart());
        QCOMPARE(view.latencyChart()->chart()->series().size(), 2);
    }

    void selectionSurvivesNewRows()
    {
        ServicesView view;
        view.resize(1000, 700);
        view.show();
        view.setSnapshot(servicesFixture(10));
        view.table()->selectRow(0);
        const QString key = view.proxyModel()->index(0, 0).data(ServicesTableModel::KeyRole).toString();
        // A new series appears (the model resets): the selected row stays selected.
        auto more = std::make_shared<opsdeck::model::LatencyBook::Snapshot>(*servicesFixture(12));
        opsdeck::model::LatencyBook::Row extra = more->rows.front();
        extra.service = QStringLiteral("aaa-new");
        more->rows.push_back(extra);
        view.setSnapshot(more);
        const auto rows = view.table()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.front().data(ServicesTableModel::KeyRole).toString(), key);
        QCOMPARE(view.latencyChart()->seriesNames().size(), 2);
    }

    void dependencyGraphLayersAndColours()
    {
        ServicesView view;
        view.setSnapshot(servicesFixture());
        auto *graph = view.graph();
        QVERIFY(graph->services().contains(QStringLiteral("ledger")));
        QVERIFY(
            graph->position(QStringLiteral("traffic")).x() < graph->position(QStringLiteral("gateway")).x());
        QVERIFY(
            graph->position(QStringLiteral("gateway")).x() < graph->position(QStringLiteral("orders")).x());
        QVERIFY(
            graph->position(QStringLiteral("orders")).x() < graph->position(QStringLiteral("payments")).x());
        QCOMPARE(graph->edgeSeverity(QStringLiteral("orders"), QStringLiteral("payments")), 2);
        QCOMPARE(graph->edgeSeverity(QStringLiteral("payments"), QStringLiteral("ledger")), 0);
        graph->resize(600, 300);
        QVERIFY(!graph->grab().isNull());
    }

    void exportsCsvAndPng()
    {
        QTemporaryDir dir;
        ServicesView view;
        view.resize(900, 600);
        view.show();
        view.setSnapshot(servicesFixture());
        view.table()->selectRow(0);
        const QString csv = dir.filePath(QStringLiteral("table.csv"));
        QVERIFY(view.exportTableCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 1 + 3 + 1); // header, 3 methods, trailing newline
        QVERIFY(lines[1].contains("payments"));
        const QString chartCsv = dir.filePath(QStringLiteral("chart.csv"));
        QVERIFY(view.latencyChart()->exportCsv(chartCsv));
        QVERIFY(QFile(chartCsv).size() > 100);
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(view.latencyChart()->exportPng(png));
        QVERIFY(QFile(png).size() > 0);
    }

    void followsPalette()
    {
        ServicesView view;
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        view.setPalette(dark);
        view.setSnapshot(servicesFixture());
        QCOMPARE(view.latencyChart()->chart()->backgroundBrush().color(), QColor(20, 20, 20));
    }
};

QTEST_MAIN(TestServicesView)
#include "tst_servicesview.moc"
