#pragma once

#include "opsdeck/v1/billing.pb.h"

#include <QWidget>

class QChart;
class QChartView;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QTableView;
class QCheckBox;

namespace opsdeck::widgets {

class WhatIfModel;

// The what-if panel: re-prices the measured instance usage as on-demand,
// committed (reservation, savings plan) or spot at a chosen number of running
// hours a day, and draws cost against hours per day so the break-even points
// (16 h/day with the default price book) are visible. It asks for the numbers
// through repriceRequested(); whoever owns the billing client answers with
// setReport(). GUI thread only.
class WhatIfPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WhatIfPanel(QWidget *parent = nullptr);

    void setReport(const opsdeck::v1::RepriceReport &report);
    WhatIfModel *model() const { return m_model; }
    double hoursPerDay() const; // 0 = as measured
    void setHoursPerDay(double hours);

Q_SIGNALS:
    void repriceRequested(double hoursPerDay);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateChart();
    void emitRequest();

    WhatIfModel *m_model;
    QCheckBox *m_measured;
    QSlider *m_slider;
    QDoubleSpinBox *m_hours;
    QLabel *m_summary;
    QTableView *m_table;
    QChart *m_chart;
    QChartView *m_chartView;
};

} // namespace opsdeck::widgets
