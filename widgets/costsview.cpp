#include "widgets/costsview.h"

#include "model/costformat.h"
#include "widgets/costpalette.h"
#include "widgets/costtreemodel.h"
#include "widgets/whatifpanel.h"

#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QPieSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

Q_LOGGING_CATEGORY(lcCostsView, "opsdeck.widgets.costs")

namespace opsdeck::widgets {

using model::CostFormat;
namespace {

constexpr int kDonutSlices = 7; // the biggest services; the rest is "Other"
constexpr std::int64_t kHourNs = 3'600'000'000'000LL;

QLabel *figure(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    label->setFont(font);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n'))) {
        s.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

} // namespace

CostsView::CostsView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_progress(new QProgressBar(this))
    , m_pie(new QPieSeries)
    , m_tree(new CostTreeModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("costsView"));
    setAccessibleName(tr("Costs"));

    // Empty state: says what is missing and offers the one action that helps.
    auto *empty = new QWidget(m_stack);
    {
        auto *layout = new QVBoxLayout(empty);
        auto *text = new QLabel(tr("<h3>No costs yet</h3><p>Charges appear here as soon as a billing backend "
                                   "streams them (File ▸ Connect…, or run with --demo), or import a FOCUS "
                                   "CSV export from a cloud provider.</p>"),
            empty);
        text->setObjectName(QStringLiteral("costsEmptyText"));
        text->setAlignment(Qt::AlignCenter);
        text->setWordWrap(true);
        auto *import = new QPushButton(tr("Import FOCUS CSV…"), empty);
        import->setObjectName(QStringLiteral("costsEmptyImport"));
        import->setAccessibleName(tr("Import a FOCUS CSV file"));
        connect(import, &QPushButton::clicked, this, &CostsView::chooseImport);
        layout->addStretch();
        layout->addWidget(text);
        layout->addWidget(import, 0, Qt::AlignHCenter);
        layout->addStretch();
    }

    auto *content = new QWidget(m_stack);
    m_total = figure(content, QStringLiteral("costsTotal"));
    m_burn = figure(content, QStringLiteral("costsBurnRate"));
    m_forecast = figure(content, QStringLiteral("costsForecast"));
    m_savings = figure(content, QStringLiteral("costsSavings"));
    auto *summary = new QGridLayout;
    const QString captions[]
        = { tr("Total (effective)"), tr("Burn rate"), tr("Month forecast"), tr("Savings vs on-demand") };
    QLabel *values[] = { m_total, m_burn, m_forecast, m_savings };
    for (int i = 0; i < 4; ++i) {
        auto *caption = new QLabel(captions[i], content);
        caption->setBuddy(values[i]);
        values[i]->setAccessibleName(captions[i]);
        summary->addWidget(caption, 0, i);
        summary->addWidget(values[i], 1, i);
    }

    m_donutChart = new QChart;
    m_pie->setHoleSize(0.45);
    m_pie->setPieSize(0.85);
    m_donutChart->addSeries(m_pie);
    m_donutChart->setTitle(tr("By service"));
    m_donutChart->legend()->setAlignment(Qt::AlignRight);
    m_donutView = new QChartView(m_donutChart, content);
    m_donutView->setObjectName(QStringLiteral("costsDonut"));
    m_donutView->setAccessibleName(tr("Cost by service"));
    m_donutView->setRenderHint(QPainter::Antialiasing);
    m_donutView->setMinimumSize(480, 280);

    m_barsChart = new QChart;
    m_barsChart->setTitle(tr("Over time by pricing category"));
    m_barsView = new QChartView(m_barsChart, content);
    m_barsView->setObjectName(QStringLiteral("costsOverTime"));
    m_barsView->setAccessibleName(tr("Cost over time by pricing category"));
    m_barsView->setRenderHint(QPainter::Antialiasing);
    m_barsView->setMinimumSize(400, 280);
    m_barsChart->legend()->setAlignment(Qt::AlignBottom);

    auto *charts = new QSplitter(Qt::Horizontal, content);
    charts->setObjectName(QStringLiteral("costsChartsSplitter"));
    charts->addWidget(m_donutView);
    charts->addWidget(m_barsView);
    charts->setStretchFactor(0, 1);
    charts->setStretchFactor(1, 1);

    m_proxy->setSourceModel(m_tree);
    m_proxy->setSortRole(CostTreeModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterKeyColumn(CostTreeModel::Name);
    m_treeView = new QTreeView(content);
    m_treeView->setObjectName(QStringLiteral("costsDrillDown"));
    m_treeView->setAccessibleName(tr("Costs by service and resource"));
    m_treeView->setModel(m_proxy);
    m_treeView->setSortingEnabled(true);
    m_treeView->sortByColumn(CostTreeModel::Effective, Qt::DescendingOrder);
    m_treeView->setUniformRowHeights(true);
    m_treeView->header()->setSectionResizeMode(CostTreeModel::Name, QHeaderView::Stretch);
    m_filter = new QLineEdit(content);
    m_filter->setObjectName(QStringLiteral("costsFilter"));
    m_filter->setAccessibleName(tr("Filter services and resources"));
    m_filter->setPlaceholderText(tr("Filter services and resources…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &CostsView::setFilterText);

    auto *breakdown = new QWidget(content);
    {
        auto *layout = new QVBoxLayout(breakdown);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_filter);
        layout->addWidget(m_treeView);
    }
    m_whatIf = new WhatIfPanel(content);
    connect(m_whatIf, &WhatIfPanel::repriceRequested, this, &CostsView::repriceRequested);
    auto *tabs = new QTabWidget(content);
    tabs->setObjectName(QStringLiteral("costsTabs"));
    tabs->addTab(breakdown, tr("Breakdown"));
    tabs->addTab(m_whatIf, tr("What-if"));

    auto *vertical = new QSplitter(Qt::Vertical, content);
    vertical->setObjectName(QStringLiteral("costsSplitter"));
    vertical->addWidget(charts);
    vertical->addWidget(tabs);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(content);
    layout->addLayout(summary);
    layout->addWidget(vertical, 1);

    m_stack->addWidget(empty);
    m_stack->addWidget(content);

    m_importButton
        = new QPushButton(QIcon(QStringLiteral(":/opsdeck/icons/import.svg")), tr("Import FOCUS…"), this);
    m_importButton->setObjectName(QStringLiteral("costsImport"));
    m_importButton->setAccessibleName(tr("Import a FOCUS CSV file"));
    m_csvButton
        = new QPushButton(QIcon(QStringLiteral(":/opsdeck/icons/export.svg")), tr("Export CSV…"), this);
    m_csvButton->setObjectName(QStringLiteral("costsExportCsv"));
    m_csvButton->setAccessibleName(tr("Export the breakdown as CSV"));
    m_pngButton
        = new QPushButton(QIcon(QStringLiteral(":/opsdeck/icons/export.svg")), tr("Export PNG…"), this);
    m_pngButton->setObjectName(QStringLiteral("costsExportPng"));
    m_pngButton->setAccessibleName(tr("Export the view as a PNG image"));
    m_progress->setObjectName(QStringLiteral("costsImportProgress"));
    m_progress->setAccessibleName(tr("FOCUS import progress"));
    m_progress->setRange(0, 1000);
    m_progress->hide();
    m_importStatus = new QLabel(this);
    m_importStatus->setObjectName(QStringLiteral("costsImportStatus"));
    m_importStatus->setWordWrap(true);
    connect(m_importButton, &QPushButton::clicked, this, &CostsView::chooseImport);
    connect(m_csvButton, &QPushButton::clicked, this, &CostsView::chooseExportCsv);
    connect(m_pngButton, &QPushButton::clicked, this, &CostsView::chooseExportPng);
    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_importButton);
    toolbar->addWidget(m_progress, 1);
    toolbar->addWidget(m_importStatus, 2);
    toolbar->addStretch();
    toolbar->addWidget(m_csvButton);
    toolbar->addWidget(m_pngButton);

    auto *outer = new QVBoxLayout(this);
    outer->addLayout(toolbar);
    outer->addWidget(m_stack, 1);
    m_csvButton->setEnabled(false);
    applyTheme();
}

bool CostsView::isShowingEmptyState() const
{
    return m_stack->currentIndex() == 0;
}

void CostsView::setSnapshot(std::shared_ptr<const model::CostLedger::Snapshot> snapshot)
{
    if (!snapshot || snapshot == m_snapshot)
        return;
    m_snapshot = std::move(snapshot);
    const bool empty = m_snapshot->empty();
    m_stack->setCurrentIndex(empty ? 0 : 1);
    m_csvButton->setEnabled(!empty);
    m_tree->setSnapshot(m_snapshot);
    if (empty)
        return;
    updateSummary();
    updateDonut();
    updateBars();
}

void CostsView::updateSummary()
{
    const auto &s = *m_snapshot;
    m_total->setText(CostFormat::money(s.totals.effective, s.currency));
    m_total->setToolTip(
        tr("Billed %1, on-demand equivalent %2, %3 line items")
            .arg(CostFormat::money(s.totals.billed, s.currency), CostFormat::money(s.totals.list, s.currency))
            .arg(s.totals.items));
    m_burn->setText(tr("%1 / h").arg(CostFormat::money(s.burnRatePerHour, s.currency)));
    if (s.hasForecast)
        m_forecast->setText(CostFormat::money(s.forecast.forecast_month_total(), s.currency));
    else
        m_forecast->setText(tr("—"));
    m_forecast->setToolTip(s.hasForecast
            ? tr("Month to date %1, extrapolated linearly to the end of the month")
                  .arg(CostFormat::money(s.forecast.month_to_date(), s.currency))
            : tr("No forecast from the billing backend yet"));
    const double saved = s.totals.savings();
    const bool dark = CostPalette::isDark(palette());
    m_savings->setText(CostFormat::money(saved, s.currency));
    QPalette p = m_savings->palette();
    p.setColor(QPalette::WindowText, saved >= 0 ? CostPalette::savings(dark) : CostPalette::overspend(dark));
    m_savings->setPalette(p);
}

void CostsView::updateDonut()
{
    const auto &s = *m_snapshot;
    const bool dark = CostPalette::isDark(palette());
    m_pie->clear();
    double other = 0;
    int i = 0;
    for (const auto &service : s.services) {
        if (service.sums.effective <= 0)
            continue;
        if (i >= kDonutSlices) {
            other += service.sums.effective;
            continue;
        }
        auto *slice = m_pie->append(service.service, service.sums.effective);
        slice->setColor(CostPalette::series(i++, dark));
        slice->setBorderColor(palette().color(QPalette::Base));
    }
    if (other > 0) {
        auto *slice = m_pie->append(tr("Other"), other);
        slice->setColor(CostPalette::pricing(0, dark));
    }
    for (QPieSlice *slice : m_pie->slices())
        slice->setLabel(
            QStringLiteral("%1 (%2 %)").arg(slice->label()).arg(slice->percentage() * 100, 0, 'f', 0));
}

void CostsView::updateBars()
{
    const auto &buckets = m_snapshot->buckets;
    m_barsChart->removeAllSeries();
    for (QAbstractAxis *axis : m_barsChart->axes()) {
        m_barsChart->removeAxis(axis); // releases ownership: delete it
        delete axis;
    }
    if (buckets.empty())
        return;
    // Hourly when the data spans two days or less, daily otherwise; at most
    // the last 31 bars.
    const bool daily = buckets.back().startNs - buckets.front().startNs > 48 * kHourNs;
    const std::int64_t step = daily ? 24 * kHourNs : kHourNs;
    std::vector<std::pair<std::int64_t, std::array<double, model::CostLedger::kPricingCategories>>> bars;
    for (const auto &b : buckets) {
        const std::int64_t key = b.startNs - ((b.startNs % step) + step) % step;
        if (bars.empty() || bars.back().first != key)
            bars.push_back({ key, {} });
        for (int c = 0; c < model::CostLedger::kPricingCategories; ++c)
            bars.back().second[std::size_t(c)] += b.effectiveByPricing[std::size_t(c)];
    }
    if (bars.size() > 31)
        bars.erase(bars.begin(), bars.end() - 31);
    const bool dark = CostPalette::isDark(palette());
    auto *series = new QStackedBarSeries;
    const QString names[] = { tr("Unspecified"), tr("On-demand"), tr("Spot"), tr("Committed"), tr("Other") };
    for (int c : { 1, 3, 2, 4, 0 }) {
        double any = 0;
        for (const auto &bar : bars)
            any += std::abs(bar.second[std::size_t(c)]);
        if (any == 0)
            continue;
        auto *set = new QBarSet(names[c]);
        set->setColor(CostPalette::pricing(c, dark));
        set->setBorderColor(CostPalette::pricing(c, dark));
        for (const auto &bar : bars)
            set->append(bar.second[std::size_t(c)]);
        series->append(set);
    }
    QStringList categories;
    for (const auto &bar : bars) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(bar.first / 1'000'000, Qt::UTC);
        categories << t.toString(daily ? QStringLiteral("MM-dd") : QStringLiteral("HH:mm"));
    }
    m_barsChart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    y->setTitleText(m_snapshot->currency);
    y->setLabelFormat(QStringLiteral("%.2f"));
    m_barsChart->addAxis(x, Qt::AlignBottom);
    m_barsChart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    m_barsChart->setTitle(
        daily ? tr("Per day (UTC) by pricing category") : tr("Per hour (UTC) by pricing category"));
}

void CostsView::applyTheme()
{
    const bool dark = CostPalette::isDark(palette());
    const auto theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    m_donutChart->setTheme(theme);
    m_barsChart->setTheme(theme);
    if (m_snapshot && !m_snapshot->empty()) {
        updateSummary();
        updateDonut();
        updateBars();
    }
}

void CostsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void CostsView::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
    if (!text.isEmpty())
        m_treeView->expandAll();
}

void CostsView::setImportProgress(qint64 bytesSent, qint64 bytesTotal)
{
    m_progress->show();
    m_progress->setValue(bytesTotal > 0 ? int(bytesSent * 1000 / bytesTotal) : 0);
    m_progress->setFormat(tr("Importing… %p%"));
    m_importButton->setEnabled(false);
    m_importStatus->clear();
}

void CostsView::setImportFinished(const opsdeck::v1::ImportReport &report)
{
    m_progress->hide();
    m_importButton->setEnabled(true);
    QString text = tr("%1: %2 rows imported, %3 rejected")
                       .arg(QString::fromStdString(report.file_name()))
                       .arg(report.rows_imported())
                       .arg(report.rows_rejected());
    QStringList details;
    for (const auto &r : report.rejected()) {
        if (details.size() >= 20)
            break;
        details << tr("line %1 %2: %3")
                       .arg(r.line())
                       .arg(QString::fromStdString(r.column()), QString::fromStdString(r.reason()));
    }
    m_importStatus->setText(text);
    m_importStatus->setToolTip(details.join(QLatin1Char('\n')));
}

void CostsView::setImportFailed(const QString &error)
{
    m_progress->hide();
    m_importButton->setEnabled(true);
    m_importStatus->setText(tr("Import failed: %1").arg(error));
}

void CostsView::setRepriceReport(const opsdeck::v1::RepriceReport &report)
{
    m_whatIf->setReport(report);
}

bool CostsView::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QStringList header;
    for (int c = 0; c < CostTreeModel::ColumnCount; ++c)
        header << csvField(m_tree->headerData(c, Qt::Horizontal).toString());
    header.insert(1, tr("Resource"));
    header[0] = tr("Service");
    header << tr("Currency");
    QByteArray out = header.join(QLatin1Char(',')).toUtf8() + '\n';
    auto row = [&](const QModelIndex &index, const QString &service, const QString &resource) {
        QStringList fields { csvField(service), csvField(resource) };
        for (int c = 1; c < CostTreeModel::ColumnCount; ++c) {
            const QVariant v = m_proxy->index(index.row(), c, index.parent()).data(CostTreeModel::SortRole);
            fields << csvField(
                v.typeId() == QMetaType::Double ? QString::number(v.toDouble(), 'g', 15) : v.toString());
        }
        fields << csvField(m_tree->currency());
        out += fields.join(QLatin1Char(',')).toUtf8() + '\n';
    };
    for (int s = 0; s < m_proxy->rowCount(); ++s) {
        const QModelIndex service = m_proxy->index(s, 0);
        const QString name = service.data().toString();
        row(service, name, QString());
        for (int r = 0; r < m_proxy->rowCount(service); ++r)
            row(m_proxy->index(r, 0, service), name, m_proxy->index(r, 0, service).data().toString());
    }
    file.write(out);
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool CostsView::exportPng(const QString &path, QString *error)
{
    const QPixmap pixmap = grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        if (error)
            *error = tr("cannot write %1").arg(path);
        return false;
    }
    return true;
}

void CostsView::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import FOCUS CSV"), QString(), tr("FOCUS CSV (*.csv);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT importRequested(path);
}

void CostsView::chooseExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export costs as CSV"), QStringLiteral("costs.csv"), tr("CSV (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error))
        qCWarning(lcCostsView) << "CSV export failed:" << error;
}

void CostsView::chooseExportPng()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export costs as PNG"), QStringLiteral("costs.png"), tr("PNG image (*.png)"));
    QString error;
    if (!path.isEmpty() && !exportPng(path, &error))
        qCWarning(lcCostsView) << "PNG export failed:" << error;
}

} // namespace opsdeck::widgets
