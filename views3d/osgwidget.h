#pragma once

#include "views3d/palette3d.h"

#include <QImage>
#include <QOpenGLWidget>

#include <osg/Group>
#include <osg/ref_ptr>
#include <osgViewer/GraphicsWindow>
#include <osgViewer/Viewer>

#include <memory>

class QTimer;

namespace opsdeck::views3d {

class GroundGrid;

// An OpenSceneGraph viewer inside a QOpenGLWidget (STYLE.md, "OpenSceneGraph
// in Qt"): an embedded graphics window, a single-threaded viewer, the widget's
// FBO set as OSG's default before every frame, and frames only on demand: one
// timer checks ~60 times a second whether anything changed (scene marked
// dirty, input events queued, the manipulator animating) and only then asks
// Qt to repaint. Create it only when probeOpenGL() succeeded; View3D does.
// GUI thread only.
class OsgWidget : public QOpenGLWidget
{
    Q_OBJECT

public:
    explicit OsgWidget(QWidget *parent = nullptr);
    ~OsgWidget() override;

    // The content (e.g. the topology scene). Replaces the previous content;
    // while there is none the ground grid and axes are shown.
    void setScene(osg::Node *scene);
    osg::Node *scene() const { return m_scene.get(); }
    // A group always drawn above the content (labels, selections, overlays).
    osg::Group *overlay() const { return m_overlay.get(); }

    void setPalette3D(const Palette3D &palette);
    const Palette3D &palette3D() const { return m_palette; }
    void setGridVisible(bool visible);
    bool isGridVisible() const;

    // Call after changing anything in the scene graph: the next timer tick
    // draws a frame.
    void requestFrame();
    // Puts the camera back to where it looks at the whole grid / scene.
    void resetCamera();

    osgViewer::Viewer *viewer() const { return m_viewer.get(); }
    osg::Camera *camera() const { return m_viewer->getCamera(); }
    std::uint64_t framesRendered() const { return m_frames; }

    // Renders a frame now and returns it (as QOpenGLWidget::grabFramebuffer).
    QImage grabFrame();

Q_SIGNALS:
    // After every frame OSG rendered.
    void frameRendered();

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // The widget's context goes away (widget deleted, or moved to another
    // top-level window, e.g. a floated dock): free OSG's GL objects while it
    // is still current, so the next context starts clean.
    void releaseGL();
    // A fresh OSG graphics context (new context id) for a new Qt context, so
    // nothing compiled for the old one is reused.
    void attachGraphicsWindow(int w, int h);
    osgGA::EventQueue *events() const;
    void tick();
    void updateProjection(int w, int h);

    Palette3D m_palette;
    osg::ref_ptr<osgViewer::GraphicsWindowEmbedded> m_window;
    osg::ref_ptr<osgViewer::Viewer> m_viewer;
    osg::ref_ptr<osg::Group> m_root;
    osg::ref_ptr<osg::Group> m_content;
    osg::ref_ptr<osg::Group> m_overlay;
    osg::ref_ptr<osg::Node> m_scene;
    std::unique_ptr<GroundGrid> m_grid;
    QTimer *m_timer;
    QMetaObject::Connection m_contextGone;
    bool m_dirty = true;
    bool m_hadContext = false;
    std::uint64_t m_frames = 0;
};

} // namespace opsdeck::views3d
