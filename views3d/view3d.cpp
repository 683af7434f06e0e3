#include "views3d/view3d.h"

#include "views3d/glprobe.h"
#include "views3d/logging.h"
#include "views3d/osgwidget.h"

#include <QLabel>
#include <QVBoxLayout>

namespace opsdeck::views3d {

View3D::View3D(QWidget *parent)
    : QWidget(parent)
    , m_banner(new QLabel(this))
{
    setObjectName(QStringLiteral("view3d"));
    setAccessibleName(tr("Topology 3D"));
    m_banner->setObjectName(QStringLiteral("view3dBanner"));
    m_banner->setWordWrap(true);
    m_banner->setContentsMargins(8, 4, 8, 4);
    // A notice strip, distinct from the scene and from the window background.
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::AlternateBase);
    m_banner->setForegroundRole(QPalette::Text);
    m_banner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);

    if (probeOpenGL(&m_reason)) {
        m_gl = new OsgWidget(this);
        layout->addWidget(m_gl, 1);
        connect(m_gl, &OsgWidget::frameRendered, this, &View3D::frameRendered);
    } else {
        qCWarning(lcViews3d) << "3D view disabled:" << m_reason;
        auto *message = new QLabel(tr("<b>No 3D view</b><br>%1").arg(m_reason.toHtmlEscaped()), this);
        message->setObjectName(QStringLiteral("view3dUnavailable"));
        message->setAlignment(Qt::AlignCenter);
        message->setWordWrap(true);
        message->setAccessibleName(tr("3D view unavailable"));
        message->setAccessibleDescription(m_reason);
        layout->addWidget(message, 1);
    }
}

void View3D::setScene(osg::Node *scene)
{
    if (m_gl)
        m_gl->setScene(scene);
}

osg::Group *View3D::overlay() const
{
    return m_gl ? m_gl->overlay() : nullptr;
}

void View3D::setPalette3D(const Palette3D &palette)
{
    if (m_gl)
        m_gl->setPalette3D(palette);
}

void View3D::setBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

QString View3D::banner() const
{
    return m_banner->text();
}

QImage View3D::grabFrame()
{
    return m_gl ? m_gl->grabFrame() : QImage();
}

} // namespace opsdeck::views3d
