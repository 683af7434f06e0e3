#include "views3d/logging.h"

namespace opsdeck::views3d {
Q_LOGGING_CATEGORY(lcViews3d, "opsdeck.views3d", QtInfoMsg)
}
