#include "backends/sim/geo.h"

#include <cmath>
#include <numbers>

namespace opsdeck::sim {

namespace {

constexpr double kA = 6378137.0; // WGS-84 semi-major axis
constexpr double kF = 1.0 / 298.257223563; // flattening
constexpr double kE2 = kF * (2.0 - kF); // first eccentricity squared
constexpr double kDeg = std::numbers::pi / 180.0;

void toEcef(const Geodetic &g, double &x, double &y, double &z)
{
    const double lat = g.latDeg * kDeg, lon = g.lonDeg * kDeg;
    const double s = std::sin(lat), c = std::cos(lat);
    const double n = kA / std::sqrt(1.0 - kE2 * s * s);
    x = (n + g.altM) * c * std::cos(lon);
    y = (n + g.altM) * c * std::sin(lon);
    z = (n * (1.0 - kE2) + g.altM) * s;
}

Geodetic fromEcef(double x, double y, double z)
{
    // Iterative solution; converges to sub-millimetre in a few rounds at aircraft altitudes.
    const double p = std::hypot(x, y);
    double lat = std::atan2(z, p * (1.0 - kE2));
    double alt = 0;
    for (int i = 0; i < 5; ++i) {
        const double s = std::sin(lat);
        const double n = kA / std::sqrt(1.0 - kE2 * s * s);
        alt = p / std::cos(lat) - n;
        lat = std::atan2(z, p * (1.0 - kE2 * n / (n + alt)));
    }
    return { lat / kDeg, std::atan2(y, x) / kDeg, alt };
}

} // namespace

LocalFrame::LocalFrame(Geodetic origin)
    : m_origin(origin)
{
    toEcef(origin, m_ox, m_oy, m_oz);
    m_sinLat = std::sin(origin.latDeg * kDeg);
    m_cosLat = std::cos(origin.latDeg * kDeg);
    m_sinLon = std::sin(origin.lonDeg * kDeg);
    m_cosLon = std::cos(origin.lonDeg * kDeg);
}

Vec3 LocalFrame::toEnu(const Geodetic &g) const
{
    double x, y, z;
    toEcef(g, x, y, z);
    const double dx = x - m_ox, dy = y - m_oy, dz = z - m_oz;
    return { -m_sinLon * dx + m_cosLon * dy,
        -m_sinLat * m_cosLon * dx - m_sinLat * m_sinLon * dy + m_cosLat * dz,
        m_cosLat * m_cosLon * dx + m_cosLat * m_sinLon * dy + m_sinLat * dz };
}

Geodetic LocalFrame::toGeodetic(const Vec3 &e) const
{
    const double x = m_ox - m_sinLon * e.x - m_sinLat * m_cosLon * e.y + m_cosLat * m_cosLon * e.z;
    const double y = m_oy + m_cosLon * e.x - m_sinLat * m_sinLon * e.y + m_cosLat * m_sinLon * e.z;
    const double z = m_oz + m_cosLat * e.y + m_sinLat * e.z;
    return fromEcef(x, y, z);
}

Vec3 LocalFrame::enuAtAltitude(double east, double north, double altM) const
{
    // Start from the spherical drop of the tangent plane, then correct twice.
    Vec3 p { east, north, altM - (east * east + north * north) / (2.0 * kA) };
    for (int i = 0; i < 2; ++i)
        p.z += altM - toGeodetic(p).altM;
    return p;
}

} // namespace opsdeck::sim
