#include "widgets/logging.h"

namespace opsdeck::widgets {
Q_LOGGING_CATEGORY(lcWidgets, "opsdeck.widgets", QtInfoMsg)
}
