#pragma once

#include "views3d/palette3d.h"

#include <osg/Geometry>
#include <osg/Group>
#include <osg/ref_ptr>

namespace opsdeck::views3d {

// The ground plane (z = 0) as a square grid of minor and major lines plus the
// three axes (east = +x, north = +y, up = +z) drawn on top. Unlit, so pixels
// carry exactly the palette's colours. Three geometries in all, whatever the
// size; setPalette() recolours them in place.
class GroundGrid
{
public:
    struct Spec
    {
        double halfExtent = 100.0; // metres from the origin to the edge
        double step = 10.0; // metres between minor lines
        int majorEvery = 5; // every n-th line is a major line
    };

    explicit GroundGrid(const Palette3D &palette, const Spec &spec);
    GroundGrid(const Palette3D &palette)
        : GroundGrid(palette, Spec {})
    { }

    osg::Group *node() const { return m_root.get(); }
    const Spec &spec() const { return m_spec; }
    void setPalette(const Palette3D &palette);

private:
    static void setColor(osg::Geometry *geometry, const osg::Vec4 &color);

    Spec m_spec;
    osg::ref_ptr<osg::Group> m_root;
    osg::ref_ptr<osg::Geometry> m_minor;
    osg::ref_ptr<osg::Geometry> m_major;
    osg::ref_ptr<osg::Geometry> m_axes;
};

} // namespace opsdeck::views3d
