#pragma once

#include "opsdeck/v1/bridge.pb.h"

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <map>
#include <string>

namespace opsdeck::bridge {

// Who is calling, as the bearer token says.
struct Caller
{
    opsdeck::v1::Role role = opsdeck::v1::ROLE_UNSPECIFIED;
    std::string identity;
};

// Bearer tokens and their roles, read from a token file (docs/BRIDGE.md):
//   # role      identity   token
//   operator    alice      3f6c...
//   viewer      wallboard  9a1d...
// With no token file the bridge is open: every caller is an operator named
// "anonymous" (fine on loopback; opsdeck-bridge warns about it).
class TokenStore
{
public:
    bool load(const std::string &path, std::string *error);
    bool parse(const std::string &text, const std::string &origin, std::string *error);
    bool enabled() const { return m_enabled; }

    // UNAUTHENTICATED for a missing, malformed or unknown token.
    grpc::Status authenticate(const grpc::ServerContextBase &context, Caller *caller) const;

private:
    bool m_enabled = false;
    std::map<std::string, Caller> m_tokens;
};

} // namespace opsdeck::bridge
