#pragma once

#include "opsdeck/v1/mesh.grpc.pb.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/impl/service_type.h>
#include <grpcpp/server_context.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace opsdeck::mesh {

// The services of mesh.proto by their short names ("orders"), and the two
// places where the generated code is dispatched by name: building a server's
// service and calling a method through a typed stub.
class MeshCatalog
{
public:
    using Handler = std::function<grpc::Status(grpc::ServerContext *, const std::string &method,
        const opsdeck::v1::MeshRequest &, opsdeck::v1::MeshReply *)>;

    static bool hasService(const std::string &service);
    static bool hasMethod(const std::string &service, const std::string &method);
    static std::vector<std::string> methods(const std::string &service);
    static std::vector<std::string> services();

    // A service whose every method calls handler (which must be thread-safe).
    static std::unique_ptr<grpc::Service> makeService(const std::string &service, Handler handler);

    static grpc::Status invoke(const std::shared_ptr<grpc::Channel> &channel, const std::string &service,
        const std::string &method, grpc::ClientContext *context, const opsdeck::v1::MeshRequest &request,
        opsdeck::v1::MeshReply *reply);
};

} // namespace opsdeck::mesh
