#include "views3d/palette3d.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace opsdeck::views3d {

Palette3D Palette3D::light()
{
    return {
        { 0.96f, 0.97f, 0.98f, 1.f },
        { 0.55f, 0.60f, 0.66f, 1.f },
        { 0.80f, 0.83f, 0.86f, 1.f },
        { 0.84f, 0.19f, 0.15f, 1.f },
        { 0.17f, 0.63f, 0.17f, 1.f },
        { 0.12f, 0.47f, 0.71f, 1.f },
        { 0.10f, 0.10f, 0.12f, 1.f },
        { 0.85f, 0.15f, 0.62f, 1.f },
    };
}

Palette3D Palette3D::dark()
{
    return {
        { 0.09f, 0.10f, 0.12f, 1.f },
        { 0.42f, 0.46f, 0.52f, 1.f },
        { 0.22f, 0.24f, 0.28f, 1.f },
        { 0.96f, 0.42f, 0.36f, 1.f },
        { 0.45f, 0.85f, 0.45f, 1.f },
        { 0.40f, 0.68f, 0.96f, 1.f },
        { 0.92f, 0.93f, 0.95f, 1.f },
        { 1.00f, 0.45f, 0.82f, 1.f },
    };
}

osg::Vec4 Palette3D::ramp(double t)
{
    // Five anchors of the viridis map, linearly interpolated.
    static constexpr std::array<std::array<float, 3>, 5> kAnchors { {
        { 0.267f, 0.005f, 0.329f },
        { 0.230f, 0.322f, 0.546f },
        { 0.128f, 0.567f, 0.551f },
        { 0.369f, 0.789f, 0.383f },
        { 0.993f, 0.906f, 0.144f },
    } };
    if (std::isnan(t))
        t = 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double pos = t * double(kAnchors.size() - 1);
    const std::size_t i = std::min(std::size_t(pos), kAnchors.size() - 2);
    const float f = float(pos - double(i));
    const auto &a = kAnchors[i];
    const auto &b = kAnchors[i + 1];
    return { a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f, 1.f };
}

} // namespace opsdeck::views3d
