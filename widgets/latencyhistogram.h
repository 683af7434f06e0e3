#pragma once

#include "model/histogram.h"

#include <QChartView>

class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace opsdeck::widgets {

// The latency distribution of one method over the last minute: call counts per
// log-spaced latency bin (8 per doubling) on a logarithmic time axis, with the
// deadline as a vertical line. Empty state when there are no calls.
class LatencyHistogram : public QChartView
{
    Q_OBJECT

public:
    explicit LatencyHistogram(QWidget *parent = nullptr);

    void setDistribution(
        const QString &title, const model::SparseHistogram &histogram, std::int64_t deadlineNs);
    void clear();
    int binCount() const { return m_bins; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QLineSeries *m_series = nullptr;
    QLineSeries *m_deadline = nullptr;
    QLogValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    int m_bins = 0;
};

} // namespace opsdeck::widgets
