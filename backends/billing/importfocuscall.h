#pragma once

#include "backends/billing/focusimport.h"

#include <grpcpp/server_context.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/server_callback.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

namespace opsdeck::billing {

class BillingBackend;

// One ImportFocus upload on gRPC's callback API, with each message as raw
// bytes. On the sync API Read() returns false both at the end of the stream
// and for a message protobuf cannot decode, so a bad chunk looked like the end
// of the upload and the truncated file was imported. Here each ByteBuffer is
// parsed into an ImportChunk by us: an undecodable one refuses the upload with
// INVALID_ARGUMENT naming the chunk, and — like a cancelled upload or one cut
// by shutdown — nothing of it is kept (importFocusCsv rolls it back).
//
// Threads: importFocusCsv() pulls chunks and writes SQLite under the ledger's
// writer lock, so run() runs on a thread of its own; the reactions only hand
// over a buffer or a flag and wake it, they never block. Flow control: a
// message is read only when the importer asks for the next chunk, so one
// chunk at a time is in memory and a fast client waits on HTTP/2 flow control.
//
// ThreadSanitizer: the object is released to gRPC before StartRead and
// Finish and acquired at the top of every reaction (proto/tsanhandoff.h);
// between the reactions and run() the mutex orders everything.
//
// Lifetime: gRPC owns the object and it deletes itself in OnDone, which comes
// only after Finish(). Whoever calls Finish() must stop calling abort() first.
class ImportFocusCall final : public grpc::ServerReadReactor<grpc::ByteBuffer>
{
public:
    ImportFocusCall(
        BillingBackend &backend, grpc::CallbackServerContext *context, grpc::ByteBuffer *response);

    // Import thread: reads and imports the whole upload and returns the status
    // to Finish() with (on OK the ImportReport is in the response buffer).
    grpc::Status run();
    // Any thread, before Finish(): the backend is stopping. A waiting importer
    // gives up at once; the upload is rolled back and answered UNAVAILABLE.
    void abort();

    void OnReadDone(bool ok) override;
    void OnCancel() override;
    void OnDone() override;

private:
    ImportStep next(std::string *data); // import thread
    ImportStep cut(grpc::StatusCode code, const std::string &why);

    BillingBackend &m_backend;
    grpc::CallbackServerContext *m_context;
    grpc::ByteBuffer *m_response;
    grpc::ByteBuffer m_buffer; // the message being read; gRPC's while a read is pending

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_arrived = false; // guarded by m_mutex: the pending read completed
    bool m_readOk = false; // guarded by m_mutex
    bool m_cancelled = false; // guarded by m_mutex
    bool m_aborted = false; // guarded by m_mutex

    // Import thread only.
    std::uint64_t m_chunks = 0;
    std::string m_fileName;
    grpc::Status m_refusal = grpc::Status::OK;
};

} // namespace opsdeck::billing
