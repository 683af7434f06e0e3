#pragma once

#include <QString>

namespace opsdeck::model {

// Money and quantities as the Costs view shows them.
struct CostFormat
{
    // "USD 1,234.56"; amounts under 1 keep four decimals so per-second
    // charges do not read as zero.
    static QString money(double amount, const QString &currency);
    static QString quantity(double value);
};

} // namespace opsdeck::model
