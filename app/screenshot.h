#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>

class QTimer;
class QWidget;

namespace opsdeck::views3d {
class View3D;
}

namespace opsdeck::app {

// --screenshot: waits until the window is on screen and the 3D view has drawn
// a frame (or the view said it has no OpenGL), saves the window as a PNG and
// reports finished(exit code, message). Gives up after `timeout`.
class Screenshot : public QObject
{
    Q_OBJECT

public:
    Screenshot(QWidget *window, views3d::View3D *view, QString path, std::chrono::milliseconds timeout,
        QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(int exitCode, const QString &message);

private:
    void poll();
    void capture();

    QPointer<QWidget> m_window;
    QPointer<views3d::View3D> m_view;
    QString m_path;
    QTimer *m_poll;
    QTimer *m_deadline;
    bool m_frameSeen = false;
    bool m_done = false;
};

} // namespace opsdeck::app
