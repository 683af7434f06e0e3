#pragma once

#include "opsdeck/v1/bridge.grpc.pb.h"

namespace opsdeck::bridge {

struct BridgeCore;

// opsdeck.v1.Bridge on gRPC's callback API. Subscribe and SubscribeBatched
// are registered "raw" so that every subscriber is sent the same serialised
// sample bytes by reference (plus its own few-byte seq prefix): no
// per-subscriber re-serialisation and no thread per subscriber.
using BridgeServiceBase = opsdeck::v1::Bridge::WithRawCallbackMethod_Subscribe<
    opsdeck::v1::Bridge::WithRawCallbackMethod_SubscribeBatched<opsdeck::v1::Bridge::
            WithCallbackMethod_SendControl<opsdeck::v1::Bridge::WithCallbackMethod_ListTopics<
                opsdeck::v1::Bridge::WithCallbackMethod_GetStatus<opsdeck::v1::Bridge::Service>>>>>;

class BridgeService final : public BridgeServiceBase
{
public:
    explicit BridgeService(BridgeCore &core)
        : m_core(core)
    { }

    // The generated bases also declare the synchronous overloads; keep them visible.
    using BridgeServiceBase::GetStatus;
    using BridgeServiceBase::ListTopics;
    using BridgeServiceBase::SendControl;
    using BridgeServiceBase::Subscribe;
    using BridgeServiceBase::SubscribeBatched;

    grpc::ServerWriteReactor<grpc::ByteBuffer> *Subscribe(
        grpc::CallbackServerContext *context, const grpc::ByteBuffer *request) override;
    grpc::ServerWriteReactor<grpc::ByteBuffer> *SubscribeBatched(
        grpc::CallbackServerContext *context, const grpc::ByteBuffer *request) override;
    grpc::ServerUnaryReactor *SendControl(grpc::CallbackServerContext *context,
        const opsdeck::v1::ControlCommand *request, opsdeck::v1::ControlAck *response) override;
    grpc::ServerUnaryReactor *ListTopics(grpc::CallbackServerContext *context,
        const opsdeck::v1::ListTopicsRequest *request, opsdeck::v1::ListTopicsResponse *response) override;
    grpc::ServerUnaryReactor *GetStatus(grpc::CallbackServerContext *context,
        const opsdeck::v1::GetStatusRequest *request, opsdeck::v1::BridgeStatus *response) override;

private:
    grpc::ServerWriteReactor<grpc::ByteBuffer> *openStream(
        grpc::CallbackServerContext *context, const grpc::ByteBuffer *request, bool batched);

    BridgeCore &m_core;
};

} // namespace opsdeck::bridge
