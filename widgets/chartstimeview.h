#pragma once

#include <QChartView>
#include <QColor>
#include <QPointF>
#include <QString>

#include <map>
#include <vector>

class QAbstractSeries;
class QLineSeries;
class QScatterSeries;
class QXYSeries;
class QDateTimeAxis;
class QValueAxis;

namespace opsdeck::widgets {

// A time chart for long histories: it keeps every sample of every series but
// hands Qt Charts only the min/max-decimated points of the visible range (at
// most two per pixel column), re-decimating on resize or range change. Follows
// the application palette (light/dark) and exports PNG and CSV.
// x values are Unix milliseconds. GUI thread only.
class ChartsTimeView : public QChartView
{
    Q_OBJECT

public:
    explicit ChartsTimeView(const QString &title, const QString &yLabel, QWidget *parent = nullptr);

    // points sorted by x; a NaN y is a gap: the line breaks there (say, the
    // seconds without calls), and a point alone between gaps is a dot.
    void setSeries(const QString &name, std::vector<QPointF> points);
    void removeSeries(const QString &name);
    void clearSeries();
    QStringList seriesNames() const;
    // A horizontal dashed line across the chart, e.g. a deadline. It sets the
    // y scale only when the data reaches a third of it (kThresholdReach).
    void setThreshold(const QString &name, double y);
    void clearThresholds();
    // Fixed x range; without one the chart shows all data.
    void setXRange(double minMs, double maxMs);
    void setAutoXRange();

    void redecimate();
    int displayedPointCount() const;
    double yAxisMax() const;
    // False when the series' names would not fit in one row (see updateLegend).
    bool legendShown() const;
    std::size_t storedPointCount() const;

    bool exportPng(const QString &path);
    bool exportCsv(const QString &path) const;

    static QColor seriesColor(int index, bool dark);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    static constexpr int kMinimumHeight = 190;
    static constexpr double kThresholdReach = 3.0;
    static constexpr int kLegendMarkerWidth = 36; // a legend entry's marker and spacing
    void updateLegend();
    static constexpr int kMaxTickCount = 6;
    static constexpr int kTickLabelPadding = 16; // a time label's margins and a gap
    void updateTickCount(int plotWidth);
    static constexpr int kTitleHeight = 260;
    // A series breaking more often than this is drawn connected after that
    // many runs: Qt Charts has one graphics item per QLineSeries.
    static constexpr std::size_t kMaxRuns = 24;
    static constexpr double kDotSize = 5.0;
    struct Entry
    {
        std::vector<QPointF> points;
        QLineSeries *series = nullptr; // the first run, and the legend's entry
        std::vector<QLineSeries *> pieces; // the runs after gaps, not in the legend
        QScatterSeries *dots = nullptr; // points alone between gaps, not in the legend
        int colorIndex = 0;
    };
    void applyPalette();
    void applyColor(Entry &e, bool dark);
    QLineSeries *makeSeries(const QString &name, const QColor &color, bool dashed);
    void attach(QXYSeries *series, bool inLegend);
    void drop(QAbstractSeries *series);
    // Decimates e.points and hands the runs to e's series; returns their max y.
    double showRuns(Entry &e, double xMin, double xMax, int columns);
    bool isDark() const;

    QDateTimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    std::map<QString, Entry> m_entries;
    std::map<QString, std::pair<double, QLineSeries *>> m_thresholds;
    bool m_fixedRange = false;
    double m_xMin = 0, m_xMax = 0;
    int m_nextColor = 0;
};

} // namespace opsdeck::widgets
