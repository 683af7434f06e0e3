#include "model/logging.h"

namespace opsdeck::model {
Q_LOGGING_CATEGORY(lcModel, "opsdeck.model")
}
