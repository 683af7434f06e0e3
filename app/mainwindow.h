#pragma once

#include "app/panelid.h"
#include "widgets/theme.h"

#include <QMainWindow>

#include <array>

class QActionGroup;
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

Q_SIGNALS:
    void connectRequested();
    void themeRequested(opsdeck::widgets::ThemeKind kind);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createPanels();
    void createMenus();
    void createStatusBar(widgets::ConnectionsModel *connections);
    void showAbout();

    std::array<widgets::PanelHost *, kAllPanels.size()> m_panels {};
    std::array<QDockWidget *, kAllPanels.size()> m_docks {};
    widgets::LayoutManager *m_layouts = nullptr;
    QActionGroup *m_layoutGroup = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QLabel *m_notice = nullptr;
    QAction *m_fullScreen = nullptr;
};

} // namespace opsdeck::app
