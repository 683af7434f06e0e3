#include "backends/billing/billingservice.h"

#include "backends/billing/billingbackend.h"
#include "backends/billing/focuscsv.h"
#include "backends/billing/importfocuscall.h"
#include "backends/billing/reprice.h"
#include "proto/tsanhandoff.h"

namespace opsdeck::billing {
namespace {

grpc::Status invalid(const std::string &message)
{
    return { grpc::StatusCode::INVALID_ARGUMENT, message };
}

} // namespace

grpc::Status BillingService::QueryCosts(
    grpc::ServerContext *, const opsdeck::v1::CostQuery *request, opsdeck::v1::CostReport *response)
{
    std::string error;
    if (!m_backend.ledger().query(*request, response, &error))
        return invalid(error);
    return grpc::Status::OK;
}

grpc::Status BillingService::StreamCharges(grpc::ServerContext *context,
    const opsdeck::v1::StreamChargesRequest *request, grpc::ServerWriter<opsdeck::v1::LineItem> *writer)
{
    Ledger::Scan scan;
    scan.afterSeq = request->after_ledger_seq();
    scan.startNs = request->since_unix_ns();
    scan.filters.assign(request->filters().begin(), request->filters().end());
    ChargeHub &hub = m_backend.hub();
    std::string error;
    bool open = true;
    // Replay from the ledger, then follow it: every wake-up reads the rows
    // after the last one sent, so nothing is lost or sent twice.
    while (open && !context->IsCancelled() && !hub.closed()) {
        const std::uint64_t known = m_backend.ledger().lastSeq();
        if (known > scan.afterSeq) {
            if (!m_backend.ledger().scan(
                    scan,
                    [&](const LedgerRow &row) {
                        scan.afterSeq = row.seq;
                        open = writer->Write(toLineItem(row));
                        return open;
                    },
                    &error))
                return { grpc::StatusCode::INTERNAL, error };
            scan.afterSeq = std::max(scan.afterSeq, known); // filtered-out rows are passed too
            continue;
        }
        hub.waitBeyond(scan.afterSeq, std::chrono::milliseconds(200));
    }
    return hub.closed() ? grpc::Status(grpc::StatusCode::UNAVAILABLE, "billing backend shutting down")
                        : grpc::Status::OK;
}

grpc::ServerReadReactor<grpc::ByteBuffer> *BillingService::ImportFocus(
    grpc::CallbackServerContext *context, grpc::ByteBuffer *response)
{
    OPSDECK_TSAN_ACQUIRE(this); // what BillingBackend::start() set up
    auto *call = new ImportFocusCall(m_backend, context, response);
    std::lock_guard lock(m_importsMutex);
    reapImports();
    if (m_importsStopped) {
        OPSDECK_TSAN_RELEASE(call); // ImportFocusCall acquires it in OnDone
        call->Finish({ grpc::StatusCode::UNAVAILABLE, "billing backend shutting down" });
        return call;
    }
    Import &import = m_imports.emplace_back();
    import.call = call;
    import.thread = std::thread([this, call, &import] {
        const grpc::Status status = call->run();
    {
        std::lock_guard threadLock(m_importsMutex);
        import.call = nullptr; // stopImports() must not touch a finishing call
        import.done = true;
    }
    OPSDECK_TSAN_RELEASE(call); // the import thread's writes (the response) to OnDone
    call->Finish(status); // the last use: gRPC deletes the call after it
});
return call;
} // namespace opsdeck::billing

void BillingService::reapImports()
{
    for (auto it = m_imports.begin(); it != m_imports.end();) {
        if (!it->done) {
            ++it;
            continue;
        }
        it->thread.join(); // done: it only has Finish() left, which never waits for us
        it = m_imports.erase(it);
    }
}

void BillingService::stopImports()
{
    std::lock_guard lock(m_importsMutex);
    m_importsStopped = true;
    for (Import &import : m_imports)
        if (import.call)
            import.call->abort();
}

BillingService::~BillingService()
{
    stopImports();
    // Join outside the lock: a finishing import thread takes it once more.
    for (;;) {
        std::thread thread;
        {
            std::lock_guard lock(m_importsMutex);
            for (Import &import : m_imports)
                if (import.thread.joinable()) {
                    thread = std::move(import.thread);
                    break;
                }
        }
        if (!thread.joinable())
            break;
        thread.join();
    }
}

grpc::Status BillingService::ExportFocus(grpc::ServerContext *context,
    const opsdeck::v1::ExportRequest *request, grpc::ServerWriter<opsdeck::v1::ExportChunk> *writer)
{
    Ledger::Scan scan;
    scan.startNs = request->query().start_unix_ns();
    scan.endNs = request->query().end_unix_ns() > 0 ? request->query().end_unix_ns() : INT64_MAX;
    scan.filters.assign(request->query().filters().begin(), request->query().filters().end());
    opsdeck::v1::ExportChunk chunk;
    std::string *data = chunk.mutable_data();
    FocusCsvWriter::header(data);
    bool open = true;
    std::string error;
    const bool ok = m_backend.ledger().scan(
        scan,
        [&](const LedgerRow &row) {
            FocusCsvWriter::row(row, data);
            if (data->size() >= 64 * 1024) {
                open = !context->IsCancelled() && writer->Write(chunk);
                data->clear();
            }
            return open;
        },
        &error);
    if (!ok)
        return { grpc::StatusCode::INTERNAL, error };
    if (open && !data->empty())
        writer->Write(chunk);
    return grpc::Status::OK;
}

grpc::Status BillingService::GetPriceBook(
    grpc::ServerContext *, const opsdeck::v1::GetPriceBookRequest *, opsdeck::v1::PriceBook *response)
{
    *response = m_backend.priceBook().proto();
    return grpc::Status::OK;
}

grpc::Status BillingService::Reprice(
    grpc::ServerContext *, const opsdeck::v1::RepriceRequest *request, opsdeck::v1::RepriceReport *response)
{
    if (request->hours_per_day() < 0 || request->hours_per_day() > 24)
        return invalid("hours_per_day must be between 0 and 24");
    std::vector<Ledger::InstanceUsage> usage;
    std::string error;
    if (!m_backend.ledger().instanceUsage(request->query(), &usage, &error))
        return invalid(error);
    *response = reprice(m_backend.priceBook(), usage, request->hours_per_day(),
        request->query().start_unix_ns(), request->query().end_unix_ns());
    return grpc::Status::OK;
}

} // namespace opsdeck::billing
