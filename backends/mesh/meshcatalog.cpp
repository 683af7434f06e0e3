#include "backends/mesh/meshcatalog.h"

#include <map>

namespace opsdeck::mesh {

using opsdeck::v1::MeshReply;
using opsdeck::v1::MeshRequest;

namespace {

const std::map<std::string, std::vector<std::string>> &table()
{
    static const std::map<std::string, std::vector<std::string>> t = {
        { "gateway", { "Checkout", "Browse" } },
        { "orders", { "PlaceOrder", "GetOrder" } },
        { "inventory", { "Reserve", "Lookup" } },
        { "payments", { "Charge" } },
        { "ledger", { "Post" } },
        { "directory", { "Resolve" } },
    };
    return t;
}

#define OPSDECK_MESH_METHOD(Name)                                                                            \
    grpc::Status Name(grpc::ServerContext *c, const MeshRequest *rq, MeshReply *rp) override                 \
    {                                                                                                        \
        return m_handler(c, #Name, *rq, rp);                                                                 \
    }

class GatewayImpl final : public opsdeck::v1::Gateway::Service
{
public:
    explicit GatewayImpl(MeshCatalog::Handler h)
        : m_handler(std::move(h))
    { }
    OPSDECK_MESH_METHOD(Checkout)
    OPSDECK_MESH_METHOD(Browse)
private:
    MeshCatalog::Handler m_handler;
};

class OrdersImpl final : public opsdeck::v1::Orders::Service
{
public:
    explicit OrdersImpl(MeshCatalog::Handler h)
        : m_handler(std::move(h))
    { }
    OPSDECK_MESH_METHOD(PlaceOrder)
    OPSDECK_MESH_METHOD(GetOrder)
private:
    MeshCatalog::Handler m_handler;
};

class InventoryImpl final : public opsdeck::v1::Inventory::Service
{
public:
    explicit InventoryImpl(MeshCatalog::Handler h)
        : m_handler(std::move(h))
    { }
    OPSDECK_MESH_METHOD(Reserve)
    OPSDECK_MESH_METHOD(Lookup)
private:
    MeshCatalog::Handler m_handler;
};

class PaymentsImpl final : public opsdeck::v1::Payments::Service
{
public:
    explicit PaymentsImpl(MeshCatalog::Handler h)
        : m_handler(std::move(h))
    { }
    OPSDECK_MESH_METHOD(Charge)
private:
    MeshCatalog::Handler m_handler;
};

class LedgerImpl final : public opsdeck::v1::Ledger::Service
{
public:
    explicit LedgerImpl(MeshCatalog::Handler h)
        : m_handler(std::move(h))
    { }
    OPSDECK_MESH_METHOD(Post)
private:
    MeshCatalog::Handler m_handler;
};

class DirectoryImpl final : public opsdeck::v1::Directory::Service
{
public:
    explicit DirectoryImpl(MeshCatalog::Handler h)
        : m_handler(std::move(h))
    { }
    OPSDECK_MESH_METHOD(Resolve)
private:
    MeshCatalog::Handler m_handler;
};

#undef OPSDECK_MESH_METHOD

} // namespace

bool MeshCatalog::hasService(const std::string &service)
{
    return table().count(service) != 0;
}

bool MeshCatalog::hasMethod(const std::string &service, const std::string &method)
{
    const auto it = table().find(service);
    if (it == table().end())
        return false;
    for (const std::string &m : it->second)
        if (m == method)
            return true;
    return false;
}

std::vector<std::string> MeshCatalog::methods(const std::string &service)
{
    const auto it = table().find(service);
    return it == table().end() ? std::vector<std::string> {} : it->second;
}

std::vector<std::string> MeshCatalog::services()
{
    std::vector<std::string> out;
    for (const auto &[name, methods] : table())
        out.push_back(name);
    return out;
}

std::unique_ptr<grpc::Service> MeshCatalog::makeService(const std::string &service, Handler handler)
{
    if (service == "gateway")
        return std::make_unique<GatewayImpl>(std::move(handler));
    if (service == "orders")
        return std::make_unique<OrdersImpl>(std::move(handler));
    if (service == "inventory")
        return std::make_unique<InventoryImpl>(std::move(handler));
    if (service == "payments")
        return std::make_unique<PaymentsImpl>(std::move(handler));
    if (service == "ledger")
        return std::make_unique<LedgerImpl>(std::move(handler));
    if (service == "directory")
        return std::make_unique<DirectoryImpl>(std::move(handler));
    return nullptr;
}

grpc::Status MeshCatalog::invoke(const std::shared_ptr<grpc::Channel> &channel, const std::string &service,
    const std::string &method, grpc::ClientContext *context, const MeshRequest &request, MeshReply *reply)
{
    // Stubs are cheap wrappers around the channel; the channel is what is pooled.
    if (service == "gateway") {
        auto stub = opsdeck::v1::Gateway::NewStub(channel);
        return method == "Checkout" ? stub->Checkout(context, request, reply)
                                    : stub->Browse(context, request, reply);
    }
    if (service == "orders") {
        auto stub = opsdeck::v1::Orders::NewStub(channel);
        return method == "PlaceOrder" ? stub->PlaceOrder(context, request, reply)
                                      : stub->GetOrder(context, request, reply);
    }
    if (service == "inventory") {
        auto stub = opsdeck::v1::Inventory::NewStub(channel);
        return method == "Reserve" ? stub->Reserve(context, request, reply)
                                   : stub->Lookup(context, request, reply);
    }
    if (service == "payments")
        return opsdeck::v1::Payments::NewStub(channel)->Charge(context, request, reply);
    if (service == "ledger")
        return opsdeck::v1::Ledger::NewStub(channel)->Post(context, request, reply);
    if (service == "directory")
        return opsdeck::v1::Directory::NewStub(channel)->Resolve(context, request, reply);
    return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "unknown service " + service);
}

} // namespace opsdeck::mesh
