#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace opsdeck::model {

// What a gRPC server's channelz service reported at one moment: the console's
// view of any gRPC server, without OpsDeck's own backend. Filled by
// clients::ChannelzClient, shown by widgets::ServicesChannelzModel.
struct ChannelzCalls
{
    std::int64_t started = 0;
    std::int64_t succeeded = 0;
    std::int64_t failed = 0;
    std::int64_t lastCallUnixNs = 0;
};

struct ChannelzSocket
{
    std::int64_t id = 0;
    QString name;
    QString local;
    QString remote;
    ChannelzCalls streams; // streams started / succeeded / failed on this socket
    std::int64_t messagesSent = 0;
    std::int64_t messagesReceived = 0;
};

struct ChannelzServer
{
    std::int64_t id = 0;
    QString name;
    QStringList listenAddresses;
    ChannelzCalls calls;
    std::vector<ChannelzSocket> sockets;
};

struct ChannelzChannel
{
    std::int64_t id = 0;
    bool subchannel = false;
    QString name;
    QString target;
    QString state; // IDLE, CONNECTING, READY, TRANSIENT_FAILURE, SHUTDOWN, UNKNOWN
    ChannelzCalls calls;
    std::vector<ChannelzChannel> children; // subchannels
    std::vector<ChannelzSocket> sockets;
};

struct ChannelzSnapshot
{
    QString target;
    std::int64_t fetchedUnixNs = 0;
    QString error; // non-empty when the last poll failed
    std::vector<ChannelzServer> servers;
    std::vector<ChannelzChannel> channels;
};

} // namespace opsdeck::model
