#pragma once

#include "opsdeck/v1/billing.grpc.pb.h"

#include <list>
#include <mutex>
#include <thread>

namespace opsdeck::billing {

class BillingBackend;
class ImportFocusCall;

// The gRPC `Billing` service over a BillingBackend. Synchronous API (each call
// runs on a gRPC server thread; live StreamCharges calls wait on the ChargeHub
// with a short timeout so that cancellation and shutdown are seen), except
// ImportFocus: a raw callback method whose upload runs on a thread of its own
// (ImportFocusCall), so that an undecodable chunk is told from the end of the
// upload.
class BillingService final
    : public opsdeck::v1::Billing::WithRawCallbackMethod_ImportFocus<opsdeck::v1::Billing::Service>
{
public:
    explicit BillingService(BillingBackend &backend)
        : m_backend(backend)
    { }
    ~BillingService() override; // stops the imports and joins their threads

    // Ends every running import (rolled back, answered UNAVAILABLE) and
    // refuses new ones. Thread-safe, idempotent; BillingBackend::stop() calls
    // it first, so that no import holds the ledger while the backend stops.
    void stopImports();

    grpc::Status QueryCosts(grpc::ServerContext *context, const opsdeck::v1::CostQuery *request,
        opsdeck::v1::CostReport *response) override;
    grpc::Status StreamCharges(grpc::ServerContext *context, const opsdeck::v1::StreamChargesRequest *request,
        grpc::ServerWriter<opsdeck::v1::LineItem> *writer) override;
    using WithRawCallbackMethod_ImportFocus::ImportFocus; // the sync overload, disabled by the base
    grpc::ServerReadReactor<grpc::ByteBuffer> *ImportFocus(
        grpc::CallbackServerContext *context, grpc::ByteBuffer *response) override;
    grpc::Status ExportFocus(grpc::ServerContext *context, const opsdeck::v1::ExportRequest *request,
        grpc::ServerWriter<opsdeck::v1::ExportChunk> *writer) override;
    grpc::Status GetPriceBook(grpc::ServerContext *context, const opsdeck::v1::GetPriceBookRequest *request,
        opsdeck::v1::PriceBook *response) override;
    grpc::Status Reprice(grpc::ServerContext *context, const opsdeck::v1::RepriceRequest *request,
        opsdeck::v1::RepriceReport *response) override;

private:
    struct Import
    {
        std::thread thread;
        ImportFocusCall *call = nullptr; // null once the import thread is about to Finish()
        bool done = false;
    };
    void reapImports(); // m_importsMutex held

    BillingBackend &m_backend;
    std::mutex m_importsMutex;
    std::list<Import> m_imports; // guarded by m_importsMutex
    bool m_importsStopped = false; // guarded by m_importsMutex
};

} // namespace opsdeck::billing
