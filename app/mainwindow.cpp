#include "app/mainwindow.h"

#include "app/layouts.h"
#include "widgets/connectionlights.h"
#include "widgets/layoutmanager.h"
#include "widgets/panelhost.h"

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>

namespace opsdeck::app {

QString panelObjectName(PanelId id)
{
    switch (id) {
    case PanelId::Topology3D:
        return QStringLiteral("panel_topology3d");
    case PanelId::Services:
        return QStringLiteral("dock_services");
    case PanelId::Costs:
        return QStringLiteral("dock_costs");
    case PanelId::Simulation:
        return QStringLiteral("dock_simulation");
    case PanelId::Timeline:
        return QStringLiteral("dock_timeline");
    case PanelId::Diagnostics:
        return QStringLiteral("dock_diagnostics");
    case PanelId::Connections:
        return QStringLiteral("dock_connections");
    case PanelId::Details:
        return QStringLiteral("dock_details");
    }
    return {};
}

namespace {

struct EmptyText
{
    QString title;
    QString message;
};

EmptyText emptyText(PanelId id)
{
    const QString connect = MainWindow::tr("File ▸ Connect… to enter its address, or run with --demo.");
    switch (id) {
    case PanelId::Topology3D:
        return { MainWindow::tr("No topology yet"),
            MainWindow::tr("Not connected to a DDS-bridge — %1").arg(connect) };
    case PanelId::Services:
        return {
            MainWindow::tr("No service latency yet"),
            MainWindow::tr("Not connected to a telemetry backend (the gRPC service mesh) — %1").arg(connect)
        };
    case PanelId::Costs:
        return { MainWindow::tr("No costs yet"),
            MainWindow::tr("Not connected to a billing backend — %1").arg(connect) };
    case PanelId::Simulation:
        return { MainWindow::tr("No simulation to control"),
            MainWindow::tr("Start, freeze, resume and stop need a DDS-bridge. Not connected — %1")
                .arg(connect) };
    case PanelId::Timeline:
        return { MainWindow::tr("Nothing on the timeline yet"),
            MainWindow::tr("Open a recording (File ▸ Open Recording…, drag and drop, --replay FILE) to move "
                           "through it here; File ▸ Record saves what the connected backends send. Not "
                           "connected to any backend — %1")
                .arg(connect) };
    case PanelId::Diagnostics:
        return { MainWindow::tr("No diagnostics"), MainWindow::tr("Dropped bad input is listed here.") };
    case PanelId::Connections:
        return { MainWindow::tr("No connections"),
            MainWindow::tr("File ▸ Connect… to enter backend addresses, or run with --demo.") };
    case PanelId::Details:
        return { MainWindow::tr("Nothing selected"),
            MainWindow::tr("Click a node or a link in the 3D topology to see its state, links and routes.") };
    }
    return {};
}

} // namespace

MainWindow::MainWindow(widgets::ConnectionsModel *connections, QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("OpsDeck"));
    setDockOptions(
        QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);
    setDockNestingEnabled(true);
    // The right column runs the full height; the bottom row (timeline,
    // connections) sits under the 3D view only. On a 900-px screen the
    // stacked right-hand docks otherwise get ~600 px between them.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    createPanels();
    m_layouts = new widgets::LayoutManager(this, namedLayouts(), this);
    createMenus();
    createStatusBar(connections);
    m_layouts->apply(layoutNames().constFirst());
}

QString MainWindow::panelTitle(PanelId id)
{
    switch (id) {
    case PanelId::Topology3D:
        return tr("Topology 3D");
    case PanelId::Services:
        return tr("Services");
    case PanelId::Costs:
        return tr("Costs");
    case PanelId::Simulation:
        return tr("Simulation control");
    case PanelId::Timeline:
        return tr("Timeline");
    case PanelId::Diagnostics:
        return tr("Diagnostics");
    case PanelId::Connections:
        return tr("Connections");
    case PanelId::Details:
        return tr("Details");
    }
    return {};
}

void MainWindow::createPanels()
{
    for (PanelId id : kAllPanels) {
        const EmptyText text = emptyText(id);
        auto *panel = new widgets::PanelHost(text.title, text.message);
        panel->setObjectName(panelObjectName(id) + QStringLiteral("_body"));
        panel->setAccessibleName(panelTitle(id));
        m_panels[std::size_t(id)] = panel;
        if (id == PanelId::Topology3D) {
            panel->setObjectName(panelObjectName(id));
            setCentralWidget(panel);
            continue;
        }
        auto *dock = new QDockWidget(panelTitle(id), this);
        dock->setObjectName(panelObjectName(id));
        dock->setAccessibleName(panelTitle(id));
        dock->setWidget(panel);
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
            | QDockWidget::DockWidgetFloatable);
        m_docks[std::size_t(id)] = dock;
        addDockWidget(Qt::RightDockWidgetArea, dock);
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menu_file"));
    QAction *connectAction = file->addAction(QIcon(QStringLiteral(":/opsdeck/icons/connect.svg")),
        tr("&Connect…"), this, &MainWindow::connectRequested);
    connectAction->setObjectName(QStringLiteral("action_connect"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_reconnect
        = file->addAction(QIcon(QStringLiteral(":/opsdeck/icons/reconnect.svg")), tr("&Reconnect Now"));
    m_reconnect->setObjectName(QStringLiteral("action_reconnect"));
    m_reconnect->setToolTip(tr("Skip the retry wait of every backend that is not connected"));
    m_reconnect->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    file->addSeparator();
    createRecordingActions(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("action_quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menu_view"));
    for (QDockWidget *dock : m_docks)
        if (dock)
            view->addAction(dock->toggleViewAction());
    view->addSeparator();

    QMenu *layoutMenu = view->addMenu(tr("&Layout"));
    layoutMenu->setObjectName(QStringLiteral("menu_layout"));
    m_layoutGroup = new QActionGroup(this);
    for (const widgets::NamedLayout &layout : m_layouts->layouts()) {
        QAction *action = layoutMenu->addAction(layout.title);
        action->setObjectName(QStringLiteral("action_layout_%1").arg(layout.name.toLower()));
        action->setCheckable(true);
        action->setData(layout.name);
        m_layoutGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, name = layout.name] { m_layouts->apply(name); });
    }
    connect(m_layouts, &widgets::LayoutManager::layoutApplied, this, [this](const QString &name) {
        for (QAction *action : m_layoutGroup->actions())
            action->setChecked(action->data().toString() == name);
    });

    QMenu *themeMenu = view->addMenu(tr("&Theme"));
    themeMenu->setObjectName(QStringLiteral("menu_theme"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<widgets::ThemeKind, QString> themes[]
        = { { widgets::ThemeKind::Light, tr("&Light") }, { widgets::ThemeKind::Dark, tr("&Dark") } };
    for (const auto &[kind, title] : themes) {
        QAction *action = themeMenu->addAction(title);
        action->setObjectName(QStringLiteral("action_theme_%1").arg(widgets::themeName(kind)));
        action->setCheckable(true);
        action->setData(int(kind));
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, kind = kind] { Q_EMIT themeRequested(kind); });
    }

    view->addSeparator();
    QAction *fullScreen
        = view->addAction(QIcon(QStringLiteral(":/opsdeck/icons/fullscreen.svg")), tr("&Full screen"));
    fullScreen->setObjectName(QStringLiteral("action_fullscreen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen) : (windowState() & ~Qt::WindowFullScreen));
    });
    // F11 also works while the menu bar is hidden by a full-screen window manager.
    addAction(fullScreen);
    m_fullScreen = fullScreen;

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menu_help"));
    QAction *about = help->addAction(tr("&About OpsDeck"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("action_about"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createRecordingActions(QMenu *file)
{
    m_openRecording = file->addAction(
        QIcon(QStringLiteral(":/opsdeck/icons/open-recording.svg")), tr("&Open Recording…"));
    m_openRecording->setObjectName(QStringLiteral("action_open_recording"));
    m_openRecording->setShortcut(QKeySequence::Open);
    m_closeRecording = file->addAction(tr("Close Recording and Go &Live"));
    m_closeRecording->setObjectName(QStringLiteral("action_close_recording"));
    m_closeRecording->setEnabled(false);
    m_record = file->addAction(QIcon(QStringLiteral(":/opsdeck/icons/record.svg")), tr("&Record"));
    m_record->setObjectName(QStringLiteral("action_record"));
    m_record->setCheckable(true);
    m_record->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_record->setToolTip(tr("Record everything the console receives to a .opsrec file (Ctrl+R)"));
    m_exportRange = file->addAction(tr("&Export Range…"));
    m_exportRange->setObjectName(QStringLiteral("action_export_range"));
    m_exportRange->setEnabled(false);
    m_copyState = file->addAction(tr("Copy State as &CSV"));
    m_copyState->setObjectName(QStringLiteral("action_copy_state"));
    m_copyState->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyState->setToolTip(
        tr("Nodes, links, routes, services and costs at the cursor (or now) to the clipboard"));

    // Replay keys work wherever the focus is in the window.
    auto replayKey = [this](const QString &name, const QString &text, QKeySequence key) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setEnabled(false);
        addAction(action);
        return action;
    };
    m_play = replayKey(QStringLiteral("action_play"), tr("Play / Pause"), QKeySequence(Qt::Key_Space));
    m_stepBack = replayKey(QStringLiteral("action_step_back"), tr("Step Back"), QKeySequence(Qt::Key_Left));
    m_stepForward
        = replayKey(QStringLiteral("action_step_forward"), tr("Step Forward"), QKeySequence(Qt::Key_Right));

    QToolBar *bar = addToolBar(tr("Recording"));
    bar->setObjectName(QStringLiteral("toolbar_recording"));
    bar->setAccessibleName(tr("Recording"));
    bar->addAction(m_openRecording);
    bar->addAction(m_record);
    bar->addAction(m_reconnect);
    setAcceptDrops(true);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".opsrec"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            return;
        }
    QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".opsrec"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            Q_EMIT recordingDropped(url.toLocalFile());
            return;
        }
    QMainWindow::dropEvent(event);
}

void MainWindow::setRecordingStatus(const QString &text)
{
    m_recording->setText(text);
    m_recording->setVisible(!text.isEmpty());
}

QString MainWindow::recordingStatus() const
{
    return m_recording->text();
}

void MainWindow::createStatusBar(widgets::ConnectionsModel *connections)
{
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("statusNotice"));
    statusBar()->addWidget(m_notice, 1);
    m_recording = new QLabel(this);
    m_recording->setObjectName(QStringLiteral("statusRecording"));
    m_recording->setAccessibleName(tr("Recording status"));
    m_recording->setVisible(false);
    statusBar()->addPermanentWidget(m_recording);
    auto *reconnect = new QToolButton(this);
    reconnect->setObjectName(QStringLiteral("statusReconnect"));
    reconnect->setDefaultAction(m_reconnect);
    reconnect->setAutoRaise(true);
    statusBar()->addPermanentWidget(reconnect);
    statusBar()->addPermanentWidget(new widgets::ConnectionLights(connections, this));
}

void MainWindow::changeEvent(QEvent *event)
{
    // Keep View ▸ Full screen true when the state changes elsewhere (--fullscreen,
    // the window manager).
    if (event->type() == QEvent::WindowStateChange && m_fullScreen) {
        const QSignalBlocker block(m_fullScreen);
        m_fullScreen->setChecked(windowState().testFlag(Qt::WindowFullScreen));
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::setDockContent(PanelId id, QWidget *content)
{
    m_panels[std::size_t(id)]->setContent(content);
}

widgets::PanelHost *MainWindow::panel(PanelId id) const
{
    return m_panels[std::size_t(id)];
}

QDockWidget *MainWindow::dock(PanelId id) const
{
    return m_docks[std::size_t(id)];
}

void MainWindow::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setToolTip(text);
}

QString MainWindow::notice() const
{
    return m_notice->text();
}

void MainWindow::setThemeChecked(widgets::ThemeKind kind)
{
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == int(kind));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About OpsDeck"),
        tr("<h3>OpsDeck %1</h3><p>Operations console for a distributed network simulation "
           "(DDS-bridge), a gRPC service mesh and a billing backend.</p>"
           "<p>Qt %2, OpenSceneGraph, gRPC, Protocol Buffers.</p>")
            .arg(QStringLiteral(OPSDECK_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace opsdeck::app
