#pragma once

#include <QLoggingCategory>

namespace opsdeck::views3d {
Q_DECLARE_LOGGING_CATEGORY(lcViews3d)
}
