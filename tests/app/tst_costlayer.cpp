// The 3D view's cost layer end to end, under Xvfb: the console runs the demo
// in-process (simulation, DDS-bridge, mesh, billing fed by the running system),
// Topology ▸ Colour Nodes by Cost is chosen, and every node of the network gets
// the colour of its share of the most expensive node's cost — in the scene, in
// the rendered frame, in the legend and in the Details panel. With
// OPSDECK_SCREENSHOT_DIR set, the window is saved there as cost-layer.png.
#include "app/console.h"
#include "app/mainwindow.h"
#include "app/topologymenu.h"
#include "model/costledger.h"
#include "model/topologysnapshot.h"
#include "tests/testscale.h"
#include "views3d/picking.h"
#include "views3d/topologycontroller.h"
#include "views3d/topologydetails.h"
#include "views3d/topologylegend.h"
#include "views3d/view3d.h"

#include <QAction>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cmath>
#include <set>

using namespace opsdeck;

namespace {

bool same(const QColor &c, const osg::Vec4 &e)
{
    return std::abs(c.redF() - e.r()) < 0.08 && std::abs(c.greenF() - e.g()) < 0.08
        && std::abs(c.blueF() - e.b()) < 0.08;
}

// Fraction of the nodes on screen whose centre pixel shows their drawn colour.
double drawnColoursOnScreen(const QImage &image, const views3d::TopologyController &controller)
{
    const osg::Matrixd m = controller.worldToWindow();
    const views3d::TopologyScene &scene = *const_cast<views3d::TopologyController &>(controller).scene();
    int good = 0, total = 0;
    for (const model::TopoNode &n : *scene.snapshot()->nodes) {
        double x = 0, y = 0;
        if (!views3d::projectToWindow(m, views3d::nodeWorldPosition(n), &x, &y))
            continue;
        const int px = int(std::floor(x)), py = image.height() - 1 - int(std::floor(y));
        if (px < 0 || py < 0 || px >= image.width() || py >= image.height())
            continue;
        ++total;
        good += same(image.pixelColor(px, py), scene.drawnNodeColor(n)) ? 1 : 0;
    }
    return total == 0 ? 0.0 : double(good) / double(total);
}

QAction *action(app::Console &console, const char *name)
{
    return console.window()->findChild<QAction *>(QString::fromLatin1(name));
}

} // namespace

class TestCostLayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoNodesColouredByWhatTheyCost()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath("opsdeck.ini"), QSettings::IniFormat);
        app::CommandLineOptions options;
        options.demo = true;
        options.demoDomain = 84; // its own DDS domain: other demo tests may run at the same time
        options.windowSize = QSize(1440, 900);
        app::Console console(options, settings);
        console.show();
        QVERIFY(QTest::qWaitForWindowExposed(console.window()));
        views3d::TopologyController *controller = console.topologyController();
        QVERIFY2(controller, "no OpenGL: run under Xvfb (QT_QPA_PLATFORM=xcb)");
        QVERIFY(console.topologyMenu());
        QVERIFY(!console.topologyMenu()->costLayerOn()); // off by default

        // Topology ▸ Colour Nodes by Cost; flows off so no dot sits on a node.
        action(console, "actionFlowAnimation")->setChecked(false);
        action(console, "actionNodesByCost")->trigger();
        QVERIFY(console.topologyMenu()->costLayerOn());
        QCOMPARE(controller->scene()->nodeColoring(), views3d::TopologyScene::NodeColoring::Cost);

        // The demo bills every simulation node (DemoCostFeed): wait until each
        // node of the network has a cost.
        QTRY_VERIFY_WITH_TIMEOUT(
            console.state().topology && !console.state().topology->isEmpty(), scaledTimeout(20000));
        const std::size_t nodeCount = console.state().topology->nodes->size();
        QTRY_VERIFY_WITH_TIMEOUT(
            console.nodeCosts() && console.nodeCosts()->entries().size() == nodeCount, scaledTimeout(30000));
        const auto costs = console.nodeCosts();
        QCOMPARE(costs->currency(), console.state().costs->currency);
        QCOMPARE(costs->unmatchedNodeResources(), std::size_t(0));

        // Each entry is its node's own resource, and never more than the ledger
        // holds for it now (costs only grow).
        const auto ledger = console.state().costs;
        std::set<QString> pricings;
        for (const model::NodeCosts::Entry &e : costs->entries()) {
            QCOMPARE(e.resource, QString("sim/node-%1").arg(e.nodeId));
            QVERIFY2(e.sums.effective > 0, qPrintable(e.resource));
            const auto it = std::find_if(ledger->resources.begin(), ledger->resources.end(),
                [&](const model::CostLedger::ResourceCost &r) { return r.resource == e.resource; });
            QVERIFY2(it != ledger->resources.end(), qPrintable(e.resource));
            QVERIFY(e.sums.effective <= it->sums.effective + 1e-9);
            pricings.insert(e.pricing);
        }
        // Ground stations are reserved, aircraft on demand or spot.
        QVERIFY2(pricings.size() >= 2, qPrintable(QStringList(pricings.begin(), pricings.end()).join(",")));

        // The scene draws each node on the cost ramp; different costs, different colours.
        controller->tick();
        views3d::TopologyScene *scene = controller->scene();
        QCOMPARE(scene->nodeCosts(), costs);
        std::set<std::tuple<int, int, int>> colours;
        for (const model::TopoNode &n : *scene->snapshot()->nodes) {
            const auto *e = costs->find(n.id);
            QVERIFY(e);
            const osg::Vec4 want = views3d::TopologyScene::costColor(costs->fraction(*e));
            QCOMPARE(scene->drawnNodeColor(n), want);
            colours.insert({ int(want.r() * 255), int(want.g() * 255), int(want.b() * 255) });
        }
        QVERIFY2(colours.size() >= 2, "every node has the same cost colour");

        // …and so does the rendered frame.
        controller->fitAll(false);
        controller->tick();
        const QImage frame = console.view3d()->grabFrame().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!frame.isNull());
        const double onScreen = drawnColoursOnScreen(frame, *controller);
        QVERIFY2(onScreen > 0.6, qPrintable(QString("%1 of the nodes show their cost colour").arg(onScreen)));

        // The legend says what the colours mean and how many nodes have data.
        const QString summary = controller->legend()->costSummary();
        QVERIFY2(
            summary.contains(QString("%1 of %2 nodes billed").arg(costs->entries().size()).arg(nodeCount)),
            qPrintable(summary));
        QCOMPARE(controller->legend()->nodeTitle(), QString("Node cost so far (effective)"));

        // Details of a node show what it has cost.
        const std::uint32_t picked = costs->entries().front().nodeId;
        controller->selectNode(picked);
        console.detailsView()->showNode(picked);
        QTreeWidget *tree = console.detailsView()->tree();
        QTRY_VERIFY(!tree->findItems("Cost so far", Qt::MatchExactly).isEmpty());
        QTreeWidgetItem *section = tree->findItems("Cost so far", Qt::MatchExactly).constFirst();
        QVERIFY(section->childCount() >= 6);
        QCOMPARE(section->child(0)->text(0), QString("Effective (amortised)"));
        QVERIFY2(
            section->child(0)->text(1).startsWith(costs->currency()), qPrintable(section->child(0)->text(1)));

        const QString shots = qEnvironmentVariable("OPSDECK_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QVERIFY(QDir().mkpath(shots));
            controller->setPerspectiveView();
            for (int i = 0; i < 40; ++i)
                controller->tick(); // let the camera ease in
            QTest::qWait(200);
            QVERIFY(console.window()->grab().save(QDir(shots).filePath("cost-layer.png")));
        }

        // The choice is saved; switching back restores kind-and-status colours.
        console.saveSettings();
        QCOMPARE(settings.value("topology/nodeColours").toString(), QString("cost"));
        action(console, "actionNodesByKind")->trigger();
        for (const model::TopoNode &n : *scene->snapshot()->nodes)
            QCOMPARE(scene->drawnNodeColor(n), views3d::TopologyScene::nodeColor(n.kind, n.status));
        QCOMPARE(controller->legend()->nodeTitle(), QString("Nodes by kind and status"));
    }

    void savedChoiceIsRestored()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath("opsdeck.ini"), QSettings::IniFormat);
        settings.setValue("topology/nodeColours", "cost");
        settings.setValue("topology/linkColours", "latency");
        settings.setValue("topology/trails", true);
        app::Console console({}, settings);
        QVERIFY(console.topologyMenu());
        QVERIFY(console.topologyMenu()->costLayerOn());
        QVERIFY(action(console, "actionLinksByLatency")->isChecked());
        QVERIFY(action(console, "actionTrails")->isChecked());
        views3d::TopologyScene *scene = console.topologyController()->scene();
        QCOMPARE(scene->nodeColoring(), views3d::TopologyScene::NodeColoring::Cost);
        QCOMPARE(scene->linkColoring(), views3d::TopologyScene::LinkColoring::Latency);
        QVERIFY(scene->trailsVisible());
        // No billing connected: the legend says there is nothing yet.
        QVERIFY2(console.topologyController()->legend()->costSummary().contains("no cost data"),
            qPrintable(console.topologyController()->legend()->costSummary()));
    }
};

QTEST_MAIN(TestCostLayer)
#include "tst_costlayer.moc"
