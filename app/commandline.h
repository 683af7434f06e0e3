#pragma once

#include "widgets/theme.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace opsdeck::app {

// Everything the command line can ask for, parsed and validated.
struct CommandLineOptions
{
    bool demo = false;
    int demoDomain = -1; // --demo-domain; -1 = OPSDECK_DEMO_DOMAIN or DemoOptions' default
    QString replayFile;
    QString recordFile; // headless recorder: no window
    int splitMegabytes = 0; // with recordFile; 0 = never split by size
    int splitMinutes = 0; // with recordFile; 0 = never split by duration
    QString bridgeUrl; // validated with model::parseEndpointUrl; empty = from settings
    QString telemetryUrl;
    QString billingUrl;
    QString token; // empty = from settings
    QString screenshotFile;
    bool fullscreen = false;
    std::optional<widgets::ThemeKind> theme; // unset = from settings
    QString layout; // canonical name ("Operator"); empty = restore the saved layout
    QSize windowSize; // invalid = saved or default size
};

struct CommandLine
{
    enum class Action { Run, ShowHelp, ShowVersion, Error };
    Action action = Action::Run;
    CommandLineOptions options;
    QString text; // the help text, the version line or the error (with a hint)
};

// Parses arguments (arguments[0] is the program). Pure apart from checking
// that a --replay file exists; main() prints `text` and exits for anything
// but Action::Run.
CommandLine parseCommandLine(const QStringList &arguments);

} // namespace opsdeck::app
