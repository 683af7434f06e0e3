#pragma once

#include "app/panelid.h"
#include "widgets/theme.h"

#include <QMainWindow>

#include <array>

class QActionGroup;
class QDragEnterEvent;
class QDropEvent;
class QMenu;
class QLabel;

namespace opsdeck::widgets {
class ConnectionsModel;
class LayoutManager;
class PanelHost;
} // namespace opsdeck::widgets

namespace opsdeck::app {

// Arranges the panels (central Topology 3D plus six docks), the menus and the
// status bar. It computes nothing: every panel starts with an empty state that
// says what it needs, and the composition root (or the lead, when a view
// exists) plugs real views in with setDockContent().
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(widgets::ConnectionsModel *connections, QWidget *parent = nullptr);

    // Shows `content` in the panel instead of its empty state; the panel takes
    // ownership. nullptr brings the empty state back.
    void setDockContent(PanelId id, QWidget *content);
    widgets::PanelHost *panel(PanelId id) const;
    // The panel's dock; nullptr for PanelId::Topology3D (the central area).
    QDockWidget *dock(PanelId id) const;
    static QString panelTitle(PanelId id);

    widgets::LayoutManager *layoutManager() const { return m_layouts; }

    // A notice in the status bar that stays until replaced (e.g. what --demo
    // could not do). Empty clears it.
    void setNotice(const QString &text);
    QString notice() const;

    // Reflects the current theme in View ▸ Theme (does not apply it).
    void setThemeChecked(widgets::ThemeKind kind);

    // The record / replay actions (File menu and toolbar); the composition
    // root enables them and follows their signals.
    QAction *recordAction() const { return m_record; }
    QAction *openRecordingAction() const { return m_openRecording; }
    QAction *closeRecordingAction() const { return m_closeRecording; }
    QAction *exportRangeAction() const { return m_exportRange; }
    QAction *copyStateAction() const { return m_copyState; }
    QAction *reconnectAction() const { return m_reconnect; }
    // Window-wide replay keys (Space, Left, Right); enabled while replaying.
    QAction *playAction() const { return m_play; }
    QAction *stepBackAction() const { return m_stepBack; }
    QAction *stepForwardAction() const { return m_stepForward; }
    // The status-bar label of the recorder ("● REC file — 12 MB, 00:01:05").
    void setRecordingStatus(const QString &text);
    QString recordingStatus() const;

Q_SIGNALS:
    void connectRequested();
    void themeRequested(opsdeck::widgets::ThemeKind kind);
    // A .opsrec file was dropped onto the window.
    void recordingDropped(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createPanels();
    void createMenus();
    void createStatusBar(widgets::ConnectionsModel *connections);
    void createRecordingActions(QMenu *file);
    void showAbout();

    std::array<widgets::PanelHost *, kAllPanels.size()> m_panels {};
    std::array<QDockWidget *, kAllPanels.size()> m_docks {};
    widgets::LayoutManager *m_layouts = nullptr;
    QActionGroup *m_layoutGroup = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QLabel *m_notice = nullptr;
    QAction *m_fullScreen = nullptr;
    QAction *m_record = nullptr;
    QAction *m_openRecording = nullptr;
    QAction *m_closeRecording = nullptr;
    QAction *m_exportRange = nullptr;
    QAction *m_copyState = nullptr;
    QAction *m_reconnect = nullptr;
    QAction *m_play = nullptr;
    QAction *m_stepBack = nullptr;
    QAction *m_stepForward = nullptr;
    QLabel *m_recording = nullptr;
};

} // namespace opsdeck::app
