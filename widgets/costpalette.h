#pragma once

#include <QColor>
#include <QPalette>

namespace opsdeck::widgets {

// Colours of the Costs view. Categorical colours are the Okabe–Ito set
// (distinguishable with the common colour-vision deficiencies); each has a
// variant that keeps its contrast on a dark window.
class CostPalette
{
public:
    static bool isDark(const QPalette &palette);
    // i-th categorical colour (wraps after 7).
    static QColor series(int i, bool dark);
    // Fixed colour per FOCUS PricingCategory value, so "spot" is the same
    // colour in every chart.
    static QColor pricing(int pricingCategory, bool dark);
    static QColor savings(bool dark); // money saved
    static QColor overspend(bool dark); // money lost (negative savings)
};

} // namespace opsdeck::widgets
