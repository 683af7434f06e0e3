#include "app/screenshot.h"

#include "views3d/view3d.h"

#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>
#include <QTimer>
#include <QWidget>
#include <QWindow>

namespace opsdeck::app {

Screenshot::Screenshot(
    QWidget *window, views3d::View3D *view, QString path, std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_view(view)
    , m_path(std::move(path))
    , m_poll(new QTimer(this))
    , m_deadline(new QTimer(this))
{
    m_poll->setInterval(20);
    connect(m_poll, &QTimer::timeout, this, &Screenshot::poll);
    m_deadline->setSingleShot(true);
    m_deadline->setInterval(timeout);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (!m_done) {
            m_done = true;
            m_poll->stop();
            Q_EMIT finished(3, tr("screenshot: the window was not shown with a rendered 3D frame in time"));
        }
    });
    if (m_view)
        connect(m_view, &views3d::View3D::frameRendered, this, [this] { m_frameSeen = true; });
}

void Screenshot::start()
{
    m_deadline->start();
    m_poll->start();
}

void Screenshot::poll()
{
    if (m_done || !m_window)
        return;
    const QWindow *handle = m_window->windowHandle();
    if (!handle || !handle->isExposed())
        return;
    // Without OpenGL the view shows its message and there is no frame to wait for.
    const bool viewReady = !m_view || !m_view->hasOpenGL() || m_frameSeen;
    if (!viewReady)
        return;
    capture();
}

void Screenshot::capture()
{
    m_done = true;
    m_poll->stop();
    m_deadline->stop();
    const QPixmap pixmap = m_window->grab();
    QImageWriter writer(m_path, "png");
    if (pixmap.isNull()) {
        Q_EMIT finished(2, tr("screenshot: grabbing the window gave no image"));
        return;
    }
    if (!writer.write(pixmap.toImage())) {
        Q_EMIT finished(2, tr("screenshot: cannot write %1: %2").arg(m_path, writer.errorString()));
        return;
    }
    Q_EMIT finished(0,
        tr("screenshot: wrote %1 (%2x%3)")
            .arg(QFileInfo(m_path).absoluteFilePath())
            .arg(pixmap.width())
            .arg(pixmap.height()));
}

} // namespace opsdeck::app
