#include "widgets/layoutmanager.h"

#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace opsdeck::widgets;

namespace {

std::vector<NamedLayout> testLayouts()
{
    return {
        { "Wide", "Wide",
            { { .dock = "a", .area = Qt::RightDockWidgetArea, .size = 300 },
                { .dock = "b", .splitAfter = "a", .splitOrientation = Qt::Vertical },
                { .dock = "c", .area = Qt::BottomDockWidgetArea } } },
        { "Tabs", "Tabs",
            { { .dock = "a", .area = Qt::LeftDockWidgetArea },
                { .dock = "b", .tabWith = "a", .raise = true } } },
    };
}

std::unique_ptr<QMainWindow> makeWindow()
{
    auto window = std::make_unique<QMainWindow>();
    window->setCentralWidget(new QLabel("centre"));
    for (const char *name : { "a", "b", "c" }) {
        auto *dock = new QDockWidget(name, window.get());
        dock->setObjectName(name);
        dock->setWidget(new QLabel(name));
        window->addDockWidget(Qt::TopDockWidgetArea, dock);
    }
    window->resize(1000, 700);
    return window;
}

QDockWidget *dock(QMainWindow *w, const char *name)
{
    return w->findChild<QDockWidget *>(name);
}

} // namespace

class TestLayoutManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namedLayoutsArrangeDocksDifferently()
    {
        auto window = makeWindow();
        LayoutManager layouts(window.get(), testLayouts());
        QVERIFY(layouts.apply("wide"));
        QCOMPARE(layouts.current(), QString("Wide"));
        QCOMPARE(window->dockWidgetArea(dock(window.get(), "a")), Qt::RightDockWidgetArea);
        QCOMPARE(window->dockWidgetArea(dock(window.get(), "b")), Qt::RightDockWidgetArea);
        QCOMPARE(window->dockWidgetArea(dock(window.get(), "c")), Qt::BottomDockWidgetArea);
        QVERIFY(window->tabifiedDockWidgets(dock(window.get(), "a")).isEmpty());

        QVERIFY(layouts.apply("Tabs"));
        QCOMPARE(window->dockWidgetArea(dock(window.get(), "a")), Qt::LeftDockWidgetArea);
        QCOMPARE(window->tabifiedDockWidgets(dock(window.get(), "a")),
            QList<QDockWidget *> { dock(window.get(), "b") });
        // Not listed in the layout: hidden.
        QVERIFY(dock(window.get(), "c")->isHidden());
        QVERIFY(!layouts.apply("Nope"));
        QCOMPARE(layouts.current(), QString("Tabs"));
    }

    void saveRestoreRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("layout.ini");
        {
            auto window = makeWindow();
            LayoutManager layouts(window.get(), testLayouts());
            layouts.apply("Wide");
            // The user moves a dock and closes another.
            window->addDockWidget(Qt::LeftDockWidgetArea, dock(window.get(), "b"));
            dock(window.get(), "c")->close();
            QSettings settings(path, QSettings::IniFormat);
            layouts.save(settings);
        }
        auto window = makeWindow();
        LayoutManager layouts(window.get(), testLayouts());
        QSettings settings(path, QSettings::IniFormat);
        QVERIFY(layouts.restore(settings));
        QCOMPARE(window->dockWidgetArea(dock(window.get(), "a")), Qt::RightDockWidgetArea);
        QCOMPARE(window->dockWidgetArea(dock(window.get(), "b")), Qt::LeftDockWidgetArea);
        QVERIFY(dock(window.get(), "c")->isHidden());
        QVERIFY(!dock(window.get(), "a")->isHidden());
        QCOMPARE(layouts.current(), QString("Wide"));
    }

    void corruptOrStaleStateFallsBackToDefault_data()
    {
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<int>("version");
        QTest::newRow("garbage") << QByteArray("\x00\x01not a main window state", 24)
                                 << int(LayoutManager::kStateVersion);
        QTest::newRow("truncated") << QByteArray() << int(LayoutManager::kStateVersion);
        QTest::newRow("old version") << QByteArray("x") << LayoutManager::kStateVersion + 41;
    }

    void corruptOrStaleStateFallsBackToDefault()
    {
        QFETCH(QByteArray, state);
        QFETCH(int, version);
        QTemporaryDir dir;
        QSettings settings(dir.filePath("layout.ini"), QSettings::IniFormat);
        if (state.isEmpty()) {
            // A real state cut in half.
            auto other = makeWindow();
            LayoutManager otherLayouts(other.get(), testLayouts());
            otherLayouts.apply("Tabs");
            const QByteArray full = other->saveState(LayoutManager::kStateVersion);
            state = full.left(full.size() / 2);
        }
        settings.setValue("layout/state", state);
        settings.setValue("layout/version", version);
        settings.setValue("layout/geometry", QByteArray("junk"));

        auto window = makeWindow();
        LayoutManager layouts(window.get(), testLayouts());
        QVERIFY(!layouts.restore(settings));
        // The default (first) layout, complete.
        QCOMPARE(layouts.current(), QString("Wide"));
        QCOMPARE(window->dockWidgetArea(dock(window.get(), "a")), Qt::RightDockWidgetArea);
        QCOMPARE(window->dockWidgetArea(dock(window.get(), "c")), Qt::BottomDockWidgetArea);
        for (const char *name : { "a", "b", "c" })
            QVERIFY2(!dock(window.get(), name)->isHidden(), name);
    }
};

QTEST_MAIN(TestLayoutManager)
#include "tst_layoutmanager.moc"
