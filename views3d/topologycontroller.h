#pragma once

#include "model/topologysnapshot.h"
#include "views3d/picking.h"
#include "views3d/topologyscene.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointF>
#include <QTimer>

#include <osg/Quat>
#include <osg/Vec3d>

#include <functional>
#include <memory>
#include <optional>

namespace osgGA {
class OrbitManipulator;
}

namespace opsdeck::views3d {

class OsgWidget;
class TopologyLegend;

// Puts a TopologyScene into an OsgWidget and makes it interactive: pulls
// topology snapshots (≤ 30 Hz, only redrawing when one changed or routes are
// animated), picks on click, labels nodes near the cursor, and drives the
// camera (fit all, top / perspective, centre on a node, follow a node) with
// smooth transitions.
//
// Mouse and keys (on the 3D view): click = select node or link, click on
// empty space = clear; double-click a node = centre on it; F = fit all,
// T = top view, P = perspective, L = follow the selected node, Esc = clear.
// GUI thread only.
class TopologyController : public QObject
{
    Q_OBJECT

public:
    using Provider = std::function<std::shared_ptr<const model::TopologySnapshot>()>;

    explicit TopologyController(OsgWidget *widget, QObject *parent = nullptr);
    ~TopologyController() override;

    // Where snapshots come from (normally [&topology] { return topology.snapshot(); }).
    void setProvider(Provider provider);
    // Or push them; applied on the next tick.
    void setSnapshot(std::shared_ptr<const model::TopologySnapshot> snapshot);

    TopologyScene *scene() { return &m_scene; }
    OsgWidget *widget() const { return m_widget; }
    TopologyLegend *legend() const { return m_legend; }

    // Selection (also emitted when the user picks).
    void selectNode(std::uint32_t id);
    void selectLink(model::LinkKey key);
    void clearSelection();
    std::optional<std::uint32_t> selectedNode() const { return m_scene.selectedNode(); }

    // Picks at a widget position (logical pixels, origin top-left, as in Qt events).
    PickResult pickAtWidgetPos(QPointF pos) const;
    osg::Matrixd worldToWindow() const;

    void fitAll(bool animated = true);
    void setTopView();
    void setPerspectiveView();
    void centreOn(std::uint32_t nodeId);
    void setFollowSelected(bool follow);
    bool isFollowing() const { return m_follow; }
    void setFlowAnimation(bool enabled);
    void setLinkColoring(TopologyScene::LinkColoring coloring);
    // The cost layer (TopologyScene::setNodeColoring) and its data; the legend follows.
    void setNodeColoring(TopologyScene::NodeColoring coloring);
    void setNodeCosts(std::shared_ptr<const model::NodeCosts> costs);
    void setPalette(const Palette3D &palette);

    // Applies pending snapshots and camera moves now (the timer does it normally).
    void tick();

Q_SIGNALS:
    void nodeSelected(quint32 nodeId);
    void linkSelected(quint32 a, quint32 b);
    void selectionCleared();
    void followChanged(bool following);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    osgGA::OrbitManipulator *manipulator() const;
    void moveCamera(const osg::Vec3d &center, double distance, const osg::Quat &rotation, bool animated);
    void stepCamera();
    void placeLegend();
    void updateNodeLegend();

    OsgWidget *m_widget;
    TopologyScene m_scene;
    TopologyLegend *m_legend;
    Provider m_provider;
    std::shared_ptr<const model::TopologySnapshot> m_pushed;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_flow = true;
    bool m_follow = false;
    bool m_fittedOnce = false;
    std::optional<QPointF> m_hoverPos;
    bool m_hoverDirty = false;
    QPointF m_pressPos;

    struct CameraTarget
    {
        osg::Vec3d center;
        double distance = 1;
        osg::Quat rotation;
    };
    std::optional<CameraTarget> m_target;
    bool m_topView = false;
};

} // namespace opsdeck::views3d
