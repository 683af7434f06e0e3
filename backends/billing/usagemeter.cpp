#include "backends/billing/usagemeter.h"

#include <algorithm>

namespace opsdeck::billing {

void UsageMeter::started(const std::string &resourceId, const InstanceSpec &spec, std::int64_t atNs)
{
    std::lock_guard lock(m_mutex);
    auto [it, inserted] = m_runs.try_emplace(resourceId);
    if (!inserted)
        return;
    it->second.spec = spec;
    it->second.runStartNs = atNs;
    it->second.billedUntilNs = atNs;
}

void UsageMeter::stopped(const std::string &resourceId, std::int64_t atNs, bool interrupted)
{
    std::lock_guard lock(m_mutex);
    auto it = m_runs.find(resourceId);
    if (it == m_runs.end())
        return;
    Run run = std::move(it->second);
    m_runs.erase(it);
    run.stoppedNs = std::max(atNs, run.runStartNs);
    run.interrupted = interrupted;
    m_finished.emplace_back(resourceId, std::move(run));
}

void UsageMeter::calls(const std::string &resourceId, double requests, double gbSeconds,
    const std::map<std::string, std::string> &tags)
{
    if (requests <= 0 && gbSeconds <= 0)
        return;
    std::lock_guard lock(m_mutex);
    Calls &c = m_calls[resourceId];
    c.requests += requests;
    c.gbSeconds += gbSeconds;
    if (c.tags.empty())
        c.tags = tags;
}

std::size_t UsageMeter::running() const
{
    std::lock_guard lock(m_mutex);
    return m_runs.size();
}

void UsageMeter::flush(std::int64_t nowNs, UsageSink &sink)
{
    std::vector<UsageEvent> events;
    {
        std::lock_guard lock(m_mutex);
        auto instance = [&](const std::string &id, const Run &run, std::int64_t until, bool ends) {
            if (until <= run.billedUntilNs && !ends)
                return;
            UsageEvent e;
            e.kind = UsageEvent::Kind::Instance;
            e.resourceId = id;
            e.regionId = run.spec.regionId;
            e.accountId = run.spec.accountId;
            e.tags = run.spec.tags;
            e.product = run.spec.product;
            e.offer = run.spec.offer;
            e.commitmentId = run.spec.commitmentId;
            e.startNs = run.billedUntilNs;
            e.endNs = std::max(until, run.billedUntilNs);
            e.runStartNs = run.runStartNs;
            e.runEnds = ends;
            e.interrupted = ends && run.interrupted;
            events.push_back(std::move(e));
        };
        for (const auto &[id, run] : m_finished)
            instance(id, run, run.stoppedNs, true);
        m_finished.clear();
        for (auto &[id, run] : m_runs) {
            instance(id, run, nowNs, false);
            run.billedUntilNs = std::max(run.billedUntilNs, nowNs);
        }
        const std::int64_t from = m_lastFlushNs > 0 ? m_lastFlushNs : nowNs;
        for (auto &[id, c] : m_calls) {
            UsageEvent e;
            e.kind = UsageEvent::Kind::Function;
            e.resourceId = id;
            e.tags = c.tags;
            e.startNs = std::min(from, nowNs);
            e.endNs = nowNs;
            e.requests = c.requests;
            e.gbSeconds = c.gbSeconds;
            events.push_back(std::move(e));
        }
        m_calls.clear();
        m_lastFlushNs = nowNs;
    }
    for (const UsageEvent &e : events)
        sink.submit(e);
    sink.settle(nowNs);
}

} // namespace opsdeck::billing
