#pragma once

#include <QLoggingCategory>

namespace opsdeck::app {
// The in-process demo system and its story ("opsdeck.demo").
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
} // namespace opsdeck::app
