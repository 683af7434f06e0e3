#include "views3d/groundgrid.h"

#include <osg/Depth>
#include <osg/Geode>
#include <osg/LineWidth>

#include <cmath>

namespace opsdeck::views3d {

namespace {

osg::ref_ptr<osg::Geometry> makeLines(osg::Vec3Array *vertices, float width)
{
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    geometry->setVertexArray(vertices);
    geometry->addPrimitiveSet(new osg::DrawArrays(GL_LINES, 0, GLsizei(vertices->size())));
    geometry->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(width));
    return geometry;
}

} // namespace

GroundGrid::GroundGrid(const Palette3D &palette, const Spec &spec)
    : m_spec(spec)
    , m_root(new osg::Group)
{
    m_root->setName("GroundGrid");
    const int half = int(std::lround(spec.halfExtent / spec.step));
    const auto extent = float(half * spec.step);
    osg::ref_ptr<osg::Vec3Array> minor = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> major = new osg::Vec3Array;
    for (int i = -half; i <= half; ++i) {
        const auto at = float(i * spec.step);
        osg::Vec3Array *target = (i % spec.majorEvery == 0) ? major.get() : minor.get();
        target->push_back({ at, -extent, 0.f });
        target->push_back({ at, extent, 0.f });
        target->push_back({ -extent, at, 0.f });
        target->push_back({ extent, at, 0.f });
    }
    osg::ref_ptr<osg::Vec3Array> axes = new osg::Vec3Array;
    axes->push_back({ 0.f, 0.f, 0.f });
    axes->push_back({ extent, 0.f, 0.f });
    axes->push_back({ 0.f, 0.f, 0.f });
    axes->push_back({ 0.f, extent, 0.f });
    axes->push_back({ 0.f, 0.f, 0.f });
    axes->push_back({ 0.f, 0.f, extent * 0.25f });

    m_minor = makeLines(minor.get(), 1.f);
    m_major = makeLines(major.get(), 2.f);
    m_axes = makeLines(axes.get(), 3.f);
    osg::ref_ptr<osg::Vec4Array> axisColors = new osg::Vec4Array(6);
    m_axes->setColorArray(axisColors.get(), osg::Array::BIND_PER_VERTEX);
    // The axes always win over the grid lines they lie on.
    osg::StateSet *axesState = m_axes->getOrCreateStateSet();
    axesState->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    axesState->setRenderBinDetails(10, "RenderBin");

    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(m_minor.get());
    geode->addDrawable(m_major.get());
    geode->addDrawable(m_axes.get());
    geode->getOrCreateStateSet()->setMode(
        GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    m_root->addChild(geode.get());
    setPalette(palette);
}

void GroundGrid::setColor(osg::Geometry *geometry, const osg::Vec4 &color)
{
    auto *colors = dynamic_cast<osg::Vec4Array *>(geometry->getColorArray());
    if (!colors) {
        colors = new osg::Vec4Array(1);
        geometry->setColorArray(colors, osg::Array::BIND_OVERALL);
    }
    (*colors)[0] = color;
    colors->dirty();
}

void GroundGrid::setPalette(const Palette3D &palette)
{
    setColor(m_minor.get(), palette.gridMinor);
    setColor(m_major.get(), palette.gridMajor);
    auto *axisColors = static_cast<osg::Vec4Array *>(m_axes->getColorArray());
    (*axisColors)[0] = (*axisColors)[1] = palette.axisEast;
    (*axisColors)[2] = (*axisColors)[3] = palette.axisNorth;
    (*axisColors)[4] = (*axisColors)[5] = palette.axisUp;
    axisColors->dirty();
}

} // namespace opsdeck::views3d
