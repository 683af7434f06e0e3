// Bridge benchmarks (shared BENCHMARKS.md). Every figure is compared with a
// reference measured in the same run; see --help for each ratio's direction.
#include "backends/bridge/bridgeserver.h"
#include "backends/dds/loopbackconfig.h"
#include "backends/dds/participant.h"
#include "benchchildren.h"
#include "grpcpingpong.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace opsdeck;

namespace {

constexpr std::uint32_t kDomain = 93;
constexpr std::uint32_t kDdsperfDomain = 94;

const char *kHelp = R"(bench_bridge [--quick] [--help]

Prints BENCH lines (docs: shared BENCHMARKS.md). The bridge runs in this
process; the DDS writer and the gRPC subscribers run as child processes of
this executable, so this process's CPU time is the bridge's alone.

  Subscribers read SubscribeBatched, as the console's BridgeClient does.

  bridge.throughput       Route samples (100-byte CDR payload) per second one gRPC
                          subscriber receives while a DDS writer publishes as fast
                          as it can.  ref = ddsperf pub -> sub (size 100) samples/s.
                          ratio = ours / ref, higher is better, goal >= 0.5.
  bridge.latency.p50/.p99 one-way DDS write (writer process) -> sample decoded in a
                          gRPC client (another process), 1 kHz, microseconds.
                          ref = ddsperf ping/pong round trip / 2 + raw gRPC
                          bidirectional-stream echo round trip / 2, both paced at
                          the same 1 kHz (ddsperf "ping 1000Hz"; one echo per ms),
                          so every hop wakes an idle thread as on the bridge's
                          path. The back-to-back round trips (hot threads, each
                          ping sent the moment the previous pong arrived) are
                          printed as a '#' line with the ratio they would give.
                          ratio = ours / ref, lower is better, goal <= 1.25 (p50),
                          <= 1.5 (p99).
  bridge.fanout           bridge CPU microseconds per DDS sample forwarded to all of
                          32 subscribers (2 kHz over 2,000 keys).  ref = the same
                          with 1 subscriber.  ratio = ours / ref, lower is
                          better, goal <= 4.
  bridge.slow_subscriber  mean rate (samples/s) seen by 31 fast subscribers while a
                          32nd reads 100 x slower.  ref = the same 31 without the
                          slow one.  ratio = ours / ref, higher is better, goal >= 0.95.

  --quick  halves every measurement period.

  OPSDECK_BENCH_LATENCY_ONLY=1 prints only the bridge's one-way latency at 100
  and 1000 samples/s, split at the bridge (a diagnostic, no BENCH lines).
  OPSDECK_BENCH_COMPARE=1 also measures throughput and latency over the
  one-sample-a-message Subscribe rpc ('#' lines).

DDS stays on loopback: the loopback configuration is used (also for ddsperf,
through CYCLONEDDS_URI) unless CYCLONEDDS_URI is already set.
)";

struct ClientResult
{
    bool slow = false;
    std::uint64_t count = 0;
    double span = 0;
    std::uint64_t messages = 0; // SampleBatches (batched subscribers)
    long long firstNs = 0; // steady clock of the first sample
    double rate() const { return span > 0 && count > 1 ? double(count - 1) / span : 0.0; }
};

struct Run
{
    bool ok = false;
    double cpuSeconds = 0;
    double writerCpuSeconds = 0, clientsCpuSeconds = 0;
    long long writerStartNs = 0;
    std::uint64_t written = 0;
    double writerSeconds = 0;
    std::vector<ClientResult> clients;
    double p50Us = 0, p99Us = 0;
    double toBridgeP50Us = 0, fromBridgeP50Us = 0;
    opsdeck::v1::BridgeStats stats; // the bridge's last periodic stats (every 100 ms)
    std::uint64_t delivered() const
    {
        std::uint64_t n = 0;
        for (const ClientResult &c : clients)
            n += c.count;
        return n;
    }
    double meanFastRate() const
    {
        double sum = 0;
        int n = 0;
        for (const ClientResult &c : clients)
            if (!c.slow) {
                sum += c.rate();
                ++n;
            }
        return n ? sum / n : 0.0;
    }
};

double cpuNow()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

// Subscribers use SubscribeBatched (as the console does) unless `batched` is false.
Run runBridge(
    int fast, int slowSleepUs, double rateHz, int durationMs, int keys, bool latency, bool batched = true)
{
    Run run;
    bridge::BridgeConfig config;
    config.domain = kDomain;
    config.controlEnabled = false;
    config.statsPeriodMs = 100;
    config.historyWaitMs = 0; // the subscribers skip the snapshot anyway
    bridge::BridgeServer server(config);
    std::string error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "bench: %s\n", error.c_str());
        return run;
    }
    const QString self = QCoreApplication::applicationFilePath();
    QProcess clients;
    // Clients run until told to stop (SIGTERM) after the writer finished and the
    // bridge drained; the deadline given here is only a safety net.
    clients.start(self,
        { QStringLiteral("--clients"), QString::fromStdString(server.address()), QString::number(fast),
            QString::number(slowSleepUs), QString::number(durationMs + 20000),
            QString::number(latency ? 1 : 0), QString::number(batched ? 1 : 0) });
    const int expected = fast + (slowSleepUs > 0 ? 1 : 0);
    for (int i = 0; i < 1000 && int(server.subscriberCount()) < expected; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (int(server.subscriberCount()) < expected) {
        std::fprintf(stderr, "bench: subscribers did not connect\n");
        clients.kill();
        clients.waitForFinished();
        return run;
    }
    const double cpu0 = cpuNow();
    QProcess writer;
    writer.start(self,
        { QStringLiteral("--writer"), QString::number(kDomain), QString::number(rateHz),
            QString::number(durationMs), QString::number(keys) });
    writer.waitForFinished(durationMs + 15000);
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // drain what the bridge still holds
    clients.terminate();
    clients.waitForFinished(15000);
    run.cpuSeconds = cpuNow() - cpu0;
    run.stats = server.stats();
    server.stop();

    const QString writerOut = QString::fromLocal8Bit(writer.readAllStandardOutput());
    const QRegularExpressionMatch w
        = QRegularExpression(QStringLiteral("written (\\d+) seconds ([0-9.]+) cpu ([0-9.]+) start (\\d+)"))
              .match(writerOut);
    if (!w.hasMatch()) {
        std::fprintf(stderr, "bench: writer failed: %s\n",
            qPrintable(QString::fromLocal8Bit(writer.readAllStandardError())));
        return run;
    }
    run.written = w.captured(1).toULongLong();
    run.writerSeconds = w.captured(2).toDouble();
    run.writerCpuSeconds = w.captured(3).toDouble();
    run.writerStartNs = w.captured(4).toLongLong();
    const QString out = QString::fromLocal8Bit(clients.readAllStandardOutput());
    const QRegularExpression clientLine(
        QStringLiteral("client \\d+ (fast|slow) count (\\d+) span ([0-9.]+) messages (\\d+) first (\\d+)"));
    for (auto it = clientLine.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        run.clients.push_back({ m.captured(1) == QStringLiteral("slow"), m.captured(2).toULongLong(),
            m.captured(3).toDouble(), m.captured(4).toULongLong(), m.captured(5).toLongLong() });
    }
    const QRegularExpressionMatch cc = QRegularExpression(QStringLiteral("clients cpu ([0-9.]+)")).match(out);
    run.clientsCpuSeconds = cc.hasMatch() ? cc.captured(1).toDouble() : 0.0;
    const QRegularExpressionMatch l
        = QRegularExpression(QStringLiteral("latency p50 ([0-9.]+) p99 ([0-9.]+)")).match(out);
    if (l.hasMatch()) {
        run.p50Us = l.captured(1).toDouble();
        run.p99Us = l.captured(2).toDouble();
    }
    const QRegularExpressionMatch split = QRegularExpression(
        QStringLiteral("split writer->bridge p50 ([0-9.-]+) bridge->client p50 ([0-9.-]+)"))
                                              .match(out);
    if (split.hasMatch()) {
        run.toBridgeP50Us = split.captured(1).toDouble();
        run.fromBridgeP50Us = split.captured(2).toDouble();
    }
    run.ok = int(run.clients.size()) == expected;
    return run;
}

// ddsperf as separate processes: "sub" and "pub size 100"; returns samples/s.
double ddsperfThroughput(int durationMs)
{
    const QString seconds = QString::number(std::max(1, durationMs / 1000));
    QProcess sub, pub;
    sub.start(QStringLiteral("ddsperf"),
        { QStringLiteral("-i"), QString::number(kDdsperfDomain), QStringLiteral("-D"),
            QString::number(seconds.toInt() + 2), QStringLiteral("sub") });
    sub.waitForStarted();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    pub.start(QStringLiteral("ddsperf"),
        { QStringLiteral("-i"), QString::number(kDdsperfDomain), QStringLiteral("-D"), seconds,
            QStringLiteral("pub"), QStringLiteral("size"), QStringLiteral("100") });
    pub.waitForFinished(60000);
    sub.waitForFinished(60000);
    // Per-second lines: "... size 100 total N lost 0 delta D ...": the mean of the
    // full seconds (the first and last are partial).
    const QString out = QString::fromLocal8Bit(sub.readAllStandardOutput());
    std::vector<double> deltas;
    const QRegularExpression line(QStringLiteral("size 100 total \\d+ lost \\d+ delta (\\d+)"));
    for (auto it = line.globalMatch(out); it.hasNext();)
        deltas.push_back(it.next().captured(1).toDouble());
    if (deltas.size() >= 3)
        deltas = std::vector<double>(deltas.begin() + 1, deltas.end() - 1);
    double sum = 0;
    for (double d : deltas)
        sum += d;
    return deltas.empty() ? 0.0 : sum / double(deltas.size());
}

// ddsperf ping/pong: round-trip p50 and p99 in microseconds (last report);
// rateHz 0 = back to back, else one ping every 1/rateHz.
bool ddsperfRoundTrip(int durationMs, double rateHz, double *p50, double *p99)
{
    const QString seconds = QString::number(std::max(2, durationMs / 1000));
    QProcess pong, ping;
    pong.start(QStringLiteral("ddsperf"),
        { QStringLiteral("-i"), QString::number(kDdsperfDomain + 1), QStringLiteral("-D"),
            QString::number(seconds.toInt() + 2), QStringLiteral("pong") });
    pong.waitForStarted();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    QStringList pingArgs { QStringLiteral("-i"), QString::number(kDdsperfDomain + 1), QStringLiteral("-D"),
        seconds, QStringLiteral("ping") };
    if (rateHz > 0)
        pingArgs << QStringLiteral("%1Hz").arg(rateHz);
    ping.start(QStringLiteral("ddsperf"), pingArgs);
    ping.waitForFinished(60000);
    pong.kill();
    pong.waitForFinished();
    const QString out = QString::fromLocal8Bit(ping.readAllStandardOutput());
    const QRegularExpression line(QStringLiteral("50% ([0-9.]+)us 90% [0-9.]+us 99% ([0-9.]+)us"));
    bool found = false;
    for (auto it = line.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        *p50 = m.captured(1).toDouble();
        *p99 = m.captured(2).toDouble();
        found = true;
    }
    return found;
}

void report(
    const char *id, double value, const char *unit, double ref, double ratio, const char *op, double goal)
{
    const bool pass = std::strcmp(op, ">=") == 0 ? ratio >= goal : ratio <= goal;
    std::printf("BENCH %s value=%.4g unit=%s ref=%.4g ratio=%.3f goal=%s%g %s\n", id, value, unit, ref, ratio,
        op, goal, pass ? "PASS" : "FAIL");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (!args.isEmpty() && args.first() == QStringLiteral("--writer"))
        return bench::runWriter(args.mid(1));
    if (!args.isEmpty() && args.first() == QStringLiteral("--clients"))
        return bench::runClients(args.mid(1));
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    QLoggingCategory::setFilterRules(QStringLiteral("opsdeck.*.info=false"));
    const bool quick = args.contains(QStringLiteral("--quick"));
    if (qEnvironmentVariableIsSet("OPSDECK_BENCH_LATENCY_ONLY")) {
        if (!dds::userConfigured())
            qputenv("CYCLONEDDS_URI", QByteArray(dds::kLoopbackConfigXml).simplified());
        for (double rate : { 100.0, 1000.0 }) {
            const Run r
                = runBridge(1, 0, rate, 1000, 1000, true, !qEnvironmentVariableIsSet("OPSDECK_BENCH_SINGLE"));
            std::printf("# rate %.0f: p50 %.1f us p99 %.1f us (writer->bridge p50 %.1f us, bridge->client "
                        "p50 %.1f us)\n",
                rate, r.p50Us, r.p99Us, r.toBridgeP50Us, r.fromBridgeP50Us);
        }
        return 0;
    }
    const int period = quick ? 500 : 1000;
    // The children and ddsperf inherit this: DDS stays on loopback.
    if (!dds::userConfigured())
        qputenv("CYCLONEDDS_URI", QByteArray(dds::kLoopbackConfigXml).simplified());

    const bool compare = qEnvironmentVariableIsSet("OPSDECK_BENCH_COMPARE");
    if (qEnvironmentVariableIsSet("OPSDECK_BENCH_THROUGHPUT_ONLY")) {
        for (bool batched : { true, false }) {
            const Run r = runBridge(1, 0, 0, period, 10000, false, batched);
            if (r.ok)
                std::printf("# %s: wrote %llu, bridge took %llu from DDS, coalesced %llu, received %llu at "
                            "%.4g/s in %llu"
                            " messages, first %.1f ms after the writer started; CPU s: writer %.2f bridge "
                            "%.2f client %.2f\n",
                    batched ? "batched" : "single", static_cast<unsigned long long>(r.written),
                    static_cast<unsigned long long>(r.stats.dds_samples_received()),
                    static_cast<unsigned long long>(
                        r.stats.subscribers_size() ? r.stats.subscribers(0).coalesced() : 0),
                    static_cast<unsigned long long>(r.clients[0].count), r.clients[0].rate(),
                    static_cast<unsigned long long>(r.clients[0].messages),
                    double(r.clients[0].firstNs - r.writerStartNs) * 1e-6, r.writerCpuSeconds, r.cpuSeconds,
                    r.clientsCpuSeconds);
        }
        return 0;
    }

    // Throughput: one subscriber, writer as fast as it can.
    const Run through = runBridge(1, 0, 0, period, 10000, false);
    const double ddsRate = ddsperfThroughput(period + 1000);
    if (through.ok && ddsRate > 0) {
        const double ours = through.clients[0].rate();
        report("bridge.throughput", ours, "samples/s", ddsRate, ours / ddsRate, ">=", 0.5);
        std::printf("# throughput: the DDS writer wrote %llu in %.2f s (reliable: paced by the bridge); the "
                    "subscriber received"
                    " %llu in %llu batches\n",
            static_cast<unsigned long long>(through.written), through.writerSeconds,
            static_cast<unsigned long long>(through.clients[0].count),
            static_cast<unsigned long long>(through.clients[0].messages));
    } else {
        std::printf(
            "# bridge.throughput not measured (bridge run ok=%d, ddsperf %.0f/s)\n", through.ok, ddsRate);
    }
    if (compare) {
        const Run single = runBridge(1, 0, 0, period, 10000, false, false);
        if (single.ok)
            std::printf(
                "# throughput over Subscribe (one sample a message): %.4g samples/s (writer wrote %llu)\n",
                single.clients[0].rate(), static_cast<unsigned long long>(single.written));
    }

    // Latency: 1 kHz, one subscriber; reference = raw DDS and raw gRPC one-way,
    // paced alike. The back-to-back figures are printed for comparison.
    const Run lat = runBridge(1, 0, 1000, period, 1000, true);
    double ddsP50 = 0, ddsP99 = 0, hotDdsP50 = 0, hotDdsP99 = 0;
    const bool ddsOk = ddsperfRoundTrip(period + 1000, 1000, &ddsP50, &ddsP99);
    const bool hotDdsOk = ddsperfRoundTrip(period + 1000, 0, &hotDdsP50, &hotDdsP99);
    const bench::RoundTrips grpc = bench::grpcPingPong(quick ? 600 : 1100, 1000);
    const bench::RoundTrips hotGrpc = bench::grpcPingPong(quick ? 2000 : 5000);
    if (lat.ok && ddsOk && grpc.count > 0 && lat.p50Us > 0) {
        const double ref50 = ddsP50 / 2 + grpc.p50Us / 2, ref99 = ddsP99 / 2 + grpc.p99Us / 2;
        report("bridge.latency.p50", lat.p50Us, "us", ref50, lat.p50Us / ref50, "<=", 1.25);
        report("bridge.latency.p99", lat.p99Us, "us", ref99, lat.p99Us / ref99, "<=", 1.5);
        std::printf("# latency refs at 1 kHz: ddsperf rtt p50 %.1f us p99 %.1f us; gRPC echo rtt p50 %.1f us "
                    "p99 %.1f us\n",
            ddsP50, ddsP99, grpc.p50Us, grpc.p99Us);
        std::printf(
            "# latency split at the bridge (p50): writer -> bridge %.1f us, bridge -> decoded %.1f us\n",
            lat.toBridgeP50Us, lat.fromBridgeP50Us);
        if (hotDdsOk && hotGrpc.count > 0) {
            const double hot50 = hotDdsP50 / 2 + hotGrpc.p50Us / 2, hot99 = hotDdsP99 / 2 + hotGrpc.p99Us / 2;
            std::printf("# back-to-back refs: ddsperf rtt p50 %.1f us p99 %.1f us; gRPC echo rtt p50 %.1f us "
                        "p99 %.1f us"
                        " -> ref p50 %.2f us (ratio %.3f), p99 %.2f us (ratio %.3f)\n",
                hotDdsP50, hotDdsP99, hotGrpc.p50Us, hotGrpc.p99Us, hot50, lat.p50Us / hot50, hot99,
                lat.p99Us / hot99);
        }
    } else {
        std::printf("# bridge.latency not measured (bridge ok=%d ddsperf ok=%d grpc n=%d)\n", lat.ok, ddsOk,
            grpc.count);
    }
    if (compare) {
        const Run single = runBridge(1, 0, 1000, period, 1000, true, false);
        if (single.ok)
            std::printf("# latency over Subscribe (one sample a message): p50 %.1f us p99 %.1f us\n",
                single.p50Us, single.p99Us);
    }

    // Fan-out: 2 kHz over 2,000 keys, 32 subscribers against 1: bridge CPU per
    // DDS sample the bridge took in and forwarded to every subscriber.
    const Run one = runBridge(1, 0, 2000, period, 2000, false);
    const Run many = runBridge(32, 0, 2000, period, 2000, false);
    if (one.ok && many.ok && one.written > 0 && many.written > 0) {
        const double perOne = one.cpuSeconds * 1e6 / double(one.written);
        const double perMany = many.cpuSeconds * 1e6 / double(many.written);
        report("bridge.fanout", perMany, "us-cpu/sample", perOne, perMany / perOne, "<=", 4);
        std::uint64_t least = many.clients.empty() ? 0 : many.clients[0].count;
        for (const ClientResult &c : many.clients)
            least = std::min(least, c.count);
        std::printf(
            "# fanout: %llu and %llu DDS samples; every one of the 32 subscribers received >= %llu (%.1f%%);"
            " per delivered sample %.2f us CPU with 32, %.2f us with 1\n",
            static_cast<unsigned long long>(many.written), static_cast<unsigned long long>(one.written),
            static_cast<unsigned long long>(least), 100.0 * double(least) / double(many.written),
            many.cpuSeconds * 1e6 / double(std::max<std::uint64_t>(1, many.delivered())),
            one.cpuSeconds * 1e6 / double(std::max<std::uint64_t>(1, one.delivered())));
    } else {
        std::printf("# bridge.fanout not measured\n");
    }

    // Slow subscriber: 31 fast + one reading 100 x slower than the write rate.
    const int slowSleepUs = int(100 * 1e6 / 2000);
    const Run without = runBridge(31, 0, 2000, period, 2000, false);
    const Run with = runBridge(31, slowSleepUs, 2000, period, 2000, false);
    if (without.ok && with.ok && without.meanFastRate() > 0) {
        report("bridge.slow_subscriber", with.meanFastRate(), "samples/s", without.meanFastRate(),
            with.meanFastRate() / without.meanFastRate(), ">=", 0.95);
        for (const ClientResult &c : with.clients)
            if (c.slow)
                std::printf("# slow subscriber received %llu samples at %.1f/s\n",
                    static_cast<unsigned long long>(c.count), c.rate());
    } else {
        std::printf("# bridge.slow_subscriber not measured\n");
    }
    return 0;
}
