#include "widgets/chartstimeview.h"

#include "widgets/chartsdecimator.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QFontMetrics>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QTextStream>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace opsdeck::widgets {

ChartsTimeView::ChartsTimeView(const QString &title, const QString &yLabel, QWidget *parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("chartsTimeView"));
    setAccessibleName(title);
    setRenderHint(QPainter::Antialiasing, false);
    chart()->setTitle(title);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    // Docked charts are often short: tight margins, and below a readable
    // height the dock scrolls instead of eliding every axis label to "…".
    chart()->setMargins(QMargins(4, 4, 4, 4));
    setMinimumHeight(kMinimumHeight);
    chart()->setAnimationOptions(QChart::NoAnimation);
    m_x = new QDateTimeAxis(chart());
    m_x->setFormat(QStringLiteral("HH:mm:ss"));
    m_x->setTickCount(kMaxTickCount);
    m_y = new QValueAxis(chart());
    m_y->setTitleText(yLabel);
    m_y->setLabelFormat(QStringLiteral("%.4g"));
    chart()->addAxis(m_x, Qt::AlignBottom);
    chart()->addAxis(m_y, Qt::AlignLeft);
    applyPalette();
    // A QDateTimeAxis starts with the range 0..0, which has no labels, and
    // Qt Charts sizes an axis from its labels. Laid out like that (as
    // QChartView::resizeEvent does on the first show, before ours sets a
    // range) the time axis gets no height and keeps that size hint: Qt 6.4
    // ignores a range change on an axis without geometry
    // (ChartAxisElement::handleRangeChanged), so nothing measures it again
    // and it never draws labels or vertical grid lines. A real range from
    // the start (and never an empty one, see redecimate) avoids that.
    redecimate();
}

bool ChartsTimeView::isDark() const
{
    return palette().color(QPalette::Window).lightness() < 128;
}

QColor ChartsTimeView::seriesColor(int index, bool dark)
{
    // 16 hues spaced around the wheel, interleaved so neighbours differ.
    const int hue = ((index * 7) % 16) * 360 / 16;
    return QColor::fromHsl(hue, 190, dark ? 160 : 105);
}

void ChartsTimeView::applyPalette()
{
    const bool dark = isDark();
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setBackgroundBrush(palette().color(QPalette::Base));
    chart()->setTitleBrush(palette().color(QPalette::Text));
    chart()->legend()->setLabelColor(palette().color(QPalette::Text));
    for (QAbstractAxis *axis : { static_cast<QAbstractAxis *>(m_x), static_cast<QAbstractAxis *>(m_y) }) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        axis->setTitleBrush(palette().color(QPalette::Text));
        axis->setGridLineColor(palette().color(QPalette::Mid));
    }
    for (auto &[name, e] : m_entries)
        applyColor(e, dark);
    for (auto &[name, t] : m_thresholds) {
        QPen pen(dark ? QColor(255, 120, 120) : QColor(200, 30, 30), 1.5, Qt::DashLine);
        t.second->setPen(pen);
    }
}

void ChartsTimeView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ChartsTimeView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // A short chart gives its title's line to the plot (the tab names it).
    chart()->setTitle(height() < kTitleHeight ? QString() : accessibleName());
    redecimate();
}

void ChartsTimeView::applyColor(Entry &e, bool dark)
{
    const QPen pen(seriesColor(e.colorIndex, dark), 1.5);
    e.series->setPen(pen);
    for (QLineSeries *piece : e.pieces)
        piece->setPen(pen);
    if (e.dots) {
        e.dots->setColor(pen.color());
        e.dots->setBorderColor(pen.color());
    }
}

QLineSeries *ChartsTimeView::makeSeries(const QString &name, const QColor &color, bool dashed)
{
    auto *s = new QLineSeries(chart());
    s->setName(name);
    s->setPen(QPen(color, 1.5, dashed ? Qt::DashLine : Qt::SolidLine));
    attach(s, true);
    return s;
}

void ChartsTimeView::attach(QXYSeries *series, bool inLegend)
{
    chart()->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(m_y);
    if (!inLegend)
        for (QLegendMarker *marker : chart()->legend()->markers(series))
            marker->setVisible(false);
}

void ChartsTimeView::drop(QAbstractSeries *series)
{
    chart()->removeSeries(series);
    delete series;
}

double ChartsTimeView::showRuns(Entry &e, double xMin, double xMax, int columns)
{
    ChartsDecimator::Runs runs = ChartsDecimator::decimateRuns(e.points, xMin, xMax, columns, kMaxRuns);
    double yMax = 0;
    for (const QList<QPointF> &line : runs.lines)
        for (const QPointF &p : line)
            yMax = std::max(yMax, p.y());
    for (const QPointF &p : runs.dots)
        yMax = std::max(yMax, p.y());
    e.series->replace(runs.lines.empty() ? QList<QPointF>() : runs.lines.front());
    const std::size_t pieces = runs.lines.empty() ? 0 : runs.lines.size() - 1;
    for (; e.pieces.size() > pieces; e.pieces.pop_back())
        drop(e.pieces.back());
    while (e.pieces.size() < pieces) {
        auto *piece = new QLineSeries(chart());
        piece->setPen(e.series->pen());
        attach(piece, false);
        e.pieces.push_back(piece);
    }
    for (std::size_t i = 0; i < pieces; ++i)
        e.pieces[i]->replace(runs.lines[i + 1]);
    if (!runs.dots.isEmpty() && !e.dots) {
        e.dots = new QScatterSeries(chart());
        e.dots->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        e.dots->setMarkerSize(kDotSize);
        e.dots->setColor(e.series->pen().color());
        e.dots->setBorderColor(e.series->pen().color());
        attach(e.dots, false);
    }
    if (e.dots)
        e.dots->replace(runs.dots);
    return yMax;
}

void ChartsTimeView::setSeries(const QString &name, std::vector<QPointF> points)
{
    auto it = m_entries.find(name);
    if (it == m_entries.end()) {
        Entry e;
        e.colorIndex = m_nextColor++;
        e.series = makeSeries(name, seriesColor(e.colorIndex, isDark()), false);
        it = m_entries.emplace(name, std::move(e)).first;
    }
    it->second.points = std::move(points);
}

void ChartsTimeView::removeSeries(const QString &name)
{
    auto it = m_entries.find(name);
    if (it == m_entries.end())
        return;
    Entry &e = it->second;
    drop(e.series);
    for (QLineSeries *piece : e.pieces)
        drop(piece);
    if (e.dots)
        drop(e.dots);
    m_entries.erase(it);
}

void ChartsTimeView::clearSeries()
{
    while (!m_entries.empty())
        removeSeries(m_entries.begin()->first);
    m_nextColor = 0;
}

QStringList ChartsTimeView::seriesNames() const
{
    QStringList names;
    for (const auto &[name, e] : m_entries)
        names << name;
    return names;
}

void ChartsTimeView::setThreshold(const QString &name, double y)
{
    auto it = m_thresholds.find(name);
    if (it == m_thresholds.end()) {
        QLineSeries *s = makeSeries(name, isDark() ? QColor(255, 120, 120) : QColor(200, 30, 30), true);
        it = m_thresholds.emplace(name, std::make_pair(y, s)).first;
    }
    it->second.first = y;
}

void ChartsTimeView::clearThresholds()
{
    for (auto &[name, t] : m_thresholds) {
        chart()->removeSeries(t.second);
        delete t.second;
    }
    m_thresholds.clear();
}

void ChartsTimeView::setXRange(double minMs, double maxMs)
{
    m_fixedRange = true;
    m_xMin = minMs;
    m_xMax = maxMs;
}

void ChartsTimeView::setAutoXRange()
{
    m_fixedRange = false;
}

void ChartsTimeView::redecimate()
{
    double xMin = m_xMin, xMax = m_xMax;
    if (!m_fixedRange) {
        xMin = std::numeric_limits<double>::max();
        xMax = std::numeric_limits<double>::lowest();
        for (const auto &[name, e] : m_entries) {
            if (e.points.empty())
                continue;
            xMin = std::min(xMin, e.points.front().x());
            xMax = std::max(xMax, e.points.back().x());
        }
        if (xMin > xMax) {
            const double now = double(QDateTime::currentMSecsSinceEpoch());
            xMin = now - 60'000;
            xMax = now;
        }
    }
    if (!(xMax > xMin)) // an empty range would lose the time axis (see the constructor)
        xMax = xMin + 1000;
    // The axes' labels take their width from the range set below, so the
    // plot may come out narrower or wider than the columns decimated for:
    // then once more at the width it has now.
    for (int pass = 0; pass < 2; ++pass) {
        const int columns = std::max(1, int(chart()->plotArea().width()));
        updateTickCount(columns);
        double yMax = 0;
        for (auto &[name, e] : m_entries)
            yMax = std::max(yMax, showRuns(e, xMin, xMax, columns));
        // A threshold stretches the scale only when the data comes within
        // kThresholdReach of it: a 1.5-s deadline over 20-ms latencies would
        // otherwise flatten them against the axis. One above the scale stays in
        // the legend; its line is off the plot until the data nears it.
        const double dataMax = yMax;
        for (auto &[name, t] : m_thresholds) {
            t.second->replace(QList<QPointF> { { xMin, t.first }, { xMax, t.first } });
            if (dataMax <= 0 || t.first <= dataMax * kThresholdReach)
                yMax = std::max(yMax, t.first);
        }
        m_x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xMin), Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(qint64(xMax), Qt::UTC));
        // Round labels (0, 25, 50, 75 rather than 0, 21.14, 42.27, ...), one
        // per two label heights, 5 % headroom above the highest line.
        const int labelHeight = QFontMetrics(m_y->labelsFont()).height();
        const int plotHeight = int(chart()->plotArea().height());
        const int maxTicks
            = plotHeight > 1 ? std::clamp(plotHeight / (2 * labelHeight) + 1, 3, kMaxTickCount) : 5;
        const ChartsDecimator::NiceScale scale = ChartsDecimator::niceScale(yMax * 1.05, maxTicks);
        m_y->setRange(0, scale.top);
        m_y->setTickCount(scale.ticks);
        if (int(chart()->plotArea().width()) == std::max(1, columns))
            break;
    }
    updateLegend();
}

void ChartsTimeView::updateTickCount(int plotWidth)
{
    // Qt elides a time label to the space between two ticks: six ticks in a
    // docked chart's 250 px would all read "08:0...". As many as fit whole.
    if (plotWidth <= 1)
        return; // not laid out yet
    const QFontMetrics metrics(m_x->labelsFont());
    const int labelWidth = metrics.horizontalAdvance(QStringLiteral("00:00:00")) + kTickLabelPadding;
    m_x->setTickCount(std::clamp(plotWidth / std::max(1, labelWidth) + 1, 2, kMaxTickCount));
}

void ChartsTimeView::updateLegend()
{
    // Qt's legend puts its entries in one row and elides every name, down to
    // nothing, when they do not fit: a row of bare markers tells nothing and
    // takes the time axis's room in a docked chart. It is shown only when
    // every name fits; otherwise the names are the chart's tooltip.
    const QFontMetrics metrics(chart()->legend()->font());
    QStringList names;
    int needed = 0;
    auto add = [&](const QString &name) {
        names << name;
        needed += metrics.horizontalAdvance(name) + kLegendMarkerWidth;
    };
    for (const auto &[name, e] : m_entries)
        add(name);
    for (const auto &[name, t] : m_thresholds)
        add(name);
    const bool fits = needed <= width() - 2 * kLegendMarkerWidth;
    chart()->legend()->setVisible(fits && !names.isEmpty());
    setToolTip(fits ? QString() : names.join(QLatin1Char('\n')));
}

bool ChartsTimeView::legendShown() const
{
    return chart()->legend()->isVisible();
}

double ChartsTimeView::yAxisMax() const
{
    return m_y->max();
}

int ChartsTimeView::displayedPointCount() const
{
    int n = 0;
    for (const auto &[name, e] : m_entries) {
        n += int(e.series->count()) + (e.dots ? int(e.dots->count()) : 0);
        for (const QLineSeries *piece : e.pieces)
            n += int(piece->count());
    }
    return n;
}

std::size_t ChartsTimeView::storedPointCount() const
{
    std::size_t n = 0;
    for (const auto &[name, e] : m_entries)
        n += e.points.size();
    return n;
}

bool ChartsTimeView::exportPng(const QString &path)
{
    return grab().save(path, "PNG");
}

bool ChartsTimeView::exportCsv(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    out << "series,time_utc,unix_ms,value\n";
    for (const auto &[name, e] : m_entries) {
        QString quoted = name;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        for (const QPointF &p : e.points) {
            if (std::isnan(p.y()))
                continue; // a gap
            out << '"' << quoted << "\","
                << QDateTime::fromMSecsSinceEpoch(qint64(p.x()), Qt::UTC).toString(Qt::ISODateWithMs) << ','
                << qint64(p.x()) << ',' << p.y() << '\n';
        }
    }
    return out.status() == QTextStream::Ok;
}

} // namespace opsdeck::widgets
