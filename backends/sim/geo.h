#pragma once

namespace opsdeck::sim {

struct Geodetic
{
    double latDeg = 0;
    double lonDeg = 0;
    double altM = 0;
};

struct Vec3
{
    double x = 0; // east
    double y = 0; // north
    double z = 0; // up
};

// WGS-84 conversions between geodetic coordinates and a local East-North-Up
// tangent plane anchored at `origin` (altitude 0). ENU is Cartesian, so the
// Euclidean distance between two ENU points is the straight-line distance.
class LocalFrame
{
public:
    explicit LocalFrame(Geodetic origin);

    Vec3 toEnu(const Geodetic &g) const;
    Geodetic toGeodetic(const Vec3 &enu) const;
    // The ENU point above (east, north) whose geodetic altitude is altM
    // (the tangent plane falls away from the ellipsoid with distance).
    Vec3 enuAtAltitude(double east, double north, double altM) const;

    const Geodetic &origin() const { return m_origin; }

private:
    Geodetic m_origin;
    double m_ox, m_oy, m_oz; // origin in ECEF
    double m_sinLat, m_cosLat, m_sinLon, m_cosLon;
};

} // namespace opsdeck::sim
