#include "views3d/picking.h"

#include <QTest>

#include <osg/Matrixd>

using namespace opsdeck;
using views3d::PickResult;

namespace {

std::shared_ptr<model::TopologySnapshot> triangle()
{
    auto snap = std::make_shared<model::TopologySnapshot>();
    auto nodes = std::make_shared<std::vector<model::TopoNode>>();
    auto add = [&](std::uint32_t id, double e, double n, double u) {
        model::TopoNode node;
        node.id = id;
        node.east = e;
        node.north = n;
        node.up = u;
        nodes->push_back(node);
    };
    add(1, -1000, 0, 0);
    add(2, 1000, 0, 0);
    add(3, 0, 1000, 500);
    snap->nodes = nodes;
    auto links = std::make_shared<std::vector<model::TopoLink>>();
    model::TopoLink l;
    l.key = { 1, 2 };
    links->push_back(l);
    snap->links = links;
    return snap;
}

// Straight down from 10 km above the origin, north up, 800x600 window.
osg::Matrixd topDown()
{
    const osg::Matrixd view
        = osg::Matrixd::lookAt(osg::Vec3d(0, 0, 10000), osg::Vec3d(0, 0, 0), osg::Vec3d(0, 1, 0));
    const osg::Matrixd proj = osg::Matrixd::perspective(35.0, 800.0 / 600.0, 1.0, 100000.0);
    return views3d::worldToWindowMatrix(view, proj, 0, 0, 800, 600);
}

} // namespace

class TestPicking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void projectsTheOriginToTheCentre()
    {
        double x = 0, y = 0;
        QVERIFY(views3d::projectToWindow(topDown(), osg::Vec3d(0, 0, 0), &x, &y));
        QCOMPARE(qRound(x), 400);
        QCOMPARE(qRound(y), 300);
        // East is right, north is up.
        QVERIFY(views3d::projectToWindow(topDown(), osg::Vec3d(1000, 0, 0), &x, &y));
        QVERIFY(x > 400);
        QVERIFY(views3d::projectToWindow(topDown(), osg::Vec3d(0, 1000, 0), &x, &y));
        QVERIFY(y > 300);
        // Behind the camera: not projected.
        QVERIFY(!views3d::projectToWindow(topDown(), osg::Vec3d(0, 0, 20000), &x, &y));
    }

    void picksTheNearestNodeThenLinks()
    {
        const auto snap = triangle();
        const osg::Matrixd m = topDown();
        for (const auto &node : *snap->nodes) {
            double x = 0, y = 0;
            QVERIFY(views3d::projectToWindow(m, views3d::nodeWorldPosition(node), &x, &y));
            const PickResult hit = views3d::pickAt(*snap, m, x + 3, y - 2);
            QVERIFY(hit.isNode());
            QCOMPARE(hit.nodeId, node.id);
            QVERIFY(hit.distancePx < 4);
        }
        // Midway between nodes 1 and 2: on the link, far from every node.
        const PickResult onLink = views3d::pickAt(*snap, m, 400, 302);
        QVERIFY(onLink.isLink());
        QCOMPARE(onLink.link.a, 1u);
        QCOMPARE(onLink.link.b, 2u);
        // Empty space.
        QVERIFY(!views3d::pickAt(*snap, m, 50, 550).isNode());
        QCOMPARE(views3d::pickAt(*snap, m, 50, 550).kind, PickResult::Kind::None);
    }

    void nodesNearTheCursorNearestFirst()
    {
        const auto snap = triangle();
        const osg::Matrixd m = topDown();
        double x1 = 0, y1 = 0;
        views3d::projectToWindow(m, osg::Vec3d(-1000, 0, 0), &x1, &y1);
        auto ids = views3d::nodesNear(*snap, m, x1 + 1, y1, 30, 8);
        QCOMPARE(ids, (std::vector<std::uint32_t> { 1 }));
        ids = views3d::nodesNear(*snap, m, 400, 300, 2000, 2);
        QCOMPARE(ids.size(), 2u); // bounded
    }
};

QTEST_GUILESS_MAIN(TestPicking)
#include "tst_picking.moc"
