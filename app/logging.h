#pragma once

#include <QLoggingCategory>

namespace opsdeck::app {
Q_DECLARE_LOGGING_CATEGORY(lcApp)
}
