#include "backends/bridge/tokenstore.h"

#include <fstream>
#include <sstream>

namespace opsdeck::bridge {

bool TokenStore::load(const std::string &path, std::string *error)
{
    std::ifstream file(path);
    if (!file) {
        if (error)
            *error = path + ": cannot open the token file";
        return false;
    }
    std::ostringstream text;
    text << file.rdbuf();
    return parse(text.str(), path, error);
}

bool TokenStore::parse(const std::string &text, const std::string &origin, std::string *error)
{
    std::map<std::string, Caller> tokens;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::istringstream fields(line.substr(0, line.find('#')));
        std::string role, identity, token, extra;
        if (!(fields >> role))
            continue;
        const std::string where = origin + ":" + std::to_string(number) + ": ";
        if (!(fields >> identity >> token) || (fields >> extra)) {
            if (error)
                *error = where + "expected '<viewer|operator> <identity> <token>'";
            return false;
        }
        Caller caller;
        caller.identity = identity;
        if (role == "viewer")
            caller.role = opsdeck::v1::ROLE_VIEWER;
        else if (role == "operator")
            caller.role = opsdeck::v1::ROLE_OPERATOR;
        else {
            if (error)
                *error = where + "unknown role '" + role + "' (viewer or operator)";
            return false;
        }
        if (token.size() < 16) {
            if (error)
                *error = where + "token for " + identity + " is shorter than 16 characters";
            return false;
        }
        if (!tokens.emplace(token, caller).second) {
            if (error)
                *error = where + "the same token is listed twice";
            return false;
        }
    }
    m_tokens = std::move(tokens);
    m_enabled = true;
    return true;
}

grpc::Status TokenStore::authenticate(const grpc::ServerContextBase &context, Caller *caller) const
{
    if (!m_enabled) {
        *caller = Caller { opsdeck::v1::ROLE_OPERATOR, "anonymous" };
        return grpc::Status::OK;
    }
    const auto &metadata = context.client_metadata();
    const auto it = metadata.find("authorization");
    if (it == metadata.end())
        return grpc::Status(
            grpc::StatusCode::UNAUTHENTICATED, "missing 'authorization: Bearer <token>' metadata");
    const std::string value(it->second.data(), it->second.size());
    static const std::string prefix = "Bearer ";
    if (value.compare(0, prefix.size(), prefix) != 0)
        return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "authorization must be 'Bearer <token>'");
    const auto found = m_tokens.find(value.substr(prefix.size()));
    if (found == m_tokens.end())
        return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "unknown token");
    *caller = found->second;
    return grpc::Status::OK;
}

} // namespace opsdeck::bridge
