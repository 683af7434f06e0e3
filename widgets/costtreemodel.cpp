#include "widgets/costtreemodel.h"

#include "model/costformat.h"

#include <algorithm>
#include <map>

namespace opsdeck::widgets {

using model::CostFormat;

CostTreeModel::CostTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void CostTreeModel::setSnapshot(std::shared_ptr<const model::CostLedger::Snapshot> snapshot)
{
    if (!snapshot)
        return;
    std::map<QString, ServiceNode> byName;
    for (const auto &s : snapshot->services)
        byName[s.service].node = { s.service, {}, {}, s.sums };
    for (const auto &r : snapshot->resources)
        byName[r.service].resources.push_back({ r.resource, r.unit, r.pricing, r.sums });
    std::vector<ServiceNode> next;
    next.reserve(byName.size());
    for (auto &[name, service] : byName) {
        service.node.name = name;
        std::sort(service.resources.begin(), service.resources.end(),
            [](const Node &a, const Node &b) { return a.name < b.name; });
        next.push_back(std::move(service));
    }
    bool sameShape = next.size() == m_services.size();
    for (std::size_t i = 0; sameShape && i < next.size(); ++i) {
        sameShape = next[i].node.name == m_services[i].node.name
            && next[i].resources.size() == m_services[i].resources.size();
        for (std::size_t j = 0; sameShape && j < next[i].resources.size(); ++j)
            sameShape = next[i].resources[j].name == m_services[i].resources[j].name;
    }
    m_currency = snapshot->currency;
    m_total = snapshot->totals.effective;
    if (!sameShape) {
        beginResetModel();
        m_services = std::move(next);
        endResetModel();
        return;
    }
    m_services = std::move(next);
    if (m_services.empty())
        return;
    Q_EMIT dataChanged(index(0, 0), index(int(m_services.size()) - 1, ColumnCount - 1));
    for (std::size_t i = 0; i < m_services.size(); ++i) {
        if (m_services[i].resources.empty())
            continue;
        const QModelIndex parent = index(int(i), 0);
        Q_EMIT dataChanged(
            index(0, 0, parent), index(int(m_services[i].resources.size()) - 1, ColumnCount - 1, parent));
    }
}

QModelIndex CostTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return std::size_t(row) < m_services.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0)
        return {};
    const std::size_t service = std::size_t(parent.row());
    if (service >= m_services.size() || std::size_t(row) >= m_services[service].resources.size())
        return {};
    return createIndex(row, column, quintptr(service + 1));
}

QModelIndex CostTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int CostTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_services.size());
    if (parent.internalId() != 0 || parent.column() != 0 || std::size_t(parent.row()) >= m_services.size())
        return 0;
    return int(m_services[std::size_t(parent.row())].resources.size());
}

int CostTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const CostTreeModel::Node *CostTreeModel::nodeAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    if (index.internalId() == 0)
        return &m_services[std::size_t(index.row())].node;
    return &m_services[std::size_t(index.internalId() - 1)].resources[std::size_t(index.row())];
}

QVariant CostTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *n = nodeAt(index);
    if (!n)
        return {};
    const double share = m_total != 0 ? n->sums.effective / m_total : 0.0;
    if (role == SortRole) {
        switch (index.column()) {
        case Name:
            return n->name;
        case Effective:
            return n->sums.effective;
        case Billed:
            return n->sums.billed;
        case OnDemand:
            return n->sums.list;
        case Savings:
            return n->sums.savings();
        case Share:
            return share;
        case Quantity:
            return n->sums.quantity;
        case Pricing:
            return n->pricing;
        case Items:
            return QVariant::fromValue<qulonglong>(n->sums.items);
        }
    } else if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return n->name;
        case Effective:
            return CostFormat::money(n->sums.effective, m_currency);
        case Billed:
            return CostFormat::money(n->sums.billed, m_currency);
        case OnDemand:
            return CostFormat::money(n->sums.list, m_currency);
        case Savings:
            return CostFormat::money(n->sums.savings(), m_currency);
        case Share:
            return QStringLiteral("%1 %").arg(share * 100.0, 0, 'f', 1);
        case Quantity:
            return n->unit.isEmpty()
                ? QString()
                : QStringLiteral("%1 %2").arg(CostFormat::quantity(n->sums.quantity), n->unit);
        case Pricing:
            return n->pricing;
        case Items:
            return QVariant::fromValue<qulonglong>(n->sums.items);
        }
    } else if (role == Qt::TextAlignmentRole && index.column() != Name && index.column() != Pricing) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole && index.column() == Savings) {
        return tr("On-demand equivalent minus effective cost: what commitments and spot saved "
                  "(negative: unused commitment)");
    }
    return {};
}

QVariant CostTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Service / resource");
    case Effective:
        return tr("Effective cost");
    case Billed:
        return tr("Billed");
    case OnDemand:
        return tr("On-demand equivalent");
    case Savings:
        return tr("Savings");
    case Share:
        return tr("Share");
    case Quantity:
        return tr("Usage");
    case Pricing:
        return tr("Pricing");
    case Items:
        return tr("Line items");
    }
    return {};
}

} // namespace opsdeck::widgets
