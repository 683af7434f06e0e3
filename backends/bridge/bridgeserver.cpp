#include "backends/bridge/bridgeserver.h"

#include "backends/bridge/bridgecore.h"
#include "backends/bridge/bridgeservice.h"
#include "proto/tsanhandoff.h"

#include <QLoggingCategory>

#include <grpcpp/ext/channelz_service_plugin.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcBridge, "opsdeck.bridge")

namespace opsdeck::bridge {

using namespace opsdeck::v1;

namespace {

std::int64_t unixNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::uint64_t residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::uint64_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * std::uint64_t(sysconf(_SC_PAGESIZE));
}

bool readFile(const std::string &path, std::string *out, std::string *error)
{
    std::ifstream file(path);
    if (!file) {
        if (error)
            *error = "cannot read " + path;
        return false;
    }
    std::ostringstream text;
    text << file.rdbuf();
    *out = text.str();
    return true;
}

bool isLoopbackListen(const std::string &listen)
{
    const std::string host = listen.substr(0, listen.rfind(':'));
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

} // namespace

BridgeStats BridgeCore::buildStats(std::int64_t periodNs)
{
    BridgeStats s;
    s.set_wall_time_unix_ns(unixNowNs());
    s.set_period_ns(periodNs);
    s.set_dds_samples_received(ingest->received());
    s.set_samples_fanned_out(fanout.fannedOut());
    s.set_samples_rejected(ingest->rejected());
    for (SubscriberStats &sub : fanout.subscriberStats(double(periodNs) * 1e-9))
        *s.add_subscribers() = std::move(sub);
    for (const DropCount &d : ingest->drops())
        *s.add_drops() = d;
    for (const WriterConflict &c : ingest->conflicts())
        *s.add_writer_conflicts() = c;
    s.set_bridge_rss_bytes(residentBytes());
    return s;
}

void BridgeCore::watchHistory(HistoryWatch &w, std::chrono::steady_clock::duration elapsed)
{
    // Settled = no writer matched and no key added for historyQuietMs, and
    // every member that announced its key count has that many keys here.
    const auto now = std::chrono::steady_clock::now();
    const std::uint64_t matched = ingest->matchedWriters();
    const std::size_t keys = fanout.keyCount();
    if (matched != w.matched || keys != w.keys) {
        w.matched = matched;
        w.keys = keys;
        w.lastChange = now;
    }
    const auto quiet = std::chrono::milliseconds(config.historyQuietMs);
    const bool bound = elapsed >= std::chrono::milliseconds(config.historyWaitMs);
    const bool settled = now - w.lastChange >= quiet && ingest->membersComplete();
    if (!bound && !settled)
        return;
    w.holding = false;
    fanout.releaseHistoryHold();
    qCInfo(lcBridge) << "history" << (settled ? "complete" : "wait ended at its bound") << "after"
                     << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()
                     << "ms:" << keys << "keys from" << matched << "matched writers";
}

SimClock BridgeCore::clock() const
{
    if (control)
        return control->clock();
    const OutItemPtr item = fanout.cached(Key { TOPIC_SIM_CLOCK, 0 });
    Sample sample;
    if (item) {
        grpc::ByteBuffer buffer(&item->body, 1);
        std::vector<grpc::Slice> slices;
        buffer.Dump(&slices);
        std::string bytes;
        for (const grpc::Slice &slice : slices)
            bytes.append(reinterpret_cast<const char *>(slice.begin()), slice.size());
        sample.ParseFromString(bytes);
    }
    return sample.clock();
}

BridgeServer::BridgeServer(BridgeConfig config)
    : m_config(std::move(config))
{ }

BridgeServer::~BridgeServer()
{
    stop();
}

int BridgeServer::port() const
{
    return m_core ? m_core->port : 0;
}

std::string BridgeServer::address() const
{
    const std::string host = m_config.listen.substr(0, m_config.listen.rfind(':'));
    return (host.empty() || host == "0.0.0.0" ? std::string("127.0.0.1") : host) + ":"
        + std::to_string(port());
}

BridgeStats BridgeServer::stats() const
{
    if (!m_core)
        return {};
    std::lock_guard lock(m_core->statsMutex);
    return m_core->lastStats;
}

SimClock BridgeServer::clock() const
{
    return m_core ? m_core->clock() : SimClock();
}

std::size_t BridgeServer::subscriberCount() const
{
    return m_core ? m_core->fanout.subscriberCount() : 0;
}

bool BridgeServer::start(std::string *error)
{
    if (m_core)
        return true;
    auto core = std::make_unique<BridgeCore>(m_config);
    BridgeCore &c = *core;
    if (!m_config.tokenFile.empty() && !c.tokens.load(m_config.tokenFile, error))
        return false;

    std::shared_ptr<grpc::ServerCredentials> credentials;
    const bool tls = !m_config.tlsCertFile.empty() || !m_config.tlsKeyFile.empty();
    if (tls) {
        std::string cert, key, ca;
        if (!readFile(m_config.tlsCertFile, &cert, error) || !readFile(m_config.tlsKeyFile, &key, error))
            return false;
        if (!m_config.tlsClientCaFile.empty() && !readFile(m_config.tlsClientCaFile, &ca, error))
            return false;
        if (m_config.requireClientCert && ca.empty()) {
            if (error)
                *error = "requiring client certificates needs a client CA file";
            return false;
        }
        grpc::SslServerCredentialsOptions options(m_config.requireClientCert
                ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
                : ca.empty() ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                             : GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY);
        options.pem_root_certs = ca;
        options.pem_key_cert_pairs.push_back({ key, cert });
        credentials = grpc::SslServerCredentials(options);
    } else {
        if (!isLoopbackListen(m_config.listen) && !m_config.allowInsecureRemote) {
            if (error)
                *error = "plaintext on " + m_config.listen
                    + " is refused: configure TLS or explicitly allow insecure remote connections";
            return false;
        }
        credentials = grpc::InsecureServerCredentials();
    }

    if (!c.participant.open(m_config.domain, error))
        return false;
    // Until the members' transient-local state is in, early subscribers would
    // get a partial snapshot (a console reconnecting after a bridge restart
    // would briefly see part of the topology): hold them (bounded).
    if (m_config.historyWaitMs > 0)
        c.fanout.holdForHistory();
    c.ingest = std::make_unique<DdsIngest>(c.participant, c.fanout);
    if (!c.ingest->start(error))
        return false;
    if (m_config.controlEnabled) {
        ControlConfig control;
        control.dtNs = m_config.dtNs;
        control.realTimeFactor = m_config.realTimeFactor;
        control.epochUnixNs = m_config.epochUnixNs;
        control.auditLogPath = m_config.auditLogPath;
        c.control = std::make_unique<ControlModule>(c.participant, control);
        Fanout *fanout = &c.fanout;
        c.control->setEventSink([fanout](const ControlCommand &command, const ControlAck &ack) {
            Sample sample;
            sample.set_source_time_ns(ack.clock().sim_time_ns());
            sample.set_bridge_recv_unix_ns(ack.acked_unix_ns());
            sample.set_source("control");
            *sample.mutable_control()->mutable_command() = command;
            *sample.mutable_control()->mutable_ack() = ack;
            fanout->publish(makeItem(Key { TOPIC_CONTROL_EVENT, command.sequence() }, false, sample));
        });
        if (!c.control->start(error))
            return false;
    }

    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::channelz::experimental::InitChannelzService();
    c.service = std::make_unique<BridgeService>(c);
    grpc::ServerBuilder builder;
    builder.AddListeningPort(m_config.listen, credentials, &c.port);
    builder.RegisterService(c.service.get());
    // Keepalive: accept the consoles' pings (every 10 s, clients/endpoint.cpp)
    // and ping idle consoles ourselves to find dead connections.
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 30000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 5000);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
    builder.AddChannelArgument(GRPC_ARG_ENABLE_CHANNELZ, 1);
    builder.SetMaxReceiveMessageSize(4 * 1024 * 1024); // requests are small
    builder.SetMaxSendMessageSize(64 * 1024 * 1024);
    // Before the port opens: GetStatus and ListTopics read it (it used to be
    // written after BuildAndStart, racing with the first calls).
    c.startedUnixNs = unixNowNs();
    // The handlers run on gRPC's threads, which may predate this server (its
    // thread pool is process-wide): what start() wrote is handed to them
    // through gRPC's server start, which TSan cannot see. Each BridgeService
    // method acquires it.
    OPSDECK_TSAN_RELEASE(c.service.get());
    c.server = builder.BuildAndStart();
    if (!c.server || c.port == 0) {
        if (error)
            *error = "cannot listen on " + m_config.listen;
        c.control.reset();
        c.ingest.reset();
        return false;
    }
    c.server->GetHealthCheckService()->SetServingStatus("opsdeck.v1.Bridge", true);

    c.ticker = std::thread([&c] {
        using Clock = std::chrono::steady_clock;
        const auto period = std::chrono::milliseconds(std::max(10, c.config.statsPeriodMs));
        auto nextStats = Clock::now() + period;
        const auto started = Clock::now();
        HistoryWatch history { c.fanout.holdingForHistory(), 0, 0, started };
        std::unique_lock lock(c.tickMutex);
        while (!c.stopping) {
            c.tickWake.wait_for(lock, std::chrono::milliseconds(10), [&c] { return c.stopping; });
            if (c.stopping)
                break;
            lock.unlock();
            if (history.holding)
                c.watchHistory(history, Clock::now() - started);
            c.fanout.flushDeferred(unixNowNs());
            if (Clock::now() >= nextStats) {
                const BridgeStats stats = c.buildStats(std::chrono::nanoseconds(period).count());
                {
                    std::lock_guard statsLock(c.statsMutex);
                    c.lastStats = stats;
                }
                Sample sample;
                sample.set_source_time_ns(stats.wall_time_unix_ns());
                sample.set_bridge_recv_unix_ns(stats.wall_time_unix_ns());
                sample.set_source(c.config.bridgeId);
                *sample.mutable_stats() = stats;
                c.fanout.publish(makeItem(Key { TOPIC_BRIDGE_STATS, 0 }, false, sample));
                nextStats += period;
            }
            lock.lock();
        }
    });
    m_core = std::move(core);
    qCInfo(lcBridge) << "bridge" << m_config.bridgeId.c_str() << "serving on" << address().c_str()
                     << (tls ? "(TLS)" : "(plaintext)") << "DDS domain" << m_config.domain
                     << (c.tokens.enabled() ? "with bearer tokens" : "without authentication");
    return true;
}

void BridgeServer::stop()
{
    if (!m_core)
        return;
    BridgeCore &c = *m_core;
    {
        std::lock_guard lock(c.tickMutex);
        c.stopping = true;
    }
    c.tickWake.notify_all();
    if (c.ticker.joinable())
        c.ticker.join();
    c.fanout.finishAll(grpc::Status(grpc::StatusCode::UNAVAILABLE, "the bridge is shutting down"));
    c.server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
    c.server->Wait();
    // Wait() returned after every reaction's OnDone (Subscriber::OnDone
    // releases the fanout): a join TSan cannot see inside gRPC.
    OPSDECK_TSAN_ACQUIRE(&c.fanout);
    if (c.control)
        c.control->stop();
    c.ingest->stop();
    c.server.reset();
    c.service.reset();
    c.control.reset();
    c.ingest.reset();
    c.participant.close();
    m_core.reset();
    qCInfo(lcBridge) << "bridge" << m_config.bridgeId.c_str() << "stopped";
}

} // namespace opsdeck::bridge
