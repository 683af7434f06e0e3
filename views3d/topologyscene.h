#pragma once

#include "model/nodecosts.h"
#include "model/topologysnapshot.h"
#include "views3d/palette3d.h"

#include <osg/BoundingBox>
#include <osg/Geometry>
#include <osg/Group>
#include <osg/ref_ptr>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace osgText {
class Text;
}
namespace osg {
class Geode;
class DrawArrays;
} // namespace osg

namespace opsdeck::views3d {

// The live topology as one OpenSceneGraph subgraph (ENU metres: x east,
// y north, z up). A fixed set of drawables whatever the size of the network:
//   nodes        one GL_POINTS geometry, round point sprites of a constant
//                pixel size (visible at every zoom), colour by kind and status
//                or, as an optional layer, by what the node has cost so far
//   outline      the same points one size up in the theme's text colour
//   selection    one point behind the selected node (a halo)
//   stalks       one GL_LINES geometry: each node down to the ground
//   links        one GL_LINES geometry coloured by quality or latency
//                (Palette3D::ramp; purple = bad, yellow = good)
//   routes       one GL_LINES geometry of highlighted hops
//   flow         one GL_POINTS geometry of dots moving along the routes
//   trails       one GL_LINES geometry of recent positions (optional)
//   grid         one GL_LINES geometry: a lat/lon graticule on the ground
//   labels       a fixed pool of text drawables (selected + near the cursor)
// update() rewrites the arrays in place (dirty + dirtyBound); nothing is
// created per node. GUI thread only (the thread that renders).
class TopologyScene
{
public:
    enum class LinkColoring { Quality, Latency };
    enum class NodeColoring { KindAndStatus, Cost };

    static constexpr int kLabelPool = 9;
    static constexpr float kNodeSizePx = 11.f;

    explicit TopologyScene(const Palette3D &palette = Palette3D::light());
    ~TopologyScene();
    TopologyScene(const TopologyScene &) = delete;
    TopologyScene &operator=(const TopologyScene &) = delete;

    osg::Group *node() const { return m_root.get(); }

    // Returns true when the scene changed (a frame is needed).
    bool update(std::shared_ptr<const model::TopologySnapshot> snapshot);
    const std::shared_ptr<const model::TopologySnapshot> &snapshot() const { return m_snapshot; }

    // Flow animation: moves the dots along the routes to `seconds`.
    // Returns true when there is something animated (routes exist).
    bool animate(double seconds);

    void setSelectedNode(std::optional<std::uint32_t> id);
    std::optional<std::uint32_t> selectedNode() const { return m_selected; }
    void setSelectedLink(std::optional<model::LinkKey> key);
    // Nodes to label besides the selected one (e.g. near the cursor).
    void setHoverNodes(std::vector<std::uint32_t> ids);
    std::vector<QString> visibleLabels() const;

    void setLinkColoring(LinkColoring coloring);
    LinkColoring linkColoring() const { return m_coloring; }
    // Latency mapped to the ramp: 0 ms = good, >= this = bad.
    void setLatencyScaleMs(double ms);
    double latencyScaleMs() const { return m_latencyScaleMs; }
    // The cost layer: nodes on the ramp by their share of the most expensive
    // node's effective cost (purple = most expensive, as "bad" on links),
    // nodes without cost data in kNoCostColor. The costs may be updated at
    // any time (the console does on every cost or node-set change).
    void setNodeColoring(NodeColoring coloring);
    NodeColoring nodeColoring() const { return m_nodeColoring; }
    void setNodeCosts(std::shared_ptr<const model::NodeCosts> costs);
    const std::shared_ptr<const model::NodeCosts> &nodeCosts() const { return m_nodeCosts; }
    static osg::Vec4 costColor(double fraction);
    static const osg::Vec4 kNoCostColor;
    void setTrailsVisible(bool visible);
    bool trailsVisible() const { return m_trailsVisible; }
    void setStalksVisible(bool visible);
    void setGridVisible(bool visible);
    void setPalette(const Palette3D &palette);

    // Bounds of the nodes (invalid when empty).
    osg::BoundingBox nodeBounds() const { return m_bounds; }
    // Number of drawables in the subgraph (tests: independent of the node count).
    int drawableCount() const;

    static osg::Vec4 nodeColor(opsdeck::v1::NodeKind kind, opsdeck::v1::NodeStatus status);
    // The colour node `node` is drawn in under the current node colouring.
    osg::Vec4 drawnNodeColor(const model::TopoNode &node) const;
    osg::Vec4 linkColor(const model::TopoLink &link) const;

private:
    osg::Geometry *makeLayer(GLenum mode, int renderBin, const char *name);
    void rebuildIndex();
    void updateNodes();
    void updateLinks();
    void updateRoutes();
    void updateTrails();
    void updateGrid();
    void updateSelection();
    void updateLabels();

    osg::ref_ptr<osg::Group> m_root;
    osg::ref_ptr<osg::Geode> m_geode;
    osg::ref_ptr<osg::Geode> m_labelGeode;
    osg::ref_ptr<osg::Geometry> m_nodes, m_outline, m_halo, m_stalks, m_links, m_routes, m_flow, m_trails,
        m_grid, m_selLink;
    std::vector<osg::ref_ptr<osgText::Text>> m_labels;

    Palette3D m_palette;
    std::shared_ptr<const model::TopologySnapshot> m_snapshot;
    std::shared_ptr<const std::vector<model::TopoNode>> m_drawnNodes;
    std::shared_ptr<const std::vector<model::TopoLink>> m_drawnLinks;
    std::shared_ptr<const std::vector<model::TopoRoute>> m_drawnRoutes;
    std::shared_ptr<const model::TopoTrails> m_drawnTrails;
    std::uint64_t m_indexedStructure = ~std::uint64_t(0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_linkEnds; // node indices per link
    std::vector<std::vector<std::uint32_t>> m_routeIdx; // node indices per route
    osg::BoundingBox m_bounds;
    osg::BoundingBox m_gridBounds;

    std::optional<std::uint32_t> m_selected;
    std::optional<model::LinkKey> m_selectedLink;
    std::vector<std::uint32_t> m_hover;
    LinkColoring m_coloring = LinkColoring::Quality;
    NodeColoring m_nodeColoring = NodeColoring::KindAndStatus;
    std::shared_ptr<const model::NodeCosts> m_nodeCosts;
    double m_latencyScaleMs = 50.0;
    bool m_trailsVisible = false; // optional: 10,000 trails are a lot of lines
    double m_animationSeconds = 0;
};

} // namespace opsdeck::views3d
