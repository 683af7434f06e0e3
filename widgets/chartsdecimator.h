#pragma once

#include <QList>
#include <QPointF>

#include <span>

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
};

} // namespace opsdeck::widgets
