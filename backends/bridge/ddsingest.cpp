#include "backends/bridge/ddsingest.h"

#include "backends/bridge/epochtime.h"
#include "opsdeck_dds.h"
#include "proto/tsanhandoff.h"

#include <QLoggingCategory>

#include <chrono>
#include <cmath>
#include <cstring>

Q_DECLARE_LOGGING_CATEGORY(lcBridge)

namespace opsdeck::bridge {

using namespace opsdeck::v1;

namespace {

constexpr std::size_t kMaxName = 64;
constexpr std::size_t kMaxString = 256;
constexpr std::size_t kMaxHops = 4096;
constexpr std::size_t kMaxParked = 100000;
constexpr std::int64_t kParkNs = 1'000'000'000; // how long a sample may wait for its nodes

std::int64_t unixNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool finite(std::initializer_list<double> values)
{
    for (double v : values)
        if (!std::isfinite(v))
            return false;
    return true;
}

std::size_t len(const char *s, std::size_t limit)
{
    return s ? strnlen(s, limit + 1) : 0;
}

std::string str(const char *s)
{
    return s ? std::string(s, strnlen(s, kMaxString)) : std::string();
}

template<typename T, typename F> void takeAll(dds_entity_t reader, F &&handle)
{
    void *samples[64] = {};
    dds_sample_info_t infos[64];
    for (;;) {
        const dds_return_t n = dds_take(reader, samples, infos, 64, 64);
        if (n <= 0)
            return;
        for (dds_return_t i = 0; i < n; ++i)
            handle(*static_cast<const T *>(samples[i]), infos[i]);
        dds_return_loan(reader, samples, n);
    }
}

// How a key is named in writer-conflict reports.
std::string keyText(const Key &key)
{
    switch (key.topic) {
    case TOPIC_NODE_STATE:
        return "node " + std::to_string(key.id);
    case TOPIC_LINK_STATE:
        return "link " + std::to_string(key.id >> 32) + "-" + std::to_string(key.id & 0xffffffffu);
    case TOPIC_ROUTE:
        return "route " + std::to_string(key.id);
    default:
        return "key " + std::to_string(key.id);
    }
}

std::string nodeExample(const opsdeck_dds_NodeState &s)
{
    char text[200];
    std::snprintf(text, sizeof text, "node %u from '%s': lat %g lon %g alt %g", s.node_id,
        s.member_id ? s.member_id : "", s.lat_deg, s.lon_deg, s.alt_m);
    return text;
}

} // namespace

DdsIngest::DdsIngest(dds::Participant &participant, Fanout &fanout)
    : m_participant(participant)
    , m_fanout(fanout)
{ }

DdsIngest::~DdsIngest()
{
    stop();
}

namespace {

// Cyclone DDS (not built with TSan) calls the listener on its own threads:
// the ingest is acquired at each call and released after it, for the next
// call and for stop() (proto/tsanhandoff.h).
extern "C" void onDataAvailable(dds_entity_t reader, void *arg)
{
    auto *ingest = static_cast<DdsIngest *>(arg);
    OPSDECK_TSAN_ACQUIRE(ingest);
    ingest->takeFrom(reader);
    OPSDECK_TSAN_RELEASE(ingest);
}

} // namespace

bool DdsIngest::start(std::string *error)
{
    const dds::Topics &t = m_participant.topics();
    using dds::QosKind;
    m_node = m_participant.createReader(t.node, QosKind::State, error);
    m_link = m_participant.createReader(t.link, QosKind::State, error);
    m_route = m_participant.createReader(t.route, QosKind::State, error);
    m_member = m_participant.createReader(t.member, QosKind::State, error);
    m_clock = m_participant.createReader(t.clock, QosKind::State, error);
    for (dds_entity_t e : { m_node, m_link, m_route, m_member, m_clock })
        if (e < 0)
            return false;
    // Samples are taken in Cyclone's listener, on the thread that delivered
    // them (its receive thread, or an in-process writer's thread): one thread
    // hand-off less than waking an ingest thread. The thread below only sweeps
    // (samples that arrived before the listener was set) and expires parked ones.
    OPSDECK_TSAN_RELEASE(this); // to the listener's threads
    dds_listener_t *listener = dds_create_listener(this);
    dds_lset_data_available(listener, &onDataAvailable);
    for (dds_entity_t r : { m_node, m_link, m_route, m_member, m_clock })
        dds_set_listener(r, listener);
    dds_delete_listener(listener);
    {
        // What arrived before the listeners were set (transient-local history).
        std::lock_guard lock(m_ingestMutex);
        takeNodes();
        takeLinks();
        takeRoutes();
        takeMembers();
        takeClock();
    }
    m_waitset = dds_create_waitset(m_participant.entity());
    m_guard = dds_create_guardcondition(m_participant.entity());
    dds_waitset_attach(m_waitset, m_guard, 0);
    m_thread = std::thread([this] { run(); });
    return true;
}

void DdsIngest::stop()
{
    if (!m_thread.joinable())
        return;
    // Waits for listener calls in progress; none start afterwards.
    for (dds_entity_t r : { m_node, m_link, m_route, m_member, m_clock })
        dds_set_listener(r, nullptr);
    OPSDECK_TSAN_ACQUIRE(this); // the last listener call's release
    m_stop.store(true);
    dds_set_guardcondition(m_guard, true);
    m_thread.join();
}

void DdsIngest::takeFrom(dds_entity_t reader)
{
    std::lock_guard lock(m_ingestMutex);
    if (reader == m_node)
        takeNodes();
    else if (reader == m_link)
        takeLinks();
    else if (reader == m_route)
        takeRoutes();
    else if (reader == m_member)
        takeMembers();
    else if (reader == m_clock)
        takeClock();
    if (reader == m_node && !m_parked.empty())
        retryParked();
}

void DdsIngest::run()
{
    bool parked = false;
    while (!m_stop.load()) {
        dds_attach_t triggered[1];
        dds_waitset_wait(m_waitset, triggered, 1, DDS_MSECS(parked ? 20 : 200));
        if (m_stop.load())
            break;
        std::lock_guard lock(m_ingestMutex);
        // Nodes before links and routes, so their endpoints are known.
        takeNodes();
        takeLinks();
        takeRoutes();
        takeMembers();
        takeClock();
        retryParked();
        parked = !m_parked.empty();
    }
}

bool DdsIngest::nodesKnown(const std::uint32_t *nodes, std::size_t count) const
{
    return m_fanout.hasNodes(nodes, count);
}

void DdsIngest::forward(Pending p)
{
    m_parked.erase(p.key);
    if (!claim(p.key, p.member, p.publication))
        return;
    m_fanout.publish(makeItem(p.key, true, p.sample, std::move(p.nodes)));
}

void DdsIngest::park(Pending p)
{
    // A bridge joining a running domain can take a link or route before the
    // nodes it names (they come through another reader): hold it briefly
    // instead of dropping valid data. A newer sample for the key replaces it.
    if (m_parked.size() >= kMaxParked && !m_parked.count(p.key))
        return drop(p.reason, p.example);
    p.deadlineNs = unixNowNs() + kParkNs;
    const Key key = p.key;
    m_parked.insert_or_assign(key, std::move(p));
}

void DdsIngest::retryParked()
{
    if (m_parked.empty())
        return;
    const std::int64_t now = unixNowNs();
    std::vector<Key> ready, expired;
    for (const auto &[key, p] : m_parked) {
        const bool route = key.topic == TOPIC_ROUTE;
        if (nodesKnown(p.nodes.data(), route ? p.nodes.size() - 2 : p.nodes.size()))
            ready.push_back(key);
        else if (now >= p.deadlineNs)
            expired.push_back(key);
    }
    for (const Key &key : ready) {
        Pending p = std::move(m_parked.at(key));
        forward(std::move(p));
    }
    for (const Key &key : expired) {
        const auto it = m_parked.find(key);
        drop(it->second.reason, it->second.example);
        m_parked.erase(it);
    }
}

void DdsIngest::count(Topic topic)
{
    m_received.fetch_add(1, std::memory_order_relaxed);
    m_topicSamples[std::size_t(topic) % m_topicSamples.size()].fetch_add(1, std::memory_order_relaxed);
}

void DdsIngest::drop(const std::string &reason, const std::string &example)
{
    m_rejected.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(m_statsMutex);
    DropCount &d = m_drops[reason];
    if (d.count() == 0) {
        d.set_reason(reason);
        d.set_first_example(example.substr(0, kMaxString));
        qCWarning(lcBridge) << "dropping DDS input:" << reason.c_str() << "-" << example.c_str();
    }
    d.set_count(d.count() + 1);
}

bool DdsIngest::claim(const Key &key, const std::string &member, dds_instance_handle_t publication)
{
    auto [it, fresh] = m_owners.try_emplace(key, Owner { member, publication });
    if (fresh)
        ++m_ownedKeys[member];
    if (fresh || it->second.member == member) {
        it->second.publication = publication;
        return true;
    }
    m_rejected.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(m_statsMutex);
    // Bounded: past 256 distinct conflicts, further keys share one entry per topic.
    const std::string text = keyText(key);
    std::tuple<int, std::string, std::string, std::string> id { int(key.topic), text, it->second.member,
        member };
    if (m_conflicts.size() >= 256 && !m_conflicts.count(id))
        id = { int(key.topic), "(further keys)", "(several)", "(several)" };
    WriterConflict &c = m_conflicts[id];
    if (c.count() == 0) {
        c.set_topic(key.topic);
        c.set_key(std::get<1>(id));
        c.set_owner_member(std::get<2>(id));
        c.set_intruder_member(std::get<3>(id));
        qCWarning(lcBridge) << "single-writer rule: member" << member.c_str() << "wrote" << text.c_str()
                            << "owned by" << it->second.member.c_str();
    }
    c.set_count(c.count() + 1);
    c.set_last_seen_unix_ns(unixNowNs());
    return false;
}

bool DdsIngest::release(const Key &key, dds_instance_handle_t publication)
{
    const auto it = m_owners.find(key);
    if (it == m_owners.end())
        return true;
    if (publication != 0 && it->second.publication != 0 && it->second.publication != publication)
        return false; // someone else's writer went away or disposed: the owner's value stands
    const auto owned = m_ownedKeys.find(it->second.member);
    if (owned != m_ownedKeys.end() && --owned->second == 0)
        m_ownedKeys.erase(owned);
    m_owners.erase(it);
    return true;
}

std::uint64_t DdsIngest::memberKey(const std::string &memberId)
{
    return m_memberIds.try_emplace(memberId, m_memberIds.size() + 1).first->second;
}

void DdsIngest::takeNodes()
{
    takeAll<opsdeck_dds_NodeState>(
        m_node, [this](const opsdeck_dds_NodeState &s, const dds_sample_info_t &info) {
            const Key key { TOPIC_NODE_STATE, s.node_id };
            const std::int64_t now = unixNowNs();
            if (!info.valid_data) {
                if (info.instance_state == DDS_IST_ALIVE || !release(key, info.publication_handle))
                    return;
                OutItemPtr last = m_fanout.cached(key);
                if (!last)
                    return;
                Sample sample;
                sample.set_bridge_recv_unix_ns(now);
                NodeState *n = sample.mutable_node();
                n->set_node_id(s.node_id);
                n->set_status(NODE_STATUS_REMOVED);
                m_fanout.remove(makeItem(key, true, sample, { s.node_id }));
                return;
            }
            count(TOPIC_NODE_STATE);
            const std::string member = str(s.member_id);
            if (member.empty())
                return drop("missing owner member id", nodeExample(s));
            if (len(s.name, kMaxName) > kMaxName || len(s.member_id, kMaxString) > kMaxString)
                return drop("oversized string", "node " + std::to_string(s.node_id));
            if (!finite({ s.lat_deg, s.lon_deg, s.alt_m, s.east_m, s.north_m, s.up_m }))
                return drop("non-finite position", nodeExample(s));
            if (!finite({ s.vel_east_mps, s.vel_north_mps, s.vel_up_mps, s.heading_deg, s.ground_speed_mps }))
                return drop("non-finite velocity", nodeExample(s));
            if (std::abs(s.lat_deg) > 90 || std::abs(s.lon_deg) > 180)
                return drop("position out of range", nodeExample(s));
            if (s.alt_m < -1000 || s.alt_m > 1e8)
                return drop("absurd altitude", nodeExample(s));
            if (std::abs(s.ground_speed_mps) > 2e4
                || std::hypot(s.vel_east_mps, s.vel_north_mps, s.vel_up_mps) > 2e4)
                return drop("absurd speed", nodeExample(s));
            if (s.kind < 0 || s.kind > NodeKind_MAX || s.status < 0 || s.status > NodeStatus_MAX)
                return drop("unknown node kind or status", nodeExample(s));
            if (!claim(key, member, info.publication_handle))
                return;
            Sample sample;
            sample.set_source_time_ns(s.sim_time_ns);
            sample.set_bridge_recv_unix_ns(now);
            sample.set_source(member);
            NodeState *n = sample.mutable_node();
            n->set_node_id(s.node_id);
            n->set_name(str(s.name));
            n->set_kind(NodeKind(s.kind));
            n->set_status(NodeStatus(s.status));
            n->mutable_geo()->set_lat_deg(s.lat_deg);
            n->mutable_geo()->set_lon_deg(s.lon_deg);
            n->mutable_geo()->set_alt_m(s.alt_m);
            n->mutable_enu()->set_east_m(s.east_m);
            n->mutable_enu()->set_north_m(s.north_m);
            n->mutable_enu()->set_up_m(s.up_m);
            n->mutable_velocity_mps()->set_east_m(s.vel_east_mps);
            n->mutable_velocity_mps()->set_north_m(s.vel_north_mps);
            n->mutable_velocity_mps()->set_up_m(s.vel_up_mps);
            n->set_heading_deg(s.heading_deg);
            n->set_ground_speed_mps(s.ground_speed_mps);
            n->set_step(s.step);
            n->set_sim_time_ns(s.sim_time_ns);
            n->set_owner_member(member);
            m_fanout.publish(makeItem(key, true, sample, { s.node_id }));
        });
}

void DdsIngest::takeLinks()
{
    takeAll<opsdeck_dds_LinkState>(
        m_link, [this](const opsdeck_dds_LinkState &s, const dds_sample_info_t &info) {
            const Key key { TOPIC_LINK_STATE, (std::uint64_t(s.a) << 32) | s.b };
            const std::int64_t now = unixNowNs();
            if (!info.valid_data) {
                if (info.instance_state == DDS_IST_ALIVE || !release(key, info.publication_handle))
                    return;
                m_parked.erase(key);
                if (!m_fanout.cached(key))
                    return;
                Sample sample;
                sample.set_bridge_recv_unix_ns(now);
                sample.mutable_link()->set_a(s.a);
                sample.mutable_link()->set_b(s.b);
                sample.mutable_link()->set_up(false);
                m_fanout.remove(makeItem(key, true, sample, { s.a, s.b }));
                return;
            }
            count(TOPIC_LINK_STATE);
            const std::string member = str(s.member_id);
            // Built only for a sample that is dropped or parked.
            const auto example = [&] {
                return "link " + std::to_string(s.a) + "-" + std::to_string(s.b) + " from '" + member + "'";
            };
            if (member.empty())
                return drop("missing owner member id", example());
            if (s.a >= s.b)
                return drop("link key not ordered (a >= b)", example());
            if (!finite({ s.quality, s.snr_db, s.latency_ms, s.bandwidth_mbps, s.distance_m, s.cost }))
                return drop("non-finite value", example());
            if (s.quality < 0 || s.quality > 1)
                return drop("link quality outside 0..1", example());
            if (s.latency_ms < 0 || s.bandwidth_mbps < 0 || s.distance_m < 0 || s.cost < 0
                || s.latency_ms > 1e6 || s.distance_m > 1e9)
                return drop("absurd link value", example());
            Sample sample;
            sample.set_source_time_ns(s.sim_time_ns);
            sample.set_bridge_recv_unix_ns(now);
            sample.set_source(member);
            LinkState *l = sample.mutable_link();
            l->set_a(s.a);
            l->set_b(s.b);
            l->set_up(s.up);
            l->set_quality(s.quality);
            l->set_snr_db(s.snr_db);
            l->set_latency_ms(s.latency_ms);
            l->set_bandwidth_mbps(s.bandwidth_mbps);
            l->set_distance_m(s.distance_m);
            l->set_cost(s.cost);
            l->set_step(s.step);
            l->set_sim_time_ns(s.sim_time_ns);
            l->set_owner_member(member);
            Pending p { key, member, info.publication_handle, std::move(sample), { s.a, s.b },
                "link names unknown node", {}, 0 };
            if (s.up && !nodesKnown(p.nodes.data(), p.nodes.size())) {
                p.example = example();
                return park(std::move(p));
            }
            forward(std::move(p));
        });
}

void DdsIngest::takeRoutes()
{
    takeAll<opsdeck_dds_Route>(m_route, [this](const opsdeck_dds_Route &s, const dds_sample_info_t &info) {
        const Key key { TOPIC_ROUTE, s.flow_id };
        const std::int64_t now = unixNowNs();
        if (!info.valid_data) {
            if (info.instance_state == DDS_IST_ALIVE || !release(key, info.publication_handle))
                return;
            m_parked.erase(key);
            OutItemPtr last = m_fanout.cached(key);
            if (!last)
                return;
            Sample sample;
            sample.set_bridge_recv_unix_ns(now);
            sample.mutable_route()->set_flow_id(s.flow_id);
            sample.mutable_route()->set_reachable(false);
            m_fanout.remove(makeItem(key, true, sample, last->nodes));
            return;
        }
        count(TOPIC_ROUTE);
        const std::string member = str(s.member_id);
        const auto example = [&] { return "route " + std::to_string(s.flow_id) + " from '" + member + "'"; };
        if (member.empty())
            return drop("missing owner member id", example());
        if (s.hops._length > kMaxHops || len(s.name, kMaxString) > kMaxString)
            return drop("oversized route", example());
        if (!finite({ s.cost, s.latency_ms, s.bottleneck_mbps }) || s.cost < 0 || s.latency_ms < 0)
            return drop("non-finite or negative route value", example());
        std::vector<std::uint32_t> nodes;
        nodes.reserve(s.hops._length + 2);
        nodes.assign(s.hops._buffer, s.hops._buffer + s.hops._length);
        if (s.reachable && (nodes.size() < 2 || nodes.front() != s.src || nodes.back() != s.dst))
            return drop("route hops do not join source and destination", example());
        Sample sample;
        sample.set_source_time_ns(s.sim_time_ns);
        sample.set_bridge_recv_unix_ns(now);
        sample.set_source(member);
        Route *r = sample.mutable_route();
        r->set_flow_id(s.flow_id);
        r->set_name(str(s.name));
        r->set_src(s.src);
        r->set_dst(s.dst);
        for (std::uint32_t hop : nodes)
            r->add_hops(hop);
        r->set_reachable(s.reachable);
        r->set_cost(s.cost);
        r->set_latency_ms(s.latency_ms);
        r->set_bottleneck_mbps(s.bottleneck_mbps);
        r->set_step(s.step);
        r->set_sim_time_ns(s.sim_time_ns);
        r->set_owner_member(member);
        nodes.push_back(s.src);
        nodes.push_back(s.dst);
        const std::size_t hopCount = s.hops._length;
        Pending p { key, member, info.publication_handle, std::move(sample), std::move(nodes),
            "route names unknown node", {}, 0 };
        if (!nodesKnown(p.nodes.data(), hopCount)) {
            p.example = example();
            return park(std::move(p));
        }
        forward(std::move(p));
    });
}

void DdsIngest::takeMembers()
{
    takeAll<opsdeck_dds_MemberStatus>(
        m_member, [this](const opsdeck_dds_MemberStatus &s, const dds_sample_info_t &info) {
            const std::string id = str(s.member_id);
            const Key key { TOPIC_MEMBER_STATUS, memberKey(id) };
            const std::int64_t now = unixNowNs();
            Sample sample;
            sample.set_bridge_recv_unix_ns(now);
            sample.set_source(id);
            MemberStatus *m = sample.mutable_member();
            if (!info.valid_data) {
                if (info.instance_state == DDS_IST_ALIVE)
                    return;
                std::lock_guard lock(m_statsMutex);
                const auto it = m_members.find(id);
                if (it == m_members.end())
                    return;
                it->second.set_state(MEMBER_STATE_LOST); // liveliness lost: the member left
                *m = it->second;
            } else {
                count(TOPIC_MEMBER_STATUS);
                if (id.empty() || len(s.member_id, kMaxString) > kMaxString
                    || len(s.name, kMaxString) > kMaxString || len(s.kind, kMaxString) > kMaxString
                    || len(s.scenario, kMaxString) > kMaxString)
                    return drop("invalid member id or oversized string", "member '" + id + "'");
                if (s.state < MEMBER_STATE_INIT || s.state > MEMBER_STATE_LOST)
                    return drop("unknown member state", "member '" + id + "'");
                m->set_member_id(id);
                m->set_name(str(s.name));
                m->set_kind(str(s.kind));
                m->set_state(MemberState(s.state));
                m->set_last_step(s.last_step);
                m->set_sim_time_ns(s.sim_time_ns);
                m->set_heartbeat_unix_ns(s.heartbeat_unix_ns);
                m->set_owned_keys(s.owned_keys);
                m->set_scenario(str(s.scenario));
                m->set_seed(s.seed);
                std::lock_guard lock(m_statsMutex);
                m_members[id] = *m;
            }
            sample.set_source_time_ns(m->sim_time_ns());
            m_fanout.publish(makeItem(key, true, sample));
        });
}

void DdsIngest::takeClock()
{
    takeAll<opsdeck_dds_SimClock>(
        m_clock, [this](const opsdeck_dds_SimClock &s, const dds_sample_info_t &info) {
            if (!info.valid_data)
                return;
            count(TOPIC_SIM_CLOCK);
            if (s.state < SIM_STATE_INIT || s.state > SIM_STATE_STOPPED || s.dt_ns <= 0
                || !std::isfinite(s.real_time_factor) || s.real_time_factor <= 0 || s.sim_time_ns < 0)
                return drop("invalid sim clock", "state " + std::to_string(s.state));
            Sample sample;
            sample.set_source_time_ns(s.sim_time_ns);
            sample.set_bridge_recv_unix_ns(unixNowNs());
            sample.set_source("control");
            SimClock *c = sample.mutable_clock();
            c->set_state(SimState(s.state));
            c->set_step(s.step);
            c->set_sim_time_ns(s.sim_time_ns);
            c->set_dt_ns(s.dt_ns);
            c->set_real_time_factor(s.real_time_factor);
            c->set_epoch_unix_ns(s.epoch_unix_ns);
            c->set_epoch_time(formatEpochTime(s.epoch_unix_ns, s.sim_time_ns));
            c->set_last_sequence(s.last_sequence);
            c->set_last_issuer(str(s.last_issuer));
            c->set_wall_time_unix_ns(s.wall_time_unix_ns);
            m_fanout.publish(makeItem(Key { TOPIC_SIM_CLOCK, 0 }, true, sample));
        });
}

std::vector<DropCount> DdsIngest::drops() const
{
    std::lock_guard lock(m_statsMutex);
    std::vector<DropCount> out;
    for (const auto &[reason, d] : m_drops)
        out.push_back(d);
    return out;
}

std::vector<WriterConflict> DdsIngest::conflicts() const
{
    std::lock_guard lock(m_statsMutex);
    std::vector<WriterConflict> out;
    for (const auto &[k, c] : m_conflicts)
        out.push_back(c);
    return out;
}

std::vector<MemberStatus> DdsIngest::members() const
{
    std::lock_guard lock(m_statsMutex);
    std::vector<MemberStatus> out;
    for (const auto &[id, m] : m_members)
        out.push_back(m);
    return out;
}

std::uint64_t DdsIngest::samples(Topic topic) const
{
    return m_topicSamples[std::size_t(topic) % m_topicSamples.size()].load(std::memory_order_relaxed);
}

std::uint64_t DdsIngest::matchedWriters() const
{
    std::uint64_t total = 0;
    for (dds_entity_t r : { m_node, m_link, m_route, m_member, m_clock }) {
        dds_subscription_matched_status_t status {};
        if (dds_get_subscription_matched_status(r, &status) == DDS_RETCODE_OK)
            total += status.total_count;
    }
    return total;
}

bool DdsIngest::membersComplete()
{
    std::vector<std::pair<std::string, std::uint32_t>> expected;
    {
        std::lock_guard lock(m_statsMutex);
        for (const auto &[id, m] : m_members)
            if (m.state() != MEMBER_STATE_LOST && m.owned_keys() > 0)
                expected.emplace_back(id, m.owned_keys());
    }
    std::lock_guard lock(m_ingestMutex);
    for (const auto &[id, keys] : expected) {
        const auto it = m_ownedKeys.find(id);
        if (it == m_ownedKeys.end() || it->second < keys)
            return false;
    }
    return true;
}

} // namespace opsdeck::bridge
