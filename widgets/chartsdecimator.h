#pragma once

#include <QList>
#include <QPointF>

#include <span>
#include <vector>

namespace opsdeck::widgets {

// Min/max decimation for line charts: keeps, for every pixel column of the
// plot, the lowest and the highest sample (in their time order), plus the
// neighbours just outside the visible range so lines enter and leave the plot
// correctly. A chart then draws at most 2 points per pixel column however long
// the history is, and still shows every spike (a plain stride would miss them).
class ChartsDecimator
{
public:
    // points sorted by x (NaN y values are skipped). columns >= 1.
    static QList<QPointF> decimate(std::span<const QPointF> points, double xMin, double xMax, int columns);

    // A series with gaps: a NaN y ends a run (no data until the next point).
    // Each run that reaches into [xMin, xMax] is decimated on its own; a run
    // that shows as one point goes to `dots` (a line through it would draw
    // nothing). Runs beyond maxLines are joined to the last line: a series
    // that breaks that often is drawn connected from there on.
    struct Runs
    {
        std::vector<QList<QPointF>> lines; // two points or more each
        QList<QPointF> dots;
    };
    static Runs decimateRuns(
        std::span<const QPointF> points, double xMin, double xMax, int columns, std::size_t maxLines);

    // A value axis from 0 whose labels are round numbers (steps of 1, 2, 2.5
    // or 5 times a power of ten): the lowest top >= max with 2 to maxTicks - 1
    // steps; ticks counts the labels, 0 included. max <= 0 gives 0..1.
    struct NiceScale
    {
        double top = 1;
        int ticks = 2;
    };
    static NiceScale niceScale(double max, int maxTicks);
};

} // namespace opsdeck::widgets
