// opsdeck-sim: runs the aeronautical ad-hoc network as a DDS simulation member
// until SIGINT/SIGTERM. Options come from the command line and, for anything
// not given there, from a `key = value` config file (--config).
#include "backends/sim/simmember.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <map>

namespace {

std::map<QString, QString> readConfig(const QString &path, QString *error)
{
    std::map<QString, QString> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return out;
    }
    int line = 0;
    QTextStream in(&file);
    while (!in.atEnd()) {
        ++line;
        const QString text = in.readLine().section('#', 0, 0).trimmed();
        if (text.isEmpty())
            continue;
        const qsizetype eq = text.indexOf('=');
        if (eq <= 0) {
            *error = QStringLiteral("%1:%2: expected key = value").arg(path).arg(line);
            return out;
        }
        out[text.left(eq).trimmed()] = text.mid(eq + 1).trimmed();
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    // Block the stop signals before any thread starts, so only sigwait() below sees them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("opsdeck-sim"));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "OpsDeck simulation member: an aeronautical ad-hoc network (aircraft, radio links, routed flows) "
        "published on Cyclone DDS. It waits in INIT until the bridge's control module starts it and advances "
        "only on TimeAdvance grants. DDS uses the loopback-only configuration unless CYCLONEDDS_URI is "
        "set."));
    parser.addHelpOption();
    const QCommandLineOption config(QStringLiteral("config"),
        QStringLiteral("key = value file with any of the options below."), QStringLiteral("file"));
    const QCommandLineOption domain(
        QStringLiteral("domain"), QStringLiteral("DDS domain id (default 0)."), QStringLiteral("id"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
        QStringLiteral("Scenario file (default: built-in 60 aircraft)."), QStringLiteral("file"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QStringLiteral("Random seed (default: the scenario's)."), QStringLiteral("n"));
    const QCommandLineOption aircraft(QStringLiteral("aircraft"),
        QStringLiteral("Random aircraft count, overrides the scenario (0..10000)."), QStringLiteral("n"));
    const QCommandLineOption member(QStringLiteral("member-id"),
        QStringLiteral("Member id that owns the published keys (default sim-<pid>)."), QStringLiteral("id"));
    const QCommandLineOption check(
        QStringLiteral("check"), QStringLiteral("Only parse the scenario file and report errors."));
    parser.addOptions({ config, domain, scenario, seed, aircraft, member, check });
    parser.process(app);

    std::map<QString, QString> fileValues;
    if (parser.isSet(config)) {
        QString error;
        fileValues = readConfig(parser.value(config), &error);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "opsdeck-sim: %s\n", qPrintable(error));
            return 2;
        }
    }
    auto value = [&](const QCommandLineOption &o) {
        if (parser.isSet(o))
            return parser.value(o);
        const auto it = fileValues.find(o.names().first());
        return it == fileValues.end() ? QString() : it->second;
    };

    opsdeck::sim::SimConfig c;
    bool ok = true;
    if (!value(domain).isEmpty())
        c.domain = value(domain).toUInt(&ok);
    if (ok && !value(seed).isEmpty())
        c.seed = value(seed).toULongLong(&ok);
    if (ok && !value(aircraft).isEmpty()) {
        c.aircraft = value(aircraft).toInt(&ok);
        ok = ok && c.aircraft >= 0 && c.aircraft <= 10000;
    }
    if (!ok) {
        std::fprintf(
            stderr, "opsdeck-sim: --domain, --seed and --aircraft take numbers (aircraft 0..10000)\n");
        return 2;
    }
    c.scenarioFile = value(scenario).toStdString();
    c.memberId = value(member).toStdString();

    if (parser.isSet(check)) {
        std::string error;
        if (c.scenarioFile.empty() || opsdeck::sim::loadScenarioFile(c.scenarioFile, &error)) {
            std::printf("scenario OK\n");
            return 0;
        }
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }

    opsdeck::sim::SimMember sim(c);
    std::string error;
    if (!sim.start(&error)) {
        std::fprintf(stderr, "opsdeck-sim: %s\n", error.c_str());
        return 1;
    }
    int received = 0;
    sigwait(&stopSignals, &received);
    std::fprintf(stderr, "opsdeck-sim: signal %d, leaving the simulation\n", received);
    sim.stop();
    return 0;
}
