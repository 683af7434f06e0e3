#include "widgets/whatifpanel.h"

#include "model/costformat.h"
#include "widgets/costpalette.h"
#include "widgets/whatifmodel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <cmath>

namespace opsdeck::widgets {

using model::CostFormat;

WhatIfPanel::WhatIfPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new WhatIfModel(this))
    , m_measured(new QCheckBox(tr("As measured"), this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_hours(new QDoubleSpinBox(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart, this))
{
    setObjectName(QStringLiteral("costsWhatIf"));
    m_measured->setObjectName(QStringLiteral("whatIfMeasured"));
    m_measured->setAccessibleName(tr("Use the measured hours per day"));
    m_measured->setChecked(true);
    m_slider->setObjectName(QStringLiteral("whatIfHoursSlider"));
    m_slider->setAccessibleName(tr("Running hours per day"));
    m_slider->setRange(0, 48); // half hours
    m_slider->setValue(32);
    m_slider->setEnabled(false);
    m_hours->setObjectName(QStringLiteral("whatIfHours"));
    m_hours->setAccessibleName(tr("Running hours per day"));
    m_hours->setRange(0.5, 24.0);
    m_hours->setSingleStep(0.5);
    m_hours->setDecimals(1);
    m_hours->setSuffix(tr(" h/day"));
    m_hours->setValue(16.0);
    m_hours->setEnabled(false);
    m_summary->setObjectName(QStringLiteral("whatIfSummary"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("No instance usage priced yet."));
    m_table->setObjectName(QStringLiteral("whatIfTable"));
    m_table->setAccessibleName(tr("What-if pricing options"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_chartView->setObjectName(QStringLiteral("whatIfChart"));
    m_chartView->setAccessibleName(tr("Cost against running hours per day"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(320, 220);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setTitle(tr("Cost against running hours per day"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Running hours per day:"), this));
    controls->addWidget(m_measured);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_hours);
    // Table and chart side by side: the chart needs height for its axes.
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("whatIfSplitter"));
    split->addWidget(m_table);
    split->addWidget(m_chartView);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(m_measured, &QCheckBox::toggled, this, [this](bool measured) {
        m_slider->setEnabled(!measured);
        m_hours->setEnabled(!measured);
        emitRequest();
    });
    connect(m_slider, &QSlider::valueChanged, this, [this](int halfHours) {
        if (!qFuzzyCompare(m_hours->value(), halfHours / 2.0))
            m_hours->setValue(halfHours / 2.0);
    });
    connect(m_hours, &QDoubleSpinBox::valueChanged, this, [this](double hours) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(int(hours * 2 + 0.5));
        emitRequest();
    });
}

double WhatIfPanel::hoursPerDay() const
{
    return m_measured->isChecked() ? 0.0 : m_hours->value();
}

void WhatIfPanel::setHoursPerDay(double hours)
{
    {
        // One request for the new setting, not one per control touched.
        const QSignalBlocker blockMeasured(m_measured);
        const QSignalBlocker blockHours(m_hours);
        const QSignalBlocker blockSlider(m_slider);
        m_measured->setChecked(hours <= 0);
        m_slider->setEnabled(hours > 0);
        m_hours->setEnabled(hours > 0);
        if (hours > 0) {
            m_hours->setValue(hours);
            m_slider->setValue(int(hours * 2 + 0.5));
        }
    }
    emitRequest();
}

void WhatIfPanel::emitRequest()
{
    Q_EMIT repriceRequested(hoursPerDay());
}

void WhatIfPanel::setReport(const opsdeck::v1::RepriceReport &report)
{
    // Answers arrive asynchronously: one for an hours-per-day setting the user
    // has since moved away from is stale and must not overwrite the current one.
    if (!m_measured->isChecked() && report.options_size() > 0
        && std::abs(report.hours_per_day() - m_hours->value()) > 1e-6)
        return;
    m_model->setReport(report);
    const QString currency = QString::fromStdString(report.currency());
    if (report.options_size() == 0) {
        m_summary->setText(tr("No instance usage in this range to re-price."));
    } else {
        QString best = WhatIfModel::optionName(report.options(0));
        double bestCost = report.options(0).cost();
        QString breakEven;
        for (const auto &o : report.options()) {
            if (o.cost() < bestCost) {
                bestCost = o.cost();
                best = WhatIfModel::optionName(o);
            }
            if (o.pricing_category() == opsdeck::v1::PRICING_CATEGORY_COMMITTED)
                breakEven += tr("%1 pays off above %2 h/day. ")
                                 .arg(WhatIfModel::optionName(o))
                                 .arg(o.break_even_hours_per_day(), 0, 'f', 1);
        }
        m_summary->setText(tr("%1 instances over %2 days at %3 h/day: on-demand %4, cheapest %5 (%6). %7")
                               .arg(report.instances())
                               .arg(report.days(), 0, 'f', 1)
                               .arg(report.hours_per_day(), 0, 'f', 1)
                               .arg(CostFormat::money(report.on_demand_cost(), currency), best,
                                   CostFormat::money(bestCost, currency), breakEven.trimmed()));
    }
    updateChart();
}

void WhatIfPanel::updateChart()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis); // releases ownership: delete it
        delete axis;
    }
    const auto &report = m_model->report();
    const bool dark = CostPalette::isDark(palette());
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    const double h = report.hours_per_day();
    if (report.options_size() == 0 || h <= 0)
        return;
    auto *x = new QValueAxis;
    x->setRange(0, 24);
    x->setTickCount(7);
    x->setLabelFormat(QStringLiteral("%.0f h"));
    x->setTitleText(tr("running hours per day"));
    auto *y = new QValueAxis;
    y->setTitleText(QString::fromStdString(report.currency()));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    double maxCost = 0;
    int i = 0;
    for (const auto &o : report.options()) {
        auto *series = new QLineSeries;
        series->setName(WhatIfModel::optionName(o));
        // Pay-per-use options scale with the hours; commitments are flat.
        const bool committed = o.pricing_category() == opsdeck::v1::PRICING_CATEGORY_COMMITTED;
        const double at24 = committed ? o.cost() : o.cost() / h * 24.0;
        series->append(0, committed ? o.cost() : 0.0);
        series->append(24, at24);
        maxCost = std::max({ maxCost, at24, o.cost() });
        QPen pen(CostPalette::pricing(o.pricing_category(), dark));
        pen.setWidthF(2.0);
        if (committed && i++ % 2 == 1)
            pen.setStyle(Qt::DashLine); // two commitments: tell them apart without colour too
        series->setPen(pen);
        m_chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    y->setRange(0, maxCost * 1.1);
}

void WhatIfPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateChart();
}

} // namespace opsdeck::widgets
