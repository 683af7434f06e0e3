#include "widgets/servicesproxymodel.h"

#include "widgets/servicestablemodel.h"

namespace opsdeck::widgets {

ServicesProxyModel::ServicesProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ServicesTableModel::SortRole);
    setDynamicSortFilter(true);
}

void ServicesProxyModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void ServicesProxyModel::setKinds(int mask)
{
    m_kinds = mask;
    invalidateFilter();
}

void ServicesProxyModel::setProblemsOnly(bool on)
{
    m_problemsOnly = on;
    invalidateFilter();
}

bool ServicesProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex first = m->index(sourceRow, 0, sourceParent);
    const int kind = m->data(first, ServicesTableModel::KindRole).toInt();
    if (!(m_kinds & (1 << kind)))
        return false;
    if (m_problemsOnly && m->data(first, ServicesTableModel::SeverityRole).toInt() == 0)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column : { int(ServicesTableModel::Service), int(ServicesTableModel::Detail) }) {
        if (m->data(m->index(sourceRow, column, sourceParent))
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace opsdeck::widgets
