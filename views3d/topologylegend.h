#pragma once

#include "views3d/topologyscene.h"

#include <QWidget>

namespace opsdeck::views3d {

// The key to the link colours, drawn over the 3D view's bottom-left corner:
// the Palette3D ramp with what its ends mean (quality 0 … 1, or latency
// ≥ scale … 0 ms) and the node colours by kind and status.
class TopologyLegend : public QWidget
{
    Q_OBJECT

public:
    explicit TopologyLegend(QWidget *parent = nullptr);

    void setColoring(TopologyScene::LinkColoring coloring, double latencyScaleMs);
    QString title() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    TopologyScene::LinkColoring m_coloring = TopologyScene::LinkColoring::Quality;
    double m_latencyScaleMs = 50;
};

} // namespace opsdeck::views3d
