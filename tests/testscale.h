#pragma once

#include <QString>
#include <QtGlobal>

// CI-scaled timeouts for QTRY_* and signal waits (HELPERS.md): multiply by
// the environment variable OPSDECK_TIMEOUT_SCALE (default 1).
inline int scaledTimeout(int ms)
{
    bool ok = false;
    const double scale = qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble(&ok);
    return ok && scale > 0 ? int(ms * scale) : ms;
}
