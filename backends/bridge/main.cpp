// opsdeck-bridge: the DDS-bridge backend as a process. Serves until SIGINT or
// SIGTERM. Options come from the command line and, for anything not given
// there, from a `key = value` config file (--config; keys = option names).
#include "backends/bridge/bridgeserver.h"
#include "backends/bridge/epochtime.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <map>

namespace {

bool readConfig(const QString &path, std::map<QString, QString> *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
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
            return false;
        }
        (*out)[text.left(eq).trimmed()] = text.mid(eq + 1).trimmed();
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr); // before any thread starts

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("opsdeck-bridge"));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("OpsDeck DDS-bridge: a Cyclone DDS participant and a gRPC server (opsdeck.v1.Bridge) "
                       "that forwards the "
                       "simulation topics one-to-many to consoles and hosts the simulation's control module "
                       "and time manager. "
                       "DDS uses the loopback-only configuration unless CYCLONEDDS_URI is set."));
    parser.addHelpOption();
    struct Opt
    {
        const char *name;
        const char *help;
        const char *value;
    };
    const Opt opts[] = {
        { "config", "key = value file with any of these options (command line wins).", "file" },
        { "listen", "gRPC address (default 127.0.0.1:50051).", "host:port" },
        { "domain", "DDS domain id (default 0).", "id" },
        { "bridge-id", "Name shown to consoles (default opsdeck-bridge).", "name" },
        { "tokens", "Bearer token file: lines '<viewer|operator> <identity> <token>'.", "file" },
        { "tls-cert", "Server certificate (PEM); turns TLS on.", "file" },
        { "tls-key", "Server private key (PEM).", "file" },
        { "tls-client-ca", "CA (PEM) that verifies client certificates.", "file" },
        { "require-client-cert", "true: refuse clients without a valid certificate.", "bool" },
        { "allow-insecure-remote", "true: allow plaintext on a non-loopback address.", "bool" },
        { "control", "true (default): run the control module and time manager.", "bool" },
        { "dt-ms", "Simulation time per step in ms (default 100).", "ms" },
        { "rate", "Real-time factor: sim seconds per wall second (default 1).", "x" },
        { "epoch", "UTC epoch of sim time 0, 2026-01-01T00:00:00Z or Unix seconds.", "time" },
        { "audit-log", "Control audit log file (default opsdeck-bridge-audit.log).", "file" },
        { "stats-ms", "BridgeStats period in ms (default 1000).", "ms" },
        { "history-wait-ms",
            "After start, hold snapshots until the members' state has arrived, at most this long "
            "(default 1000; 0 = answer at once).",
            "ms" },
    };
    std::map<QString, QCommandLineOption> options;
    for (const Opt &o : opts) {
        QCommandLineOption option(
            QString::fromLatin1(o.name), QString::fromLatin1(o.help), QString::fromLatin1(o.value));
        parser.addOption(option);
        options.emplace(QString::fromLatin1(o.name), option);
    }
    parser.process(app);

    std::map<QString, QString> fileValues;
    if (parser.isSet(options.at(QStringLiteral("config")))) {
        QString error;
        if (!readConfig(parser.value(options.at(QStringLiteral("config"))), &fileValues, &error)) {
            std::fprintf(stderr, "opsdeck-bridge: %s\n", qPrintable(error));
            return 2;
        }
        for (const auto &[key, value] : fileValues) {
            if (!options.count(key) || key == QStringLiteral("config")) {
                std::fprintf(stderr, "opsdeck-bridge: unknown config key '%s'\n", qPrintable(key));
                return 2;
            }
        }
    }
    auto value = [&](const char *name) {
        const QCommandLineOption &o = options.at(QString::fromLatin1(name));
        if (parser.isSet(o))
            return parser.value(o);
        const auto it = fileValues.find(QString::fromLatin1(name));
        return it == fileValues.end() ? QString() : it->second;
    };
    auto flag = [&](const char *name, bool fallback) {
        const QString v = value(name).toLower();
        return v.isEmpty()
            ? fallback
            : (v == QStringLiteral("true") || v == QStringLiteral("1") || v == QStringLiteral("yes"));
    };

    opsdeck::bridge::BridgeConfig c;
    c.listen = value("listen").isEmpty() ? std::string("127.0.0.1:50051") : value("listen").toStdString();
    bool ok = true;
    auto number = [&](const char *name, auto apply) {
        const QString v = value(name);
        if (v.isEmpty() || !ok)
            return;
        bool good = false;
        const double d = v.toDouble(&good);
        if (!good || d < 0) {
            std::fprintf(
                stderr, "opsdeck-bridge: --%s needs a non-negative number, got '%s'\n", name, qPrintable(v));
            ok = false;
            return;
        }
        apply(d);
    };
    number("domain", [&](double d) { c.domain = std::uint32_t(d); });
    number("dt-ms", [&](double d) { c.dtNs = std::int64_t(d * 1e6); });
    number("rate", [&](double d) { c.realTimeFactor = d; });
    number("stats-ms", [&](double d) { c.statsPeriodMs = int(d); });
    number("history-wait-ms", [&](double d) { c.historyWaitMs = int(std::min(d, 60000.0)); });
    if (!ok)
        return 2;
    if (!value("epoch").isEmpty()
        && !opsdeck::bridge::parseEpoch(value("epoch").toStdString(), &c.epochUnixNs)) {
        std::fprintf(stderr, "opsdeck-bridge: --epoch takes 2026-01-01T00:00:00Z or Unix seconds\n");
        return 2;
    }
    if (!value("bridge-id").isEmpty())
        c.bridgeId = value("bridge-id").toStdString();
    c.tokenFile = value("tokens").toStdString();
    c.tlsCertFile = value("tls-cert").toStdString();
    c.tlsKeyFile = value("tls-key").toStdString();
    c.tlsClientCaFile = value("tls-client-ca").toStdString();
    c.requireClientCert = flag("require-client-cert", false);
    c.allowInsecureRemote = flag("allow-insecure-remote", false);
    c.controlEnabled = flag("control", true);
    c.auditLogPath = value("audit-log").isEmpty() ? std::string("opsdeck-bridge-audit.log")
                                                  : value("audit-log").toStdString();
    if (c.tokenFile.empty())
        std::fprintf(
            stderr, "opsdeck-bridge: warning: no --tokens file; every caller may control the simulation\n");

    opsdeck::bridge::BridgeServer bridge(c);
    std::string error;
    if (!bridge.start(&error)) {
        std::fprintf(stderr, "opsdeck-bridge: %s\n", error.c_str());
        return 1;
    }
    std::printf("opsdeck-bridge listening on %s\n", bridge.address().c_str());
    std::fflush(stdout);
    int received = 0;
    sigwait(&stopSignals, &received);
    std::fprintf(stderr, "opsdeck-bridge: signal %d, shutting down\n", received);
    bridge.stop();
    return 0;
}
