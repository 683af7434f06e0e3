#include "app/commandline.h"

#include "app/layouts.h"
#include "model/endpointurl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace opsdeck::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("opsdeck::app::CommandLine", text);
}

} // namespace

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("OpsDeck: operations console for a distributed network simulation (DDS-bridge), a gRPC "
           "service mesh and a billing backend."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
        tr("Start the simulation, DDS-bridge, service mesh and billing backends in this process "
           "on loopback, connect to them and play the demo story."));
    const QCommandLineOption demoDomain(QStringLiteral("demo-domain"),
        tr("With --demo: the DDS domain of its simulation and bridge (0-232, default 31; two demos on "
           "one machine need two domains)."),
        tr("N"));
    const QCommandLineOption replay(QStringLiteral("replay"),
        tr("Open a recording (.opsrec) on the timeline; live connections stay off."), tr("FILE"));
    const QCommandLineOption record(QStringLiteral("record"),
        tr("Headless recorder: connect to --bridge/--telemetry/--billing and record everything to FILE "
           "without a window until SIGINT or SIGTERM."),
        tr("FILE"));
    const QCommandLineOption splitSize(
        QStringLiteral("split-size"), tr("With --record: start a new file every MB megabytes."), tr("MB"));
    const QCommandLineOption splitMinutes(
        QStringLiteral("split-minutes"), tr("With --record: start a new file every N minutes."), tr("N"));
    const QCommandLineOption bridge(
        QStringLiteral("bridge"), tr("DDS-bridge address: grpc[s]://host:port."), tr("URL"));
    const QCommandLineOption telemetry(
        QStringLiteral("telemetry"), tr("Telemetry (RPC mesh) address: grpc[s]://host:port."), tr("URL"));
    const QCommandLineOption billing(
        QStringLiteral("billing"), tr("Billing address: grpc[s]://host:port."), tr("URL"));
    const QCommandLineOption token(QStringLiteral("token"),
        tr("Bearer token for all backends (not saved; visible to other local users "
           "in the process list, prefer File > Connect)."),
        tr("TOKEN"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        tr("After start-up and the first 3D frame, save the window as a PNG and "
           "exit (0 on success)."),
        tr("FILE"));
    const QCommandLineOption fullscreen(QStringLiteral("fullscreen"), tr("Start full screen."));
    const QCommandLineOption theme(
        QStringLiteral("theme"), tr("Colour theme: light or dark."), tr("light|dark"));
    const QCommandLineOption layout(QStringLiteral("layout"),
        tr("Dock layout: %1.").arg(layoutNames().join(QStringLiteral(", "))), tr("NAME"));
    const QCommandLineOption size(
        QStringLiteral("size"), tr("Window size in pixels, e.g. 1600x1000."), tr("WxH"));
    parser.addOptions({ demo, demoDomain, replay, record, splitSize, splitMinutes, bridge, telemetry, billing,
        token, screenshot, fullscreen, theme, layout, size });

    CommandLine result;
    auto error = [&result](const QString &message) {
        result.action = CommandLine::Action::Error;
        result.text = message + QLatin1Char('\n') + tr("Run with --help for the options.");
        return result;
    };
    if (!parser.parse(arguments))
        return error(parser.errorText());
    if (parser.isSet(help)) {
        result.action = CommandLine::Action::ShowHelp;
        // Without a QCoreApplication Qt prints "<executable_name>".
        result.text
            = parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("opsdeck"));
        return result;
    }
    if (parser.isSet(version)) {
        result.action = CommandLine::Action::ShowVersion;
        result.text = QStringLiteral("opsdeck %1").arg(QStringLiteral(OPSDECK_VERSION));
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return error(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    CommandLineOptions &o = result.options;
    o.demo = parser.isSet(demo);
    o.fullscreen = parser.isSet(fullscreen);
    if (parser.isSet(demoDomain)) {
        bool ok = false;
        const int domain = parser.value(demoDomain).toInt(&ok);
        if (!ok || domain < 0 || domain > 232)
            return error(tr("--demo-domain: '%1' is not a DDS domain (0-232)").arg(parser.value(demoDomain)));
        if (!o.demo)
            return error(tr("--demo-domain needs --demo"));
        o.demoDomain = domain;
    }
    if (parser.isSet(replay)) {
        o.replayFile = parser.value(replay);
        if (!QFileInfo(o.replayFile).isFile())
            return error(tr("--replay: no such file: %1").arg(o.replayFile));
    }
    if (parser.isSet(record)) {
        o.recordFile = parser.value(record);
        if (o.recordFile.isEmpty())
            return error(tr("--record: the file name is empty"));
        if (QFileInfo::exists(o.recordFile))
            return error(tr("--record: %1 exists; a recording is never overwritten").arg(o.recordFile));
        if (!o.replayFile.isEmpty() || o.demo)
            return error(tr("--record cannot be combined with --replay or --demo"));
    }
    const std::pair<const QCommandLineOption *, int *> splits[]
        = { { &splitSize, &o.splitMegabytes }, { &splitMinutes, &o.splitMinutes } };
    for (const auto &[option, target] : splits) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        *target = parser.value(*option).toInt(&ok);
        if (!ok || *target <= 0 || *target > 1'000'000)
            return error(QStringLiteral("--%1: %2")
                             .arg(option->names().constFirst(),
                                 tr("'%1' is not a positive whole number").arg(parser.value(*option))));
        if (o.recordFile.isEmpty())
            return error(tr("--%1 needs --record FILE").arg(option->names().constFirst()));
    }
    const std::pair<const QCommandLineOption *, QString *> urls[]
        = { { &bridge, &o.bridgeUrl }, { &telemetry, &o.telemetryUrl }, { &billing, &o.billingUrl } };
    for (const auto &[option, target] : urls) {
        if (!parser.isSet(*option))
            continue;
        QString why;
        if (!model::parseEndpointUrl(parser.value(*option), nullptr, &why))
            return error(QStringLiteral("--%1: %2").arg(option->names().constFirst(), why));
        *target = parser.value(*option).trimmed();
    }
    if (parser.isSet(token)) {
        o.token = parser.value(token);
        if (o.token.isEmpty())
            return error(tr("--token: the token is empty"));
    }
    if (parser.isSet(screenshot)) {
        o.screenshotFile = parser.value(screenshot);
        if (o.screenshotFile.isEmpty())
            return error(tr("--screenshot: the file name is empty"));
    }
    if (parser.isSet(theme)) {
        o.theme = widgets::themeFromName(parser.value(theme));
        if (!o.theme)
            return error(tr("--theme: '%1' is not a theme; use light or dark").arg(parser.value(theme)));
    }
    if (parser.isSet(layout)) {
        o.layout = canonicalLayoutName(parser.value(layout));
        if (o.layout.isEmpty())
            return error(tr("--layout: '%1' is not a layout; use one of %2")
                             .arg(parser.value(layout), layoutNames().join(QStringLiteral(", "))));
    }
    if (parser.isSet(size)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$"));
        const QRegularExpressionMatch match = pattern.match(parser.value(size));
        const int w = match.hasMatch() ? match.captured(1).toInt() : 0;
        const int h = match.hasMatch() ? match.captured(2).toInt() : 0;
        if (w < 320 || h < 240 || w > 16384 || h > 16384)
            return error(tr("--size: '%1' is not a window size; use WxH between 320x240 and 16384x16384")
                             .arg(parser.value(size)));
        o.windowSize = QSize(w, h);
    }
    return result;
}

} // namespace opsdeck::app
