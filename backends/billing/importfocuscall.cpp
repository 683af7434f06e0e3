#include "backends/billing/importfocuscall.h"

#include "backends/billing/billingbackend.h"
#include "proto/tsanhandoff.h"

#include <grpcpp/impl/codegen/proto_utils.h>

namespace opsdeck::billing {

ImportFocusCall::ImportFocusCall(
    BillingBackend &backend, grpc::CallbackServerContext *context, grpc::ByteBuffer *response)
    : m_backend(backend)
    , m_context(context)
    , m_response(response)
{ }

grpc::Status ImportFocusCall::run()
{
    std::string error;
    opsdeck::v1::ImportReport report = importFocusCsv(
        m_backend.ledger(), [this](std::string *data) { return next(data); }, &error);
    if (!m_refusal.ok())
        return m_refusal;
    if (!error.empty())
        return { grpc::StatusCode::INTERNAL,
            "ImportFocus: " + error + " (nothing of the upload was imported)" };
    report.set_file_name(m_fileName);
    m_backend.hub().notify(m_backend.ledger().lastSeq());
    bool ownBuffer = false;
    return grpc::SerializationTraits<opsdeck::v1::ImportReport>::Serialize(report, m_response, &ownBuffer);
}

ImportStep ImportFocusCall::cut(grpc::StatusCode code, const std::string &why)
{
    m_refusal = grpc::Status(code,
        "ImportFocus: " + why + "; the upload was refused and nothing of it was imported ("
            + std::to_string(m_chunks) + " valid chunk" + (m_chunks == 1 ? "" : "s") + " before it)");
    return ImportStep::Cut;
}

ImportStep ImportFocusCall::next(std::string *data)
{
    {
        std::unique_lock lock(m_mutex);
        if (m_aborted)
            return cut(grpc::StatusCode::UNAVAILABLE, "the billing backend is shutting down");
        if (m_cancelled)
            return cut(grpc::StatusCode::CANCELLED, "the upload was cancelled");
        m_arrived = false;
    }
    OPSDECK_TSAN_RELEASE(this);
    StartRead(&m_buffer);
    {
        std::unique_lock lock(m_mutex);
        // A cancelled call completes the pending read (ok = false) by itself.
        m_wake.wait(lock, [this] { return m_arrived || m_aborted; });
        if (!m_arrived) // the read stays pending; gRPC completes it when the call ends
            return cut(grpc::StatusCode::UNAVAILABLE, "the billing backend is shutting down");
        if (!m_readOk) {
            // The end of the stream, unless the client (or its deadline) cancelled.
            if (m_cancelled || m_context->IsCancelled())
                return cut(grpc::StatusCode::CANCELLED, "the upload was cancelled");
            return ImportStep::End;
        }
    }
    const std::uint64_t number = m_chunks + 1;
    opsdeck::v1::ImportChunk chunk;
    if (!grpc::SerializationTraits<opsdeck::v1::ImportChunk>::Deserialize(&m_buffer, &chunk).ok())
        return cut(grpc::StatusCode::INVALID_ARGUMENT,
            "chunk " + std::to_string(number) + " is not a valid ImportChunk");
    m_chunks = number;
    if (m_fileName.empty())
        m_fileName = chunk.file_name();
    data->swap(*chunk.mutable_data());
    return ImportStep::Chunk;
}

void ImportFocusCall::abort()
{
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
    }
    m_wake.notify_all();
}

void ImportFocusCall::OnReadDone(bool ok)
{
    OPSDECK_TSAN_ACQUIRE(this);
    {
        std::lock_guard lock(m_mutex);
        m_arrived = true;
        m_readOk = ok;
    }
    m_wake.notify_all();
    OPSDECK_TSAN_RELEASE(this); // OnDone may follow on another thread
}

void ImportFocusCall::OnCancel()
{
    OPSDECK_TSAN_ACQUIRE(this);
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
    }
    m_wake.notify_all();
    OPSDECK_TSAN_RELEASE(this);
}

void ImportFocusCall::OnDone()
{
    OPSDECK_TSAN_ACQUIRE(this);
    delete this;
}

} // namespace opsdeck::billing
