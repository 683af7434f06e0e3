#include "app/console.h"
#include "app/democontroller.h"
#include "app/liveclients.h"
#include "app/mainwindow.h"
#include "app/modelhost.h"
#include "tests/testscale.h"
#include "views3d/view3d.h"
#include "widgets/connectionlights.h"
#include "widgets/connectionsdialog.h"
#include "widgets/connectionsmodel.h"
#include "widgets/diagnosticsview.h"
#include "widgets/emptystate.h"
#include "widgets/layoutmanager.h"
#include "widgets/panelhost.h"
#include "widgets/theme.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSet>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>
#include <QToolBar>

#include <map>
#include <memory>

using namespace opsdeck;
using app::PanelId;

namespace {

// Area and visibility of every dock: what a user sees of a layout.
std::map<QString, std::pair<int, bool>> arrangement(app::MainWindow *w)
{
    std::map<QString, std::pair<int, bool>> result;
    for (PanelId id : app::kAllPanels)
        if (QDockWidget *dock = w->dock(id))
            result[dock->objectName()] = { int(w->dockWidgetArea(dock)), !dock->isHidden() };
    return result;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> freshSettings(const QString &name)
    {
        return std::make_unique<QSettings>(m_dir.filePath(name + ".ini"), QSettings::IniFormat);
    }

private Q_SLOTS:
    void everyPanelSaysWhatItNeeds()
    {
        auto settings = freshSettings("empty");
        app::Console console({}, *settings);
        app::MainWindow *w = console.window();
        // Every dock holds its real view, whose own empty state says what it
        // needs until data arrives.
        const std::map<PanelId, std::pair<const char *, QString>> needs = {
            { PanelId::Services, { "servicesEmptyState", "Connect to an RPC backend" } },
            { PanelId::Costs, { "costsEmptyText", "billing backend" } },
            { PanelId::Simulation, { "simulationEmpty", "Connect to a DDS-bridge" } },
            { PanelId::Timeline, { "timelineEmptyState", "No recording open" } },
        };
        for (const auto &[id, need] : needs) {
            widgets::PanelHost *panel = w->panel(id);
            QVERIFY(!panel->showsEmptyState());
            auto *label = panel->findChild<QLabel *>(need.first);
            QVERIFY2(label, need.first);
            QVERIFY2(label->text().contains(need.second), qPrintable(label->text()));
            if (id != PanelId::Timeline)
                QVERIFY2(label->text().contains("--demo"), qPrintable(label->text()));
            QCOMPARE(w->dock(id)->widget(), panel);
            QCOMPARE(w->dock(id)->windowTitle(), app::MainWindow::panelTitle(id));
        }
        QVERIFY(!w->panel(PanelId::Details)->showsEmptyState());
        // The central 3D panel holds the view; its banner says what is missing.
        QCOMPARE(w->panel(PanelId::Topology3D)->content(), console.view3d());
        QVERIFY(w->dock(PanelId::Topology3D) == nullptr);
        QVERIFY(console.view3d()->banner().contains("not connected to a DDS-bridge"));
        // Qt's offscreen platform has no OpenGL: a message instead of a crash.
        QVERIFY(!console.view3d()->hasOpenGL());
        auto *message = console.view3d()->findChild<QLabel *>("view3dUnavailable");
        QVERIFY(message);
        QVERIFY2(message->text().contains("No 3D view") && message->text().contains("offscreen"),
            qPrintable(message->text()));
        QVERIFY(console.view3d()->grabFrame().isNull());
        // Diagnostics and Connections work now.
        QVERIFY(!w->panel(PanelId::Diagnostics)->showsEmptyState());
        QVERIFY(console.diagnosticsView()->summary().contains("No bad input"));
        QVERIFY(!w->panel(PanelId::Connections)->showsEmptyState());
        auto *table = w->panel(PanelId::Connections)->findChild<QTableView *>("connectionsTable");
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(table->model()->index(0, widgets::ConnectionsModel::State).data().toString(),
            QString("Not configured"));
    }

    void objectNamesAreUnique()
    {
        auto settings = freshSettings("names");
        app::Console console({}, *settings);
        QSet<QString> names;
        const auto docks = console.window()->findChildren<QDockWidget *>();
        QCOMPARE(docks.size(), 7); // six panels and Details
        for (QDockWidget *dock : docks) {
            QVERIFY(!dock->objectName().isEmpty());
            QVERIFY2(!names.contains(dock->objectName()), qPrintable(dock->objectName()));
            names.insert(dock->objectName());
            QVERIFY(!dock->accessibleName().isEmpty());
        }
        QVERIFY(names.contains("dock_details"));
        for (QToolBar *bar : console.window()->findChildren<QToolBar *>()) {
            QVERIFY(!bar->objectName().isEmpty());
            QVERIFY2(!names.contains(bar->objectName()), qPrintable(bar->objectName()));
            names.insert(bar->objectName());
        }
    }

    void pluggingAViewReplacesTheEmptyState()
    {
        auto settings = freshSettings("plug");
        app::Console console({}, *settings);
        app::MainWindow *w = console.window();
        QPointer<QLabel> view = new QLabel("latency chart");
        w->setDockContent(PanelId::Services, view);
        QVERIFY(!w->panel(PanelId::Services)->showsEmptyState());
        QCOMPARE(w->panel(PanelId::Services)->content(), view.data());
        w->setDockContent(PanelId::Services, nullptr);
        QVERIFY(w->panel(PanelId::Services)->showsEmptyState());
        QTRY_VERIFY(view.isNull()); // the panel owned and deleted it
    }

    void namedLayoutsDifferAndAreInTheViewMenu()
    {
        auto settings = freshSettings("named");
        app::Console console({}, *settings);
        app::MainWindow *w = console.window();
        std::map<QString, std::map<QString, std::pair<int, bool>>> seen;
        for (const char *name : { "operator", "analyst", "presenter" }) {
            auto *action = w->findChild<QAction *>(QString("action_layout_%1").arg(name));
            QVERIFY2(action, name);
            action->trigger();
            QVERIFY(action->isChecked());
            QCOMPARE(w->layoutManager()->current().toLower(), QString(name));
            seen[name] = arrangement(w);
        }
        QVERIFY(seen["operator"] != seen["analyst"]);
        QVERIFY(seen["analyst"] != seen["presenter"]);
        QVERIFY(seen["operator"] != seen["presenter"]);
        // Presenter keeps the diagnostics out of the way; Operator shows them.
        QVERIFY(!seen["presenter"]["dock_diagnostics"].second);
        QVERIFY(seen["operator"]["dock_diagnostics"].second);
    }

    void layoutSurvivesARestart()
    {
        auto settings = freshSettings("roundtrip");
        std::map<QString, std::pair<int, bool>> before;
        {
            app::Console console({}, *settings);
            console.show();
            console.window()->layoutManager()->apply("Analyst");
            console.window()->dock(PanelId::Costs)->close();
            before = arrangement(console.window());
            console.saveSettings();
        }
        app::Console console({}, *settings);
        console.show();
        QCOMPARE(arrangement(console.window()), before);
        QCOMPARE(console.window()->layoutManager()->current(), QString("Analyst"));
        QVERIFY(console.window()->dock(PanelId::Costs)->isHidden());
    }

    void corruptSavedLayoutFallsBackToOperator()
    {
        auto settings = freshSettings("corrupt");
        std::map<QString, std::pair<int, bool>> operatorLayout;
        {
            app::Console console({}, *settings);
            operatorLayout = arrangement(console.window()); // the default
            console.window()->layoutManager()->apply("Presenter");
            console.saveSettings();
        }
        QByteArray state = settings->value("layout/state").toByteArray();
        state.truncate(state.size() / 3);
        settings->setValue("layout/state", state);
        app::Console console({}, *settings);
        console.show();
        QCOMPARE(console.window()->layoutManager()->current(), QString("Operator"));
        QCOMPARE(arrangement(console.window()), operatorLayout);
    }

    void layoutOptionWinsOverSavedLayout()
    {
        auto settings = freshSettings("option");
        {
            app::Console console({}, *settings);
            console.window()->layoutManager()->apply("Analyst");
            console.saveSettings();
        }
        app::CommandLineOptions options;
        options.layout = "Presenter";
        app::Console console(options, *settings);
        console.show();
        QCOMPARE(console.window()->layoutManager()->current(), QString("Presenter"));
    }

    void diagnosticsDockShowsReportedRows()
    {
        auto settings = freshSettings("diag");
        app::Console console({}, *settings);
        QTableView *table = console.diagnosticsView()->table();
        QCOMPARE(table->model()->rowCount(), 0);
        // Diagnostics lives on the model thread: report there, the dock reads snapshots.
        console.models()->run([](app::ModelWorker &w) {
            w.diagnostics().report("bridge 127.0.0.1:50051", "non-finite position", "node 4 lat=nan", 42);
            w.diagnostics().report("billing", "negative cost", "line 3: BilledCost=-1", 43);
            w.diagnostics().report("billing", "negative cost", "line 9: BilledCost=-2", 44);
        });
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 2, scaledTimeout(3000));
        QVERIFY2(console.diagnosticsView()->summary().contains("3 input"),
            qPrintable(console.diagnosticsView()->summary()));
    }

    void themeMenuSwitchesPaletteAndIsSaved()
    {
        auto settings = freshSettings("theme");
        app::CommandLineOptions options;
        options.theme = widgets::ThemeKind::Light;
        app::Console console(options, *settings);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        auto *dark = console.window()->findChild<QAction *>("action_theme_dark");
        QVERIFY(dark);
        dark->trigger();
        QCOMPARE(console.theme()->current(), widgets::ThemeKind::Dark);
        QVERIFY(dark->isChecked());
        QCOMPARE(QApplication::palette().color(QPalette::Window),
            widgets::Theme::palette(widgets::ThemeKind::Dark).color(QPalette::Window));
        console.saveSettings();
        QCOMPARE(settings->value("ui/theme").toString(), QString("dark"));
    }

    void fileConnectSavesAddressesAndUpdatesTheLights()
    {
        auto settings = freshSettings("connect");
        app::Console console({}, *settings);
        console.show();
        bool sawDialog = false;
        // File ▸ Connect… opens a modal dialog; fill it in once it is up.
        QTimer::singleShot(0, &console, [&sawDialog] {
            auto *dialog = qobject_cast<widgets::ConnectionsDialog *>(QApplication::activeModalWidget());
            QTRY_VERIFY(
                dialog = qobject_cast<widgets::ConnectionsDialog *>(QApplication::activeModalWidget()));
            sawDialog = true;
            dialog->addressEdit(model::Backend::Telemetry)->setText("bad://x");
            QVERIFY(!dialog->isValid());
            dialog->addressEdit(model::Backend::Telemetry)->setText("grpc://127.0.0.1:50052");
            dialog->tokenEdit(model::Backend::Telemetry)->setText("viewer-token");
            QVERIFY(dialog->isValid());
            dialog->accept();
        });
        // If the filling-in above fails, do not leave the modal loop running.
        QTimer::singleShot(scaledTimeout(10000), &console, [] {
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
        });
        auto *connect = console.window()->findChild<QAction *>("action_connect");
        QVERIFY(connect);
        connect->trigger(); // returns when the dialog closes
        QVERIFY(sawDialog);
        QCOMPARE(settings->value("connections/telemetry/url").toString(), QString("grpc://127.0.0.1:50052"));
        QCOMPARE(settings->value("connections/telemetry/token").toString(), QString("viewer-token"));
        const model::BackendStatus &telemetry = console.connections()->status(model::Backend::Telemetry);
        QCOMPARE(telemetry.address, QString("grpc://127.0.0.1:50052"));
        // Dialled at once; nothing listens there, so it never shows as connected.
        QVERIFY(
            telemetry.state == model::LinkState::Connecting || telemetry.state == model::LinkState::Failed);
        QVERIFY(console.liveClients()->telemetry() != nullptr);
        QVERIFY(console.window()->findChild<widgets::ConnectionLights *>()->lightText(1).startsWith(
            QString("Telemetry (RPC mesh): ")));
    }

    void demoRunsTheWholeSystemInProcess()
    {
        auto settings = freshSettings("demo");
        app::CommandLineOptions options;
        options.demo = true;
        options.demoDomain = 83; // its own DDS domain: other demo tests may run at the same time
        app::Console console(options, *settings);
        QVERIFY(console.demo() && console.demo()->isRunning());
        QVERIFY2(console.window()->notice().startsWith("Demo:"), qPrintable(console.window()->notice()));
        // Every backend is dialled on loopback and comes up; the network arrives.
        for (model::Backend backend : model::kAllBackends) {
            QVERIFY(console.connections()->status(backend).address.startsWith("grpc://127.0.0.1:"));
            QTRY_COMPARE_WITH_TIMEOUT(console.connections()->status(backend).state,
                model::LinkState::Connected, scaledTimeout(15000));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!console.state().topology->isEmpty(), scaledTimeout(15000));
        // The demo never saves its ephemeral addresses.
        QVERIFY(settings->value("connections/bridge/url").toString().isEmpty());
        // The presenter can jump to the story's steps.
        auto *menu = console.window()->findChild<QMenu *>("presenterBookmarks");
        QVERIFY(menu);
        QVERIFY(menu->actions().size() >= 4);
    }

    void commandLineAddresses()
    {
        auto settings = freshSettings("cli");
        app::CommandLineOptions options;
        options.bridgeUrl = "grpc://127.0.0.1:50051";
        app::Console console(options, *settings);
        const model::BackendStatus &bridge = console.connections()->status(model::Backend::Bridge);
        QCOMPARE(bridge.address, QString("grpc://127.0.0.1:50051"));
        QVERIFY(console.liveClients()->bridge() != nullptr); // dialled
        QVERIFY(
            bridge.state != model::LinkState::Connected && bridge.state != model::LinkState::NotConfigured);
        QCOMPARE(
            console.connections()->status(model::Backend::Billing).state, model::LinkState::NotConfigured);
        auto *lights = console.window()->findChild<widgets::ConnectionLights *>();
        QVERIFY(lights);
        QVERIFY(lights->lightText(0).startsWith(QString("DDS-bridge: ")));
        QCOMPARE(lights->lightText(2), QString("Billing: Not configured"));
        // --replay of something that is not a recording says why, in a dialog.
        QTemporaryFile recording;
        QVERIFY(recording.open());
        app::CommandLineOptions replay;
        replay.replayFile = recording.fileName();
        auto replaySettings = freshSettings("replay");
        app::Console replaying(replay, *replaySettings);
        QMessageBox *problems = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            problems = replaying.window()->findChild<QMessageBox *>("recordingProblemsDialog"),
            scaledTimeout(5000));
        QVERIFY2(problems->text().contains("cannot be opened"), qPrintable(problems->text()));
        QVERIFY(!replaying.timelineView()->isRecordingOpen());
        // Command-line addresses are for this run only.
        console.saveSettings();
        QVERIFY(settings->value("connections/bridge/url").toString().isEmpty());
        QCOMPARE(console.effectiveConnectionSettings().bridge.url, QString("grpc://127.0.0.1:50051"));
        QVERIFY(console.connectionSettings().bridge.url.isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
