#pragma once

#include "views3d/topologyscene.h"

#include <QWidget>

namespace opsdeck::views3d {

// The key to the 3D view's colours, drawn over its bottom-left corner: the
// Palette3D ramp with what its ends mean for links (quality 0 … 1, or latency
// ≥ scale … 0 ms), then the node colours — by kind and status, or with the
// cost layer on, the cost ramp from nothing to the most expensive node and
// how many nodes have cost data.
class TopologyLegend : public QWidget
{
    Q_OBJECT

public:
    explicit TopologyLegend(QWidget *parent = nullptr);

    void setColoring(TopologyScene::LinkColoring coloring, double latencyScaleMs);
    void setNodeColoring(TopologyScene::NodeColoring coloring, std::shared_ptr<const model::NodeCosts> costs,
        std::size_t nodeCount);
    void setRouteColor(const osg::Vec4 &color);
    QString title() const;
    QString nodeTitle() const;
    // The cost layer's line under its ramp ("12 of 40 nodes billed", …).
    QString costSummary() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    TopologyScene::LinkColoring m_coloring = TopologyScene::LinkColoring::Quality;
    double m_latencyScaleMs = 50;
    TopologyScene::NodeColoring m_nodeColoring = TopologyScene::NodeColoring::KindAndStatus;
    std::shared_ptr<const model::NodeCosts> m_costs;
    std::size_t m_nodeCount = 0;
    osg::Vec4 m_route { 0.85f, 0.15f, 0.62f, 1.f };
};

} // namespace opsdeck::views3d
