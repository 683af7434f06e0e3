#pragma once

#include <QLoggingCategory>

namespace opsdeck::clients {
Q_DECLARE_LOGGING_CATEGORY(lcClients)
}
