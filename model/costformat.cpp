#include "model/costformat.h"

#include <QLocale>

#include <cmath>

namespace opsdeck::model {

QString CostFormat::money(double amount, const QString &currency)
{
    const int decimals = std::abs(amount) < 1.0 && amount != 0.0 ? 4 : 2;
    const QString number = QLocale().toString(amount, 'f', decimals);
    return currency.isEmpty() ? number : currency + QLatin1Char(' ') + number;
}

QString CostFormat::quantity(double value)
{
    const int decimals = std::abs(value) >= 100 ? 0 : 2;
    return QLocale().toString(value, 'f', decimals);
}

} // namespace opsdeck::model
