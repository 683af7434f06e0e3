#include "app/console.h"

#include "app/logging.h"
#include "app/mainwindow.h"
#include "model/eventstream.h"
#include "views3d/palette3d.h"
#include "views3d/view3d.h"
#include "widgets/connectionsdialog.h"
#include "widgets/connectionsmodel.h"
#include "widgets/connectionsview.h"
#include "widgets/diagnosticsview.h"
#include "widgets/emptystate.h"
#include "widgets/layoutmanager.h"
#include "widgets/panelhost.h"
#include "widgets/theme.h"

#include <QScreen>
#include <QSettings>
#include <QTimer>

namespace opsdeck::app {

namespace {
const QString kThemeKey = QStringLiteral("ui/theme");

views3d::Palette3D palette3DFor(widgets::ThemeKind kind)
{
    return kind == widgets::ThemeKind::Dark ? views3d::Palette3D::dark() : views3d::Palette3D::light();
}
} // namespace

Console::Console(const CommandLineOptions &options, QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(settings)
    , m_connectionSettings(model::ConnectionSettings::load(settings))
    , m_theme(new widgets::Theme(this))
    , m_connections(new widgets::ConnectionsModel(this))
    , m_window(new MainWindow(m_connections))
    , m_view3d(new views3d::View3D)
    , m_publishTimer(new QTimer(this))
{
    // Theme first, so every widget below is created in its final palette.
    const auto savedTheme = widgets::themeFromName(settings.value(kThemeKey).toString());
    const widgets::ThemeKind kind = options.theme.value_or(savedTheme.value_or(widgets::ThemeKind::Light));
    connect(m_theme, &widgets::Theme::themeChanged, m_window, &MainWindow::setThemeChecked);
    connect(m_theme, &widgets::Theme::themeChanged, m_view3d,
        [this](widgets::ThemeKind k) { m_view3d->setPalette3D(palette3DFor(k)); });
    connect(m_window, &MainWindow::themeRequested, m_theme, &widgets::Theme::apply);
    m_theme->apply(kind);

    m_view3d->setBanner(
        tr("No topology yet — not connected to a DDS-bridge (File ▸ Connect…). "
           "The grid is the ground plane: 10 m squares, east in red, north in green, up in blue."));
    m_window->setDockContent(PanelId::Topology3D, m_view3d);

    m_diagnosticsView = new widgets::DiagnosticsView([this] { return m_diagnostics.snapshot(); });
    m_window->setDockContent(PanelId::Diagnostics, m_diagnosticsView);

    auto *connectionsView = new widgets::ConnectionsView(m_connections);
    connect(
        connectionsView, &widgets::ConnectionsView::connectRequested, this, &Console::openConnectionsDialog);
    m_window->setDockContent(PanelId::Connections, connectionsView);
    connect(m_window, &MainWindow::connectRequested, this, &Console::openConnectionsDialog);

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
    applyConnectionSettings(effective);
    explainMissingFeatures();

    // Publishes the diagnostics for the view when something was reported.
    m_publishTimer->setInterval(250);
    connect(m_publishTimer, &QTimer::timeout, this, &Console::publishDiagnostics);
    m_publishTimer->start();
}

Console::~Console()
{
    delete m_window;
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
}

void Console::applyConnectionSettings(const model::ConnectionSettings &settings)
{
    const std::int64_t now = model::unixNowNs();
    for (model::Backend backend : model::kAllBackends) {
        model::BackendStatus status;
        status.address = settings.of(backend).url;
        status.sinceUnixNs = now;
        if (status.address.isEmpty()) {
            status.state = model::LinkState::NotConfigured;
            status.detail = tr("No address: File ▸ Connect… or --%1 URL").arg(model::backendKey(backend));
        } else {
            // Honest: the streaming clients are not in this build yet.
            status.state = model::LinkState::Idle;
            status.detail = tr("Address saved; this build has no %1 client yet, so it is not dialled.")
                                .arg(widgets::ConnectionsModel::backendTitle(backend));
        }
        m_connections->setStatus(backend, status);
    }
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

void Console::publishDiagnostics()
{
    if (m_diagnostics.total() == m_publishedTotal)
        return;
    m_publishedTotal = m_diagnostics.total();
    m_diagnostics.publish();
}

void Console::explainMissingFeatures()
{
    QStringList notes;
    if (m_options.demo)
        notes << tr("--demo: the built-in demo backends are not part of this build yet; the console starts "
                    "without data.");
    if (!m_options.replayFile.isEmpty()) {
        notes << tr("--replay: the recording player is not part of this build yet; %1 was not opened.")
                     .arg(m_options.replayFile);
        m_window->panel(PanelId::Timeline)
            ->emptyState()
            ->setMessage(tr("Replay of %1 was requested, but the recording player is not part of this build "
                            "yet, so nothing was loaded.")
                             .arg(m_options.replayFile));
    }
    m_window->setNotice(notes.join(QLatin1Char(' ')));
    for (const QString &note : notes)
        qCWarning(lcApp).noquote() << note;
}

} // namespace opsdeck::app
