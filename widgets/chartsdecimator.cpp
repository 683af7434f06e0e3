#include "widgets/chartsdecimator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace opsdeck::widgets {

QList<QPointF> ChartsDecimator::decimate(
    std::span<const QPointF> points, double xMin, double xMax, int columns)
{
    QList<QPointF> out;
    if (points.empty() || columns < 1 || !(xMax > xMin))
        return out;
    const auto byX = [](const QPointF &p, double x) { return p.x() < x; };
    auto first = std::lower_bound(points.begin(), points.end(), xMin, byX);
    auto last = std::lower_bound(first, points.end(), xMax, byX);
    // Small ranges need no decimation.
    if (last - first <= 2 * columns) {
        auto from = first == points.begin() ? first : first - 1;
        auto to = last == points.end() ? last : last + 1;
        out.reserve(int(to - from));
        for (auto it = from; it != to; ++it)
            if (!std::isnan(it->y()))
                out.push_back(*it);
        return out;
    }
    out.reserve(2 * columns + 2);
    if (first != points.begin())
        out.push_back(*(first - 1));
    const double width = (xMax - xMin) / columns;
    auto it = first;
    for (int c = 0; c < columns && it != last; ++c) {
        const double columnEnd = c + 1 == columns ? xMax : xMin + width * (c + 1);
        const QPointF *lo = nullptr;
        const QPointF *hi = nullptr;
        for (; it != last && it->x() < columnEnd; ++it) {
            if (std::isnan(it->y()))
                continue;
            if (!lo || it->y() < lo->y())
                lo = &*it;
            if (!hi || it->y() > hi->y())
                hi = &*it;
        }
        if (!lo)
            continue;
        if (lo == hi) {
            out.push_back(*lo);
        } else if (lo->x() <= hi->x()) {
            out.push_back(*lo);
            out.push_back(*hi);
        } else {
            out.push_back(*hi);
            out.push_back(*lo);
        }
    }
    if (last != points.end())
        out.push_back(*last);
    return out;
}

ChartsDecimator::Runs ChartsDecimator::decimateRuns(
    std::span<const QPointF> points, double xMin, double xMax, int columns, std::size_t maxLines)
{
    Runs runs;
    auto begin = points.begin();
    while (begin != points.end()) {
        auto end = std::find_if(begin, points.end(), [](const QPointF &p) { return std::isnan(p.y()); });
        // Only runs that reach into the range: the one before a gap does not
        // lead into the plot.
        if (end != begin && std::prev(end)->x() >= xMin && begin->x() <= xMax) {
            QList<QPointF> shown = decimate(std::span<const QPointF>(begin, end), xMin, xMax, columns);
            if (shown.size() == 1)
                runs.dots.push_back(shown.front());
            else if (runs.lines.size() < std::max<std::size_t>(maxLines, 1))
                runs.lines.push_back(std::move(shown));
            else if (!shown.isEmpty())
                runs.lines.back().append(shown);
        }
        begin = end == points.end() ? end : std::next(end);
    }
    return runs;
}

ChartsDecimator::NiceScale ChartsDecimator::niceScale(double max, int maxTicks)
{
    NiceScale best;
    if (!(max > 0) || !std::isfinite(max))
        return best;
    const int maxSteps = std::max(2, maxTicks - 1);
    best.top = std::numeric_limits<double>::max();
    // The step's decade: from the one where a single step covers max down to
    // the one where maxSteps of the largest multiplier still do.
    const double decade = std::pow(10.0, std::floor(std::log10(max)));
    for (double scale : { decade / 10, decade, decade * 10 })
        for (double m : { 1.0, 2.0, 2.5, 5.0 }) {
            const double step = m * scale;
            const int steps = std::max(2, int(std::ceil(max / step - 1e-9)));
            if (steps > maxSteps)
                continue;
            const double top = step * steps;
            // The lowest top; with equal tops, more labels.
            if (top < best.top - 1e-9 * top
                || (std::abs(top - best.top) <= 1e-9 * top && steps + 1 > best.ticks)) {
                best.top = top;
                best.ticks = steps + 1;
            }
        }
    return best;
}

} // namespace opsdeck::widgets
