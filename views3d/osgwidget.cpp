#include "views3d/osgwidget.h"

#include "views3d/groundgrid.h"
#include "views3d/logging.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QTimer>
#include <QWheelEvent>

#include <osg/GLObjects>
#include <osgGA/TrackballManipulator>
#include <osgViewer/Renderer>

namespace opsdeck::views3d {

namespace {

int osgButton(Qt::MouseButton button)
{
    switch (button) {
    case Qt::LeftButton:
        return 1;
    case Qt::MiddleButton:
        return 2;
    case Qt::RightButton:
        return 3;
    default:
        return 0;
    }
}

} // namespace

OsgWidget::OsgWidget(QWidget *parent)
    : QOpenGLWidget(parent)
    , m_palette(Palette3D::light())
    , m_window(new osgViewer::GraphicsWindowEmbedded(0, 0, 640, 480))
    , m_viewer(new osgViewer::Viewer)
    , m_root(new osg::Group)
    , m_content(new osg::Group)
    , m_overlay(new osg::Group)
    , m_grid(std::make_unique<GroundGrid>(m_palette))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("osgWidget"));
    setAccessibleName(tr("3D topology view"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setMinimumSize(160, 120);

    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    setFormat(format);

    m_root->setName("OpsDeckRoot");
    m_content->setName("Content");
    m_overlay->setName("Overlay");
    m_overlay->getOrCreateStateSet()->setRenderBinDetails(20, "RenderBin");
    m_root->addChild(m_grid->node());
    m_root->addChild(m_content.get());
    m_root->addChild(m_overlay.get());

    m_viewer->setThreadingModel(osgViewer::ViewerBase::SingleThreaded);
    m_viewer->setKeyEventSetsDone(0);
    m_viewer->setQuitEventSetsDone(false);
    // Qt drives frames; OSG must not try to pace or run its own loop.
    m_viewer->setRunFrameScheme(osgViewer::ViewerBase::ON_DEMAND);
    osg::Camera *cam = m_viewer->getCamera();
    cam->setGraphicsContext(m_window.get());
    cam->setViewport(0, 0, 640, 480);
    cam->setClearColor(m_palette.background);
    cam->setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    m_window->getEventQueue()->getCurrentEventState()->setMouseYOrientation(
        osgGA::GUIEventAdapter::Y_INCREASING_DOWNWARDS);
    m_viewer->setSceneData(m_root.get());
    auto *manipulator = new osgGA::TrackballManipulator;
    manipulator->setAllowThrow(false);
    m_viewer->setCameraManipulator(manipulator, false);
    resetCamera();

    m_timer->setInterval(16);
    connect(m_timer, &QTimer::timeout, this, &OsgWidget::tick);
}

OsgWidget::~OsgWidget()
{
    // ~QOpenGLWidget destroys the context after this object's members are
    // gone: release now, and do not let its signal reach us later.
    QObject::disconnect(m_contextGone);
    if (context() && isValid())
        releaseGL();
}

void OsgWidget::releaseGL()
{
    makeCurrent();
    osg::State *state = m_window->getState();
    m_root->releaseGLObjects(state);
    m_viewer->getCamera()->releaseGLObjects(state);
    osg::deleteAllGLObjects(state->getContextID());
    state->reset();
    doneCurrent();
}

osgGA::EventQueue *OsgWidget::events() const
{
    return m_window->getEventQueue();
}

void OsgWidget::setScene(osg::Node *scene)
{
    if (m_scene)
        m_content->removeChild(m_scene.get());
    m_scene = scene;
    if (scene)
        m_content->addChild(scene);
    // The grid stands in for the topology until one arrives.
    m_grid->node()->setNodeMask(scene ? 0u : ~0u);
    requestFrame();
}

void OsgWidget::setPalette3D(const Palette3D &palette)
{
    m_palette = palette;
    m_viewer->getCamera()->setClearColor(palette.background);
    m_grid->setPalette(palette);
    requestFrame();
}

void OsgWidget::setGridVisible(bool visible)
{
    m_grid->node()->setNodeMask(visible ? ~0u : 0u);
    requestFrame();
}

bool OsgWidget::isGridVisible() const
{
    return m_grid->node()->getNodeMask() != 0u;
}

void OsgWidget::requestFrame()
{
    m_dirty = true;
}

void OsgWidget::resetCamera()
{
    // Looking at the origin from the south-east, above: east goes right and
    // north goes away from the viewer, as on a map tilted towards you.
    const double r = m_grid->spec().halfExtent;
    auto *manipulator = static_cast<osgGA::TrackballManipulator *>(m_viewer->getCameraManipulator());
    manipulator->setHomePosition(
        osg::Vec3d(0.35 * r, -1.9 * r, 1.25 * r), osg::Vec3d(0, 0, 0), osg::Vec3d(0, 0, 1));
    manipulator->home(0.0);
    requestFrame();
}

QImage OsgWidget::grabFrame()
{
    m_dirty = true;
    return grabFramebuffer();
}

void OsgWidget::updateProjection(int w, int h)
{
    osg::Camera *cam = m_viewer->getCamera();
    cam->setViewport(0, 0, w, h);
    cam->setProjectionMatrixAsPerspective(35.0, double(w) / double(std::max(h, 1)), 1.0, 20000.0);
}

void OsgWidget::initializeGL()
{
    qCDebug(lcViews3d) << "OpenGL context" << context()->format();
    QObject::disconnect(m_contextGone);
    m_contextGone = connect(
        context(), &QOpenGLContext::aboutToBeDestroyed, this, &OsgWidget::releaseGL, Qt::DirectConnection);
    const qreal dpr = devicePixelRatioF();
    const int w = int(width() * dpr), h = int(height() * dpr);
    m_window->resized(0, 0, w, h);
    events()->windowResize(0, 0, w, h);
    updateProjection(w, h);
    if (m_hadContext)
        attachGraphicsWindow(w, h);
    m_hadContext = true;
    m_viewer->realize();
}

void OsgWidget::attachGraphicsWindow(int w, int h)
{
    m_window = new osgViewer::GraphicsWindowEmbedded(0, 0, w, h);
    m_window->getEventQueue()->getCurrentEventState()->setMouseYOrientation(
        osgGA::GUIEventAdapter::Y_INCREASING_DOWNWARDS);
    osg::Camera *cam = m_viewer->getCamera();
    cam->setGraphicsContext(m_window.get());
    cam->setRenderer(new osgViewer::Renderer(cam));
    events()->windowResize(0, 0, w, h);
    updateProjection(w, h);
}

void OsgWidget::resizeGL(int w, int h)
{
    const qreal dpr = devicePixelRatioF();
    const int pw = int(w * dpr), ph = int(h * dpr);
    m_window->resized(0, 0, pw, ph);
    events()->windowResize(0, 0, pw, ph);
    updateProjection(pw, ph);
    m_dirty = true;
}

void OsgWidget::paintGL()
{
    // QOpenGLWidget renders into its own FBO, whose id changes on resize.
    m_window->setDefaultFboId(defaultFramebufferObject());
    m_viewer->frame();
    m_dirty = false;
    ++m_frames;
    Q_EMIT frameRendered();
}

void OsgWidget::tick()
{
    if (m_dirty || m_viewer->checkNeedToDoFrame())
        update();
}

void OsgWidget::showEvent(QShowEvent *event)
{
    QOpenGLWidget::showEvent(event);
    m_dirty = true;
    m_timer->start();
}

void OsgWidget::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QOpenGLWidget::hideEvent(event);
}

void OsgWidget::mousePressEvent(QMouseEvent *event)
{
    const qreal dpr = devicePixelRatioF();
    events()->mouseButtonPress(float(event->position().x() * dpr), float(event->position().y() * dpr),
        unsigned(osgButton(event->button())));
    m_dirty = true;
}

void OsgWidget::mouseReleaseEvent(QMouseEvent *event)
{
    const qreal dpr = devicePixelRatioF();
    events()->mouseButtonRelease(float(event->position().x() * dpr), float(event->position().y() * dpr),
        unsigned(osgButton(event->button())));
    m_dirty = true;
}

void OsgWidget::mouseMoveEvent(QMouseEvent *event)
{
    const qreal dpr = devicePixelRatioF();
    events()->mouseMotion(float(event->position().x() * dpr), float(event->position().y() * dpr));
    m_dirty = true;
}

void OsgWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Double click: back to the home view.
    if (event->button() == Qt::LeftButton)
        resetCamera();
}

void OsgWidget::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0)
        return;
    events()->mouseScroll(
        delta > 0 ? osgGA::GUIEventAdapter::SCROLL_UP : osgGA::GUIEventAdapter::SCROLL_DOWN);
    m_dirty = true;
    event->accept();
}

void OsgWidget::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space || event->key() == Qt::Key_Home) {
        resetCamera();
        return;
    }
    QOpenGLWidget::keyPressEvent(event);
}

} // namespace opsdeck::views3d
