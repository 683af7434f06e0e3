// End to end under Xvfb: the real simulation member and DDS-bridge in-process,
// the console's BridgeClient → EventStream → Topology → TopologyController in
// an OsgWidget. After "start" the aircraft move: two frames show the nodes at
// their new projected pixels. With OPSDECK_SCREENSHOT_DIR set, the frame is
// saved there as topology3d.png (the picture in docs/).
#include "backends/bridge/bridgeserver.h"
#include "backends/sim/simmember.h"
#include "clients/bridgeclient.h"
#include "model/eventstream.h"
#include "model/topology.h"
#include "views3d/osgwidget.h"
#include "views3d/topologycontroller.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace opsdeck;

namespace {

constexpr std::uint32_t kDomain = 78;

int timeoutMs(int ms)
{
    bool ok = false;
    const double scale = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble(&ok);
    return ok && scale > 0 ? int(ms * scale) : ms;
}

const char *kScenario = R"(
name live-3d
seed 5
origin 46.8 8.2
region 240000 240000
aircraft 40
speed 220 250
altitude 7000 12000
waypoints 5
radio_range 80000
ground 1 Zurich 47.46 8.55 430
ground 2 Geneva 46.24 6.11 410
flow 1 1 2 zrh-gva
random_flows 5
)";

// Fraction of nodes whose projected centre pixel shows their colour.
double colourMatches(const QImage &image, const views3d::TopologyController &controller,
    const model::TopologySnapshot &snapshot)
{
    const osg::Matrixd m = controller.worldToWindow();
    int good = 0, total = 0;
    for (const model::TopoNode &n : *snapshot.nodes) {
        double x = 0, y = 0;
        if (!views3d::projectToWindow(m, views3d::nodeWorldPosition(n), &x, &y))
            continue;
        const int px = int(std::floor(x)), py = image.height() - 1 - int(std::floor(y));
        if (px < 0 || py < 0 || px >= image.width() || py >= image.height())
            continue;
        ++total;
        const QColor c = image.pixelColor(px, py);
        const osg::Vec4 e = views3d::TopologyScene::nodeColor(n.kind, n.status);
        if (std::abs(c.redF() - e.r()) < 0.08 && std::abs(c.greenF() - e.g()) < 0.08
            && std::abs(c.blueF() - e.b()) < 0.08)
            ++good;
    }
    return total == 0 ? 0.0 : double(good) / double(total);
}

} // namespace

class TestTopologyLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aircraftMoveIn3D()
    {
        bridge::BridgeConfig config;
        config.domain = kDomain;
        config.realTimeFactor = 20.0; // 200 steps of 100 ms per second
        bridge::BridgeServer bridge(config);
        std::string error;
        QVERIFY2(bridge.start(&error), error.c_str());
        sim::SimConfig simConfig;
        simConfig.domain = kDomain;
        simConfig.memberId = "sim-live";
        simConfig.scenarioText = kScenario;
        sim::SimMember sim(simConfig);
        QVERIFY2(sim.start(&error), error.c_str());

        model::EventStream events;
        model::Topology topology(nullptr);
        events.addSink([&](std::span<const v1::Envelope> batch) { topology.apply(batch); });
        connect(&events, &model::EventStream::batchApplied, &events, [&] { topology.publish(); });
        clients::Endpoint endpoint;
        endpoint.target = QString::fromStdString(bridge.address());
        clients::BridgeClient client(endpoint, &events);
        client.start();

        views3d::OsgWidget widget;
        widget.resize(1024, 640);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        views3d::TopologyController controller(&widget);
        controller.setProvider([&topology] { return topology.snapshot(); });
        controller.setFlowAnimation(false);

        QTRY_VERIFY_WITH_TIMEOUT(topology.nodeCount() == 42 && topology.routeCount() > 0, timeoutMs(15000));
        QSignalSpy finished(&client, &clients::BridgeClient::controlFinished);
        client.sendControl(v1::CONTROL_KIND_START);
        QVERIFY(finished.wait(timeoutMs(10000)));
        QVERIFY(finished.first().at(0).value<clients::ControlResult>().applied());

        // Moving: wait for a snapshot some seconds of sim time later.
        QTRY_VERIFY_WITH_TIMEOUT(topology.snapshot()->simTimeNs > 2'000'000'000, timeoutMs(10000));
        controller.tick();
        controller.fitAll(false);
        const auto first = controller.scene()->snapshot();
        const QImage a = widget.grabFrame().convertToFormat(QImage::Format_RGB32);
        const double matchA = colourMatches(a, controller, *first);
        QVERIFY2(matchA > 0.8, qPrintable(QStringLiteral("%1 of nodes at their pixels").arg(matchA)));

        QTRY_VERIFY_WITH_TIMEOUT(
            topology.snapshot()->simTimeNs > first->simTimeNs + 20'000'000'000LL, timeoutMs(10000));
        controller.tick();
        const auto second = controller.scene()->snapshot();
        QVERIFY(second != first);
        const QImage b = widget.grabFrame().convertToFormat(QImage::Format_RGB32);
        const double matchB = colourMatches(b, controller, *second);
        QVERIFY2(matchB > 0.8, qPrintable(QStringLiteral("%1 of nodes at their pixels").arg(matchB)));
        // The aircraft moved (20 s at 220+ m/s: kilometres), and the pictures differ.
        int moved = 0;
        for (const model::TopoNode &n : *second->nodes)
            if (const model::TopoNode *before = first->findNode(n.id))
                moved += std::hypot(n.east - before->east, n.north - before->north) > 1000.0 ? 1 : 0;
        QVERIFY2(moved >= 35, qPrintable(QStringLiteral("%1 nodes moved").arg(moved)));
        QVERIFY(a != b);

        const QString dir = qEnvironmentVariable("OPSDECK_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            controller.setPerspectiveView();
            controller.selectNode(second->routes->front().hops.front());
            for (int i = 0; i < 40; ++i)
                controller.tick(); // let the camera ease in
            QVERIFY(QDir().mkpath(dir));
            QVERIFY(widget.grabFrame().save(QDir(dir).filePath(QStringLiteral("topology3d.png"))));
        }
        client.stop();
    }
};

QTEST_MAIN(TestTopologyLive)
#include "tst_topologylive.moc"
