// DemoSystem as the story's DemoTarget: each action on the real backends.

#include "app/demologging.h"
#include "app/demosystem.h"
#include "backends/mesh/mesh.h"
#include "backends/sim/simmember.h"

#include <QFileInfo>

#include <algorithm>

namespace opsdeck::app {

namespace {

const char *keyword(DemoAction::Kind kind)
{
    switch (kind) {
    case DemoAction::Kind::FailRadio:
        return "fail_radio";
    case DemoAction::Kind::RestoreRadio:
        return "restore_radio";
    case DemoAction::Kind::FailLink:
        return "fail_link";
    case DemoAction::Kind::RestoreLink:
        return "restore_link";
    case DemoAction::Kind::Slow:
        return "slow";
    case DemoAction::Kind::Delay:
        return "delay";
    case DemoAction::Kind::Abort:
        return "abort";
    case DemoAction::Kind::Outage:
        return "outage";
    case DemoAction::Kind::ClearFaults:
        return "clear_faults";
    case DemoAction::Kind::Traffic:
        return "traffic";
    case DemoAction::Kind::SpotInterrupt:
        return "spot_interrupt";
    case DemoAction::Kind::SpotRestore:
        return "spot_restore";
    case DemoAction::Kind::Recover:
        return "recover";
    }
    return "?";
}

} // namespace

bool DemoSystem::resolveNode(const DemoAction &a, const QString &ref, std::uint32_t *id, QString *error) const
{
    const QString where = QStringLiteral("%1:%2: %3: ")
                              .arg(QFileInfo(m_options.storyFile).fileName())
                              .arg(a.line)
                              .arg(QLatin1String(keyword(a.kind)));
    if (ref.startsWith(QLatin1String("route:"))) {
        const QString flow = ref.mid(6);
        const std::vector<std::uint32_t> hops = m_sim->routeHops(flow.toStdString());
        if (hops.size() < 3) {
            *error = where
                + (hops.empty()
                        ? QStringLiteral("flow '%1' is unknown or unreachable right now").arg(flow)
                        : QStringLiteral("flow '%1' has no relay right now (a direct link)").arg(flow));
            return false;
        }
        *id = hops[1]; // the first relay: failing it forces the route around it
        return true;
    }
    bool numeric = false;
    const uint n = ref.toUInt(&numeric);
    if (numeric) {
        const auto nodes = m_sim->nodes();
        if (std::none_of(nodes.begin(), nodes.end(), [n](const auto &kv) { return kv.second == n; })) {
            *error = where + QStringLiteral("no node with id %1 in the simulation").arg(ref);
            return false;
        }
        *id = n;
        return true;
    }
    const auto found = m_sim->nodeId(ref.toStdString());
    if (!found) {
        *error = where + QStringLiteral("no node named '%1' in the simulation").arg(ref);
        return false;
    }
    *id = *found;
    return true;
}

bool DemoSystem::linkOf(const DemoAction &a, std::uint32_t *x, std::uint32_t *y, QString *error) const
{
    if (a.node2.isEmpty()) {
        // "route:<flow>": the route's first link.
        const QString flow = a.node.mid(6);
        const std::vector<std::uint32_t> hops = m_sim->routeHops(flow.toStdString());
        if (hops.size() < 2) {
            *error = QStringLiteral("%1:%2: %3: flow '%4' is unknown or unreachable right now")
                         .arg(QFileInfo(m_options.storyFile).fileName())
                         .arg(a.line)
                         .arg(QLatin1String(keyword(a.kind)), flow);
            return false;
        }
        *x = hops[0];
        *y = hops[1];
        return true;
    }
    return resolveNode(a, a.node, x, error) && resolveNode(a, a.node2, y, error);
}

bool DemoSystem::checkTarget(const DemoAction &a, QString *error) const
{
    const mesh::Scenario &s = m_mesh->scenario();
    const qsizetype dash = a.target.lastIndexOf(QLatin1Char('-'));
    const QString service = dash < 0 ? a.target : a.target.left(dash);
    const mesh::ServiceSpec *spec = s.service(service.toStdString());
    QString why;
    if (!spec)
        why = QStringLiteral("the mesh has no service '%1'").arg(service);
    else if (dash >= 0 && a.target.mid(dash + 1).toInt() >= spec->replicas)
        why = QStringLiteral("the mesh has no replica '%1' (%2 has %3)")
                  .arg(a.target, service)
                  .arg(spec->replicas);
    if (why.isEmpty())
        return true;
    *error = QStringLiteral("%1:%2: %3: %4")
                 .arg(QFileInfo(m_options.storyFile).fileName())
                 .arg(a.line)
                 .arg(QLatin1String(keyword(a.kind)), why);
    return false;
}

void DemoSystem::pushFaults()
{
    std::vector<mesh::Fault> all = m_baseFaults;
    all.insert(all.end(), m_storyFaults.begin(), m_storyFaults.end());
    m_mesh->setFaults(std::move(all));
}

bool DemoSystem::apply(const DemoAction &a, QString *error)
{
    if (!m_running || !m_sim || !m_mesh) {
        *error = QStringLiteral("the demo is not running");
        return false;
    }
    using K = DemoAction::Kind;
    switch (a.kind) {
    case K::FailRadio:
    case K::RestoreRadio: {
        std::uint32_t id = 0;
        if (!resolveNode(a, a.node, &id, error))
            return false;
        const bool fail = a.kind == K::FailRadio;
        m_sim->setRadioFailed(id, fail);
        auto it = std::find(m_failedRadios.begin(), m_failedRadios.end(), id);
        if (fail && it == m_failedRadios.end())
            m_failedRadios.push_back(id);
        else if (!fail && it != m_failedRadios.end())
            m_failedRadios.erase(it);
        return true;
    }
    case K::FailLink:
    case K::RestoreLink: {
        std::uint32_t x = 0, y = 0;
        if (!linkOf(a, &x, &y, error))
            return false;
        const auto key = std::make_pair(std::min(x, y), std::max(x, y));
        const bool fail = a.kind == K::FailLink;
        m_sim->setLinkBlocked(key.first, key.second, fail);
        auto it = std::find(m_blockedLinks.begin(), m_blockedLinks.end(), key);
        if (fail && it == m_blockedLinks.end())
            m_blockedLinks.push_back(key);
        else if (!fail && it != m_blockedLinks.end())
            m_blockedLinks.erase(it);
        return true;
    }
    case K::Slow:
    case K::Delay:
    case K::Abort:
    case K::Outage: {
        if (!checkTarget(a, error))
            return false;
        mesh::Fault f;
        f.kind = a.kind == K::Slow ? mesh::FaultKind::Slow
            : a.kind == K::Delay   ? mesh::FaultKind::Delay
            : a.kind == K::Abort   ? mesh::FaultKind::Abort
                                   : mesh::FaultKind::Outage;
        if (a.target.contains(QLatin1Char('-')))
            f.replica = a.target.toStdString();
        else
            f.service = a.target.toStdString();
        f.delayMs = a.delayMs;
        f.status = a.status;
        f.probability = a.probability;
        m_storyFaults.push_back(f);
        pushFaults();
        return true;
    }
    case K::ClearFaults:
        m_storyFaults.clear();
        pushFaults();
        return true;
    case K::Traffic:
        m_mesh->setTrafficRate(a.rate);
        return true;
    case K::SpotInterrupt:
        if (m_costs)
            m_costs->interruptSpot();
        return true;
    case K::SpotRestore:
        if (m_costs)
            m_costs->restoreSpot();
        return true;
    case K::Recover:
        for (std::uint32_t id : m_failedRadios)
            m_sim->setRadioFailed(id, false);
        for (const auto &[x, y] : m_blockedLinks)
            m_sim->setLinkBlocked(x, y, false);
        m_failedRadios.clear();
        m_blockedLinks.clear();
        if (!m_storyFaults.empty()) {
            m_storyFaults.clear();
            pushFaults();
        }
        m_mesh->setTrafficRate(std::clamp(m_options.trafficRate, 0.0, mesh::TrafficSpec::kMaxRate));
        if (m_costs)
            m_costs->restoreSpot();
        return true;
    }
    return false;
}

} // namespace opsdeck::app
