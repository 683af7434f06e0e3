#pragma once

#include "app/commandline.h"
#include "model/connectionsettings.h"
#include "model/diagnostics.h"

#include <QObject>

class QSettings;
class QTimer;

namespace opsdeck::views3d {
class View3D;
}
namespace opsdeck::widgets {
class ConnectionsModel;
class DiagnosticsView;
class Theme;
} // namespace opsdeck::widgets

namespace opsdeck::app {

class MainWindow;

// The composition root: builds the models, the views and the main window from
// the command line and the settings, and connects them. It owns what it
// builds; it computes nothing itself.
//
// Threads today: no backend client exists yet, so the console models
// (Diagnostics) live on the GUI thread and are published by a timer. When the
// clients arrive they post to a model::EventStream on a model thread and the
// views keep reading snapshots (ARCHITECTURE.md).
class Console : public QObject
{
    Q_OBJECT

public:
    // `settings` must outlive the console; layout, theme and connections are
    // read from it now and written back by saveSettings().
    Console(const CommandLineOptions &options, QSettings &settings, QObject *parent = nullptr);
    ~Console() override;

    // Restores (or applies --layout), sizes and shows the window.
    void show();
    void saveSettings();

    MainWindow *window() const { return m_window; }
    views3d::View3D *view3d() const { return m_view3d; }
    widgets::Theme *theme() const { return m_theme; }
    widgets::ConnectionsModel *connections() const { return m_connections; }
    widgets::DiagnosticsView *diagnosticsView() const { return m_diagnosticsView; }
    // Model thread (= GUI thread for now, see above).
    model::Diagnostics &diagnostics() { return m_diagnostics; }
    // As saved in QSettings.
    const model::ConnectionSettings &connectionSettings() const { return m_connectionSettings; }
    // What this run uses: the saved settings with the command line's overrides.
    const model::ConnectionSettings &effectiveConnectionSettings() const { return m_effective; }

    void applyConnectionSettings(const model::ConnectionSettings &settings);
    void openConnectionsDialog();

private:
    void publishDiagnostics();
    void explainMissingFeatures();

    CommandLineOptions m_options;
    QSettings &m_settings;
    model::Diagnostics m_diagnostics;
    std::uint64_t m_publishedTotal = 0;
    model::ConnectionSettings m_connectionSettings;
    model::ConnectionSettings m_effective;
    widgets::Theme *m_theme;
    widgets::ConnectionsModel *m_connections;
    MainWindow *m_window;
    views3d::View3D *m_view3d;
    widgets::DiagnosticsView *m_diagnosticsView;
    QTimer *m_publishTimer;
};

} // namespace opsdeck::app
