#include "clients/channelzclient.h"

#include "clients/postqueued.h"
#include "model/eventstream.h"
#include "src/proto/grpc/channelz/channelz.grpc.pb.h"

#include <QHostAddress>

namespace opsdeck::clients {

namespace cz = grpc::channelz::v1;

namespace {

constexpr int kMaxEntities = 200; // per list call, and per snapshot kind

std::int64_t unixNs(const google::protobuf::Timestamp &t)
{
    return t.seconds() * 1'000'000'000 + t.nanos();
}

QString address(const cz::Address &a)
{
    if (a.has_tcpip_address()) {
        const std::string &ip = a.tcpip_address().ip_address();
        QHostAddress host;
        if (ip.size() == 4)
            host.setAddress(quint32(
                (quint8(ip[0]) << 24) | (quint8(ip[1]) << 16) | (quint8(ip[2]) << 8) | quint8(ip[3])));
        else if (ip.size() == 16)
            host.setAddress(reinterpret_cast<const quint8 *>(ip.data()));
        return host.toString() + QLatin1Char(':') + QString::number(a.tcpip_address().port());
    }
    if (a.has_uds_address())
        return QString::fromStdString("unix:" + a.uds_address().filename());
    return {};
}

template<typename Data> model::ChannelzCalls calls(const Data &d)
{
    return { d.calls_started(), d.calls_succeeded(), d.calls_failed(),
        unixNs(d.last_call_started_timestamp()) };
}

class Poller
{
public:
    Poller(std::shared_ptr<grpc::Channel> channel, const Endpoint &endpoint)
        : m_stub(cz::Channelz::NewStub(std::move(channel)))
        , m_endpoint(endpoint)
    { }

    grpc::Status socket(std::int64_t id, model::ChannelzSocket *out)
    {
        cz::GetSocketRequest req;
        req.set_socket_id(id);
        cz::GetSocketResponse resp;
        grpc::ClientContext ctx;
        prepareContext(ctx, m_endpoint, std::chrono::milliseconds(2000));
        const grpc::Status s = m_stub->GetSocket(&ctx, req, &resp);
        if (!s.ok())
            return s;
        const auto &sock = resp.socket();
        out->id = sock.ref().socket_id();
        out->name = QString::fromStdString(sock.ref().name());
        out->local = address(sock.local());
        out->remote = address(sock.remote());
        const auto &d = sock.data();
        out->streams = { d.streams_started(), d.streams_succeeded(), d.streams_failed(),
            unixNs(d.last_local_stream_created_timestamp()) };
        out->messagesSent = d.messages_sent();
        out->messagesReceived = d.messages_received();
        return s;
    }

    grpc::Status servers(model::ChannelzSnapshot *snap)
    {
        cz::GetServersRequest req;
        req.set_max_results(kMaxEntities);
        cz::GetServersResponse resp;
        grpc::ClientContext ctx;
        prepareContext(ctx, m_endpoint, std::chrono::milliseconds(2000));
        grpc::Status s = m_stub->GetServers(&ctx, req, &resp);
        if (!s.ok())
            return s;
        for (const auto &server : resp.server()) {
            model::ChannelzServer out;
            out.id = server.ref().server_id();
            out.name = QString::fromStdString(server.ref().name());
            out.calls = calls(server.data());
            for (const auto &listen : server.listen_socket())
                out.listenAddresses << QString::fromStdString(listen.name());
            cz::GetServerSocketsRequest sreq;
            sreq.set_server_id(out.id);
            sreq.set_max_results(kMaxEntities);
            cz::GetServerSocketsResponse sresp;
            grpc::ClientContext sctx;
            prepareContext(sctx, m_endpoint, std::chrono::milliseconds(2000));
            if (m_stub->GetServerSockets(&sctx, sreq, &sresp).ok()) {
                for (const auto &ref : sresp.socket_ref()) {
                    model::ChannelzSocket sock;
                    if (socket(ref.socket_id(), &sock).ok())
                        out.sockets.push_back(std::move(sock));
                }
            }
            snap->servers.push_back(std::move(out));
        }
        return s;
    }

    template<typename Data> void fillChannel(const Data &data, model::ChannelzChannel *out)
    {
        out->target = QString::fromStdString(data.target());
        out->state = QString::fromStdString(cz::ChannelConnectivityState::State_Name(data.state().state()));
        out->calls = calls(data);
    }

    void subchannel(std::int64_t id, model::ChannelzChannel *parent)
    {
        cz::GetSubchannelRequest req;
        req.set_subchannel_id(id);
        cz::GetSubchannelResponse resp;
        grpc::ClientContext ctx;
        prepareContext(ctx, m_endpoint, std::chrono::milliseconds(2000));
        if (!m_stub->GetSubchannel(&ctx, req, &resp).ok())
            return;
        model::ChannelzChannel sub;
        sub.subchannel = true;
        sub.id = resp.subchannel().ref().subchannel_id();
        sub.name = QString::fromStdString(resp.subchannel().ref().name());
        fillChannel(resp.subchannel().data(), &sub);
        for (const auto &ref : resp.subchannel().socket_ref()) {
            model::ChannelzSocket sock;
            if (socket(ref.socket_id(), &sock).ok())
                sub.sockets.push_back(std::move(sock));
        }
        parent->children.push_back(std::move(sub));
    }

    grpc::Status channels(model::ChannelzSnapshot *snap)
    {
        cz::GetTopChannelsRequest req;
        req.set_max_results(kMaxEntities);
        cz::GetTopChannelsResponse resp;
        grpc::ClientContext ctx;
        prepareContext(ctx, m_endpoint, std::chrono::milliseconds(2000));
        grpc::Status s = m_stub->GetTopChannels(&ctx, req, &resp);
        if (!s.ok())
            return s;
        for (const auto &channel : resp.channel()) {
            model::ChannelzChannel out;
            out.id = channel.ref().channel_id();
            out.name = QString::fromStdString(channel.ref().name());
            fillChannel(channel.data(), &out);
            for (const auto &ref : channel.subchannel_ref())
                subchannel(ref.subchannel_id(), &out);
            snap->channels.push_back(std::move(out));
        }
        return s;
    }

private:
    std::unique_ptr<cz::Channelz::Stub> m_stub;
    const Endpoint &m_endpoint;
};

} // namespace

ChannelzClient::ChannelzClient(Endpoint endpoint, std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_interval(interval)
{ }

ChannelzClient::~ChannelzClient()
{
    stop();
}

std::shared_ptr<const model::ChannelzSnapshot> ChannelzClient::fetchOnce()
{
    auto snap = std::make_shared<model::ChannelzSnapshot>();
    snap->target = m_endpoint.target;
    snap->fetchedUnixNs = model::unixNowNs();
    QString error;
    const auto channel = makeChannel(m_endpoint, &error);
    if (!channel) {
        snap->error = error;
        return snap;
    }
    Poller poller(channel, m_endpoint);
    grpc::Status s = poller.servers(snap.get());
    if (s.ok())
        s = poller.channels(snap.get());
    if (!s.ok())
        snap->error = s.error_code() == grpc::StatusCode::UNIMPLEMENTED
            ? tr("%1 does not serve channelz").arg(m_endpoint.target)
            : QString::fromStdString(s.error_message());
    return snap;
}

void ChannelzClient::start()
{
    if (m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = false;
    }
    m_thread = std::thread([this] { run(); });
}

void ChannelzClient::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ChannelzClient::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        lock.unlock();
        auto snap = fetchOnce();
        postQueued(this, [this, snap] { Q_EMIT snapshotReady(snap); });
        lock.lock();
        m_cv.wait_for(lock, m_interval, [this] { return m_stop; });
    }
}

} // namespace opsdeck::clients
