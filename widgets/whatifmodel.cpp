#include "widgets/whatifmodel.h"

#include "model/costformat.h"

namespace opsdeck::widgets {

using model::CostFormat;

WhatIfModel::WhatIfModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void WhatIfModel::setReport(const opsdeck::v1::RepriceReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

QString WhatIfModel::optionName(const opsdeck::v1::RepriceOption &o)
{
    if (!o.commitment_discount_type().empty())
        return QString::fromStdString(o.commitment_discount_type());
    switch (o.pricing_category()) {
    case opsdeck::v1::PRICING_CATEGORY_STANDARD:
        return tr("On-demand");
    case opsdeck::v1::PRICING_CATEGORY_DYNAMIC:
        return tr("Spot");
    case opsdeck::v1::PRICING_CATEGORY_COMMITTED:
        return tr("Commitment");
    default:
        return tr("Other");
    }
}

int WhatIfModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_report.options_size();
}

int WhatIfModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WhatIfModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &o = m_report.options(index.row());
    const QString currency = QString::fromStdString(m_report.currency());
    const bool committed = o.pricing_category() == opsdeck::v1::PRICING_CATEGORY_COMMITTED;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Option:
            return optionName(o);
        case Cost:
            return CostFormat::money(o.cost(), currency);
        case Saving:
            return o.pricing_category() == opsdeck::v1::PRICING_CATEGORY_STANDARD
                ? QString()
                : CostFormat::money(o.saving_vs_on_demand(), currency);
        case BreakEven:
            return committed ? tr("%1 h/day").arg(o.break_even_hours_per_day(), 0, 'f', 1) : QString();
        case Verdict:
            if (o.pricing_category() == opsdeck::v1::PRICING_CATEGORY_STANDARD)
                return tr("reference");
            if (!committed)
                return tr("cheaper at any utilisation, but may be interrupted");
            return m_report.hours_per_day() < o.break_even_hours_per_day()
                ? tr("on-demand is cheaper below %1 h/day").arg(o.break_even_hours_per_day(), 0, 'f', 1)
                : tr("cheaper than on-demand above %1 h/day").arg(o.break_even_hours_per_day(), 0, 'f', 1);
        }
    } else if (role == Qt::UserRole) {
        switch (index.column()) {
        case Cost:
            return o.cost();
        case Saving:
            return o.saving_vs_on_demand();
        case BreakEven:
            return o.break_even_hours_per_day();
        default:
            return optionName(o);
        }
    } else if (role == Qt::ToolTipRole) {
        return QString::fromStdString(o.description());
    } else if (role == Qt::TextAlignmentRole
        && (index.column() == Cost || index.column() == Saving || index.column() == BreakEven)) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant WhatIfModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Option:
        return tr("Pricing");
    case Cost:
        return tr("Cost");
    case Saving:
        return tr("Saving vs on-demand");
    case BreakEven:
        return tr("Break-even");
    case Verdict:
        return tr("When it pays");
    }
    return {};
}

} // namespace opsdeck::widgets
