#include "widgets/servicesview.h"

#include "widgets/chartstimeview.h"
#include "widgets/latencyhistogram.h"
#include "widgets/servicesgraph.h"
#include "widgets/servicesproxymodel.h"
#include "widgets/servicessparklinedelegate.h"
#include "widgets/servicestablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>
#include <set>

Q_LOGGING_CATEGORY(lcServices, "opsdeck.widgets.services")

namespace opsdeck::widgets {

using model::LatencyBook;

namespace {
constexpr int kMaxChartedRows = 8; // 2 series each: 16 series at most
// A history holds only the windows with calls: a window that does not start
// where the one before ended follows seconds without any, a gap in the chart
// (ChartsTimeView breaks its line at a NaN) rather than a line across them.
constexpr double kGap = std::numeric_limits<double>::quiet_NaN();
// The second at which a gap before w begins (the end of the window before),
// or 0; `end` moves on to w's end.
std::int64_t gapBefore(std::int64_t &end, const model::WindowSummary &w)
{
    const std::int64_t previousEnd = end;
    end = w.second + std::max(w.seconds, 1);
    return previousEnd != 0 && w.second > previousEnd ? previousEnd : 0;
}
} // namespace

ServicesView::ServicesView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("servicesView"));
    m_model = new ServicesTableModel(this);
    m_proxy = new ServicesProxyModel(this);
    m_proxy->setSourceModel(m_model);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("servicesFilter"));
    m_filter->setAccessibleName(tr("Filter services"));
    m_filter->setPlaceholderText(tr("Filter by service, method, caller or replica"));
    m_filter->setClearButtonEnabled(true);
    m_window = new QComboBox(this);
    m_window->setObjectName(QStringLiteral("servicesWindow"));
    m_window->setAccessibleName(tr("Rolling window"));
    m_window->addItems({ tr("Last 1 min"), tr("Last 5 min"), tr("Last 1 h") });
    m_kinds = new QComboBox(this);
    m_kinds->setObjectName(QStringLiteral("servicesKinds"));
    m_kinds->setAccessibleName(tr("Row kinds"));
    m_kinds->addItem(tr("Methods"), int(ServicesProxyModel::Methods));
    m_kinds->addItem(tr("Edges"), int(ServicesProxyModel::Edges));
    m_kinds->addItem(tr("Replicas"), int(ServicesProxyModel::Replicas));
    m_kinds->addItem(tr("All rows"), int(ServicesProxyModel::All));
    m_proxy->setKinds(ServicesProxyModel::Methods);
    m_problems = new QCheckBox(tr("Problems only"), this);
    m_problems->setObjectName(QStringLiteral("servicesProblemsOnly"));
    m_problems->setAccessibleName(tr("Show only rows with warnings"));
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("servicesExport"));
    m_export->setAccessibleName(tr("Export"));
    m_export->setText(tr("Export"));
    m_export->setIcon(QIcon(QStringLiteral(":/opsdeck/icons/export.svg")));
    m_export->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    connect(menu->addAction(tr("Current chart as PNG…")), &QAction::triggered, this,
        [this] { exportCurrent(true); });
    connect(menu->addAction(tr("Current chart as CSV…")), &QAction::triggered, this,
        [this] { exportCurrent(false); });
    connect(menu->addAction(tr("Table as CSV…")), &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export table"), QStringLiteral("services.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty() && !exportTableCsv(path))
            qCWarning(lcServices) << "cannot write" << path;
    });
    m_export->setMenu(menu);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_kinds);
    bar->addWidget(m_window);
    bar->addWidget(m_problems);
    bar->addWidget(m_export);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("servicesTable"));
    m_table->setAccessibleName(tr("Services"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ServicesTableModel::P99, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegateForColumn(ServicesTableModel::Trend, new ServicesSparklineDelegate(m_table));

    m_latency = new ChartsTimeView(tr("Latency percentiles"), tr("ms"), this);
    m_latency->setObjectName(QStringLiteral("servicesLatencyChart"));
    m_errors = new ChartsTimeView(tr("Timeouts, errors and retries"), tr("per second"), this);
    m_errors->setObjectName(QStringLiteral("servicesErrorsChart"));
    m_histogram = new LatencyHistogram(this);
    m_graph = new ServicesGraph(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("servicesCharts"));
    m_tabs->setAccessibleName(tr("Service charts"));
    m_tabs->addTab(m_latency, tr("Latency"));
    m_tabs->addTab(m_histogram, tr("Distribution"));
    m_tabs->addTab(m_errors, tr("Timeouts && errors"));
    m_tabs->addTab(m_graph, tr("Dependencies"));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("servicesSplitter"));
    split->addWidget(m_table);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("servicesEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(
        tr("<b>No service telemetry yet.</b><br>Connect to an RPC backend (opsdeck-mesh; File ▸ Connect…), "
           "point an OpenTelemetry SDK at the OTLP receiver, open a recording, or run with --demo."));
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(split);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ServicesProxyModel::setText);
    connect(m_problems, &QCheckBox::toggled, m_proxy, &ServicesProxyModel::setProblemsOnly);
    connect(m_kinds, &QComboBox::currentIndexChanged, this,
        [this](int i) { m_proxy->setKinds(m_kinds->itemData(i).toInt()); });
    connect(m_window, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_model->setWindow(LatencyBook::ViewIndex(i));
        m_graph->setWindow(LatencyBook::ViewIndex(i));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_chartedSecond = -1;
        rebuildCharts();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { rebuildCharts(); });
}

ServicesView::~ServicesView() = default;

bool ServicesView::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void ServicesView::setSnapshot(std::shared_ptr<const LatencyBook::Snapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    const bool empty = !m_snapshot || m_snapshot->rows.empty();
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_stack->widget(1));
    // Keep the selection across a model reset by row key.
    QStringList selected;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        selected << i.data(ServicesTableModel::KeyRole).toString();
    m_model->setSnapshot(m_snapshot);
    if (!selected.isEmpty() && m_table->selectionModel()->selectedRows().isEmpty()) {
        const QSignalBlocker block(m_table->selectionModel());
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            if (selected.contains(m_proxy->index(r, 0).data(ServicesTableModel::KeyRole).toString()))
                m_table->selectionModel()->select(
                    m_proxy->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    m_graph->setSnapshot(m_snapshot);
    if (m_snapshot && m_snapshot->nowSecond != m_chartedSecond)
        rebuildCharts();
}

std::vector<const LatencyBook::Row *> ServicesView::chartedRows() const
{
    std::vector<const LatencyBook::Row *> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
        if (const auto *row = m_model->rowAt(m_proxy->mapToSource(i).row()))
            rows.push_back(row);
        if (rows.size() >= std::size_t(kMaxChartedRows))
            break;
    }
    if (rows.empty()) {
        // Nothing selected: the slowest visible rows (the table's top).
        for (int r = 0; r < m_proxy->rowCount() && rows.size() < 4; ++r)
            if (const auto *row = m_model->rowAt(m_proxy->mapToSource(m_proxy->index(r, 0)).row()))
                rows.push_back(row);
    }
    return rows;
}

void ServicesView::rebuildCharts()
{
    if (!m_snapshot)
        return;
    m_chartedSecond = m_snapshot->nowSecond;
    const auto rows = chartedRows();
    auto label = [](const LatencyBook::Row &row) {
        switch (row.kind) {
        case LatencyBook::Kind::Method:
            return row.service + QLatin1Char('/') + row.method;
        case LatencyBook::Kind::Edge:
            return row.caller + QStringLiteral("→") + row.service;
        case LatencyBook::Kind::Replica:
            return row.replica;
        }
        return row.service;
    };
    const QWidget *current = m_tabs->currentWidget();
    if (current == m_latency) {
        m_latency->clearSeries();
        m_latency->clearThresholds();
        std::set<std::int64_t> deadlines;
        for (const auto *row : rows) {
            std::vector<QPointF> p50, p99;
            if (row->history) {
                std::int64_t end = 0;
                for (const auto &w : *row->history) {
                    if (const std::int64_t gap = gapBefore(end, w)) {
                        p50.emplace_back(double(gap) * 1000.0, kGap);
                        p99.emplace_back(double(gap) * 1000.0, kGap);
                    }
                    p50.emplace_back(double(w.second) * 1000.0, double(w.p50) / 1e6);
                    p99.emplace_back(double(w.second) * 1000.0, double(w.p99) / 1e6);
                }
            }
            m_latency->setSeries(label(*row) + QStringLiteral(" p50"), std::move(p50));
            m_latency->setSeries(label(*row) + QStringLiteral(" p99"), std::move(p99));
            const std::int64_t d = row->views[0].deadlineNs;
            if (d > 0)
                deadlines.insert(d);
        }
        for (std::int64_t d : deadlines)
            m_latency->setThreshold(
                tr("deadline %1").arg(ServicesTableModel::formatDuration(d)), double(d) / 1e6);
        m_latency->redecimate();
    } else if (current == m_errors) {
        m_errors->clearSeries();
        for (const auto *row : rows) {
            std::vector<QPointF> timeouts, errors, retries;
            if (row->history) {
                std::int64_t end = 0;
                for (const auto &w : *row->history) {
                    if (const std::int64_t gap = gapBefore(end, w))
                        for (auto *series : { &timeouts, &errors, &retries })
                            series->emplace_back(double(gap) * 1000.0, kGap);
                    // Per second: the older part of the history is per minute.
                    const double x = double(w.second) * 1000.0, per = double(std::max(w.seconds, 1));
                    timeouts.emplace_back(x, double(w.counts.timeouts) / per);
                    errors.emplace_back(x, double(w.counts.errors - w.counts.timeouts) / per);
                    retries.emplace_back(x, double(w.counts.retries) / per);
                }
            }
            m_errors->setSeries(label(*row) + tr(" timeouts"), std::move(timeouts));
            m_errors->setSeries(label(*row) + tr(" other errors"), std::move(errors));
            m_errors->setSeries(label(*row) + tr(" retries"), std::move(retries));
        }
        m_errors->redecimate();
    } else if (current == m_histogram) {
        const LatencyBook::Row *method = nullptr;
        for (const auto *row : rows)
            if (row->kind == LatencyBook::Kind::Method) {
                method = row;
                break;
            }
        if (!method) {
            m_histogram->clear();
            return;
        }
        const QString key = method->service + QLatin1Char('/') + method->method;
        const auto it = m_snapshot->distributions.find(key);
        m_histogram->setDistribution(key,
            it == m_snapshot->distributions.end() ? model::SparseHistogram {} : it->second,
            method->views[0].deadlineNs);
    }
}

void ServicesView::exportCurrent(bool png)
{
    QWidget *current = m_tabs->currentWidget();
    const QString path
        = QFileDialog::getSaveFileName(this, png ? tr("Export chart as PNG") : tr("Export chart as CSV"),
            png ? QStringLiteral("services-chart.png") : QStringLiteral("services-chart.csv"),
            png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    if (auto *chart = qobject_cast<ChartsTimeView *>(current))
        ok = png ? chart->exportPng(path) : chart->exportCsv(path);
    else if (png)
        ok = current->grab().save(path, "PNG");
    else
        ok = exportTableCsv(path);
    if (!ok)
        qCWarning(lcServices) << "cannot write" << path;
}

bool ServicesView::exportTableCsv(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    auto quote = [](QString s) {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    };
    QStringList header;
    for (int c = 0; c < ServicesTableModel::Trend; ++c)
        header << quote(m_proxy->headerData(c, Qt::Horizontal).toString());
    out << header.join(QLatin1Char(',')) << '\n';
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < ServicesTableModel::Trend; ++c)
            cells << quote(m_proxy->index(r, c).data().toString());
        out << cells.join(QLatin1Char(',')) << '\n';
    }
    return out.status() == QTextStream::Ok;
}

} // namespace opsdeck::widgets
