#pragma once

#include <QLoggingCategory>

namespace opsdeck::widgets {
Q_DECLARE_LOGGING_CATEGORY(lcWidgets)
}
