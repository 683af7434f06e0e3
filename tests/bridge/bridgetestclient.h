#pragma once

// A real gRPC client of the bridge for the tests: subscribes on its own thread
// and keeps what it received, so tests can QTRY_VERIFY on it.

#include "opsdeck/v1/bridge.grpc.pb.h"

#include <QString>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace opsdeck::test {

inline int timeoutMs(int ms)
{
    const double scale = qEnvironmentVariableIsSet("OPSDECK_TIMEOUT_SCALE")
        ? qEnvironmentVariable("OPSDECK_TIMEOUT_SCALE").toDouble()
        : 1.0;
    return int(ms * (scale > 0 ? scale : 1.0));
}

inline std::shared_ptr<grpc::Channel> plainChannel(const std::string &address)
{
    return grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
}

class BridgeTestClient
{
public:
    struct State
    {
        std::map<std::uint32_t, opsdeck::v1::NodeState> nodes;
        std::map<std::pair<std::uint32_t, std::uint32_t>, opsdeck::v1::LinkState> links; // up links only
        std::map<std::uint32_t, opsdeck::v1::Route> routes;
        std::map<std::string, opsdeck::v1::MemberStatus> members;
        opsdeck::v1::SimClock clock;
        std::vector<opsdeck::v1::SimClock> clocks;
        std::vector<opsdeck::v1::ControlEvent> controls;
        opsdeck::v1::BridgeStats stats;
        std::uint64_t statsCount = 0;
        std::uint64_t samples = 0;
        std::uint64_t lastSeq = 0;
        std::uint64_t seqGaps = 0;
        bool snapshotDone = false;
        std::uint32_t snapshotKeys = 0;
        std::uint64_t samplesBeforeSnapshotDone = 0;
        bool snapshotFlagWrong
            = false; // a sample before SnapshotComplete without snapshot=true, or after with
        std::uint64_t nodeSamples = 0;
        std::size_t nodesAtSnapshot = 0, linksAtSnapshot = 0, routesAtSnapshot = 0;
        std::uint64_t batches = 0; // SubscribeBatched messages
        std::uint64_t largestBatch = 0;
    };

    BridgeTestClient(std::shared_ptr<grpc::Channel> channel, std::string token = {})
        : m_stub(opsdeck::v1::Bridge::NewStub(channel))
        , m_token(std::move(token))
    { }

    ~BridgeTestClient() { stop(); }

    void prepare(grpc::ClientContext &context) const
    {
        if (!m_token.empty())
            context.AddMetadata("authorization", "Bearer " + m_token);
    }

    // readDelayUs: sleep after each sample (a slow console); never = don't read at all.
    // batched: SubscribeBatched instead of Subscribe.
    void subscribe(opsdeck::v1::SubscribeRequest request, int readDelayUs = 0, bool batched = false)
    {
        m_thread = std::thread([this, request, readDelayUs, batched] {
            prepare(m_context);
            grpc::Status status;
            if (batched) {
                auto reader = m_stub->SubscribeBatched(&m_context, request);
                opsdeck::v1::SampleBatch batch;
                while (reader->Read(&batch)) {
                    {
                        std::lock_guard lock(m_mutex);
                        ++m_state.batches;
                        m_state.largestBatch
                            = std::max<std::uint64_t>(m_state.largestBatch, batch.samples_size());
                    }
                    for (const opsdeck::v1::Sample &sample : batch.samples())
                        record(sample);
                }
                status = reader->Finish();
            } else {
                auto reader = m_stub->Subscribe(&m_context, request);
                opsdeck::v1::Sample sample;
                while (reader->Read(&sample)) {
                    record(sample);
                    if (readDelayUs > 0)
                        std::this_thread::sleep_for(std::chrono::microseconds(readDelayUs));
                }
                status = reader->Finish();
            }
            std::lock_guard lock(m_mutex);
            m_finished = true;
            m_status = status;
        });
    }

    void stop()
    {
        m_context.TryCancel();
        if (m_thread.joinable())
            m_thread.join();
    }

    template<typename F> auto with(F &&f) const
    {
        std::lock_guard lock(m_mutex);
        return f(m_state);
    }
    State state() const
    {
        std::lock_guard lock(m_mutex);
        return m_state;
    }
    bool finished(grpc::Status *status = nullptr) const
    {
        std::lock_guard lock(m_mutex);
        if (status)
            *status = m_status;
        return m_finished;
    }

    grpc::Status control(opsdeck::v1::ControlKind kind, std::uint64_t sequence, opsdeck::v1::ControlAck *ack,
        std::int64_t dtNs = 0, double rate = 0)
    {
        grpc::ClientContext context;
        prepare(context);
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        opsdeck::v1::ControlCommand command;
        command.set_kind(kind);
        command.set_sequence(sequence);
        command.set_issuer("test-operator");
        command.set_dt_ns(dtNs);
        command.set_real_time_factor(rate);
        return m_stub->SendControl(&context, command, ack);
    }

    grpc::Status status(opsdeck::v1::BridgeStatus *out)
    {
        grpc::ClientContext context;
        prepare(context);
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        return m_stub->GetStatus(&context, {}, out);
    }

    opsdeck::v1::Bridge::Stub &stub() { return *m_stub; }

private:
    void record(const opsdeck::v1::Sample &s)
    {
        std::lock_guard lock(m_mutex);
        State &st = m_state;
        ++st.samples;
        if (s.seq() != st.lastSeq + 1)
            ++st.seqGaps;
        st.lastSeq = s.seq();
        if (s.has_snapshot_complete()) {
            st.snapshotDone = true;
            st.snapshotKeys = s.snapshot_complete().keys_sent();
            st.samplesBeforeSnapshotDone = st.samples - 1;
            st.nodesAtSnapshot = st.nodes.size();
            st.linksAtSnapshot = st.links.size();
            st.routesAtSnapshot = st.routes.size();
            return;
        }
        const bool stateTopic
            = s.has_node() || s.has_link() || s.has_route() || s.has_clock() || s.has_member();
        if (stateTopic && s.snapshot() == st.snapshotDone)
            st.snapshotFlagWrong = true;
        if (s.has_node()) {
            ++st.nodeSamples;
            if (s.node().status() == opsdeck::v1::NODE_STATUS_REMOVED)
                st.nodes.erase(s.node().node_id());
            else
                st.nodes[s.node().node_id()] = s.node();
        } else if (s.has_link()) {
            const auto key = std::make_pair(s.link().a(), s.link().b());
            if (s.link().up())
                st.links[key] = s.link();
            else
                st.links.erase(key);
        } else if (s.has_route()) {
            st.routes[s.route().flow_id()] = s.route();
        } else if (s.has_member()) {
            st.members[s.member().member_id()] = s.member();
        } else if (s.has_clock()) {
            st.clock = s.clock();
            st.clocks.push_back(s.clock());
        } else if (s.has_control()) {
            st.controls.push_back(s.control());
        } else if (s.has_stats()) {
            st.stats = s.stats();
            ++st.statsCount;
        }
    }

    std::unique_ptr<opsdeck::v1::Bridge::Stub> m_stub;
    std::string m_token;
    grpc::ClientContext m_context;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    State m_state;
    bool m_finished = false;
    grpc::Status m_status;
};

// A small, dense scenario: multi-hop routes appear within a few steps.
inline const char *kDenseScenario = R"(
name dense-test
seed 7
origin 46.8 8.2
region 160000 160000
aircraft 30
speed 200 240
altitude 8000 11000
waypoints 4
radio_range 60000
ground 1 GS-A 46.3 7.3 500
ground 2 GS-B 47.3 9.1 500
flow 1 1 2 a-to-b
random_flows 6
)";

} // namespace opsdeck::test
