#pragma once

#include "backends/dds/qos.h"

#include <dds/dds.h>

#include <cstdint>
#include <string>

namespace opsdeck::dds {

// The DDS topics of OpsDeck's data space, created on one participant.
struct Topics
{
    dds_entity_t node = 0;
    dds_entity_t link = 0;
    dds_entity_t route = 0;
    dds_entity_t control = 0;
    dds_entity_t advance = 0;
    dds_entity_t clock = 0;
    dds_entity_t member = 0;
};

// Topic names on the wire (DESIGN.md).
inline constexpr const char *kNodeStateTopic = "NodeState";
inline constexpr const char *kLinkStateTopic = "LinkState";
inline constexpr const char *kRouteTopic = "Route";
inline constexpr const char *kSimControlTopic = "SimControl";
inline constexpr const char *kTimeAdvanceTopic = "TimeAdvance";
inline constexpr const char *kSimClockTopic = "SimClock";
inline constexpr const char *kMemberStatusTopic = "MemberStatus";

// One DDS participant of OpsDeck with all topics created. Every OpsDeck
// participant (sim, bridge, tests, benchmarks) is made here so that all of them
// use the loopback-only configuration unless the user set CYCLONEDDS_URI.
// Not copyable; deleting it deletes every reader and writer created under it.
class Participant
{
public:
    Participant() = default;
    ~Participant();
    Participant(const Participant &) = delete;
    Participant &operator=(const Participant &) = delete;

    bool open(std::uint32_t domain, std::string *error);
    void close();

    bool isOpen() const { return m_participant > 0; }
    dds_entity_t entity() const { return m_participant; }
    const Topics &topics() const { return m_topics; }

    // Reader / writer on one of our topics with the QoS DESIGN.md gives it.
    dds_entity_t createReader(dds_entity_t topic, QosKind kind, std::string *error) const;
    dds_entity_t createWriter(dds_entity_t topic, QosKind kind, std::string *error) const;

private:
    dds_entity_t m_participant = 0;
    Topics m_topics;
};

// Makes sure the domain exists with the loopback configuration unless
// CYCLONEDDS_URI is set (then Cyclone reads the user's configuration).
// Safe to call repeatedly and from several threads; a domain that already
// exists in this process is reused.
bool ensureDomain(std::uint32_t domain, std::string *error);

// True when the user's CYCLONEDDS_URI decides the configuration.
bool userConfigured();

std::string retcodeText(dds_return_t rc);

} // namespace opsdeck::dds
