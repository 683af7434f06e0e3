#include "backends/dds/participant.h"

#include "backends/dds/loopbackconfig.h"
#include "opsdeck_dds.h"

#include <cstdlib>
#include <mutex>
#include <set>

namespace opsdeck::dds {

namespace {

std::mutex g_domainMutex;
std::set<std::uint32_t> g_domains; // domains this process created with our configuration

} // namespace

std::string retcodeText(dds_return_t rc)
{
    const char *text = dds_strretcode(rc);
    return text ? std::string(text) : std::to_string(rc);
}

bool userConfigured()
{
    const char *uri = std::getenv("CYCLONEDDS_URI");
    return uri && *uri;
}

bool ensureDomain(std::uint32_t domain, std::string *error)
{
    if (userConfigured())
        return true; // Cyclone reads the user's file when the participant is created
    std::lock_guard lock(g_domainMutex);
    if (g_domains.count(domain))
        return true;
    const dds_entity_t handle = dds_create_domain(dds_domainid_t(domain), kLoopbackConfigXml);
    // PRECONDITION_NOT_MET: the domain already exists in this process (someone
    // created a participant on it first); it was created by us or by the user's config.
    if (handle < 0 && handle != DDS_RETCODE_PRECONDITION_NOT_MET) {
        if (error)
            *error = "cannot create DDS domain " + std::to_string(domain)
                + " with the loopback configuration: " + retcodeText(handle);
        return false;
    }
    g_domains.insert(domain);
    return true;
}

Participant::~Participant()
{
    close();
}

void Participant::close()
{
    if (m_participant > 0)
        dds_delete(m_participant);
    m_participant = 0;
    m_topics = {};
}

bool Participant::open(std::uint32_t domain, std::string *error)
{
    close();
    if (!ensureDomain(domain, error))
        return false;
    const dds_entity_t participant = dds_create_participant(dds_domainid_t(domain), nullptr, nullptr);
    if (participant < 0) {
        if (error)
            *error = "cannot create DDS participant on domain " + std::to_string(domain) + ": "
                + retcodeText(participant);
        return false;
    }
    m_participant = participant;

    struct Spec
    {
        dds_entity_t *out;
        const dds_topic_descriptor_t *descriptor;
        const char *name;
        QosKind qos;
    };
    const Spec specs[] = {
        { &m_topics.node, &opsdeck_dds_NodeState_desc, kNodeStateTopic, QosKind::State },
        { &m_topics.link, &opsdeck_dds_LinkState_desc, kLinkStateTopic, QosKind::State },
        { &m_topics.route, &opsdeck_dds_Route_desc, kRouteTopic, QosKind::State },
        { &m_topics.control, &opsdeck_dds_SimControl_desc, kSimControlTopic, QosKind::Control },
        { &m_topics.advance, &opsdeck_dds_TimeAdvance_desc, kTimeAdvanceTopic, QosKind::TimeAdvance },
        { &m_topics.clock, &opsdeck_dds_SimClock_desc, kSimClockTopic, QosKind::State },
        { &m_topics.member, &opsdeck_dds_MemberStatus_desc, kMemberStatusTopic, QosKind::State },
    };
    for (const Spec &spec : specs) {
        const QosPtr qos = makeQos(spec.qos);
        const dds_entity_t topic
            = dds_create_topic(participant, spec.descriptor, spec.name, qos.get(), nullptr);
        if (topic < 0) {
            if (error)
                *error = std::string("cannot create DDS topic ") + spec.name + ": " + retcodeText(topic);
            close();
            return false;
        }
        *spec.out = topic;
    }
    return true;
}

dds_entity_t Participant::createReader(dds_entity_t topic, QosKind kind, std::string *error) const
{
    const QosPtr qos = makeQos(kind);
    const dds_entity_t reader = dds_create_reader(m_participant, topic, qos.get(), nullptr);
    if (reader < 0 && error)
        *error = "cannot create DDS reader: " + retcodeText(reader);
    return reader;
}

dds_entity_t Participant::createWriter(dds_entity_t topic, QosKind kind, std::string *error) const
{
    const QosPtr qos = makeQos(kind);
    const dds_entity_t writer = dds_create_writer(m_participant, topic, qos.get(), nullptr);
    if (writer < 0 && error)
        *error = "cannot create DDS writer: " + retcodeText(writer);
    return writer;
}

} // namespace opsdeck::dds
