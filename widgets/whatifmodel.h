#pragma once

#include "opsdeck/v1/billing.pb.h"

#include <QAbstractTableModel>

namespace opsdeck::widgets {

// The what-if table: the same instance usage priced as on-demand, each
// commitment and spot, with the saving and the break-even hours per day.
// GUI thread only.
class WhatIfModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Option, Cost, Saving, BreakEven, Verdict, ColumnCount };

    explicit WhatIfModel(QObject *parent = nullptr);

    void setReport(const opsdeck::v1::RepriceReport &report);
    const opsdeck::v1::RepriceReport &report() const { return m_report; }
    static QString optionName(const opsdeck::v1::RepriceOption &option);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    opsdeck::v1::RepriceReport m_report;
};

} // namespace opsdeck::widgets
