#pragma once

#include "app/commandline.h"
#include "app/statecsv.h"
#include "model/connectionsettings.h"
#include "model/nodecosts.h"

#include <QObject>

class QSettings;
class QTimer;

namespace opsdeck::clients {
class BridgeClient;
class BillingClient;
} // namespace opsdeck::clients
namespace opsdeck::views3d {
class TopologyController;
class TopologyDetails;
class View3D;
} // namespace opsdeck::views3d
namespace opsdeck::widgets {
class ConnectionsModel;
class CostsView;
class DiagnosticsView;
class ServicesView;
class SimulationView;
class Theme;
class TimelineView;
} // namespace opsdeck::widgets

namespace opsdeck::app {

class DemoController;
class LiveClients;
class MainWindow;
class ModelHost;
class RecordController;
class ReplayController;
class TopologyMenu;

// The composition root: builds the model thread (ModelHost), the live clients,
// the recorder and the player, the views and the main window from the command
// line and the settings, and connects them. It owns what it builds; it
// computes nothing itself.
//
// Threads: the stream and every model live on the model thread; clients post
// from gRPC threads; this object and the views run on the GUI thread and read
// the models' snapshots from one ≤ 60 Hz timer (ARCHITECTURE.md).
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

    // The one entrance for live data: dials every backend with an address in
    // `endpoints` (command line, Connections dialog, the in-process demo) and
    // leaves replay. Does not save anything.
    void connectTo(const model::ConnectionSettings &endpoints);
    // Opens a recording on the timeline; live clients stop while replaying.
    void openRecording(const QString &path);
    // Leaves replay and reconnects to the live backends.
    void closeRecording();
    // Records everything that enters the console to `path` (Record action).
    void startRecording(const QString &path);
    void stopRecording();

    const CommandLineOptions &options() const { return m_options; }
    MainWindow *window() const { return m_window; }
    views3d::View3D *view3d() const { return m_view3d; }
    views3d::TopologyController *topologyController() const { return m_topology3d; }
    views3d::TopologyDetails *detailsView() const { return m_details; }
    widgets::Theme *theme() const { return m_theme; }
    widgets::ConnectionsModel *connections() const { return m_connections; }
    widgets::DiagnosticsView *diagnosticsView() const { return m_diagnosticsView; }
    widgets::SimulationView *simulationView() const { return m_simulation; }
    widgets::ServicesView *servicesView() const { return m_services; }
    widgets::CostsView *costsView() const { return m_costs; }
    widgets::TimelineView *timelineView() const { return m_timeline; }
    ModelHost *models() const { return m_models; }
    LiveClients *liveClients() const { return m_live; }
    RecordController *recorder() const { return m_record; }
    ReplayController *replay() const { return m_replay; }
    DemoController *demo() const { return m_demo; } // --demo only
    TopologyMenu *topologyMenu() const { return m_topologyMenu; } // nullptr without OpenGL
    // What each node has cost so far (for the 3D cost layer and Details); null
    // until both costs and nodes are there.
    std::shared_ptr<const model::NodeCosts> nodeCosts() const { return m_nodeCosts; }
    // The snapshots the docks show now.
    ConsoleState state() const;

    // As saved in QSettings.
    const model::ConnectionSettings &connectionSettings() const { return m_connectionSettings; }
    // What this run uses: the saved settings with the command line's overrides.
    const model::ConnectionSettings &effectiveConnectionSettings() const { return m_effective; }

    void applyConnectionSettings(const model::ConnectionSettings &settings);
    void openConnectionsDialog();

private:
    void createViews();
    void wireBridge(clients::BridgeClient *bridge);
    void wireBilling(clients::BillingClient *billing);
    void feedViews();
    void feedNodeCosts(const ConsoleState &now);
    void wireRecording();
    void chooseRecordingToOpen();
    void chooseRecordingFile(bool checked);
    void showRecordingProblems(const QString &path, const QString &summary);
    void chooseExportRange();
    void copyStateAsCsv();

    CommandLineOptions m_options;
    QSettings &m_settings;
    model::ConnectionSettings m_connectionSettings;
    model::ConnectionSettings m_effective;
    widgets::Theme *m_theme;
    widgets::ConnectionsModel *m_connections;
    ModelHost *m_models;
    MainWindow *m_window;
    views3d::View3D *m_view3d;
    views3d::TopologyController *m_topology3d = nullptr;
    views3d::TopologyDetails *m_details = nullptr;
    TopologyMenu *m_topologyMenu = nullptr;
    std::shared_ptr<const model::NodeCosts> m_nodeCosts;
    widgets::DiagnosticsView *m_diagnosticsView = nullptr;
    widgets::SimulationView *m_simulation = nullptr;
    widgets::ServicesView *m_services = nullptr;
    widgets::CostsView *m_costs = nullptr;
    widgets::TimelineView *m_timeline = nullptr;
    LiveClients *m_live = nullptr;
    RecordController *m_record = nullptr;
    ReplayController *m_replay = nullptr;
    DemoController *m_demo = nullptr;
    QTimer *m_feed;
    ConsoleState m_shown; // what the views were last given
};

} // namespace opsdeck::app
