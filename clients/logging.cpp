#include "clients/logging.h"

namespace opsdeck::clients {
Q_LOGGING_CATEGORY(lcClients, "opsdeck.clients")
}
