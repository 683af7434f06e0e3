#include "model/topology.h"
#include "views3d/osgwidget.h"
#include "views3d/topologycontroller.h"
#include "views3d/topologyscene.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace opsdeck;
using views3d::TopologyController;
using views3d::TopologyScene;

namespace {

v1::Envelope node(std::uint32_t id, double east, double north, double up, v1::NodeKind kind,
    v1::NodeStatus status = v1::NODE_STATUS_OK)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    auto *n = e.mutable_bridge_sample()->mutable_node();
    n->set_node_id(id);
    n->set_name(QStringLiteral("N%1").arg(id).toStdString());
    n->set_kind(kind);
    n->set_status(status);
    n->mutable_geo()->set_lat_deg(48.0 + north / 111'195.0);
    n->mutable_geo()->set_lon_deg(11.0 + east / 74'400.0);
    n->mutable_geo()->set_alt_m(up);
    n->mutable_enu()->set_east_m(east);
    n->mutable_enu()->set_north_m(north);
    n->mutable_enu()->set_up_m(up);
    return e;
}

v1::Envelope link(std::uint32_t a, std::uint32_t b, double quality)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    auto *l = e.mutable_bridge_sample()->mutable_link();
    l->set_a(a);
    l->set_b(b);
    l->set_up(true);
    l->set_quality(quality);
    l->set_latency_ms(2);
    return e;
}

bool close(const QColor &c, const osg::Vec4 &expected, double tolerance = 0.08)
{
    return std::abs(c.redF() - expected.r()) < tolerance && std::abs(c.greenF() - expected.g()) < tolerance
        && std::abs(c.blueF() - expected.b()) < tolerance;
}

QString describe(const QColor &c)
{
    return QStringLiteral("(%1, %2, %3)")
        .arg(c.redF(), 0, 'f', 2)
        .arg(c.greenF(), 0, 'f', 2)
        .arg(c.blueF(), 0, 'f', 2);
}

} // namespace

class TestTopologyScene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawableCountDoesNotGrowWithNodes()
    {
        model::Topology small(nullptr), large(nullptr);
        std::vector<v1::Envelope> a { node(1, 0, 0, 1000, v1::NODE_KIND_AIRCRAFT) };
        std::vector<v1::Envelope> b;
        for (std::uint32_t i = 0; i < 10'000; ++i)
            b.push_back(node(i, double(i % 100) * 500, double(i / 100) * 500, 1000, v1::NODE_KIND_AIRCRAFT));
        small.apply(a);
        large.apply(b);
        small.publish();
        large.publish();
        TopologyScene s1, s2;
        s1.update(small.snapshot());
        s2.update(large.snapshot());
        QCOMPARE(s1.drawableCount(), s2.drawableCount());
        QVERIFY(s2.nodeBounds().valid());
    }

    void rendersNodesAtTheirProjectedPixelsAndPicks()
    {
        model::Topology topology(nullptr);
        topology.apply(std::vector<v1::Envelope> { node(1, -20'000, -10'000, 3000, v1::NODE_KIND_AIRCRAFT),
            node(2, 20'000, -10'000, 6000, v1::NODE_KIND_GROUND_STATION),
            node(3, 0, 15'000, 9000, v1::NODE_KIND_AIRCRAFT, v1::NODE_STATUS_FAILED),
            node(4, -5'000, 5'000, 4000, v1::NODE_KIND_SATELLITE), link(1, 2, 0.9), link(2, 3, 0.2) });
        topology.publish();

        views3d::OsgWidget widget;
        widget.resize(640, 480);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        TopologyController controller(&widget);
        QVERIFY(!widget.scene()); // no data yet: the widget's own grid is the empty state
        controller.setProvider([&topology] { return topology.snapshot(); });
        controller.setFlowAnimation(false);
        controller.setTopView();
        controller.fitAll(false);
        controller.tick();
        QCOMPARE(widget.scene(), controller.scene()->node());
        controller.fitAll(false);

        const QImage image = widget.grabFrame().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!image.isNull());
        const double dpr = widget.devicePixelRatioF();
        const osg::Matrixd m = controller.worldToWindow();
        for (const model::TopoNode &n : *topology.snapshot()->nodes) {
            double x = 0, y = 0;
            QVERIFY(views3d::projectToWindow(m, views3d::nodeWorldPosition(n), &x, &y));
            const int px = int(std::floor(x));
            const int py = image.height() - 1 - int(std::floor(y));
            QVERIFY2(px > 0 && py > 0 && px < image.width() && py < image.height(), "node off screen");
            const QColor seen = image.pixelColor(px, py);
            const osg::Vec4 expected = TopologyScene::nodeColor(n.kind, n.status);
            QVERIFY2(close(seen, expected),
                qPrintable(QStringLiteral("node %1 at (%2, %3): saw %4")
                               .arg(n.id)
                               .arg(px)
                               .arg(py)
                               .arg(describe(seen))));

            // Picking that pixel selects that node, through a real click.
            const QPointF widgetPos(x / dpr, (image.height() - y) / dpr);
            QCOMPARE(controller.pickAtWidgetPos(widgetPos).nodeId, n.id);
            QSignalSpy selected(&controller, &TopologyController::nodeSelected);
            QTest::mouseClick(&widget, Qt::LeftButton, {}, widgetPos.toPoint());
            QCOMPARE(selected.count(), 1);
            QCOMPARE(selected.first().at(0).toUInt(), n.id);
            QCOMPARE(*controller.selectedNode(), n.id);
        }
        // The selected node is labelled.
        QVERIFY(controller.scene()->visibleLabels().size() >= 1);
        QCOMPARE(controller.scene()->visibleLabels().front(), QStringLiteral("N4"));

        // A click on empty space clears the selection.
        QSignalSpy cleared(&controller, &TopologyController::selectionCleared);
        QTest::mouseClick(&widget, Qt::LeftButton, {}, QPoint(3, 3));
        QCOMPARE(cleared.count(), 1);
        QVERIFY(!controller.selectedNode());
    }

    void tenThousandNodesRender()
    {
        model::Topology topology(nullptr);
        std::vector<v1::Envelope> batch;
        for (std::uint32_t i = 0; i < 10'000; ++i)
            batch.push_back(node(i, double(i % 100) * 1000 - 50'000, double(i / 100) * 1000 - 50'000,
                1000 + (i % 7) * 500, v1::NODE_KIND_AIRCRAFT));
        for (std::uint32_t i = 0; i + 1 < 10'000; ++i)
            batch.push_back(link(i, i + 1, double(i % 10) / 10.0));
        topology.apply(batch);
        topology.publish();
        QCOMPARE(topology.snapshot()->nodes->size(), 10'000u);

        views3d::OsgWidget widget;
        widget.resize(800, 600);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        TopologyController controller(&widget);
        controller.setProvider([&topology] { return topology.snapshot(); });
        controller.setTopView();
        controller.tick();
        controller.fitAll(false);
        const std::uint64_t before = widget.framesRendered();
        const QImage image = widget.grabFrame().convertToFormat(QImage::Format_RGB32);
        QVERIFY(widget.framesRendered() > before);
        QVERIFY(!image.isNull());
        // Many pixels carry the aircraft colour: the nodes were drawn.
        const osg::Vec4 aircraft = TopologyScene::nodeColor(v1::NODE_KIND_AIRCRAFT, v1::NODE_STATUS_OK);
        int hits = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                hits += close(image.pixelColor(x, y), aircraft, 0.05) ? 1 : 0;
        QVERIFY2(hits > 2000, qPrintable(QStringLiteral("only %1 aircraft-coloured samples").arg(hits)));

        // Moving every node updates the arrays in place and renders again.
        std::vector<v1::Envelope> moved;
        for (std::uint32_t i = 0; i < 10'000; ++i)
            moved.push_back(node(i, double(i % 100) * 1000 - 49'000, double(i / 100) * 1000 - 50'000, 1500,
                v1::NODE_KIND_AIRCRAFT));
        topology.apply(moved);
        topology.publish();
        controller.tick();
        QVERIFY(!widget.grabFrame().isNull());
        QCOMPARE(controller.scene()->drawableCount(), TopologyScene().drawableCount());
    }
};

QTEST_MAIN(TestTopologyScene)
#include "tst_topologyscene.moc"
