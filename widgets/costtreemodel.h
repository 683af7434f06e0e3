#pragma once

#include "model/costledger.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace opsdeck::widgets {

// The drill-down table of the Costs view: services at the top level, their
// resources below. Display values are formatted money; Qt::UserRole holds the
// raw number for sorting (use it as the proxy's sortRole). When a new
// snapshot has the same services and resources the model only signals
// dataChanged, so expansion and selection survive live updates; otherwise it
// resets. GUI thread only.
class CostTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Name, Effective, Billed, OnDemand, Savings, Share, Quantity, Pricing, Items, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit CostTreeModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const model::CostLedger::Snapshot> snapshot);
    QString currency() const { return m_currency; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString name;
        QString unit;
        QString pricing;
        model::CostLedger::Sums sums;
    };
    struct ServiceNode
    {
        Node node;
        std::vector<Node> resources;
    };
    const Node *nodeAt(const QModelIndex &index) const;

    std::vector<ServiceNode> m_services; // by name
    double m_total = 0;
    QString m_currency;
};

} // namespace opsdeck::widgets
