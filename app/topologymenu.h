#pragma once

#include <QMenu>

class QAction;
class QActionGroup;
class QSettings;

namespace opsdeck::views3d {
class TopologyController;
}

namespace opsdeck::app {

// The "Topology" menu: what the 3D view's keys do (fit, top, perspective,
// follow) plus its display options — link colours (quality / latency), node
// colours (kind and status / cost per node), trails, stalks, grid and flow
// animation. (Not a right-click menu: the right button zooms the 3D view.) The
// options are restored from and saved to QSettings ("topology/…") so the view looks
// the same after a restart.
class TopologyMenu : public QMenu
{
    Q_OBJECT

public:
    TopologyMenu(views3d::TopologyController *controller, QSettings &settings, QWidget *parent = nullptr);

    // True while nodes are coloured by cost: the console then feeds NodeCosts.
    bool costLayerOn() const;
    QAction *costLayerAction() const { return m_costLayer; }
    QAction *latencyLinksAction() const { return m_latencyLinks; }

    void save(QSettings &settings) const;

Q_SIGNALS:
    void costLayerToggled(bool on);

private:
    QAction *addToggle(const QString &text, const char *objectName, bool on);
    void apply();

    views3d::TopologyController *m_controller;
    QAction *m_follow;
    QAction *m_qualityLinks;
    QAction *m_latencyLinks;
    QAction *m_kindNodes;
    QAction *m_costLayer;
    QAction *m_trails;
    QAction *m_stalks;
    QAction *m_grid;
    QAction *m_flow;
};

} // namespace opsdeck::app
