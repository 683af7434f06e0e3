#include "app/commandline.h"
#include "app/console.h"
#include "app/headlessrecorder.h"
#include "app/logging.h"
#include "app/mainwindow.h"
#include "app/malloctuning.h"
#include "app/memorytrimmer.h"
#include "app/screenshot.h"
#include "app/translations.h"
#include "backends/billing/billingbackend.h"
#include "backends/billing/sqlitepool.h"
#include "widgets/languagemenu.h"
#include "widgets/settingsmenu.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMenuBar>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <string>

int main(int argc, char *argv[])
{
    // Before any thread exists (app/malloctuning.h: a long-running console's
    // memory must not grow with every backend restart).
    const std::string mallocSetup
        = opsdeck::app::tuneMalloc(opsdeck::app::kConsoleMallocArenas, opsdeck::app::kConsoleMmapThreshold);
    QCoreApplication::setOrganizationName(QStringLiteral("OpsDeck"));
    QCoreApplication::setApplicationName(QStringLiteral("opsdeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPSDECK_VERSION));

    // Parse before QApplication exists, so --help, --version and bad options
    // work without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    using opsdeck::app::CommandLine;
    const CommandLine cli = opsdeck::app::parseCommandLine(arguments);
    switch (cli.action) {
    case CommandLine::Action::ShowHelp:
    case CommandLine::Action::ShowVersion:
        QTextStream(stdout) << cli.text << Qt::endl;
        return 0;
    case CommandLine::Action::Error:
        QTextStream(stderr) << "opsdeck: " << cli.text << Qt::endl;
        return 1;
    case CommandLine::Action::Run:
        break;
    }
    if (!mallocSetup.empty())
        qCDebug(opsdeck::app::lcApp, "%s", mallocSetup.c_str());
    if (cli.options.demo) {
        // The demo's billing ledger runs in this process: its SQLite page
        // cache comes from one pool, reserved before anything uses SQLite, so
        // that a restarted backend reuses the memory of the one before (see
        // backends/billing/sqlitepool.h).
        std::string error;
        if (!opsdeck::billing::reserveSqlitePageCache(
                opsdeck::billing::BillingOptions::kEmbeddedPoolBytes, &error))
            std::fprintf(stderr, "opsdeck: %s\n", error.c_str());
    }

    if (!cli.options.recordFile.isEmpty()) {
        // Headless: no window, no display needed.
        QCoreApplication app(argc, argv);
        opsdeck::app::MemoryTrimmer trimmer; // a recording may run for days
        trimmer.start(opsdeck::app::MemoryTrimmer::kConsoleInterval);
        opsdeck::app::HeadlessRecorder recorder(cli.options);
        QObject::connect(&recorder, &opsdeck::app::HeadlessRecorder::finished, &app,
            [](int code) { QCoreApplication::exit(code); });
        QString error;
        if (!recorder.start(&error)) {
            QTextStream(stderr) << "opsdeck: " << error << Qt::endl;
            return 1;
        }
        return QCoreApplication::exec();
    }

    QApplication app(argc, argv);
    opsdeck::app::MemoryTrimmer trimmer; // free memory back to the system (app/memorytrimmer.h)
    trimmer.start(opsdeck::app::MemoryTrimmer::kConsoleInterval);
    app.setWindowIcon(QIcon(QStringLiteral(":/opsdeck/icons/opsdeck.svg")));

    QSettings settings;
    // Texts are translated as widgets are built: install before the console.
    opsdeck::app::installTranslations(app,
        opsdeck::app::uiLocale(
            settings.value(QLatin1String(opsdeck::widgets::kLanguageSettingsKey)).toString()));
    opsdeck::app::Console console(cli.options, settings);
    // Settings ▸ Language, before Help (the last menu). Belongs in MainWindow::createMenus().
    QMenuBar *menus = console.window()->menuBar();
    menus->insertMenu(
        menus->actions().constLast(), new opsdeck::widgets::SettingsMenu(settings, console.window()));
    console.show();
    // A screenshot run (--size, --layout for the picture) must not overwrite
    // the user's saved layout.
    if (cli.options.screenshotFile.isEmpty())
        QObject::connect(&app, &QApplication::aboutToQuit, &console, [&console] { console.saveSettings(); });

    if (!cli.options.screenshotFile.isEmpty()) {
        auto *shot = new opsdeck::app::Screenshot(console.window(), console.view3d(),
            cli.options.screenshotFile, std::chrono::seconds(30), &console);
        QObject::connect(
            shot, &opsdeck::app::Screenshot::finished, &app, [](int code, const QString &message) {
                QTextStream(code == 0 ? stdout : stderr) << message << Qt::endl;
                QApplication::exit(code);
            });
        if (console.effectiveConnectionSettings().bridge.url.isEmpty() && !cli.options.demo) {
            shot->start();
        } else {
            // With a bridge, the picture is of the network: wait (at most 15 s)
            // for the first nodes, then give the camera's fit-all animation
            // time to settle before the shot. The demo gets a few seconds more
            // so latency and costs have filled in.
            const int settleMs = cli.options.demo ? 8000 : 2000;
            auto *wait = new QTimer(&console);
            auto *elapsed = new QElapsedTimer;
            elapsed->start();
            QObject::connect(wait, &QTimer::timeout, &console, [&console, wait, elapsed, shot, settleMs] {
                if (console.state().topology->isEmpty() && elapsed->elapsed() < 15000)
                    return;
                wait->stop();
                delete elapsed;
                QTimer::singleShot(settleMs, shot, &opsdeck::app::Screenshot::start);
            });
            wait->start(100);
        }
    }
    return QApplication::exec();
}
