#pragma once

#include <QObject>

class QMenu;
class QTimer;

namespace opsdeck::app {

class Console;
class DemoSystem;

// `opsdeck --demo`: starts the in-process demo system (DemoSystem), connects
// the console to it, turns the story's steps into timeline bookmarks and
// alerts, and adds the Presenter menu: presenter mode (full screen, larger
// fonts, Presenter layout), a camera tour of the 3D view, and the story's
// bookmarks to jump to. Closing the console stops the demo.
class DemoController : public QObject
{
    Q_OBJECT

public:
    explicit DemoController(Console &console);
    ~DemoController() override;

    DemoSystem *demo() const { return m_demo; }
    bool isRunning() const;
    QMenu *presenterMenu() const { return m_menu; }

    void setPresenterMode(bool on);
    void setCameraTour(bool on);

private:
    void postMark(const QString &title, const QString &text, int severity);
    void buildMenu();
    void tourStep();

    Console &m_console;
    DemoSystem *m_demo = nullptr;
    QMenu *m_menu = nullptr;
    QTimer *m_tour = nullptr;
    int m_tourStep = 0;
    bool m_presenter = false;
    qreal m_normalFontSize = 0;
};

} // namespace opsdeck::app
