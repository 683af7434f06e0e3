#pragma once

#include "model/nodecosts.h"
#include "model/topologysnapshot.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QTreeWidget;

namespace opsdeck::views3d {

// The details of the selected node or link (for a "Details" dock): its state,
// the links touching it and the routes through it — or, for a link, its
// metrics and the routes over it. A node the billing backend charges for also
// shows what it has cost so far. Follows the live snapshots; says so when the
// selection went away. GUI thread only; setSnapshot() at ≤ 30 Hz.
class TopologyDetails : public QWidget
{
    Q_OBJECT

public:
    explicit TopologyDetails(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const model::TopologySnapshot> snapshot);
    // What nodes have cost (from the billing backend); a node with an entry
    // gets a "Cost so far" section.
    void setNodeCosts(std::shared_ptr<const model::NodeCosts> costs);
    void showNode(std::uint32_t id);
    void showLink(std::uint32_t a, std::uint32_t b);
    void clearSelection();

    QString title() const;
    QTreeWidget *tree() const { return m_tree; }

private:
    void rebuild();
    void fillNode(const model::TopoNode &node);
    void fillLink(const model::TopoLink &link);

    std::shared_ptr<const model::TopologySnapshot> m_snapshot;
    std::shared_ptr<const model::NodeCosts> m_costs;
    std::optional<std::uint32_t> m_node;
    std::optional<model::LinkKey> m_link;
    QLabel *m_title;
    QTreeWidget *m_tree;
};

} // namespace opsdeck::views3d
