#pragma once

#include "model/costledger.h"
#include "opsdeck/v1/billing.pb.h"

#include <QWidget>

#include <memory>

class QBarCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QLineEdit;
class QPieSeries;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace opsdeck::widgets {

class CostTreeModel;
class WhatIfPanel;

// The Costs view (for the Costs dock): total and live burn rate per hour,
// month forecast, savings against on-demand, a donut by service, stacked
// bars over time by pricing category, the service → resource drill-down with
// sort and filter, the what-if panel, CSV and PNG export, and a progress bar
// for FOCUS imports. It reads CostLedger snapshots (setSnapshot() at frame
// rate or slower) and never talks to a backend: it asks through signals
// (importRequested, repriceRequested) and is answered through slots.
// Shows a real empty state until the first line item. GUI thread only.
class CostsView : public QWidget
{
    Q_OBJECT

public:
    explicit CostsView(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const model::CostLedger::Snapshot> snapshot);
    std::shared_ptr<const model::CostLedger::Snapshot> snapshot() const { return m_snapshot; }

    CostTreeModel *treeModel() const { return m_tree; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    WhatIfPanel *whatIfPanel() const { return m_whatIf; }
    bool isShowingEmptyState() const;
    QPieSeries *serviceSeries() const { return m_pie; }
    QChart *timeChart() const { return m_barsChart; }

    // The drill-down as shown (filtered, sorted; every resource row) as CSV.
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    // The whole view as a PNG image.
    bool exportPng(const QString &path, QString *error = nullptr);

public Q_SLOTS:
    void setImportProgress(qint64 bytesSent, qint64 bytesTotal);
    void setImportFinished(const opsdeck::v1::ImportReport &report);
    void setImportFailed(const QString &error);
    void setRepriceReport(const opsdeck::v1::RepriceReport &report);
    void setFilterText(const QString &text);

Q_SIGNALS:
    // The user picked a FOCUS CSV file to import.
    void importRequested(const QString &path);
    // The what-if panel wants numbers for this many hours a day (0 = measured).
    void repriceRequested(double hoursPerDay);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateSummary();
    void updateDonut();
    void updateBars();
    void applyTheme();
    void chooseImport();
    void chooseExportCsv();
    void chooseExportPng();

    std::shared_ptr<const model::CostLedger::Snapshot> m_snapshot;
    QStackedWidget *m_stack;
    QLabel *m_total;
    QLabel *m_burn;
    QLabel *m_forecast;
    QLabel *m_savings;
    QLabel *m_importStatus;
    QProgressBar *m_progress;
    QPushButton *m_importButton;
    QPushButton *m_csvButton;
    QPushButton *m_pngButton;
    QChart *m_donutChart;
    QChartView *m_donutView;
    QPieSeries *m_pie;
    QChart *m_barsChart;
    QChartView *m_barsView;
    CostTreeModel *m_tree;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_treeView;
    QLineEdit *m_filter;
    WhatIfPanel *m_whatIf;
};

} // namespace opsdeck::widgets
