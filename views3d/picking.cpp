#include "views3d/picking.h"

#include <osg/Vec4d>

#include <algorithm>
#include <cmath>
#include <limits>

namespace opsdeck::views3d {

osg::Matrixd worldToWindowMatrix(const osg::Matrixd &view, const osg::Matrixd &projection, int viewportX,
    int viewportY, int viewportWidth, int viewportHeight)
{
    const osg::Matrixd window = osg::Matrixd::translate(1.0, 1.0, 1.0)
        * osg::Matrixd::scale(0.5 * viewportWidth, 0.5 * viewportHeight, 0.5)
        * osg::Matrixd::translate(viewportX, viewportY, 0.0);
    return view * projection * window;
}

bool projectToWindow(const osg::Matrixd &worldToWindow, const osg::Vec3d &world, double *x, double *y)
{
    const osg::Vec4d h = osg::Vec4d(world, 1.0) * worldToWindow;
    // Only "in front of the camera" matters: the depth range OSG renders with
    // is computed per frame from the scene, not the one stored in the camera.
    if (!(h.w() > 0.0))
        return false;
    *x = h.x() / h.w();
    *y = h.y() / h.w();
    return std::isfinite(*x) && std::isfinite(*y);
}

namespace {

double segmentDistance(double px, double py, double ax, double ay, double bx, double by)
{
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0.0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double cx = ax + t * dx - px, cy = ay + t * dy - py;
    return std::sqrt(cx * cx + cy * cy);
}

} // namespace

PickResult pickAt(const model::TopologySnapshot &snapshot, const osg::Matrixd &worldToWindow, double x,
    double y, double nodeRadiusPx, double linkRadiusPx)
{
    PickResult best;
    const auto &nodes = *snapshot.nodes;
    // Project every node once; links reuse the projections.
    std::vector<osg::Vec2d> screen(nodes.size());
    std::vector<char> visible(nodes.size(), 0);
    double bestNode = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        double sx = 0, sy = 0;
        if (!projectToWindow(worldToWindow, nodeWorldPosition(nodes[i]), &sx, &sy))
            continue;
        visible[i] = 1;
        screen[i].set(sx, sy);
        const double d = std::hypot(sx - x, sy - y);
        if (d <= nodeRadiusPx && d < bestNode) {
            bestNode = d;
            best.kind = PickResult::Kind::Node;
            best.nodeId = nodes[i].id;
            best.distancePx = d;
        }
    }
    if (best.isNode())
        return best;
    double bestLink = std::numeric_limits<double>::infinity();
    for (const model::TopoLink &link : *snapshot.links) {
        const int ia = snapshot.nodeIndex(link.key.a);
        const int ib = snapshot.nodeIndex(link.key.b);
        if (ia < 0 || ib < 0 || !visible[std::size_t(ia)] || !visible[std::size_t(ib)])
            continue;
        const osg::Vec2d &a = screen[std::size_t(ia)];
        const osg::Vec2d &b = screen[std::size_t(ib)];
        const double d = segmentDistance(x, y, a.x(), a.y(), b.x(), b.y());
        if (d <= linkRadiusPx && d < bestLink) {
            bestLink = d;
            best.kind = PickResult::Kind::Link;
            best.link = link.key;
            best.distancePx = d;
        }
    }
    return best;
}

std::vector<std::uint32_t> nodesNear(const model::TopologySnapshot &snapshot,
    const osg::Matrixd &worldToWindow, double x, double y, double radiusPx, std::size_t maxCount)
{
    std::vector<std::pair<double, std::uint32_t>> hits;
    for (const model::TopoNode &node : *snapshot.nodes) {
        double sx = 0, sy = 0;
        if (!projectToWindow(worldToWindow, nodeWorldPosition(node), &sx, &sy))
            continue;
        const double d = std::hypot(sx - x, sy - y);
        if (d <= radiusPx)
            hits.emplace_back(d, node.id);
    }
    const std::size_t n = std::min(maxCount, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + std::ptrdiff_t(n), hits.end());
    std::vector<std::uint32_t> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(hits[i].second);
    return out;
}

} // namespace opsdeck::views3d
