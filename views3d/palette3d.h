#pragma once

#include <osg/Vec4>

namespace opsdeck::views3d {

// Colours of the 3D view for one theme. Ramps are colour-blind safe
// (a viridis-like sequential ramp: dark purple = bad, yellow = good).
struct Palette3D
{
    osg::Vec4 background;
    osg::Vec4 gridMajor;
    osg::Vec4 gridMinor;
    osg::Vec4 axisEast;
    osg::Vec4 axisNorth;
    osg::Vec4 axisUp;
    osg::Vec4 text;
    osg::Vec4 route; // highlighted routes: apart from the ramp and the status colours

    static Palette3D light();
    static Palette3D dark();

    // Sequential ramp for t in [0, 1]; values outside are clamped, NaN maps to 0.
    static osg::Vec4 ramp(double t);
};

} // namespace opsdeck::views3d
