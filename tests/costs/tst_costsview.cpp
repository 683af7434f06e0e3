// The Costs view renders offscreen with real data from a real billing backend
// (through the real client and CostLedger); its item models pass
// QAbstractItemModelTester; filter, what-if, import progress and exports work.
#include "backends/billing/billingbackend.h"
#include "backends/billing/timeutil.h"
#include "clients/billingclient.h"
#include "model/costledger.h"
#include "model/eventstream.h"
#include "widgets/costsview.h"
#include "widgets/costtreemodel.h"
#include "widgets/whatifmodel.h"
#include "widgets/whatifpanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QChart>
#include <QtCharts/QPieSeries>

using namespace opsdeck;
namespace v1 = opsdeck::v1;

namespace {
int timeoutMs(int ms)
{
    const double scale = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE", QStringLiteral("1")).toDouble();
    return int(ms * (scale > 0 ? scale : 1.0));
}
QString samples()
{
    return QString::fromUtf8(OPSDECK_DEFAULT_PRICE_BOOK).section('/', 0, -2) + "/samples/";
}
} // namespace

class TestCostsView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<billing::BillingBackend> m_backend;
    std::unique_ptr<model::EventStream> m_stream;
    std::unique_ptr<model::CostLedger> m_ledger;
    std::unique_ptr<clients::BillingClient> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        billing::BillingOptions options;
        options.ledgerPath = m_dir.filePath("ledger.sqlite").toStdString();
        options.syntheticWorkload = false;
        std::string error;
        m_backend = billing::BillingBackend::create(options, &error);
        QVERIFY2(m_backend && m_backend->start(&error), error.c_str());
        const std::int64_t epoch = billing::unixNs(2026, 11, 16);
        billing::WorkloadGenerator workload(11, epoch);
        for (const auto &c : workload.commitments())
            m_backend->commit(c);
        std::vector<billing::UsageEvent> events;
        workload.generate(epoch, epoch + 3 * billing::kNsPerDay, &events);
        m_backend->submitAll(events);
        m_backend->settle(epoch + 3 * billing::kNsPerDay);

        m_stream = std::make_unique<model::EventStream>();
        m_ledger = std::make_unique<model::CostLedger>();
        m_stream->addSink([this](std::span<const v1::Envelope> batch) { m_ledger->apply(batch); });
        clients::Endpoint endpoint;
        endpoint.target = QString::fromStdString(m_backend->address());
        m_client = std::make_unique<clients::BillingClient>(endpoint, m_stream.get());
        m_client->startCharges();
        QTRY_COMPARE_WITH_TIMEOUT(m_ledger->totals().items, m_backend->ledger().lastSeq(), timeoutMs(15000));
        m_ledger->publish();
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_backend->stop();
    }

    void showsARealEmptyState()
    {
        widgets::CostsView view;
        view.resize(900, 700);
        view.show();
        QVERIFY(view.isShowingEmptyState());
        view.setSnapshot(std::make_shared<const model::CostLedger::Snapshot>());
        QVERIFY(view.isShowingEmptyState());
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("costsExportCsv"))->isEnabled());
        QVERIFY(!view.grab().isNull());
    }

    void rendersRealData()
    {
        widgets::CostsView view;
        QAbstractItemModelTester treeTester(
            view.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            view.proxyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1100, 800);
        view.show();
        const auto snap = m_ledger->snapshot();
        view.setSnapshot(snap);
        QVERIFY(!view.isShowingEmptyState());

        auto *total = view.findChild<QLabel *>(QStringLiteral("costsTotal"));
        QVERIFY(total->text().startsWith(QStringLiteral("USD ")));
        const double shown = QLocale().toDouble(total->text().mid(4));
        QVERIFY(std::abs(shown - snap->totals.effective) < 0.01);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("costsBurnRate"))
                    ->text()
                    .contains(QStringLiteral("/ h")));

        // Donut: one slice per service (≤ 7 + "Other"), shares add up to 100 %.
        QPieSeries *pie = view.serviceSeries();
        QVERIFY(pie->count() >= 4);
        QVERIFY(std::abs(pie->sum() - snap->totals.effective) < 1e-6);
        QCOMPARE(pie->holeSize(), 0.45);

        // Stacked bars: on-demand, spot and committed all present.
        const auto series = view.timeChart()->series();
        QCOMPARE(series.size(), 1);
        auto *bars = qobject_cast<QAbstractBarSeries *>(series.first());
        QVERIFY(bars);
        QVERIFY(bars->count() >= 3);

        // Drill-down: services on top, resources below, sortable by cost.
        QCOMPARE(view.treeModel()->rowCount(), int(snap->services.size()));
        QSortFilterProxyModel *proxy = view.proxyModel();
        const double first = proxy->index(0, widgets::CostTreeModel::Effective).data(Qt::UserRole).toDouble();
        const double second
            = proxy->index(1, widgets::CostTreeModel::Effective).data(Qt::UserRole).toDouble();
        QVERIFY(first >= second); // sorted by effective cost, descending

        // A live update with the same shape keeps the structure (no reset).
        QSignalSpy resets(view.treeModel(), &QAbstractItemModel::modelReset);
        view.setSnapshot(std::make_shared<const model::CostLedger::Snapshot>(*snap));
        QCOMPARE(resets.count(), 0);

        // A different shape (fewer services) resets the tree under the tester, and back.
        auto smaller = std::make_shared<model::CostLedger::Snapshot>(*snap);
        smaller->services.resize(2);
        smaller->resources.erase(std::remove_if(smaller->resources.begin(), smaller->resources.end(),
                                     [&](const auto &r) {
                                         return r.service != smaller->services[0].service
                                             && r.service != smaller->services[1].service;
                                     }),
            smaller->resources.end());
        view.setSnapshot(smaller);
        QCOMPARE(view.treeModel()->rowCount(), 2);
        QCOMPARE(resets.count(), 1);
        view.setSnapshot(snap);
        QCOMPARE(view.treeModel()->rowCount(), int(snap->services.size()));

        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 20); // charts and text, not a blank widget
    }

    void filtersServicesAndResources()
    {
        widgets::CostsView view;
        QAbstractItemModelTester proxyTester(
            view.proxyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setSnapshot(m_ledger->snapshot());
        view.setFilterText(QStringLiteral("frontend"));
        QSortFilterProxyModel *proxy = view.proxyModel();
        QCOMPARE(proxy->rowCount(), 1);
        const QModelIndex compute = proxy->index(0, 0);
        QCOMPARE(compute.data().toString(), QStringLiteral("Compute Instances"));
        // The three front-end instances and their reservation's unused hours.
        QStringList names;
        for (int r = 0; r < proxy->rowCount(compute); ++r)
            names << proxy->index(r, 0, compute).data().toString();
        names.sort();
        QCOMPARE(
            names, QStringList({ "mesh/frontend-1", "mesh/frontend-2", "mesh/frontend-3", "ri-frontend" }));
        view.setFilterText({});
        QVERIFY(proxy->rowCount() >= 4);
    }

    void whatIfShowsTheBreakEven()
    {
        widgets::CostsView view;
        QAbstractItemModelTester tester(
            view.whatIfPanel()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setSnapshot(m_ledger->snapshot());
        connect(&view, &widgets::CostsView::repriceRequested, m_client.get(), [this](double hours) {
            v1::RepriceRequest request;
            request.set_hours_per_day(hours);
            m_client->reprice(request);
        });
        connect(m_client.get(), &clients::BillingClient::repriceReady, &view,
            &widgets::CostsView::setRepriceReport);
        view.whatIfPanel()->setHoursPerDay(12);
        widgets::WhatIfModel *model = view.whatIfPanel()->model();
        QTRY_VERIFY_WITH_TIMEOUT(
            model->rowCount() >= 4 && model->report().hours_per_day() == 12.0, timeoutMs(10000));
        int reserved = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, widgets::WhatIfModel::Option).data().toString() == QStringLiteral("Reserved"))
                reserved = r;
        QVERIFY(reserved >= 0);
        QCOMPARE(model->index(reserved, widgets::WhatIfModel::BreakEven).data().toString(),
            QStringLiteral("16.0 h/day"));
        QVERIFY(model->index(reserved, widgets::WhatIfModel::Verdict)
                    .data()
                    .toString()
                    .contains(QStringLiteral("below 16.0")));
        QVERIFY(model->index(reserved, widgets::WhatIfModel::Saving).data(Qt::UserRole).toDouble() < 0);
        // At 20 h/day the reservation pays.
        const v1::RepriceReport at12 = model->report();
        view.whatIfPanel()->setHoursPerDay(20);
        QTRY_VERIFY_WITH_TIMEOUT(model->report().hours_per_day() == 20.0, timeoutMs(10000));
        QVERIFY(model->index(reserved, widgets::WhatIfModel::Saving).data(Qt::UserRole).toDouble() > 0);
        // A late answer for the old setting does not overwrite the current one.
        view.setRepriceReport(at12);
        QCOMPARE(model->report().hours_per_day(), 20.0);
    }

    void importShowsProgressAndTheReport()
    {
        widgets::CostsView view;
        view.setSnapshot(m_ledger->snapshot());
        connect(m_client.get(), &clients::BillingClient::importProgress, &view,
            &widgets::CostsView::setImportProgress);
        connect(m_client.get(), &clients::BillingClient::importFinished, &view,
            &widgets::CostsView::setImportFinished);
        QSignalSpy progress(m_client.get(), &clients::BillingClient::importProgress);
        QSignalSpy finished(m_client.get(), &clients::BillingClient::importFinished);
        m_client->importFocus(samples() + "focus-with-errors.csv");
        QVERIFY(finished.wait(timeoutMs(10000)));
        QVERIFY(progress.count() >= 1);
        QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
        auto *status = view.findChild<QLabel *>(QStringLiteral("costsImportStatus"));
        QCOMPARE(status->text(), QStringLiteral("focus-with-errors.csv: 5 rows imported, 11 rejected"));
        QVERIFY(status->toolTip().contains(QStringLiteral("line 3 BillingCurrency")));
        QVERIFY(view.findChild<QProgressBar *>(QStringLiteral("costsImportProgress"))->isHidden());
    }

    void exportsCsvAndPng()
    {
        widgets::CostsView view;
        view.resize(1000, 700);
        view.show();
        view.setSnapshot(m_ledger->snapshot());
        const QString csvPath = m_dir.filePath("costs.csv");
        QString error;
        QVERIFY2(view.exportCsv(csvPath, &error), qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.first().startsWith("Service,Resource,Effective cost"));
        const auto snap = m_ledger->snapshot();
        QCOMPARE(lines.size() - 2,
            int(snap->services.size() + snap->resources.size())); // header + trailing newline
        double sum = 0;
        for (const QByteArray &line : lines.mid(1)) {
            const QList<QByteArray> f = line.split(',');
            if (f.size() > 2 && f[1].isEmpty()) // service rows
                sum += f[2].toDouble();
        }
        QVERIFY(std::abs(sum - snap->totals.effective) < 1e-6);

        const QString pngPath = m_dir.filePath("costs.png");
        QVERIFY(view.exportPng(pngPath, &error));
        QImage png(pngPath);
        QVERIFY(!png.isNull());
        QVERIFY(png.width() >= 1000);
    }

    void followsADarkPalette()
    {
        widgets::CostsView view;
        view.setSnapshot(m_ledger->snapshot());
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::WindowText, Qt::white);
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        view.setPalette(dark);
        QCOMPARE(view.timeChart()->theme(), QChart::ChartThemeDark);
    }
};

QTEST_MAIN(TestCostsView)
#include "tst_costsview.moc"
