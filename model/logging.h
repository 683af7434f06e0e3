#pragma once

#include <QLoggingCategory>

namespace opsdeck::model {
Q_DECLARE_LOGGING_CATEGORY(lcModel)
}
