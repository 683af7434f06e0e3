#include "backends/sim/simmember.h"

#include "backends/dds/participant.h"
#include "backends/sim/simengine.h"
#include "opsdeck_dds.h"

#include <QLoggingCategory>

#include <chrono>
#include <cmath>
#include <map>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcSim, "opsdeck.sim")

namespace opsdeck::sim {

namespace {

// opsdeck.v1.SimState / MemberState / ControlKind values (see bridge.proto).
constexpr int kSimInit = 1, kSimRunning = 2, kSimFrozen = 3, kSimStopped = 4;
constexpr int kControlReset = 5;

std::int64_t unixNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

char *cstr(const std::string &s)
{
    return const_cast<char *>(s.c_str()); // Cyclone's write() only reads it
}

struct PublishedLink
{
    double quality = 0;
    double latencyMs = 0;
    std::uint64_t step = 0;
};

} // namespace

class SimMember::Worker
{
public:
    Worker(SimMember &owner, Scenario scenario, std::uint64_t seed, std::string scenarioName)
        : m_owner(owner)
        , m_engine(std::move(scenario), seed)
        , m_scenarioName(std::move(scenarioName))
    { }

    bool open(std::string *error)
    {
        const SimConfig &c = m_owner.m_config;
        if (!m_participant.open(c.domain, error))
            return false;
        const dds::Topics &t = m_participant.topics();
        using dds::QosKind;
        m_nodeWriter = m_participant.createWriter(t.node, QosKind::State, error);
        m_linkWriter = m_participant.createWriter(t.link, QosKind::State, error);
        m_routeWriter = m_participant.createWriter(t.route, QosKind::State, error);
        m_memberWriter = m_participant.createWriter(t.member, QosKind::State, error);
        m_advanceReader = m_participant.createReader(t.advance, QosKind::TimeAdvance, error);
        m_controlReader = m_participant.createReader(t.control, QosKind::Control, error);
        m_clockReader = m_participant.createReader(t.clock, QosKind::State, error);
        for (dds_entity_t e : { m_nodeWriter, m_linkWriter, m_routeWriter, m_memberWriter, m_advanceReader,
                 m_controlReader, m_clockReader })
            if (e < 0)
                return false;
        m_owner.m_nodeCount.store(m_engine.nodes().size());
        {
            std::lock_guard lock(m_owner.m_faultMutex);
            m_owner.m_nodeIds.clear();
            for (const SimNode &n : m_engine.nodes())
                m_owner.m_nodeIds[n.name] = n.id;
        }
        m_waitset = dds_create_waitset(m_participant.entity());
        m_guard = dds_create_guardcondition(m_participant.entity());
        dds_waitset_attach(m_waitset, m_guard, 0);
        for (dds_entity_t r : { m_advanceReader, m_controlReader, m_clockReader }) {
            const dds_entity_t cond = dds_create_readcondition(r, DDS_ANY_STATE);
            dds_waitset_attach(m_waitset, cond, r);
        }
        return true;
    }

    void wake() { dds_set_guardcondition(m_guard, true); }

    void run()
    {
        publishWorld();
        publishStatus();
        auto nextHeartbeat = std::chrono::steady_clock::now();
        const auto heartbeat = std::chrono::milliseconds(std::max(50, m_owner.m_config.heartbeatMs));
        while (!m_stop.load()) {
            dds_attach_t triggered[4];
            dds_waitset_wait(m_waitset, triggered, 4, DDS_MSECS(heartbeat.count()));
            if (m_stop.load())
                break;
            bool woken = false;
            dds_take_guardcondition(m_guard, &woken); // reset it, or the waitset never waits again
            takeControl();
            takeClock();
            takeAdvance();
            applyFaults();
            if (std::chrono::steady_clock::now() >= nextHeartbeat) {
                publishStatus();
                nextHeartbeat = std::chrono::steady_clock::now() + heartbeat;
            }
        }
        m_state = kSimStopped;
        publishStatus();
    }

    std::atomic<bool> m_stop { false };

private:
    template<typename T, typename F> void take(dds_entity_t reader, F &&handle)
    {
        void *samples[32] = {};
        dds_sample_info_t infos[32];
        for (;;) {
            const dds_return_t n = dds_take(reader, samples, infos, 32, 32);
            if (n <= 0)
                return;
            for (dds_return_t i = 0; i < n; ++i)
                if (infos[i].valid_data)
                    handle(*static_cast<const T *>(samples[i]));
            dds_return_loan(reader, samples, n);
        }
    }

    void takeControl()
    {
        take<opsdeck_dds_SimControl>(m_controlReader, [this](const opsdeck_dds_SimControl &c) {
            if (c.kind == kControlReset && m_engine.step() != 0) {
                qCInfo(lcSim) << "reset by" << c.issuer << "- back to step 0";
                m_engine.reset();
                publishWorld();
            }
            setState(c.state);
        });
    }

    void takeClock()
    {
        take<opsdeck_dds_SimClock>(
            m_clockReader, [this](const opsdeck_dds_SimClock &c) { setState(c.state); });
    }

    void takeAdvance()
    {
        // Grants queue up if a step takes longer than the grant period: advance
        // straight to the newest one (one move of the whole interval) instead of
        // replaying every step late.
        bool granted = false;
        std::uint64_t step = 0;
        std::int64_t simTime = 0;
        take<opsdeck_dds_TimeAdvance>(m_advanceReader, [&](const opsdeck_dds_TimeAdvance &a) {
            if (a.step > step) {
                step = a.step;
                simTime = a.sim_time_ns;
                granted = true;
            }
        });
        // A repeated or stale grant is ignored; a stopped member holds.
        if (!granted || step <= m_engine.step() || simTime < m_engine.simTimeNs() || m_state == kSimStopped)
            return;
        m_engine.advanceTo(step, simTime);
        publishWorld();
        publishStatus();
    }

    void applyFaults()
    {
        std::vector<FaultCommand> faults;
        {
            std::lock_guard lock(m_owner.m_faultMutex);
            faults.swap(m_owner.m_faults);
        }
        if (faults.empty())
            return;
        for (const FaultCommand &f : faults) {
            if (f.link)
                m_engine.setLinkBlocked(f.a, f.b, f.on);
            else
                m_engine.setRadioFailed(f.a, f.on);
            qCInfo(lcSim) << (f.link ? "link" : "radio") << f.a << (f.link ? f.b : f.a)
                          << (f.on ? "failed by operator" : "restored by operator");
        }
        publishWorld();
    }

    void setState(int simState)
    {
        if (simState < kSimInit || simState > kSimStopped || simState == m_state)
            return;
        m_state = simState;
        publishStatus();
    }

    void publishWorld()
    {
        const std::string &member = m_owner.m_memberId;
        const std::uint64_t step = m_engine.step();
        const std::int64_t simTime = m_engine.simTimeNs();
        for (const SimNode &n : m_engine.nodes()) {
            opsdeck_dds_NodeState s {};
            s.node_id = n.id;
            s.name = cstr(n.name);
            s.kind = int(n.kind);
            s.status = int(n.status);
            s.lat_deg = n.geo.latDeg;
            s.lon_deg = n.geo.lonDeg;
            s.alt_m = n.geo.altM;
            s.east_m = n.enu.x;
            s.north_m = n.enu.y;
            s.up_m = n.enu.z;
            s.vel_east_mps = n.velocity.x;
            s.vel_north_mps = n.velocity.y;
            s.vel_up_mps = n.velocity.z;
            s.heading_deg = n.headingDeg;
            s.ground_speed_mps = n.groundSpeedMps;
            s.step = step;
            s.sim_time_ns = simTime;
            s.member_id = cstr(member);
            dds_write(m_nodeWriter, &s);
        }
        // Links: new ones, changed ones and every link at least every 20 steps;
        // a link that went away is sent once with up = false and disposed.
        std::map<std::pair<std::uint32_t, std::uint32_t>, PublishedLink> now;
        for (const SimLink &l : m_engine.links()) {
            const auto key = std::make_pair(l.a, l.b);
            const auto it = m_links.find(key);
            const bool send = it == m_links.end() || std::abs(it->second.quality - l.quality) >= 0.02
                || std::abs(it->second.latencyMs - l.latencyMs) >= 0.02 * it->second.latencyMs
                || step >= it->second.step + 20 || step < it->second.step;
            if (send) {
                writeLink(l, true, step, simTime);
                now[key] = { l.quality, l.latencyMs, step };
            } else {
                now[key] = it->second;
            }
        }
        for (const auto &[key, published] : m_links) {
            if (now.count(key))
                continue;
            SimLink gone;
            gone.a = key.first;
            gone.b = key.second;
            writeLink(gone, false, step, simTime);
        }
        m_links = std::move(now);
        for (const SimRoute &r : m_engine.routes()) {
            opsdeck_dds_Route s {};
            s.flow_id = r.flowId;
            s.name = cstr(r.name);
            s.src = r.src;
            s.dst = r.dst;
            s.hops._buffer = const_cast<std::uint32_t *>(r.hops.data());
            s.hops._length = s.hops._maximum = std::uint32_t(r.hops.size());
            s.hops._release = false;
            s.reachable = r.reachable;
            s.cost = r.cost;
            s.latency_ms = r.latencyMs;
            s.bottleneck_mbps = r.reachable ? r.bottleneckMbps : 0.0;
            s.step = step;
            s.sim_time_ns = simTime;
            s.member_id = cstr(member);
            dds_write(m_routeWriter, &s);
        }
        {
            std::lock_guard lock(m_owner.m_faultMutex);
            for (const SimRoute &r : m_engine.routes())
                m_owner.m_routeHops[r.name] = r.hops;
        }
        m_owner.m_step.store(step);
        m_owner.m_published.fetch_add(1);
        m_owner.m_nodeCount.store(m_engine.nodes().size());
    }

    void writeLink(const SimLink &l, bool up, std::uint64_t step, std::int64_t simTime)
    {
        opsdeck_dds_LinkState s {};
        s.a = l.a;
        s.b = l.b;
        s.up = up;
        s.quality = l.quality;
        s.snr_db = l.snrDb;
        s.latency_ms = l.latencyMs;
        s.bandwidth_mbps = l.bandwidthMbps;
        s.distance_m = l.distanceM;
        s.cost = l.cost;
        s.step = step;
        s.sim_time_ns = simTime;
        s.member_id = cstr(m_owner.m_memberId);
        dds_write(m_linkWriter, &s);
        if (!up)
            dds_dispose(m_linkWriter, &s);
    }

    void publishStatus()
    {
        const SimConfig &c = m_owner.m_config;
        opsdeck_dds_MemberStatus s {};
        s.member_id = cstr(m_owner.m_memberId);
        s.name = cstr(c.name);
        static const std::string kind = "network-simulator";
        s.kind = cstr(kind);
        s.state = m_state; // MemberState numbers equal SimState numbers for INIT..STOPPED
        s.last_step = m_engine.step();
        s.sim_time_ns = m_engine.simTimeNs();
        s.heartbeat_unix_ns = unixNowNs();
        s.owned_keys = std::uint32_t(m_engine.nodes().size() + m_links.size() + m_engine.routes().size());
        s.scenario = cstr(m_scenarioName);
        s.seed = m_engine.seed();
        dds_write(m_memberWriter, &s);
    }

    SimMember &m_owner;
    SimEngine m_engine;
    std::string m_scenarioName;
    dds::Participant m_participant;
    dds_entity_t m_nodeWriter = 0, m_linkWriter = 0, m_routeWriter = 0, m_memberWriter = 0;
    dds_entity_t m_advanceReader = 0, m_controlReader = 0, m_clockReader = 0;
    dds_entity_t m_waitset = 0, m_guard = 0;
    int m_state = kSimInit;
    std::map<std::pair<std::uint32_t, std::uint32_t>, PublishedLink> m_links;
};

SimMember::SimMember(SimConfig config)
    : m_config(std::move(config))
{
    if (m_config.memberId.empty())
        m_config.memberId = "sim-" + std::to_string(::getpid());
    m_memberId = m_config.memberId;
}

SimMember::~SimMember()
{
    stop();
}

std::string SimMember::memberId() const
{
    return m_memberId;
}

bool SimMember::start(std::string *error)
{
    if (m_worker)
        return true;
    std::optional<Scenario> scenario;
    std::string scenarioName;
    if (!m_config.scenarioFile.empty()) {
        scenario = loadScenarioFile(m_config.scenarioFile, error);
        scenarioName = m_config.scenarioFile;
    } else if (!m_config.scenarioText.empty()) {
        scenario = parseScenario(m_config.scenarioText, "scenario", error);
    } else {
        scenario = defaultScenario();
    }
    if (!scenario)
        return false;
    if (scenarioName.empty())
        scenarioName = scenario->name;
    if (m_config.aircraft >= 0)
        scenario->aircraft = m_config.aircraft;
    const std::uint64_t seed = m_config.seed ? m_config.seed : scenario->seed;
    auto worker = std::make_unique<Worker>(*this, std::move(*scenario), seed, scenarioName);
    if (!worker->open(error))
        return false;
    m_worker = std::move(worker);
    m_thread = std::thread([this] { m_worker->run(); });
    qCInfo(lcSim) << "member" << m_memberId.c_str() << "joined DDS domain" << m_config.domain << "with"
                  << m_nodeCount.load() << "nodes, seed" << seed;
    return true;
}

std::optional<std::uint32_t> SimMember::nodeId(const std::string &name) const
{
    std::lock_guard lock(m_faultMutex);
    const auto it = m_nodeIds.find(name);
    if (it == m_nodeIds.end())
        return std::nullopt;
    return it->second;
}

std::map<std::string, std::uint32_t> SimMember::nodes() const
{
    std::lock_guard lock(m_faultMutex);
    return m_nodeIds;
}

std::vector<std::uint32_t> SimMember::routeHops(const std::string &flowName) const
{
    std::lock_guard lock(m_faultMutex);
    const auto it = m_routeHops.find(flowName);
    return it == m_routeHops.end() ? std::vector<std::uint32_t> {} : it->second;
}

bool SimMember::setRadioFailed(std::uint32_t nodeId, bool failed)
{
    return queueFault({ false, nodeId, 0, failed });
}

bool SimMember::setLinkBlocked(std::uint32_t a, std::uint32_t b, bool blocked)
{
    return a != b && queueFault({ true, a, b, blocked });
}

bool SimMember::queueFault(const FaultCommand &command)
{
    {
        std::lock_guard lock(m_faultMutex);
        auto known = [this](std::uint32_t id) {
            for (const auto &[name, nodeId] : m_nodeIds)
                if (nodeId == id)
                    return true;
            return false;
        };
        if (!m_worker || !known(command.a) || (command.link && !known(command.b)))
            return false;
        m_faults.push_back(command);
    }
    m_worker->wake();
    return true;
}

void SimMember::stop()
{
    if (!m_worker)
        return;
    m_worker->m_stop.store(true);
    m_worker->wake();
    if (m_thread.joinable())
        m_thread.join();
    m_worker.reset();
}

} // namespace opsdeck::sim
