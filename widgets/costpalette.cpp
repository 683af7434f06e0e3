#include "widgets/costpalette.h"

#include <array>

namespace opsdeck::widgets {
namespace {

// Okabe & Ito (2008), without black: blue, orange, bluish green, vermillion,
// sky blue, reddish purple, yellow.
constexpr std::array<QRgb, 7> kLight
    = { 0xff0072b2, 0xffe69f00, 0xff009e73, 0xffd55e00, 0xff56b4e9, 0xffcc79a7, 0xfff0e442 };
// Lightened for dark windows, same hues.
constexpr std::array<QRgb, 7> kDark
    = { 0xff3d9be0, 0xfff2b533, 0xff2fc79a, 0xffff7a2e, 0xff85cdf5, 0xffe29cc4, 0xfff5ec6e };

} // namespace

bool CostPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor CostPalette::series(int i, bool dark)
{
    const auto &set = dark ? kDark : kLight;
    return QColor::fromRgb(set[std::size_t(((i % 7) + 7) % 7)]);
}

QColor CostPalette::pricing(int category, bool dark)
{
    switch (category) {
    case 1:
        return series(0, dark); // Standard (on-demand): blue
    case 2:
        return series(1, dark); // Dynamic (spot): orange
    case 3:
        return series(2, dark); // Committed: bluish green
    case 4:
        return series(5, dark); // Other: reddish purple
    default:
        return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
    }
}

QColor CostPalette::savings(bool dark)
{
    return series(2, dark);
}

QColor CostPalette::overspend(bool dark)
{
    return series(3, dark);
}

} // namespace opsdeck::widgets
