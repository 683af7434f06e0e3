#pragma once

#include "opsdeck/v1/billing.grpc.pb.h"

namespace opsdeck::billing {

class BillingBackend;

// The gRPC `Billing` service over a BillingBackend (synchronous API: each
// call runs on a gRPC server thread; live StreamCharges calls wait on the
// ChargeHub with a short timeout so that cancellation and shutdown are seen).
class BillingService final : public opsdeck::v1::Billing::Service
{
public:
    explicit BillingService(BillingBackend &backend)
        : m_backend(backend)
    { }

    grpc::Status QueryCosts(grpc::ServerContext *context, const opsdeck::v1::CostQuery *request,
        opsdeck::v1::CostReport *response) override;
    grpc::Status StreamCharges(grpc::ServerContext *context, const opsdeck::v1::StreamChargesRequest *request,
        grpc::ServerWriter<opsdeck::v1::LineItem> *writer) override;
    grpc::Status ImportFocus(grpc::ServerContext *context,
        grpc::ServerReader<opsdeck::v1::ImportChunk> *reader, opsdeck::v1::ImportReport *response) override;
    grpc::Status ExportFocus(grpc::ServerContext *context, const opsdeck::v1::ExportRequest *request,
        grpc::ServerWriter<opsdeck::v1::ExportChunk> *writer) override;
    grpc::Status GetPriceBook(grpc::ServerContext *context, const opsdeck::v1::GetPriceBookRequest *request,
        opsdeck::v1::PriceBook *response) override;
    grpc::Status Reprice(grpc::ServerContext *context, const opsdeck::v1::RepriceRequest *request,
        opsdeck::v1::RepriceReport *response) override;

private:
    BillingBackend &m_backend;
};

} // namespace opsdeck::billing
