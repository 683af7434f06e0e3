#include "backends/bridge/bridgeservice.h"

#include "backends/bridge/bridgecore.h"
#include "backends/bridge/subscriber.h"
#include "proto/tsanhandoff.h"

#include <QLoggingCategory>

#include <grpcpp/support/proto_buffer_reader.h>

Q_DECLARE_LOGGING_CATEGORY(lcBridge)

namespace opsdeck::bridge {

using namespace opsdeck::v1;

namespace {

// Ends a Subscribe call that is refused before it starts.
class RefusedStream final : public grpc::ServerWriteReactor<grpc::ByteBuffer>
{
public:
    explicit RefusedStream(const grpc::Status &status)
    {
        Finish(status);
        // Not bound to its call yet (gRPC binds it when the handler returns),
        // so OnDone cannot have run: released after Finish, which only noted
        // the status in the reactor.
        OPSDECK_TSAN_RELEASE(this);
    }
    void OnDone() override
    {
        OPSDECK_TSAN_ACQUIRE(this);
        delete this;
    }
};

grpc::ServerUnaryReactor *finish(grpc::CallbackServerContext *context, const grpc::Status &status)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    reactor->Finish(status);
    return reactor;
}

const char *ddsTopicName(Topic topic)
{
    switch (topic) {
    case TOPIC_NODE_STATE:
        return dds::kNodeStateTopic;
    case TOPIC_LINK_STATE:
        return dds::kLinkStateTopic;
    case TOPIC_ROUTE:
        return dds::kRouteTopic;
    case TOPIC_SIM_CLOCK:
        return dds::kSimClockTopic;
    case TOPIC_MEMBER_STATUS:
        return dds::kMemberStatusTopic;
    default:
        return "";
    }
}

} // namespace

grpc::ServerWriteReactor<grpc::ByteBuffer> *BridgeService::Subscribe(
    grpc::CallbackServerContext *context, const grpc::ByteBuffer *request)
{
    return openStream(context, request, false);
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *BridgeService::SubscribeBatched(
    grpc::CallbackServerContext *context, const grpc::ByteBuffer *request)
{
    return openStream(context, request, true);
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *BridgeService::openStream(
    grpc::CallbackServerContext *context, const grpc::ByteBuffer *request, bool batched)
{
    OPSDECK_TSAN_ACQUIRE(this); // what BridgeServer::start() set up
    Caller caller;
    const grpc::Status auth = m_core.tokens.authenticate(*context, &caller);
    if (!auth.ok())
        return new RefusedStream(auth);
    SubscribeRequest parsed;
    grpc::ByteBuffer copy(*request);
    if (!grpc::SerializationTraits<SubscribeRequest>::Deserialize(&copy, &parsed).ok())
        return new RefusedStream(
            grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "malformed SubscribeRequest"));
    if (parsed.client_name().size() > 256 || parsed.node_filter_size() > 100000)
        return new RefusedStream(
            grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "client name or node filter too large"));
    for (const auto &t : parsed.topics())
        if (t.max_rate_hz() < 0 || !std::isfinite(t.max_rate_hz()))
            return new RefusedStream(
                grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "max_rate_hz must be >= 0"));
    const std::uint32_t capacity = parsed.queue_capacity() == 0
        ? m_core.config.defaultQueueCapacity
        : std::clamp<std::uint32_t>(parsed.queue_capacity(), 16, m_core.config.maxQueueCapacity);
    const std::string id = "sub-" + std::to_string(++m_core.nextSubscriber);
    qCInfo(lcBridge) << "subscriber" << id.c_str() << "from" << context->peer().c_str() << "as"
                     << caller.identity.c_str() << "client" << parsed.client_name().c_str()
                     << (batched ? "(batched)" : "");
    auto subscriber = std::make_shared<Subscriber>(
        m_core.fanout, std::move(parsed), id, context->peer(), capacity, batched);
    subscriber->attach(subscriber);
    m_core.fanout.subscribe(subscriber);
    return subscriber.get();
}

grpc::ServerUnaryReactor *BridgeService::SendControl(
    grpc::CallbackServerContext *context, const ControlCommand *request, ControlAck *response)
{
    OPSDECK_TSAN_ACQUIRE(this);
    Caller caller;
    const grpc::Status auth = m_core.tokens.authenticate(*context, &caller);
    if (!auth.ok())
        return finish(context, auth);
    if (caller.role != ROLE_OPERATOR)
        return finish(context,
            grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                "'" + caller.identity + "' is a viewer; control needs the operator role"));
    if (!m_core.control)
        return finish(context,
            grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                "this bridge does not run the control module (another bridge controls time)"));
    if (request->comment().size() > 256 || request->issuer().size() > 256)
        return finish(context,
            grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "issuer or comment longer than 256 bytes"));
    return finish(context, m_core.control->apply(*request, caller.identity, response));
}

grpc::ServerUnaryReactor *BridgeService::ListTopics(
    grpc::CallbackServerContext *context, const ListTopicsRequest *, ListTopicsResponse *response)
{
    OPSDECK_TSAN_ACQUIRE(this);
    Caller caller;
    const grpc::Status auth = m_core.tokens.authenticate(*context, &caller);
    if (!auth.ok())
        return finish(context, auth);
    const double uptimeS = std::max(1e-3,
        double(std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count()
            - m_core.startedUnixNs)
            * 1e-9);
    struct Row
    {
        Topic topic;
        const char *type;
        dds::QosKind qos;
    };
    const Row rows[] = {
        { TOPIC_NODE_STATE, "opsdeck::dds::NodeState", dds::QosKind::State },
        { TOPIC_LINK_STATE, "opsdeck::dds::LinkState", dds::QosKind::State },
        { TOPIC_ROUTE, "opsdeck::dds::Route", dds::QosKind::State },
        { TOPIC_SIM_CLOCK, "opsdeck::dds::SimClock", dds::QosKind::State },
        { TOPIC_MEMBER_STATUS, "opsdeck::dds::MemberStatus", dds::QosKind::State },
    };
    for (const Row &row : rows) {
        TopicInfo *info = response->add_topics();
        info->set_topic(row.topic);
        info->set_dds_topic(ddsTopicName(row.topic));
        info->set_dds_type(row.type);
        info->set_qos(dds::describeQos(row.qos));
        info->set_keys(std::uint32_t(m_core.fanout.keys(row.topic)));
        info->set_samples(m_core.ingest->samples(row.topic));
        info->set_rate_hz(double(info->samples()) / uptimeS);
    }
    TopicInfo *stats = response->add_topics();
    stats->set_topic(TOPIC_BRIDGE_STATS);
    stats->set_qos("produced by the bridge every " + std::to_string(m_core.config.statsPeriodMs) + " ms");
    TopicInfo *control = response->add_topics();
    control->set_topic(TOPIC_CONTROL_EVENT);
    control->set_qos("every control command and its acknowledgement");
    return finish(context, grpc::Status::OK);
}

grpc::ServerUnaryReactor *BridgeService::GetStatus(
    grpc::CallbackServerContext *context, const GetStatusRequest *, BridgeStatus *response)
{
    OPSDECK_TSAN_ACQUIRE(this);
    Caller caller;
    const grpc::Status auth = m_core.tokens.authenticate(*context, &caller);
    if (!auth.ok())
        return finish(context, auth);
    response->set_bridge_id(m_core.config.bridgeId);
    response->set_version(OPSDECK_VERSION);
    response->set_dds_domain(m_core.config.domain);
    response->set_started_unix_ns(m_core.startedUnixNs);
    *response->mutable_clock() = m_core.clock();
    for (const MemberStatus &m : m_core.ingest->members())
        *response->add_members() = m;
    {
        std::lock_guard lock(m_core.statsMutex);
        *response->mutable_stats() = m_core.lastStats;
    }
    response->set_caller_role(caller.role);
    response->set_caller_identity(caller.identity);
    return finish(context, grpc::Status::OK);
}

} // namespace opsdeck::bridge
