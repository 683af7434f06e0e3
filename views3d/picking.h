#pragma once

#include "model/topologysnapshot.h"

#include <osg/Matrixd>
#include <osg/Vec3d>

#include <cstdint>
#include <vector>

namespace opsdeck::views3d {

// What is under a window pixel.
struct PickResult
{
    enum class Kind { None, Node, Link };
    Kind kind = Kind::None;
    std::uint32_t nodeId = 0; // Kind::Node
    model::LinkKey link; // Kind::Link
    double distancePx = 0; // from the pixel to the node centre / the link segment

    bool isNode() const { return kind == Kind::Node; }
    bool isLink() const { return kind == Kind::Link; }
};

// The world position a node is drawn at (ENU metres; x east, y north, z up).
inline osg::Vec3d nodeWorldPosition(const model::TopoNode &node)
{
    return { node.east, node.north, node.up };
}

// Maps window pixel (x, y) — OpenGL convention: origin bottom-left, device
// pixels — to the nearest node within `nodeRadiusPx` of its projected centre;
// failing that, the nearest link whose projected segment passes within
// `linkRadiusPx`. `worldToWindow` is view × projection × window matrix (see
// worldToWindowMatrix). Nodes behind the camera are never picked. Pure
// function: no GL needed, so it is unit-tested directly.
PickResult pickAt(const model::TopologySnapshot &snapshot, const osg::Matrixd &worldToWindow, double x,
    double y, double nodeRadiusPx = 10.0, double linkRadiusPx = 5.0);

// The ids of the nodes whose projected centres lie within radiusPx of (x, y),
// nearest first, at most maxCount (labels near the cursor).
std::vector<std::uint32_t> nodesNear(const model::TopologySnapshot &snapshot,
    const osg::Matrixd &worldToWindow, double x, double y, double radiusPx, std::size_t maxCount);

// Projects a world point; returns false when it lies behind the camera.
bool projectToWindow(const osg::Matrixd &worldToWindow, const osg::Vec3d &world, double *x, double *y);

osg::Matrixd worldToWindowMatrix(const osg::Matrixd &view, const osg::Matrixd &projection, int viewportX,
    int viewportY, int viewportWidth, int viewportHeight);

} // namespace opsdeck::views3d
