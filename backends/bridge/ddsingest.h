#pragma once

#include "backends/bridge/fanout.h"
#include "backends/dds/participant.h"

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace opsdeck::bridge {

// Takes every sample of the simulation topics from DDS on its own thread,
// validates it, enforces the single-writer rule, converts it to the contract's
// Sample once and hands it to the Fanout. Bad samples are dropped and counted
// per reason; a second member writing a key another member owns is counted as
// a writer conflict and its sample is not forwarded.
class DdsIngest
{
public:
    DdsIngest(dds::Participant &participant, Fanout &fanout);
    ~DdsIngest();

    bool start(std::string *error);
    void stop();

    // Cyclone's data-available listener: takes what `reader` holds.
    void takeFrom(dds_entity_t reader);

    // Counters for BridgeStats / ListTopics / GetStatus (thread-safe).
    std::uint64_t received() const { return m_received.load(); }
    std::uint64_t rejected() const { return m_rejected.load(); }
    std::vector<opsdeck::v1::DropCount> drops() const;
    std::vector<opsdeck::v1::WriterConflict> conflicts() const;
    std::vector<opsdeck::v1::MemberStatus> members() const;
    std::uint64_t samples(opsdeck::v1::Topic topic) const;

    // For the history wait after a (re)start: DDS writers matched by our
    // readers so far (grows as discovery finds members), and whether every
    // member that announced itself holds at least MemberStatus.owned_keys keys
    // here. Cyclone 0.10's dds_reader_wait_for_historical_data returns at once
    // for transient-local readers, so the bridge judges this itself.
    std::uint64_t matchedWriters() const;
    bool membersComplete();

private:
    struct Owner
    {
        std::string member;
        dds_instance_handle_t publication = 0;
    };

    // A valid link / route whose nodes the bridge has not seen yet.
    struct Pending
    {
        Key key;
        std::string member;
        dds_instance_handle_t publication = 0;
        opsdeck::v1::Sample sample;
        std::vector<std::uint32_t> nodes; // for a route: hops, then src and dst
        const char *reason = "";
        std::string example; // only filled when parked
        std::int64_t deadlineNs = 0;
    };

    void run();
    bool nodesKnown(const std::uint32_t *nodes, std::size_t count) const;
    void forward(Pending p);
    void park(Pending p);
    void retryParked();
    void takeNodes();
    void takeLinks();
    void takeRoutes();
    void takeMembers();
    void takeClock();
    void drop(const std::string &reason, const std::string &example);
    // Single-writer rule: true if `member` may write `key` (and records the owner).
    bool claim(const Key &key, const std::string &member, dds_instance_handle_t publication);
    // True if a disposal of `key` by `publication` comes from the owner; forgets the owner.
    bool release(const Key &key, dds_instance_handle_t publication);
    std::uint64_t memberKey(const std::string &memberId);
    void count(opsdeck::v1::Topic topic);

    dds::Participant &m_participant;
    Fanout &m_fanout;
    dds_entity_t m_node = 0, m_link = 0, m_route = 0, m_member = 0, m_clock = 0;
    dds_entity_t m_waitset = 0, m_guard = 0;
    std::thread m_thread;
    std::atomic<bool> m_stop { false };

    // Ingest state, guarded by m_ingestMutex (listener calls and the sweep thread).
    std::mutex m_ingestMutex;
    std::unordered_map<Key, Owner, KeyHash> m_owners;
    std::unordered_map<std::string, std::uint32_t> m_ownedKeys; // per member
    std::unordered_map<std::string, std::uint64_t> m_memberIds;
    std::unordered_map<Key, Pending, KeyHash> m_parked;

    mutable std::mutex m_statsMutex; // guards everything below
    std::map<std::string, opsdeck::v1::DropCount> m_drops;
    std::map<std::tuple<int, std::string, std::string, std::string>, opsdeck::v1::WriterConflict> m_conflicts;
    std::map<std::string, opsdeck::v1::MemberStatus> m_members;
    std::array<std::atomic<std::uint64_t>, 8> m_topicSamples {};
    std::atomic<std::uint64_t> m_received { 0 };
    std::atomic<std::uint64_t> m_rejected { 0 };
};

} // namespace opsdeck::bridge
