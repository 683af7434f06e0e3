#include "app/logging.h"

namespace opsdeck::app {
Q_LOGGING_CATEGORY(lcApp, "opsdeck.app", QtInfoMsg)
}
