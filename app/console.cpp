#include "app/console.h"

#include "app/democontroller.h"
#include "app/liveclients.h"
#include "app/logging.h"
#include "app/mainwindow.h"
#include "app/modelhost.h"
#include "app/recordcontroller.h"
#include "app/replaycontroller.h"
#include "app/topologymenu.h"
#include "clients/billingclient.h"
#include "clients/bridgeclient.h"
#include "views3d/palette3d.h"
#include "views3d/topologycontroller.h"
#include "views3d/topologydetails.h"
#include "views3d/view3d.h"
#include "widgets/connectionsdialog.h"
#include "widgets/connectionsmodel.h"
#include "widgets/connectionsview.h"
#include "widgets/costsview.h"
#include "widgets/diagnosticsview.h"
#include "widgets/layoutmanager.h"
#include "widgets/panelhost.h"
#include "widgets/servicesview.h"
#include "widgets/simulationview.h"
#include "widgets/theme.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QTimer>

namespace opsdeck::app {

namespace {
const QString kThemeKey = QStringLiteral("ui/theme");

views3d::Palette3D palette3DFor(widgets::ThemeKind kind)
{
    return kind == widgets::ThemeKind::Dark ? views3d::Palette3D::dark() : views3d::Palette3D::light();
}

// The views' natural minimum heights add up to more than a laptop screen when
// docks share a column; in a scroll area a squeezed dock scrolls instead of
// forcing the window to grow.
QWidget *scrollable(QWidget *view, const QString &name)
{
    auto *area = new QScrollArea;
    area->setObjectName(name);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(view);
    return area;
}
} // namespace

Console::Console(const CommandLineOptions &options, QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(settings)
    , m_connectionSettings(model::ConnectionSettings::load(settings))
    , m_theme(new widgets::Theme(this))
    , m_connections(new widgets::ConnectionsModel(this))
    , m_models(new ModelHost(33, this))
    , m_window(new MainWindow(m_connections))
    , m_view3d(new views3d::View3D)
    , m_feed(new QTimer(this))
{
    // Theme first, so every widget below is created in its final palette.
    const auto savedTheme = widgets::themeFromName(settings.value(kThemeKey).toString());
    const widgets::ThemeKind kind = options.theme.value_or(savedTheme.value_or(widgets::ThemeKind::Light));
    connect(m_theme, &widgets::Theme::themeChanged, m_window, &MainWindow::setThemeChecked);
    connect(m_theme, &widgets::Theme::themeChanged, m_view3d, [this](widgets::ThemeKind k) {
        m_view3d->setPalette3D(palette3DFor(k));
        if (m_topology3d)
            m_topology3d->setPalette(palette3DFor(k));
    });
    connect(m_window, &MainWindow::themeRequested, m_theme, &widgets::Theme::apply);
    m_theme->apply(kind);

    createViews();

    m_live = new LiveClients(
        m_models->stream(),
        [this](model::Backend backend, const model::BackendStatus &status) {
            m_connections->setStatus(backend, status);
        },
        [models = m_models] { return models->connectionEvents(); }, this);
    connect(m_live, &LiveClients::bridgeChanged, this, &Console::wireBridge);
    connect(m_live, &LiveClients::billingChanged, this, &Console::wireBilling);
    connect(m_window->reconnectAction(), &QAction::triggered, m_live, &LiveClients::reconnectNow);
    wireRecording();

    // Command-line addresses and token override the saved ones for this run.
    model::ConnectionSettings effective = m_connectionSettings;
    const std::pair<model::Backend, QString> overrides[] = { { model::Backend::Bridge, options.bridgeUrl },
        { model::Backend::Telemetry, options.telemetryUrl },
        { model::Backend::Billing, options.billingUrl } };
    for (const auto &[backend, url] : overrides)
        if (!url.isEmpty())
            effective.of(backend).url = url;
    if (!options.token.isEmpty())
        for (model::Backend backend : model::kAllBackends)
            effective.of(backend).token = options.token;
    m_effective = effective;
    if (!options.replayFile.isEmpty())
        openRecording(options.replayFile);
    else if (options.demo)
        m_demo = new DemoController(*this); // starts the backends in-process and connects to them
    else
        applyConnectionSettings(effective);

    // The views read the models' snapshots at most at 30 Hz, cheaply when
    // nothing was published since.
    m_feed->setInterval(33);
    connect(m_feed, &QTimer::timeout, this, &Console::feedViews);
    m_feed->start();
}

Console::~Console()
{
    // Clients stop posting, the recorder and the player let go of the stream,
    // then the model thread ends (ModelHost, a child, is destroyed after this
    // body) — the window and its views go first, they only hold snapshots.
    m_feed->stop();
    delete m_live;
    m_live = nullptr;
    delete m_replay;
    m_replay = nullptr;
    delete m_record;
    m_record = nullptr;
    delete m_topology3d;
    m_topology3d = nullptr;
    delete m_window;
    delete m_models;
}

void Console::createViews()
{
    m_view3d->setBanner(
        tr("No topology yet — not connected to a DDS-bridge (File ▸ Connect…, or run with "
           "--demo). The grid is the ground plane: 10 m squares, east in red, north in green, "
           "up in blue."));
    m_window->setDockContent(PanelId::Topology3D, m_view3d);

    m_details = new views3d::TopologyDetails;
    m_details->setObjectName(QStringLiteral("topologyDetails"));
    m_window->setDockContent(PanelId::Details, scrollable(m_details, QStringLiteral("detailsScroll")));
    if (views3d::OsgWidget *gl = m_view3d->osgWidget()) {
        m_topology3d = new views3d::TopologyController(gl);
        m_topology3d->setPalette(palette3DFor(m_theme->current()));
        m_topology3d->setProvider([models = m_models] { return models->topology(); });
        connect(m_topology3d, &views3d::TopologyController::nodeSelected, m_details, [this](quint32 id) {
            m_details->showNode(id);
            if (QDockWidget *dock = m_window->dock(PanelId::Details))
                dock->raise();
        });
        connect(m_topology3d, &views3d::TopologyController::linkSelected, m_details,
            [this](quint32 a, quint32 b) { m_details->showLink(a, b); });
        connect(m_topology3d, &views3d::TopologyController::selectionCleared, m_details,
            &views3d::TopologyDetails::clearSelection);
        m_topologyMenu = new TopologyMenu(m_topology3d, m_settings, m_window);
        QMenuBar *bar = m_window->menuBar();
        bar->insertMenu(bar->actions().constLast(), m_topologyMenu); // before Help
    }

    m_simulation = new widgets::SimulationView;
    m_window->setDockContent(
        PanelId::Simulation, scrollable(m_simulation, QStringLiteral("simulationScroll")));
    m_services = new widgets::ServicesView;
    m_window->setDockContent(PanelId::Services, scrollable(m_services, QStringLiteral("servicesScroll")));
    m_costs = new widgets::CostsView;
    m_window->setDockContent(PanelId::Costs, scrollable(m_costs, QStringLiteral("costsScroll")));
    m_timeline = new widgets::TimelineView;
    m_window->setDockContent(PanelId::Timeline, m_timeline);

    m_diagnosticsView = new widgets::DiagnosticsView([models = m_models] { return models->diagnostics(); });
    m_window->setDockContent(PanelId::Diagnostics, m_diagnosticsView);

    auto *connectionsView = new widgets::ConnectionsView(m_connections);
    connect(
        connectionsView, &widgets::ConnectionsView::connectRequested, this, &Console::openConnectionsDialog);
    connect(connectionsView, &widgets::ConnectionsView::reconnectRequested, m_window->reconnectAction(),
        &QAction::trigger);
    m_window->setDockContent(PanelId::Connections, connectionsView);
    connect(m_window, &MainWindow::connectRequested, this, &Console::openConnectionsDialog);
}

void Console::wireBridge(clients::BridgeClient *bridge)
{
    m_simulation->disconnect(this);
    if (!bridge) {
        m_simulation->setRole(opsdeck::v1::ROLE_UNSPECIFIED);
        return;
    }
    connect(m_simulation, &widgets::SimulationView::controlRequested, this,
        [this](opsdeck::v1::ControlKind kind) {
            if (clients::BridgeClient *b = m_live->bridge())
                b->sendControl(kind);
        });
    connect(bridge, &clients::BridgeClient::roleChanged, m_simulation, &widgets::SimulationView::setRole);
    m_simulation->setRole(bridge->role());
}

void Console::wireBilling(clients::BillingClient *billing)
{
    m_costs->disconnect(this);
    if (!billing)
        return;
    connect(m_costs, &widgets::CostsView::repriceRequested, this, [this](double hours) {
        if (clients::BillingClient *b = m_live->billing()) {
            opsdeck::v1::RepriceRequest request;
            request.set_hours_per_day(hours);
            b->reprice(request);
        }
    });
    connect(m_costs, &widgets::CostsView::importRequested, this, [this](const QString &path) {
        if (clients::BillingClient *b = m_live->billing())
            b->importFocus(path);
    });
    connect(billing, &clients::BillingClient::repriceReady, m_costs, &widgets::CostsView::setRepriceReport);
    connect(
        billing, &clients::BillingClient::importProgress, m_costs, &widgets::CostsView::setImportProgress);
    connect(
        billing, &clients::BillingClient::importFinished, m_costs, &widgets::CostsView::setImportFinished);
    connect(
        billing, &clients::BillingClient::callFailed, m_costs, [this](const QString &call, const QString &e) {
            if (call == QLatin1String("ImportFocus"))
                m_costs->setImportFailed(e);
        });
}

ConsoleState Console::state() const
{
    return { m_models->topology(), m_models->simClock(), m_models->latency(), m_models->costs() };
}

void Console::feedViews()
{
    const ConsoleState now = state();
    if (now.simClock != m_shown.simClock)
        m_simulation->setSnapshot(now.simClock);
    if (now.latency != m_shown.latency)
        m_services->setSnapshot(now.latency);
    if (now.costs != m_shown.costs)
        m_costs->setSnapshot(now.costs);
    if (now.costs != m_shown.costs || now.topology != m_shown.topology)
        feedNodeCosts(now);
    if (now.topology != m_shown.topology) {
        m_details->setSnapshot(now.topology);
        const bool empty = now.topology->isEmpty();
        if (empty != (!m_shown.topology || m_shown.topology->isEmpty()) || !m_shown.topology)
            m_view3d->setBanner(empty ? tr("No topology yet — waiting for the DDS-bridge's nodes (File ▸ "
                                           "Connect…, or run with --demo).")
                                      : QString());
    }
    m_shown = now;
}

void Console::feedNodeCosts(const ConsoleState &now)
{
    // Only a new cost snapshot or a changed node set can change the matching.
    const bool nodeSet = now.topology
        && (!m_shown.topology || now.topology->structureVersion != m_shown.topology->structureVersion);
    if (now.costs == m_shown.costs && !nodeSet)
        return;
    std::shared_ptr<const model::NodeCosts> costs;
    if (now.costs && !now.costs->empty() && now.topology && !now.topology->isEmpty())
        costs = model::NodeCosts::build(*now.costs, *now.topology);
    if (!costs && !m_nodeCosts)
        return;
    m_nodeCosts = std::move(costs);
    m_details->setNodeCosts(m_nodeCosts);
    if (m_topology3d)
        m_topology3d->setNodeCosts(m_nodeCosts);
}

void Console::show()
{
    // Size first: dock sizes of a layout are pixels of this window.
    const bool savedGeometry = !m_settings.value(QStringLiteral("layout/geometry")).isNull();
    m_window->resize(m_options.windowSize.isValid() ? m_options.windowSize : QSize(1440, 900));
    widgets::LayoutManager *layouts = m_window->layoutManager();
    if (!layouts->restore(m_settings))
        qCDebug(lcApp) << "no usable saved layout; using" << layouts->current();
    if (m_options.windowSize.isValid() && savedGeometry)
        m_window->resize(m_options.windowSize); // --size wins over the saved geometry
    if (!m_options.layout.isEmpty())
        layouts->apply(m_options.layout);
    if (m_options.fullscreen) {
        // Without a window manager (Xvfb, kiosks) the full-screen request is
        // ignored; covering the screen ourselves gives the same picture.
        if (const QScreen *screen = m_window->screen())
            m_window->setGeometry(screen->geometry());
        m_window->showFullScreen();
    } else {
        m_window->show();
    }
}

void Console::saveSettings()
{
    m_window->layoutManager()->save(m_settings);
    m_settings.setValue(kThemeKey, widgets::themeName(m_theme->current()));
    m_connectionSettings.save(m_settings);
    if (m_topologyMenu)
        m_topologyMenu->save(m_settings);
}

void Console::connectTo(const model::ConnectionSettings &endpoints)
{
    if (m_replay->isOpen())
        m_replay->close();
    m_live->connectTo(endpoints);
}

void Console::applyConnectionSettings(const model::ConnectionSettings &settings)
{
    connectTo(settings);
}

void Console::openConnectionsDialog()
{
    // The dialog shows what this run uses (command-line addresses included);
    // what the user accepts is saved.
    widgets::ConnectionsDialog dialog(m_effective, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_connectionSettings = dialog.connectionSettings();
    m_effective = m_connectionSettings;
    m_connectionSettings.save(m_settings);
    applyConnectionSettings(m_connectionSettings);
}

} // namespace opsdeck::app
