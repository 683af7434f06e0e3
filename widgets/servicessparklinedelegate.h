#pragma once

#include <QStyledItemDelegate>

namespace opsdeck::widgets {

// Paints ServicesTableModel::SparklineRole as a small line in the cell, in the
// view's text colour, with the last value as a dot.
class ServicesSparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace opsdeck::widgets
