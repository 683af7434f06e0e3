#include "views3d/topologyscene.h"

#include "views3d/logging.h"
#include "views3d/picking.h"

#include <osg/AlphaFunc>
#include <osg/BlendFunc>
#include <osg/Geode>
#include <osg/Image>
#include <osg/LineWidth>
#include <osg/Point>
#include <osg/PointSprite>
#include <osg/Texture2D>
#include <osgText/Text>

#include <algorithm>
#include <cmath>

namespace opsdeck::views3d {

namespace {

osg::DrawArrays *drawArrays(osg::Geometry *geometry)
{
    return static_cast<osg::DrawArrays *>(geometry->getPrimitiveSet(0));
}

osg::Vec3Array *vertices(osg::Geometry *geometry)
{
    return static_cast<osg::Vec3Array *>(geometry->getVertexArray());
}

osg::Vec4Array *colors(osg::Geometry *geometry)
{
    return static_cast<osg::Vec4Array *>(geometry->getColorArray());
}

// Marks a layer's arrays as changed after they were rewritten in place.
void commit(osg::Geometry *geometry)
{
    osg::Vec3Array *v = vertices(geometry);
    drawArrays(geometry)->setCount(GLsizei(v->size()));
    drawArrays(geometry)->dirty();
    v->dirty();
    colors(geometry)->dirty();
    geometry->dirtyBound();
}

// A round sprite: white disc with a hard edge, so the centre pixel carries the
// node colour exactly (no blending) and the corners are cut by the alpha test.
osg::Texture2D *discTexture()
{
    constexpr int n = 32;
    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->allocateImage(n, n, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            const double dx = (x + 0.5) / n - 0.5, dy = (y + 0.5) / n - 0.5;
            const double r = std::sqrt(dx * dx + dy * dy);
            unsigned char *p = image->data(x, y);
            const bool rim = r > 0.40 && r <= 0.5;
            p[0] = p[1] = p[2] = rim ? 60 : 255; // a dark rim keeps light nodes visible on light ground
            p[3] = r <= 0.5 ? 255 : 0;
        }
    }
    auto *texture = new osg::Texture2D(image.get());
    texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::NEAREST);
    texture->setFilter(osg::Texture::MAG_FILTER, osg::Texture::NEAREST);
    return texture;
}

void makeSprites(osg::StateSet *ss, float sizePx)
{
    ss->setAttributeAndModes(new osg::Point(sizePx), osg::StateAttribute::ON);
    auto *sprite = new osg::PointSprite;
    ss->setTextureAttributeAndModes(0, sprite, osg::StateAttribute::ON);
    ss->setTextureAttributeAndModes(0, discTexture(), osg::StateAttribute::ON);
    ss->setAttributeAndModes(new osg::AlphaFunc(osg::AlphaFunc::GREATER, 0.5f), osg::StateAttribute::ON);
}

constexpr double kEarthRadiusM = 6'371'000.0;
constexpr double kDeg = 3.14159265358979323846 / 180.0;

} // namespace

TopologyScene::TopologyScene(const Palette3D &palette)
    : m_root(new osg::Group)
    , m_geode(new osg::Geode)
    , m_labelGeode(new osg::Geode)
    , m_palette(palette)
{
    m_root->setName("TopologyScene");
    m_root->addChild(m_geode.get());
    m_root->addChild(m_labelGeode.get());
    m_root->getOrCreateStateSet()->setMode(GL_LIGHTING, osg::StateAttribute::OFF);

    m_grid = makeLayer(GL_LINES, 1, "grid");
    m_trails = makeLayer(GL_LINES, 2, "trails");
    m_stalks = makeLayer(GL_LINES, 3, "stalks");
    m_links = makeLayer(GL_LINES, 4, "links");
    m_routes = makeLayer(GL_LINES, 5, "routes");
    m_selLink = makeLayer(GL_LINES, 6, "selectedLink");
    m_halo = makeLayer(GL_POINTS, 7, "selectedNode");
    m_outline = makeLayer(GL_POINTS, 8, "nodeOutline");
    m_nodes = makeLayer(GL_POINTS, 9, "nodes");
    m_flow = makeLayer(GL_POINTS, 10, "flow");
    // The outline is the nodes' own vertices one size up in the theme's text
    // colour, so a node whose colour is close to the background (dark purple
    // on the dark theme, yellow on the light one) still stands out.
    m_outline->setVertexArray(m_nodes->getVertexArray());
    m_outline->setColorArray(new osg::Vec4Array(1), osg::Array::BIND_OVERALL);

    m_links->getOrCreateStateSet()->setAttributeAndModes(
        new osg::LineWidth(1.f)); // wide lines cost more in software GL
    m_routes->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(4.f));
    m_selLink->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(6.f));
    m_trails->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(1.f));
    m_trails->getOrCreateStateSet()->setAttributeAndModes(
        new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    makeSprites(m_nodes->getOrCreateStateSet(), kNodeSizePx);
    makeSprites(m_outline->getOrCreateStateSet(), kNodeSizePx + 3.f);
    makeSprites(m_halo->getOrCreateStateSet(), kNodeSizePx + 10.f);
    makeSprites(m_flow->getOrCreateStateSet(), 7.f);
    // Nodes (and the halo) are drawn over every line: a link ending in a node
    // rises towards the camera and would otherwise win the depth test at the
    // node's own centre.
    m_nodes->getOrCreateStateSet()->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    m_outline->getOrCreateStateSet()->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    m_halo->getOrCreateStateSet()->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    m_flow->getOrCreateStateSet()->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);

    // Labels: a fixed pool, drawn last and never hidden by geometry.
    osg::StateSet *ls = m_labelGeode->getOrCreateStateSet();
    ls->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    ls->setRenderBinDetails(20, "RenderBin");
    for (int i = 0; i < kLabelPool; ++i) {
        osg::ref_ptr<osgText::Text> text = new osgText::Text;
        text->setDataVariance(osg::Object::DYNAMIC);
        text->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
        text->setCharacterSize(14.f);
        text->setAxisAlignment(osgText::Text::SCREEN);
        text->setAlignment(osgText::Text::LEFT_BOTTOM);
        text->setBackdropType(osgText::Text::OUTLINE);
        text->setNodeMask(0);
        m_labelGeode->addDrawable(text.get());
        m_labels.push_back(text);
    }
    m_trails->setNodeMask(m_trailsVisible ? ~0u : 0u);
    setPalette(palette);
}

TopologyScene::~TopologyScene() = default;

osg::Geometry *TopologyScene::makeLayer(GLenum mode, int renderBin, const char *name)
{
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setName(name);
    geometry->setDataVariance(osg::Object::DYNAMIC);
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    geometry->setCullingActive(false);
    geometry->setVertexArray(new osg::Vec3Array);
    geometry->setColorArray(new osg::Vec4Array, osg::Array::BIND_PER_VERTEX);
    geometry->addPrimitiveSet(new osg::DrawArrays(mode, 0, 0));
    geometry->getOrCreateStateSet()->setRenderBinDetails(renderBin, "RenderBin");
    m_geode->addDrawable(geometry.get());
    return geometry.get();
}

int TopologyScene::drawableCount() const
{
    return int(m_geode->getNumDrawables() + m_labelGeode->getNumDrawables());
}

osg::Vec4 TopologyScene::nodeColor(opsdeck::v1::NodeKind kind, opsdeck::v1::NodeStatus status)
{
    switch (status) {
    case opsdeck::v1::NODE_STATUS_DEGRADED:
        return { 0.96f, 0.58f, 0.10f, 1.f };
    case opsdeck::v1::NODE_STATUS_FAILED:
        return { 0.86f, 0.12f, 0.12f, 1.f };
    case opsdeck::v1::NODE_STATUS_LANDED:
        return { 0.55f, 0.55f, 0.58f, 1.f };
    default:
        break;
    }
    switch (kind) {
    case opsdeck::v1::NODE_KIND_AIRCRAFT:
        return { 0.10f, 0.45f, 0.95f, 1.f };
    case opsdeck::v1::NODE_KIND_GROUND_STATION:
        return { 0.15f, 0.68f, 0.25f, 1.f };
    case opsdeck::v1::NODE_KIND_SATELLITE:
        return { 0.62f, 0.32f, 0.86f, 1.f };
    case opsdeck::v1::NODE_KIND_RELAY:
        return { 0.00f, 0.64f, 0.70f, 1.f };
    default:
        return { 0.45f, 0.45f, 0.50f, 1.f };
    }
}

const osg::Vec4 TopologyScene::kNoCostColor { 0.62f, 0.62f, 0.66f, 1.f };

osg::Vec4 TopologyScene::costColor(double fraction)
{
    return Palette3D::ramp(1.0 - fraction);
}

osg::Vec4 TopologyScene::drawnNodeColor(const model::TopoNode &node) const
{
    if (m_nodeColoring == NodeColoring::Cost) {
        const model::NodeCosts::Entry *cost = m_nodeCosts ? m_nodeCosts->find(node.id) : nullptr;
        return cost ? costColor(m_nodeCosts->fraction(*cost)) : kNoCostColor;
    }
    return nodeColor(node.kind, node.status);
}

osg::Vec4 TopologyScene::linkColor(const model::TopoLink &link) const
{
    if (m_coloring == LinkColoring::Latency)
        return Palette3D::ramp(1.0 - link.latencyMs / std::max(m_latencyScaleMs, 1e-6));
    return Palette3D::ramp(link.quality);
}

bool TopologyScene::update(std::shared_ptr<const model::TopologySnapshot> snapshot)
{
    if (!snapshot || snapshot == m_snapshot)
        return false;
    m_snapshot = std::move(snapshot);
    const bool nodesChanged = m_snapshot->nodes != m_drawnNodes;
    if (m_snapshot->structureVersion != m_indexedStructure)
        rebuildIndex();
    if (nodesChanged)
        updateNodes();
    if (nodesChanged || m_snapshot->links != m_drawnLinks)
        updateLinks();
    if (nodesChanged || m_snapshot->routes != m_drawnRoutes)
        updateRoutes();
    if (m_snapshot->trails != m_drawnTrails || nodesChanged)
        updateTrails();
    updateGrid();
    updateSelection();
    updateLabels();
    m_drawnNodes = m_snapshot->nodes;
    m_drawnLinks = m_snapshot->links;
    m_drawnRoutes = m_snapshot->routes;
    m_drawnTrails = m_snapshot->trails;
    animate(m_animationSeconds);
    return true;
}

void TopologyScene::rebuildIndex()
{
    const model::TopologySnapshot &s = *m_snapshot;
    m_linkEnds.clear();
    m_linkEnds.reserve(s.links->size());
    for (const model::TopoLink &link : *s.links)
        m_linkEnds.emplace_back(
            std::uint32_t(s.nodeIndex(link.key.a)), std::uint32_t(s.nodeIndex(link.key.b)));
    m_routeIdx.clear();
    m_routeIdx.reserve(s.routes->size());
    for (const model::TopoRoute &route : *s.routes) {
        std::vector<std::uint32_t> idx;
        idx.reserve(route.hops.size());
        for (std::uint32_t hop : route.hops)
            idx.push_back(std::uint32_t(s.nodeIndex(hop)));
        m_routeIdx.push_back(std::move(idx));
    }
    m_indexedStructure = s.structureVersion;
}

void TopologyScene::updateNodes()
{
    const auto &nodes = *m_snapshot->nodes;
    osg::Vec3Array *v = vertices(m_nodes.get());
    osg::Vec4Array *c = colors(m_nodes.get());
    osg::Vec3Array *sv = vertices(m_stalks.get());
    osg::Vec4Array *sc = colors(m_stalks.get());
    v->resize(nodes.size());
    c->resize(nodes.size());
    sv->resize(nodes.size() * 2);
    sc->resize(nodes.size() * 2);
    m_bounds.init();
    osg::Vec4 stalk = m_palette.gridMajor;
    stalk.a() = 1.f;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const osg::Vec3 p(float(nodes[i].east), float(nodes[i].north), float(nodes[i].up));
        (*v)[i] = p;
        (*c)[i] = drawnNodeColor(nodes[i]);
        (*sv)[2 * i] = osg::Vec3(p.x(), p.y(), 0.f);
        (*sv)[2 * i + 1] = p;
        (*sc)[2 * i] = stalk;
        (*sc)[2 * i + 1] = stalk;
        m_bounds.expandBy(p);
        m_bounds.expandBy(osg::Vec3(p.x(), p.y(), 0.f));
    }
    commit(m_nodes.get());
    commit(m_outline.get());
    commit(m_stalks.get());
}

void TopologyScene::updateLinks()
{
    const auto &links = *m_snapshot->links;
    const osg::Vec3Array &pos = *vertices(m_nodes.get());
    osg::Vec3Array *v = vertices(m_links.get());
    osg::Vec4Array *c = colors(m_links.get());
    v->resize(links.size() * 2);
    c->resize(links.size() * 2);
    std::size_t n = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
        const auto [ia, ib] = m_linkEnds[i];
        if (ia >= pos.size() || ib >= pos.size())
            continue;
        const osg::Vec4 color = linkColor(links[i]);
        (*v)[n] = pos[ia];
        (*v)[n + 1] = pos[ib];
        (*c)[n] = color;
        (*c)[n + 1] = color;
        n += 2;
    }
    v->resize(n);
    c->resize(n);
    commit(m_links.get());
}

void TopologyScene::updateRoutes()
{
    const osg::Vec3Array &pos = *vertices(m_nodes.get());
    osg::Vec3Array *v = vertices(m_routes.get());
    osg::Vec4Array *c = colors(m_routes.get());
    v->clear();
    c->clear();
    const osg::Vec4 color = m_palette.route;
    for (const auto &idx : m_routeIdx) {
        for (std::size_t h = 0; h + 1 < idx.size(); ++h) {
            if (idx[h] >= pos.size() || idx[h + 1] >= pos.size())
                continue;
            v->push_back(pos[idx[h]]);
            v->push_back(pos[idx[h + 1]]);
            c->push_back(color);
            c->push_back(color);
        }
    }
    commit(m_routes.get());
}

void TopologyScene::updateTrails()
{
    osg::Vec3Array *v = vertices(m_trails.get());
    osg::Vec4Array *c = colors(m_trails.get());
    v->clear();
    c->clear();
    const model::TopoTrails &trails = *m_snapshot->trails;
    const auto &nodes = *m_snapshot->nodes;
    if (m_trailsVisible && trails.begin.size() == nodes.size() + 1) {
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const std::uint32_t b = trails.begin[i], e = trails.begin[i + 1];
            if (e <= b)
                continue;
            osg::Vec4 color = drawnNodeColor(nodes[i]);
            const std::uint32_t count = e - b;
            // Old points to the last trail point, then to the node itself.
            for (std::uint32_t k = b; k < e; ++k) {
                const model::TrailPoint &p = trails.points[k];
                const osg::Vec3 from(p.east, p.north, p.up);
                const osg::Vec3 to = k + 1 < e
                    ? osg::Vec3(
                        trails.points[k + 1].east, trails.points[k + 1].north, trails.points[k + 1].up)
                    : osg::Vec3(float(nodes[i].east), float(nodes[i].north), float(nodes[i].up));
                color.a() = 0.25f + 0.6f * float(k - b + 1) / float(count);
                v->push_back(from);
                v->push_back(to);
                c->push_back(color);
                c->push_back(color);
            }
        }
    }
    commit(m_trails.get());
}

void TopologyScene::updateGrid()
{
    if (!m_bounds.valid() || m_snapshot->nodes->empty())
        return;
    // Rebuild only when the nodes leave the drawn graticule (or it is far too big).
    if (m_gridBounds.valid() && m_gridBounds.contains(m_bounds._min) && m_gridBounds.contains(m_bounds._max)
        && m_gridBounds.radius() < 4.0 * std::max(m_bounds.radius(), 1.f))
        return;
    // The scenario origin in lat/lon, from the nodes' own geo + ENU pairs
    // (local tangent plane: good to well under a pixel over a few hundred km).
    const auto &nodes = *m_snapshot->nodes;
    double lat0 = 0, lon0 = 0;
    const std::size_t samples = std::min<std::size_t>(nodes.size(), 64);
    for (std::size_t i = 0; i < samples; ++i) {
        const double la = nodes[i].latDeg - nodes[i].north / kEarthRadiusM / kDeg;
        lat0 += la;
        lon0 += nodes[i].lonDeg - nodes[i].east / (kEarthRadiusM * std::cos(la * kDeg)) / kDeg;
    }
    lat0 /= double(samples);
    lon0 /= double(samples);
    const double mPerDegN = kEarthRadiusM * kDeg;
    const double mPerDegE = std::max(kEarthRadiusM * kDeg * std::cos(lat0 * kDeg), 1.0);

    const double margin = std::max(0.2 * double(m_bounds.radius()), 1000.0);
    const double minE = m_bounds.xMin() - margin, maxE = m_bounds.xMax() + margin;
    const double minN = m_bounds.yMin() - margin, maxN = m_bounds.yMax() + margin;
    const double spanDeg = std::max((maxN - minN) / mPerDegN, (maxE - minE) / mPerDegE);
    static constexpr double kSteps[]
        = { 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30 };
    double step = kSteps[std::size(kSteps) - 1];
    for (double s : kSteps) {
        if (spanDeg / s <= 16.0) {
            step = s;
            break;
        }
    }
    osg::Vec3Array *v = vertices(m_grid.get());
    osg::Vec4Array *c = colors(m_grid.get());
    v->clear();
    c->clear();
    const double latMin = lat0 + minN / mPerDegN, latMax = lat0 + maxN / mPerDegN;
    const double lonMin = lon0 + minE / mPerDegE, lonMax = lon0 + maxE / mPerDegE;
    auto line = [&](double e1, double n1, double e2, double n2, bool major) {
        v->push_back(osg::Vec3(float(e1), float(n1), 0.f));
        v->push_back(osg::Vec3(float(e2), float(n2), 0.f));
        const osg::Vec4 color = major ? m_palette.gridMajor : m_palette.gridMinor;
        c->push_back(color);
        c->push_back(color);
    };
    for (double lat = std::ceil(latMin / step) * step; lat <= latMax; lat += step) {
        const double n = (lat - lat0) * mPerDegN;
        line(minE, n, maxE, n, std::fmod(std::abs(lat) + 1e-9, step * 5) < 1e-6);
    }
    for (double lon = std::ceil(lonMin / step) * step; lon <= lonMax; lon += step) {
        const double e = (lon - lon0) * mPerDegE;
        line(e, minN, e, maxN, std::fmod(std::abs(lon) + 1e-9, step * 5) < 1e-6);
    }
    commit(m_grid.get());
    m_gridBounds.set(osg::Vec3(float(minE), float(minN), m_bounds.zMin()),
        osg::Vec3(float(maxE), float(maxN), m_bounds.zMax()));
    qCDebug(lcViews3d) << "graticule every" << step << "degrees," << v->size() / 2 << "lines";
}

bool TopologyScene::animate(double seconds)
{
    m_animationSeconds = seconds;
    osg::Vec3Array *v = vertices(m_flow.get());
    osg::Vec4Array *c = colors(m_flow.get());
    v->clear();
    c->clear();
    if (!m_snapshot || m_routeIdx.empty()) {
        commit(m_flow.get());
        return false;
    }
    const osg::Vec3Array &pos = *vertices(m_nodes.get());
    constexpr int kDotsPerRoute = 3;
    constexpr double kSecondsPerPass = 3.0;
    const osg::Vec4 color = m_palette.axisUp;
    std::vector<double> cumulative;
    for (const auto &idx : m_routeIdx) {
        if (idx.size() < 2)
            continue;
        cumulative.assign(1, 0.0);
        bool ok = true;
        for (std::size_t h = 0; h + 1 < idx.size(); ++h) {
            if (idx[h] >= pos.size() || idx[h + 1] >= pos.size()) {
                ok = false;
                break;
            }
            cumulative.push_back(cumulative.back() + double((pos[idx[h + 1]] - pos[idx[h]]).length()));
        }
        if (!ok || cumulative.back() <= 0.0)
            continue;
        for (int d = 0; d < kDotsPerRoute; ++d) {
            const double phase = std::fmod(seconds / kSecondsPerPass + double(d) / kDotsPerRoute, 1.0);
            const double at = phase * cumulative.back();
            const std::size_t seg = std::size_t(std::min<std::ptrdiff_t>(
                std::upper_bound(cumulative.begin(), cumulative.end(), at) - cumulative.begin() - 1,
                std::ptrdiff_t(idx.size()) - 2));
            const double len = cumulative[seg + 1] - cumulative[seg];
            const float t = len > 0 ? float((at - cumulative[seg]) / len) : 0.f;
            v->push_back(pos[idx[seg]] * (1.f - t) + pos[idx[seg + 1]] * t);
            c->push_back(color);
        }
    }
    commit(m_flow.get());
    return !v->empty();
}

void TopologyScene::setSelectedNode(std::optional<std::uint32_t> id)
{
    m_selected = id;
    if (id)
        m_selectedLink.reset();
    updateSelection();
    updateLabels();
}

void TopologyScene::setSelectedLink(std::optional<model::LinkKey> key)
{
    m_selectedLink = key;
    if (key)
        m_selected.reset();
    updateSelection();
    updateLabels();
}

void TopologyScene::setHoverNodes(std::vector<std::uint32_t> ids)
{
    if (ids == m_hover)
        return;
    m_hover = std::move(ids);
    updateLabels();
}

void TopologyScene::updateSelection()
{
    osg::Vec3Array *v = vertices(m_halo.get());
    osg::Vec4Array *c = colors(m_halo.get());
    v->clear();
    c->clear();
    osg::Vec3Array *lv = vertices(m_selLink.get());
    osg::Vec4Array *lc = colors(m_selLink.get());
    lv->clear();
    lc->clear();
    const osg::Vec4 highlight(1.f, 0.80f, 0.f, 1.f);
    if (m_snapshot && m_selected) {
        if (const model::TopoNode *node = m_snapshot->findNode(*m_selected)) {
            v->push_back(osg::Vec3(nodeWorldPosition(*node)));
            c->push_back(highlight);
        }
    }
    if (m_snapshot && m_selectedLink) {
        const model::TopoNode *a = m_snapshot->findNode(m_selectedLink->a);
        const model::TopoNode *b = m_snapshot->findNode(m_selectedLink->b);
        if (a && b && m_snapshot->findLink(a->id, b->id)) {
            lv->push_back(osg::Vec3(nodeWorldPosition(*a)));
            lv->push_back(osg::Vec3(nodeWorldPosition(*b)));
            lc->push_back(highlight);
            lc->push_back(highlight);
        }
    }
    commit(m_halo.get());
    commit(m_selLink.get());
}

void TopologyScene::updateLabels()
{
    std::vector<std::uint32_t> ids;
    if (m_selected)
        ids.push_back(*m_selected);
    for (std::uint32_t id : m_hover)
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    std::size_t used = 0;
    if (m_snapshot) {
        for (std::uint32_t id : ids) {
            if (used >= m_labels.size())
                break;
            const model::TopoNode *node = m_snapshot->findNode(id);
            if (!node)
                continue;
            osgText::Text *text = m_labels[used++].get();
            const QString name = node->name.isEmpty() ? QStringLiteral("#%1").arg(node->id) : node->name;
            text->setText(name.toStdString(), osgText::String::ENCODING_UTF8);
            text->setPosition(osg::Vec3(nodeWorldPosition(*node)));
            text->setNodeMask(~0u);
        }
    }
    for (std::size_t i = used; i < m_labels.size(); ++i)
        m_labels[i]->setNodeMask(0);
}

std::vector<QString> TopologyScene::visibleLabels() const
{
    std::vector<QString> out;
    for (const auto &text : m_labels)
        if (text->getNodeMask() != 0)
            out.push_back(QString::fromStdString(text->getText().createUTF8EncodedString()));
    return out;
}

void TopologyScene::setLinkColoring(LinkColoring coloring)
{
    if (coloring == m_coloring)
        return;
    m_coloring = coloring;
    if (m_snapshot)
        updateLinks();
}

void TopologyScene::setNodeColoring(NodeColoring coloring)
{
    if (coloring == m_nodeColoring)
        return;
    m_nodeColoring = coloring;
    if (m_snapshot)
        updateNodes();
}

void TopologyScene::setNodeCosts(std::shared_ptr<const model::NodeCosts> costs)
{
    if (costs == m_nodeCosts)
        return;
    m_nodeCosts = std::move(costs);
    if (m_snapshot && m_nodeColoring == NodeColoring::Cost)
        updateNodes();
}

void TopologyScene::setLatencyScaleMs(double ms)
{
    m_latencyScaleMs = std::max(ms, 0.001);
    if (m_snapshot && m_coloring == LinkColoring::Latency)
        updateLinks();
}

void TopologyScene::setTrailsVisible(bool visible)
{
    m_trailsVisible = visible;
    m_trails->setNodeMask(visible ? ~0u : 0u);
    if (m_snapshot)
        updateTrails();
}

void TopologyScene::setStalksVisible(bool visible)
{
    m_stalks->setNodeMask(visible ? ~0u : 0u);
}

void TopologyScene::setGridVisible(bool visible)
{
    m_grid->setNodeMask(visible ? ~0u : 0u);
}

void TopologyScene::setPalette(const Palette3D &palette)
{
    m_palette = palette;
    osg::Vec4 outline = palette.text;
    outline.a() = 1.f;
    (*colors(m_outline.get()))[0] = outline;
    colors(m_outline.get())->dirty();
    for (const auto &text : m_labels) {
        text->setColor(palette.text);
        text->setBackdropColor(palette.background);
    }
    m_gridBounds.init(); // recolour the graticule on the next update
    if (m_snapshot) {
        updateNodes();
        updateRoutes();
        updateGrid();
    }
}

} // namespace opsdeck::views3d
