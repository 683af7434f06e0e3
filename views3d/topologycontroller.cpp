#include "views3d/topologycontroller.h"

#include "views3d/logging.h"
#include "views3d/osgwidget.h"
#include "views3d/topologylegend.h"

#include <QKeyEvent>
#include <QMouseEvent>

#include <osg/Viewport>
#include <osgGA/OrbitManipulator>

#include <algorithm>
#include <cmath>

namespace opsdeck::views3d {

namespace {
constexpr int kTickMs = 33; // ≤ 30 Hz: snapshots, hover labels, flow animation
constexpr double kHoverRadiusPx = 28.0;
constexpr std::size_t kHoverLabels = TopologyScene::kLabelPool - 1;
constexpr double kClickSlopPx = 4.0;
constexpr double kHalfFovRad
    = 17.5 * 3.14159265358979323846 / 180.0; // OsgWidget's 35° vertical field of view

osg::Quat perspectiveRotation()
{
    return osg::Quat(osg::DegreesToRadians(55.0), osg::Vec3d(1, 0, 0));
}
} // namespace

TopologyController::TopologyController(OsgWidget *widget, QObject *parent)
    : QObject(parent)
    , m_widget(widget)
    , m_scene(widget->palette3D())
    , m_legend(new TopologyLegend(widget))
{
    // The scene is attached with the first nodes: until then the widget shows
    // its own ground grid as the empty state.
    m_widget->setMouseTracking(true); // labels near the cursor
    m_widget->installEventFilter(this);
    m_legend->setColoring(m_scene.linkColoring(), m_scene.latencyScaleMs());
    m_legend->hide();
    placeLegend();
    m_clock.start();
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &TopologyController::tick);
    m_timer.start();
}

TopologyController::~TopologyController()
{
    if (m_widget) {
        m_widget->removeEventFilter(this);
        if (m_widget->scene() == m_scene.node())
            m_widget->setScene(nullptr);
    }
}

void TopologyController::setProvider(Provider provider)
{
    m_provider = std::move(provider);
}

void TopologyController::setSnapshot(std::shared_ptr<const model::TopologySnapshot> snapshot)
{
    m_pushed = std::move(snapshot);
}

osgGA::OrbitManipulator *TopologyController::manipulator() const
{
    return dynamic_cast<osgGA::OrbitManipulator *>(m_widget->viewer()->getCameraManipulator());
}

osg::Matrixd TopologyController::worldToWindow() const
{
    osg::Camera *camera = m_widget->camera();
    const osgGA::OrbitManipulator *orbit = manipulator();
    // The manipulator holds the camera pose the next frame will use.
    const osg::Matrixd view = orbit ? orbit->getInverseMatrix() : camera->getViewMatrix();
    const osg::Viewport *vp = camera->getViewport();
    return worldToWindowMatrix(view, camera->getProjectionMatrix(), vp ? int(vp->x()) : 0,
        vp ? int(vp->y()) : 0, vp ? int(vp->width()) : m_widget->width(),
        vp ? int(vp->height()) : m_widget->height());
}

PickResult TopologyController::pickAtWidgetPos(QPointF pos) const
{
    const auto &snapshot = m_scene.snapshot();
    if (!snapshot)
        return {};
    const double dpr = m_widget->devicePixelRatioF();
    const double x = pos.x() * dpr;
    const double y = m_widget->height() * dpr - pos.y() * dpr; // OpenGL: origin bottom-left
    return pickAt(*snapshot, worldToWindow(), x, y, 10.0 * dpr, 5.0 * dpr);
}

void TopologyController::selectNode(std::uint32_t id)
{
    m_scene.setSelectedNode(id);
    m_widget->requestFrame();
    Q_EMIT nodeSelected(id);
}

void TopologyController::selectLink(model::LinkKey key)
{
    m_scene.setSelectedLink(key);
    if (m_follow)
        setFollowSelected(false);
    m_widget->requestFrame();
    Q_EMIT linkSelected(key.a, key.b);
}

void TopologyController::clearSelection()
{
    m_scene.setSelectedNode(std::nullopt);
    m_scene.setSelectedLink(std::nullopt);
    if (m_follow)
        setFollowSelected(false);
    m_widget->requestFrame();
    Q_EMIT selectionCleared();
}

void TopologyController::moveCamera(
    const osg::Vec3d &center, double distance, const osg::Quat &rotation, bool animated)
{
    osgGA::OrbitManipulator *orbit = manipulator();
    if (!orbit)
        return;
    // Home = this view, so the widget's own "reset camera" comes back here.
    const osg::Vec3d eye = center + rotation * osg::Vec3d(0, 0, distance);
    orbit->setHomePosition(eye, center, rotation * osg::Vec3d(0, 1, 0));
    if (animated) {
        m_target = CameraTarget { center, distance, rotation };
    } else {
        m_target.reset();
        orbit->setCenter(center);
        orbit->setDistance(distance);
        orbit->setRotation(rotation);
    }
    m_widget->requestFrame();
}

void TopologyController::stepCamera()
{
    osgGA::OrbitManipulator *orbit = manipulator();
    if (!m_target || !orbit)
        return;
    // Ease towards the target; a few frames, smooth even while data streams.
    constexpr double k = 0.3;
    const osg::Vec3d c = orbit->getCenter() + (m_target->center - orbit->getCenter()) * k;
    const double d = orbit->getDistance() + (m_target->distance - orbit->getDistance()) * k;
    osg::Quat q;
    q.slerp(k, orbit->getRotation(), m_target->rotation);
    const bool done = (c - m_target->center).length() < 1e-3 * std::max(1.0, m_target->distance)
        && std::abs(d - m_target->distance) < 1e-3 * std::max(1.0, m_target->distance);
    orbit->setCenter(done ? m_target->center : c);
    orbit->setDistance(done ? m_target->distance : d);
    orbit->setRotation(done ? m_target->rotation : q);
    if (done)
        m_target.reset();
    m_widget->requestFrame();
}

void TopologyController::fitAll(bool animated)
{
    const osg::BoundingBox box = m_scene.nodeBounds();
    if (!box.valid())
        return;
    // Fit the ground footprint to the window (a bounding sphere of a flat
    // network leaves most of the view empty).
    const osg::Viewport *vp = m_widget->camera()->getViewport();
    const double aspect = vp && vp->height() > 0
        ? vp->width() / vp->height()
        : double(m_widget->width()) / std::max(1, m_widget->height());
    const double halfX = 0.5 * double(box.xMax() - box.xMin());
    const double halfY = 0.5 * double(box.yMax() - box.yMin());
    const double half = std::max({ halfY, halfX / std::max(aspect, 0.1), 100.0 });
    const double distance = half / std::tan(kHalfFovRad) * 1.15 + double(box.zMax());
    moveCamera(box.center(), distance, m_topView ? osg::Quat() : perspectiveRotation(), animated);
}

void TopologyController::setTopView()
{
    m_topView = true;
    fitAll();
}

void TopologyController::setPerspectiveView()
{
    m_topView = false;
    fitAll();
}

void TopologyController::centreOn(std::uint32_t nodeId)
{
    const auto &snapshot = m_scene.snapshot();
    const model::TopoNode *node = snapshot ? snapshot->findNode(nodeId) : nullptr;
    osgGA::OrbitManipulator *orbit = manipulator();
    if (!node || !orbit)
        return;
    moveCamera(nodeWorldPosition(*node), orbit->getDistance(), orbit->getRotation(), true);
}

void TopologyController::setFollowSelected(bool follow)
{
    follow = follow && m_scene.selectedNode().has_value();
    if (follow == m_follow)
        return;
    m_follow = follow;
    Q_EMIT followChanged(m_follow);
}

void TopologyController::setFlowAnimation(bool enabled)
{
    m_flow = enabled;
    if (!enabled)
        m_scene.animate(0.0);
    m_widget->requestFrame();
}

void TopologyController::setLinkColoring(TopologyScene::LinkColoring coloring)
{
    m_scene.setLinkColoring(coloring);
    m_legend->setColoring(coloring, m_scene.latencyScaleMs());
    m_widget->requestFrame();
}

void TopologyController::setNodeColoring(TopologyScene::NodeColoring coloring)
{
    m_scene.setNodeColoring(coloring);
    updateNodeLegend();
    m_widget->requestFrame();
}

void TopologyController::setNodeCosts(std::shared_ptr<const model::NodeCosts> costs)
{
    m_scene.setNodeCosts(std::move(costs));
    updateNodeLegend();
    if (m_scene.nodeColoring() == TopologyScene::NodeColoring::Cost)
        m_widget->requestFrame();
}

void TopologyController::updateNodeLegend()
{
    const auto &snapshot = m_scene.snapshot();
    m_legend->setNodeColoring(
        m_scene.nodeColoring(), m_scene.nodeCosts(), snapshot ? snapshot->nodes->size() : 0);
    placeLegend();
}

void TopologyController::setPalette(const Palette3D &palette)
{
    m_widget->setPalette3D(palette);
    m_scene.setPalette(palette);
    m_legend->setRouteColor(palette.route);
    m_widget->requestFrame();
}

void TopologyController::placeLegend()
{
    m_legend->resize(m_legend->sizeHint());
    m_legend->move(8, std::max(0, m_widget->height() - m_legend->height() - 8));
}

void TopologyController::tick()
{
    auto snapshot = m_pushed ? m_pushed : (m_provider ? m_provider() : nullptr);
    if (snapshot && m_scene.update(snapshot)) {
        m_hoverDirty = m_hoverPos.has_value();
        const bool empty = snapshot->isEmpty();
        m_legend->setVisible(!empty);
        if (empty != (m_widget->scene() != m_scene.node())) {
            m_widget->setScene(empty ? nullptr : m_scene.node());
            if (empty) {
                m_widget->resetCamera();
                m_fittedOnce = false; // fit again when data returns (new scenario, replay seek)
            }
        }
        if (!empty && !m_fittedOnce) {
            m_fittedOnce = true;
            fitAll(false);
        }
        if (m_follow) {
            const model::TopoNode *node
                = m_scene.selectedNode() ? snapshot->findNode(*m_scene.selectedNode()) : nullptr;
            osgGA::OrbitManipulator *orbit = manipulator();
            if (node && orbit)
                moveCamera(nodeWorldPosition(*node), orbit->getDistance(), orbit->getRotation(), true);
            else
                setFollowSelected(false);
        }
        m_widget->requestFrame();
    }
    if (m_hoverDirty && m_scene.snapshot()) {
        m_hoverDirty = false;
        std::vector<std::uint32_t> ids;
        if (m_hoverPos) {
            const double dpr = m_widget->devicePixelRatioF();
            ids = nodesNear(*m_scene.snapshot(), worldToWindow(), m_hoverPos->x() * dpr,
                m_widget->height() * dpr - m_hoverPos->y() * dpr, kHoverRadiusPx * dpr, kHoverLabels);
        }
        const auto before = m_scene.visibleLabels();
        m_scene.setHoverNodes(std::move(ids));
        if (m_scene.visibleLabels() != before)
            m_widget->requestFrame();
    }
    if (m_flow && m_widget->isVisible() && m_scene.animate(double(m_clock.elapsed()) / 1000.0))
        m_widget->requestFrame();
    stepCamera();
}

bool TopologyController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_widget)
        return false;
    switch (event->type()) {
    case QEvent::Resize:
        placeLegend();
        break;
    case QEvent::MouseButtonPress: {
        auto *e = static_cast<QMouseEvent *>(event);
        m_pressPos = e->position();
        m_target.reset(); // the user takes the camera
        break;
    }
    case QEvent::MouseButtonRelease: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (e->button() == Qt::LeftButton && (e->position() - m_pressPos).manhattanLength() <= kClickSlopPx) {
            const PickResult hit = pickAtWidgetPos(e->position());
            if (hit.isNode())
                selectNode(hit.nodeId);
            else if (hit.isLink())
                selectLink(hit.link);
            else if (m_scene.selectedNode() || !m_scene.snapshot() || !m_scene.snapshot()->isEmpty())
                clearSelection();
        }
        break;
    }
    case QEvent::MouseMove: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (e->buttons() == Qt::NoButton) {
            m_hoverPos = e->position();
            m_hoverDirty = true;
        } else if (m_follow) {
            setFollowSelected(false); // dragging the camera ends following
        }
        break;
    }
    case QEvent::Leave:
        m_hoverPos.reset();
        m_hoverDirty = true;
        break;
    case QEvent::MouseButtonDblClick: {
        auto *e = static_cast<QMouseEvent *>(event);
        const PickResult hit = pickAtWidgetPos(e->position());
        if (hit.isNode()) {
            selectNode(hit.nodeId);
            centreOn(hit.nodeId);
        } else {
            fitAll();
        }
        return true;
    }
    case QEvent::KeyPress: {
        auto *e = static_cast<QKeyEvent *>(event);
        switch (e->key()) {
        case Qt::Key_F:
        case Qt::Key_Home:
        case Qt::Key_Space:
            fitAll();
            return true;
        case Qt::Key_T:
            setTopView();
            return true;
        case Qt::Key_P:
            setPerspectiveView();
            return true;
        case Qt::Key_L:
            setFollowSelected(!m_follow);
            return true;
        case Qt::Key_Escape:
            clearSelection();
            return true;
        default:
            break;
        }
        break;
    }
    default:
        break;
    }
    return false;
}

} // namespace opsdeck::views3d
