#include "widgets/servicessparklinedelegate.h"

#include "widgets/servicestablemodel.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace opsdeck::widgets {

void ServicesSparklineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QList<double> values = index.data(ServicesTableModel::SparklineRole).value<QList<double>>();
    if (values.size() < 2)
        return;
    const QRectF r = QRectF(option.rect).adjusted(3, 3, -3, -3);
    const double top = std::max(1e-9, *std::max_element(values.begin(), values.end()));
    QPainterPath path;
    for (int i = 0; i < values.size(); ++i) {
        const QPointF p(
            r.left() + r.width() * i / (values.size() - 1), r.bottom() - r.height() * values[i] / top);
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QColor ink = (option.state & QStyle::State_Selected)
        ? option.palette.color(QPalette::HighlightedText)
        : option.palette.color(QPalette::Text);
    painter->setPen(QPen(ink, 1.2));
    painter->drawPath(path);
    painter->setBrush(ink);
    painter->drawEllipse(path.currentPosition(), 1.8, 1.8);
    painter->restore();
}

QSize ServicesSparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(120, 20));
}

} // namespace opsdeck::widgets
