#include "widgets/latencyhistogram.h"

#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <map>

namespace opsdeck::widgets {

using model::HistogramLayout;

LatencyHistogram::LatencyHistogram(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("latencyHistogram"));
    setAccessibleName(tr("Latency distribution"));
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    m_x = new QLogValueAxis(chart());
    m_x->setBase(10);
    m_x->setTitleText(tr("latency (ms, log)"));
    m_x->setLabelFormat(QStringLiteral("%g"));
    m_y = new QValueAxis(chart());
    m_y->setTitleText(tr("calls"));
    m_y->setLabelFormat(QStringLiteral("%d"));
    chart()->addAxis(m_x, Qt::AlignBottom);
    chart()->addAxis(m_y, Qt::AlignLeft);
    m_series = new QLineSeries(chart());
    m_series->setName(tr("calls per bin"));
    m_deadline = new QLineSeries(chart());
    m_deadline->setName(tr("deadline"));
    for (QLineSeries *s : { m_series, m_deadline }) {
        chart()->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    applyPalette();
    clear();
}

void LatencyHistogram::applyPalette()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setBackgroundBrush(palette().color(QPalette::Base));
    chart()->setTitleBrush(palette().color(QPalette::Text));
    m_series->setPen(QPen(dark ? QColor(120, 170, 255) : QColor(30, 90, 200), 2));
    m_deadline->setPen(QPen(dark ? QColor(255, 120, 120) : QColor(200, 30, 30), 1.5, Qt::DashLine));
}

void LatencyHistogram::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void LatencyHistogram::clear()
{
    chart()->setTitle(tr("Select a method to see its latency distribution"));
    m_series->clear();
    m_deadline->clear();
    m_bins = 0;
    m_x->setRange(0.01, 1000);
    m_y->setRange(0, 1);
}

void LatencyHistogram::setDistribution(
    const QString &title, const model::SparseHistogram &h, std::int64_t deadlineNs)
{
    if (h.empty()) {
        clear();
        chart()->setTitle(tr("%1: no calls in the last minute").arg(title));
        return;
    }
    // 8 bins per doubling: merge groups of 8 sub-buckets of the 64-per-octave layout.
    std::map<int, std::pair<double, std::uint64_t>> bins; // bin -> (lower ms, count)
    for (const auto &b : h.buckets()) {
        const int bin = int(b.index) / 8;
        auto &slot = bins[bin];
        if (slot.second == 0)
            slot.first = std::max(1e-6, double(HistogramLayout::lower(bin * 8)) / 1e6);
        slot.second += b.count;
    }
    QList<QPointF> points;
    double top = 1;
    for (const auto &[bin, v] : bins) {
        const double upper
            = double(HistogramLayout::upper(std::min(bin * 8 + 7, HistogramLayout::kBuckets - 1))) / 1e6;
        points << QPointF(v.first, 0) << QPointF(v.first, double(v.second))
               << QPointF(upper, double(v.second)) << QPointF(upper, 0);
        top = std::max(top, double(v.second));
    }
    m_bins = int(bins.size());
    m_series->replace(points);
    double xMin = points.front().x() / 1.5;
    double xMax = points.back().x() * 1.5;
    if (deadlineNs > 0) {
        const double d = double(deadlineNs) / 1e6;
        m_deadline->replace(QList<QPointF> { { d, 0 }, { d, top * 1.1 } });
        xMin = std::min(xMin, d / 1.5);
        xMax = std::max(xMax, d * 1.5);
    } else {
        m_deadline->clear();
    }
    m_x->setRange(std::max(1e-6, xMin), xMax);
    m_y->setRange(0, top * 1.1);
    chart()->setTitle(tr("%1: %n call(s) in the last minute", nullptr, int(h.count)).arg(title));
}

} // namespace opsdeck::widgets
