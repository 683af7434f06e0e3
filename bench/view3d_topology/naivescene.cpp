#include "naivescene.h"

#include "views3d/palette3d.h"
#include "views3d/topologyscene.h"

#include <osg/Geode>
#include <osg/LineWidth>
#include <osg/Point>

#include <initializer_list>

namespace opsdeck::bench {

namespace {
osg::Vec3Array *vec3s(std::initializer_list<osg::Vec3> values)
{
    auto *a = new osg::Vec3Array;
    for (const osg::Vec3 &v : values)
        a->push_back(v);
    return a;
}

osg::Vec4Array *vec4s(const osg::Vec4 &value)
{
    auto *a = new osg::Vec4Array;
    a->push_back(value);
    return a;
}

osg::Geometry *lineGeometry(const osg::Vec3 &a, const osg::Vec3 &b, const osg::Vec4 &color)
{
    auto *geometry = new osg::Geometry;
    auto *v = vec3s({ a, b });
    auto *c = vec4s(color);
    geometry->setVertexArray(v);
    geometry->setColorArray(c, osg::Array::BIND_OVERALL);
    geometry->addPrimitiveSet(new osg::DrawArrays(GL_LINES, 0, 2));
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    geometry->setDataVariance(osg::Object::DYNAMIC);
    return geometry;
}
} // namespace

NaiveScene::NaiveScene(const model::TopologySnapshot &snapshot)
    : m_root(new osg::Group)
{
    osg::StateSet *ss = m_root->getOrCreateStateSet();
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    ss->setAttributeAndModes(new osg::Point(views3d::TopologyScene::kNodeSizePx));
    for (const model::TopoNode &n : *snapshot.nodes) {
        auto *geometry = new osg::Geometry;
        geometry->setVertexArray(vec3s({ osg::Vec3(0, 0, 0) }));
        geometry->setColorArray(
            vec4s(views3d::TopologyScene::nodeColor(n.kind, n.status)), osg::Array::BIND_OVERALL);
        geometry->addPrimitiveSet(new osg::DrawArrays(GL_POINTS, 0, 1));
        auto *geode = new osg::Geode;
        geode->addDrawable(geometry);
        osg::ref_ptr<osg::MatrixTransform> transform
            = new osg::MatrixTransform(osg::Matrix::translate(float(n.east), float(n.north), float(n.up)));
        transform->setDataVariance(osg::Object::DYNAMIC);
        transform->addChild(geode);
        m_root->addChild(transform.get());
        m_nodes.push_back(transform);
    }
    for (const model::TopoLink &l : *snapshot.links) {
        const model::TopoNode *a = snapshot.findNode(l.key.a);
        const model::TopoNode *b = snapshot.findNode(l.key.b);
        osg::ref_ptr<osg::Geometry> geometry = lineGeometry(
            osg::Vec3(float(a->east), float(a->north), float(a->up)),
            osg::Vec3(float(b->east), float(b->north), float(b->up)), views3d::Palette3D::ramp(l.quality));
        auto *geode = new osg::Geode;
        geode->addDrawable(geometry.get());
        auto *transform
            = new osg::MatrixTransform; // identity: the "one transform per link" of the naive design
        transform->addChild(geode);
        m_root->addChild(transform);
        m_links.push_back(geometry);
    }
    for (const model::TopoRoute &r : *snapshot.routes) {
        auto *geometry = new osg::Geometry;
        auto *v = new osg::Vec3Array;
        for (std::uint32_t hop : r.hops) {
            const model::TopoNode *n = snapshot.findNode(hop);
            v->push_back(osg::Vec3(float(n->east), float(n->north), float(n->up)));
        }
        geometry->setVertexArray(v);
        geometry->setColorArray(vec4s(osg::Vec4(0.84f, 0.19f, 0.15f, 1.f)), osg::Array::BIND_OVERALL);
        geometry->addPrimitiveSet(new osg::DrawArrays(GL_LINE_STRIP, 0, GLsizei(v->size())));
        auto *geode = new osg::Geode;
        geode->addDrawable(geometry);
        geode->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(4.f));
        m_root->addChild(geode);
        ++m_routes;
    }
}

void NaiveScene::update(const model::TopologySnapshot &snapshot)
{
    const auto &nodes = *snapshot.nodes;
    for (std::size_t i = 0; i < nodes.size() && i < m_nodes.size(); ++i)
        m_nodes[i]->setMatrix(
            osg::Matrix::translate(float(nodes[i].east), float(nodes[i].north), float(nodes[i].up)));
    const auto &links = *snapshot.links;
    for (std::size_t i = 0; i < links.size() && i < m_links.size(); ++i) {
        const model::TopoNode *a = snapshot.findNode(links[i].key.a);
        const model::TopoNode *b = snapshot.findNode(links[i].key.b);
        auto *v = static_cast<osg::Vec3Array *>(m_links[i]->getVertexArray());
        (*v)[0].set(float(a->east), float(a->north), float(a->up));
        (*v)[1].set(float(b->east), float(b->north), float(b->up));
        v->dirty();
        auto *c = static_cast<osg::Vec4Array *>(m_links[i]->getColorArray());
        (*c)[0] = views3d::Palette3D::ramp(links[i].quality);
        c->dirty();
        m_links[i]->dirtyBound();
    }
}

} // namespace opsdeck::bench
