#pragma once

#include "clients/endpoint.h"
#include "model/latencychannelz.h"

#include <QObject>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace opsdeck::clients {

// Polls any gRPC server's channelz service (grpc.channelz.v1.Channelz):
// servers with their listen and client sockets, top channels with their
// subchannels and sockets, each with calls started / succeeded / failed and
// connectivity state. Works against any gRPC server started with channelz,
// not only OpsDeck's backends. Polling runs on its own thread; each result is
// delivered as an immutable snapshot through snapshotReady() (queued to this
// object's thread).
class ChannelzClient : public QObject
{
    Q_OBJECT

public:
    ChannelzClient(Endpoint endpoint, std::chrono::milliseconds interval = std::chrono::milliseconds(1000),
        QObject *parent = nullptr);
    ~ChannelzClient() override;

    void start();
    void stop();

    // One synchronous poll (any thread). Errors land in snapshot->error.
    std::shared_ptr<const model::ChannelzSnapshot> fetchOnce();

Q_SIGNALS:
    void snapshotReady(std::shared_ptr<const model::ChannelzSnapshot> snapshot);

private:
    void run();

    const Endpoint m_endpoint;
    const std::chrono::milliseconds m_interval;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
};

} // namespace opsdeck::clients
