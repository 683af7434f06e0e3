#pragma once

#include "views3d/palette3d.h"

#include <QImage>
#include <QWidget>

namespace osg {
class Group;
class Node;
} // namespace osg

class QLabel;

namespace opsdeck::views3d {

class OsgWidget;

// The Topology 3D panel: an OsgWidget when OpenGL works, otherwise a clear
// message saying why there is no 3D view (never a crash). A banner line above
// the view says what the view is waiting for ("No topology yet …").
class View3D : public QWidget
{
    Q_OBJECT

public:
    explicit View3D(QWidget *parent = nullptr);

    bool hasOpenGL() const { return m_gl != nullptr; }
    // Why there is no 3D view; empty when hasOpenGL().
    QString unavailableReason() const { return m_reason; }
    // The GL widget, or nullptr without OpenGL.
    OsgWidget *osgWidget() const { return m_gl; }

    // Forwarded to the OsgWidget when there is one; harmless otherwise.
    void setScene(osg::Node *scene);
    osg::Group *overlay() const;
    void setPalette3D(const Palette3D &palette);

    // One line above the view (empty hides it).
    void setBanner(const QString &text);
    QString banner() const;

    // Renders a frame now; a null image without OpenGL.
    QImage grabFrame();

Q_SIGNALS:
    // After every frame; never emitted without OpenGL.
    void frameRendered();

private:
    OsgWidget *m_gl = nullptr;
    QLabel *m_banner;
    QString m_reason;
};

} // namespace opsdeck::views3d
