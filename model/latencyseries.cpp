#include "model/latencyseries.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace opsdeck::model {

namespace {
constexpr std::uint32_t kDeadlineExceeded = 4;
constexpr std::uint32_t kUnavailable = 14;
} // namespace

void LatencySeries::open(std::int64_t second)
{
    if (m_firstSecond == 0)
        m_firstSecond = second;
    m_openSecond = second;
    m_openCounts = {};
    m_open.clear();
}

void LatencySeries::record(std::int64_t second, std::int64_t durationNs, std::uint32_t status,
    std::uint32_t attempt, std::int64_t deadlineNs)
{
    if (m_openSecond == 0)
        open(second);
    else if (second > m_openSecond)
        advanceTo(second);
    m_open.record(durationNs);
    ++m_openCounts.calls;
    if (status != 0)
        ++m_openCounts.errors;
    if (status == kDeadlineExceeded)
        ++m_openCounts.timeouts;
    if (status == kUnavailable)
        ++m_openCounts.unavailable;
    if (attempt > 1)
        ++m_openCounts.retries;
    // Attempts get min(configured deadline, what the caller has left): the
    // largest budget seen is the best estimate of the configured one.
    m_deadlineNs = std::max(m_deadlineNs, deadlineNs);
}

void LatencySeries::recordLate(std::int64_t second)
{
    if (m_openSecond == 0)
        open(second);
    else if (second > m_openSecond)
        advanceTo(second);
    ++m_openCounts.late;
}

void LatencySeries::recordWindow(
    std::int64_t second, const CallCounts &counts, const Histogram &latency, std::int64_t deadlineNs)
{
    if (m_openSecond == 0)
        open(second);
    else if (second > m_openSecond)
        advanceTo(second);
    m_open.merge(latency);
    m_openCounts.add(counts);
    if (deadlineNs > 0)
        m_deadlineNs = std::max(m_deadlineNs, deadlineNs);
}

void LatencySeries::advanceTo(std::int64_t second)
{
    if (m_openSecond == 0 || second <= m_openSecond)
        return;
    closeOpen();
    open(second);
}

namespace {
WindowSummary summarise(std::int64_t second, int seconds, const CallCounts &counts, const Histogram &latency)
{
    WindowSummary summary;
    summary.second = second;
    summary.seconds = seconds;
    summary.counts = counts;
    static constexpr double qs[] = { 0.5, 0.9, 0.99, 0.999 };
    std::int64_t p[4] = {};
    latency.percentiles(qs, p, 4);
    summary.p50 = p[0];
    summary.p90 = p[1];
    summary.p99 = p[2];
    summary.p999 = p[3];
    summary.max = latency.max();
    return summary;
}
} // namespace

void LatencySeries::closeOpen()
{
    m_tail.push_back(summarise(m_openSecond, 1, m_openCounts, m_open));
    if (m_tail.size() == SummaryHistory::kBlock) {
        m_fullBlocks.push_back(std::make_shared<const SummaryHistory::Block>(std::move(m_tail)));
        m_tail = {};
        m_tail.reserve(SummaryHistory::kBlock);
    }
    // Keep between kSecondSummariesKept and that + one block.
    while (!m_fullBlocks.empty()
        && m_fullBlocks.size() * SummaryHistory::kBlock + m_tail.size()
            >= kSecondSummariesKept + SummaryHistory::kBlock)
        m_fullBlocks.erase(m_fullBlocks.begin());
    m_historyDirty = true;
    ++m_closedVersion;

    const std::int64_t minute = m_openSecond / 60;
    if (m_openMinute != 0 && minute != m_openMinute)
        closeMinute();
    m_openMinute = minute;
    m_minute.merge(m_open);
    m_minuteCounts.add(m_openCounts);

    m_seconds.push_back({ m_openSecond, m_openCounts, m_open.toSparse() });
    while (!m_seconds.empty() && m_seconds.front().key <= m_openSecond - kSecondsKept)
        m_seconds.pop_front();
}

void LatencySeries::closeMinute()
{
    m_minutes.push_back({ m_openMinute, m_minuteCounts, m_minute.toSparse() });
    while (!m_minutes.empty() && m_minutes.front().key <= m_openMinute - kMinutesKept)
        m_minutes.pop_front();
    // A new vector each minute: published histories share the old one.
    auto summaries = std::make_shared<SummaryHistory::Block>();
    summaries->reserve(kMinutesKept);
    if (m_minuteSummaries)
        for (const WindowSummary &s : *m_minuteSummaries)
            if (s.second / 60 > m_openMinute - kMinutesKept)
                summaries->push_back(s);
    summaries->push_back(summarise(m_openMinute * 60, 60, m_minuteCounts, m_minute));
    m_minuteSummaries = std::move(summaries);
    m_minute.clear();
    m_minuteCounts = {};
}

LatencyView LatencySeries::view(std::int64_t nowSecond, int seconds, Histogram &scratch) const
{
    LatencyView v;
    v.seconds = seconds;
    v.deadlineNs = m_deadlineNs;
    const std::int64_t from = nowSecond - seconds; // exclusive
    // The closed windows of a view change only when a window closes or the
    // view's second moves; between those the console publishes ~30 times a
    // second, so their merge (up to 300 histograms) is kept and reused.
    ClosedView &cache = closedView(seconds);
    if (cache.nowSecond != nowSecond || cache.version != m_closedVersion) {
        scratch.clear();
        cache.counts = {};
        if (seconds <= kSecondsKept) {
            for (auto it = m_seconds.rbegin(); it != m_seconds.rend() && it->key > from; ++it) {
                if (it->key > nowSecond)
                    continue;
                scratch.merge(it->latency);
                cache.counts.add(it->counts);
            }
        } else {
            const std::int64_t fromMinute = from / 60; // exclusive
            for (auto it = m_minutes.rbegin(); it != m_minutes.rend() && it->key > fromMinute; ++it) {
                scratch.merge(it->latency);
                cache.counts.add(it->counts);
            }
            if (m_openMinute > fromMinute) {
                scratch.merge(m_minute);
                cache.counts.add(m_minuteCounts);
            }
        }
        cache.latency = scratch.toSparse();
        cache.nowSecond = nowSecond;
        cache.version = m_closedVersion;
    } else {
        scratch.clear();
        scratch.merge(cache.latency);
    }
    v.counts = cache.counts;
    if (m_openSecond > from && m_openSecond <= nowSecond) {
        scratch.merge(m_open);
        v.counts.add(m_openCounts);
    }
    static constexpr double qs[] = { 0.5, 0.9, 0.99, 0.999 };
    std::int64_t p[4] = {};
    scratch.percentiles(qs, p, 4);
    v.p50 = p[0];
    v.p90 = p[1];
    v.p99 = p[2];
    v.p999 = p[3];
    v.max = scratch.max();
    v.min = scratch.min();
    // A series younger than the view is averaged over its own age.
    const std::int64_t age = m_firstSecond > 0 ? nowSecond - m_firstSecond + 1 : seconds;
    v.ratePerSec = double(v.counts.calls) / double(std::clamp<std::int64_t>(age, 1, seconds));
    if (v.counts.calls > 0) {
        v.errorPct = 100.0 * double(v.counts.errors) / double(v.counts.calls);
        v.timeoutPct = 100.0 * double(v.counts.timeouts) / double(v.counts.calls);
    }
    v.setDeadline(m_deadlineNs);
    return v;
}

void LatencyView::setDeadline(std::int64_t ns)
{
    deadlineNs = ns;
    headroomPct = (ns > 0 && counts.calls > 0) ? 100.0 * double(ns - p99) / double(ns)
                                               : std::numeric_limits<double>::quiet_NaN();
}

LatencySeries::ClosedView &LatencySeries::closedView(int seconds) const
{
    for (ClosedView &c : m_closedViews)
        if (c.seconds == seconds)
            return c;
    ClosedView &slot = m_closedViews[m_nextClosedView++ % m_closedViews.size()];
    slot = ClosedView {};
    slot.seconds = seconds;
    return slot;
}

std::size_t LatencySeries::retainedBytes() const
{
    std::size_t bytes = 0;
    for (const Closed &c : m_seconds)
        bytes += sizeof(Closed) + c.latency.packedBytes();
    for (const Closed &c : m_minutes)
        bytes += sizeof(Closed) + c.latency.packedBytes();
    for (const ClosedView &c : m_closedViews)
        bytes += c.latency.packedBytes();
    bytes += (m_fullBlocks.size() * SummaryHistory::kBlock + m_tail.capacity()) * sizeof(WindowSummary);
    if (m_minuteSummaries)
        bytes += m_minuteSummaries->capacity() * sizeof(WindowSummary);
    return bytes;
}

SummaryHistory::SummaryHistory(std::shared_ptr<const Block> minutes, std::size_t minuteCount,
    std::vector<std::shared_ptr<const Block>> blocks, std::size_t skip)
    : m_minutes(std::move(minutes))
    , m_minuteCount(minuteCount)
    , m_blocks(std::move(blocks))
    , m_skip(skip)
{
    m_size = m_minuteCount;
    for (const auto &b : m_blocks)
        m_size += b->size();
    m_size -= m_skip;
}

std::shared_ptr<const SummaryHistory> LatencySeries::history()
{
    if (m_historyDirty || !m_history) {
        // Shares the full blocks and the minutes; copies at most one block.
        auto blocks = m_fullBlocks;
        if (!m_tail.empty())
            blocks.push_back(std::make_shared<const SummaryHistory::Block>(m_tail));
        // The seconds start at a minute boundary when the minute they start in
        // has a summary (it is closed; the summary stands for it); the minutes
        // come before.
        std::size_t skip = 0, minuteCount = 0;
        if (!blocks.empty()) {
            const std::int64_t first = blocks.front()->front().second;
            std::int64_t from = first;
            if (first % 60 != 0 && m_minuteSummaries && !m_minuteSummaries->empty()
                && m_minuteSummaries->back().second / 60 >= first / 60)
                from = (first / 60 + 1) * 60;
            const SummaryHistory::Block &head = *blocks.front();
            while (skip < head.size() && head[skip].second < from)
                ++skip;
            if (m_minuteSummaries)
                while (minuteCount < m_minuteSummaries->size()
                    && (*m_minuteSummaries)[minuteCount].second < from)
                    ++minuteCount;
        } else if (m_minuteSummaries) {
            minuteCount = m_minuteSummaries->size();
        }
        m_history
            = std::make_shared<const SummaryHistory>(m_minuteSummaries, minuteCount, std::move(blocks), skip);
        m_historyDirty = false;
    }
    return m_history;
}

} // namespace opsdeck::model
