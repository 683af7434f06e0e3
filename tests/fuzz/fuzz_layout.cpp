// Fuzz target: restoring the window layout from saved settings. The bytes are
// written as the console's settings file (INI) and restored by
// LayoutManager::restore; then the same bytes are tried as the saved dock
// state and window geometry themselves. Unusable settings must fall back to
// the default layout, never crash.
#include "widgets/layoutmanager.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdint>

namespace {
std::vector<opsdeck::widgets::NamedLayout> layouts()
{
    using opsdeck::widgets::DockPlacement;
    return {
        { QStringLiteral("Operator"), QStringLiteral("Operator"),
            { DockPlacement { .dock = QStringLiteral("a"), .area = Qt::RightDockWidgetArea, .size = 300 },
                DockPlacement { .dock = QStringLiteral("b"), .tabWith = QStringLiteral("a") } } },
        { QStringLiteral("Wide"), QStringLiteral("Wide"),
            { DockPlacement { .dock = QStringLiteral("c"), .area = Qt::BottomDockWidgetArea } } },
    };
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_layout";
    static char *argv[] = { name, nullptr };
    static QApplication *app = (qputenv("QT_QPA_PLATFORM", "offscreen"), new QApplication(argc, argv));
    static QTemporaryDir dir;
    static QMainWindow *window = [] {
        auto *w = new QMainWindow;
        w->setCentralWidget(new QLabel(QStringLiteral("centre")));
        for (const char *n : { "a", "b", "c" }) {
            auto *dock = new QDockWidget(QString::fromLatin1(n), w);
            dock->setObjectName(QString::fromLatin1(n));
            dock->setWidget(new QLabel(QString::fromLatin1(n)));
            w->addDockWidget(Qt::TopDockWidgetArea, dock);
        }
        w->resize(800, 600);
        return w;
    }();
    Q_UNUSED(app);
    static opsdeck::widgets::LayoutManager manager(window, layouts());

    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString path = dir.filePath(QStringLiteral("opsdeck.ini"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(bytes);
    }
    {
        QSettings settings(path, QSettings::IniFormat);
        manager.restore(settings);
    }
    {
        QSettings raw(dir.filePath(QStringLiteral("raw.ini")), QSettings::IniFormat);
        raw.clear();
        raw.setValue(QStringLiteral("layout/version"), opsdeck::widgets::LayoutManager::kStateVersion);
        raw.setValue(QStringLiteral("layout/state"), bytes);
        raw.setValue(QStringLiteral("layout/geometry"), bytes);
        raw.setValue(QStringLiteral("layout/name"), QString::fromUtf8(bytes.left(64)));
        manager.restore(raw);
    }
    return 0;
}
