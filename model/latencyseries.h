#pragma once

#include "model/histogram.h"

#include <array>
#include <cstdint>
#include <deque>
#include <iterator>
#include <memory>
#include <vector>

namespace opsdeck::model {

struct CallCounts
{
    std::uint64_t calls = 0;
    std::uint64_t errors = 0; // status != OK
    std::uint64_t timeouts = 0; // DEADLINE_EXCEEDED
    std::uint64_t retries = 0; // attempts > 1
    std::uint64_t late = 0; // server finished after the caller's deadline
    std::uint64_t unavailable = 0; // UNAVAILABLE

    void add(const CallCounts &o)
    {
        calls += o.calls;
        errors += o.errors;
        timeouts += o.timeouts;
        retries += o.retries;
        late += o.late;
        unavailable += o.unavailable;
    }
};

// One closed window, reduced to what sparklines and charts draw: a second,
// or a minute in the older part of a series' history.
struct WindowSummary
{
    std::int64_t second = 0; // Unix seconds, the window's start
    std::int32_t seconds = 1; // its length: 1 or 60
    CallCounts counts; // over the whole window (divide by `seconds` for a rate)
    std::int64_t p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0;
};

// The summaries of a series, oldest first, as an immutable value that
// publishing can hand out every frame without copying: the closed minutes
// before the per-second part, then the seconds. Full blocks of seconds and the
// minutes are shared between snapshots; only the last block is copied.
class SummaryHistory
{
public:
    static constexpr std::size_t kBlock = 128;
    using Block = std::vector<WindowSummary>;

    class Iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = WindowSummary;
        using difference_type = std::ptrdiff_t;
        using pointer = const WindowSummary *;
        using reference = const WindowSummary &;
        Iterator(const SummaryHistory *h, std::size_t i)
            : m_h(h)
            , m_i(i)
        { }
        reference operator*() const { return (*m_h)[m_i]; }
        pointer operator->() const { return &(*m_h)[m_i]; }
        Iterator &operator++()
        {
            ++m_i;
            return *this;
        }
        bool operator==(const Iterator &o) const { return m_i == o.m_i; }
        bool operator!=(const Iterator &o) const { return m_i != o.m_i; }

    private:
        const SummaryHistory *m_h;
        std::size_t m_i;
    };

    SummaryHistory() = default;
    // The first `minuteCount` of `minutes`, then the seconds in `blocks` from
    // the `skip`-th on. Every block but the last is full.
    SummaryHistory(std::shared_ptr<const Block> minutes, std::size_t minuteCount,
        std::vector<std::shared_ptr<const Block>> blocks, std::size_t skip);

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::size_t minuteCount() const { return m_minuteCount; }
    const WindowSummary &operator[](std::size_t i) const
    {
        if (i < m_minuteCount)
            return (*m_minutes)[i];
        i += m_skip - m_minuteCount;
        return (*m_blocks[i / kBlock])[i % kBlock];
    }
    const WindowSummary &back() const { return (*this)[m_size - 1]; }
    Iterator begin() const { return { this, 0 }; }
    Iterator end() const { return { this, m_size }; }

private:
    std::shared_ptr<const Block> m_minutes;
    std::size_t m_minuteCount = 0;
    std::vector<std::shared_ptr<const Block>> m_blocks;
    std::size_t m_skip = 0;
    std::size_t m_size = 0;
};

// A rolling view (1 min, 5 min or 1 h) of one series.
struct LatencyView
{
    int seconds = 0;
    CallCounts counts;
    double ratePerSec = 0.0;
    std::int64_t p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0, min = 0;
    double errorPct = 0.0;
    double timeoutPct = 0.0;
    std::int64_t deadlineNs = 0;
    // (deadline - p99) / deadline in percent; NaN without a deadline or calls.
    double headroomPct = 0.0;

    void setDeadline(std::int64_t ns); // and recomputes the headroom
};

// The 1-second windows of one (service, method), edge or replica. Windows
// close in data time: a record for a later second closes the open one; a record
// for an earlier second is counted in the open window (arrival order wins).
// Memory is bounded: 300 closed seconds, 60 closed minutes, their summaries
// and 300 to 427 per-second summaries (the oldest are dropped a block at a
// time). Beyond five minutes the history is per minute: an hour of seconds for
// every series would keep growing for the whole hour (96 B a second each), for
// a chart that cannot show 3,600 points per series anyway.
class LatencySeries
{
public:
    static constexpr int kSecondsKept = 300;
    static constexpr int kMinutesKept = 60;
    static constexpr int kSecondSummariesKept = 300;

    void record(std::int64_t second, std::int64_t durationNs, std::uint32_t status, std::uint32_t attempt,
        std::int64_t deadlineNs);
    void recordLate(std::int64_t second);
    // Folds an already aggregated window (StatsWindow from the backend).
    void recordWindow(
        std::int64_t second, const CallCounts &counts, const Histogram &latency, std::int64_t deadlineNs);
    // Closes every window that ends before `second`.
    void advanceTo(std::int64_t second);

    LatencyView view(std::int64_t nowSecond, int seconds, Histogram &scratch) const;
    // Every window still held, oldest first: closed minutes older than the
    // seconds ring (window 60 s), closed seconds, the open minute's seconds
    // are inside the seconds ring already, then the open second (window 1 s).
    template<typename F> void forEachWindow(F &&f) const
    {
        const std::int64_t firstSecond = m_seconds.empty() ? m_openSecond : m_seconds.front().key;
        for (const Closed &m : m_minutes)
            if ((m.key + 1) * 60 <= firstSecond)
                f(m.key * 60, 60, m.counts, m.latency);
        for (const Closed &c : m_seconds)
            f(c.key, 1, c.counts, c.latency);
        if (m_openSecond != 0 && (m_openCounts.calls || m_openCounts.late))
            f(m_openSecond, 1, m_openCounts, m_open.toSparse());
    }
    // Rebuilt only when a window closed since the last call.
    std::shared_ptr<const SummaryHistory> history();
    std::int64_t deadlineNs() const { return m_deadlineNs; }
    std::int64_t lastSecond() const { return m_openSecond; }
    // Heap bytes of the closed windows and summaries it keeps (bounded: the
    // seconds fill in 5 min, the minutes in an hour).
    std::size_t retainedBytes() const;
    bool hasData() const { return m_openSecond != 0; }

private:
    struct Closed
    {
        std::int64_t key = 0; // second or minute
        CallCounts counts;
        SparseHistogram latency;
    };
    // The merged closed windows of one view size at one second (see view()).
    struct ClosedView
    {
        int seconds = 0;
        std::int64_t nowSecond = -1;
        std::uint64_t version = 0;
        CallCounts counts;
        SparseHistogram latency;
    };
    ClosedView &closedView(int seconds) const;
    void open(std::int64_t second);
    void closeOpen();
    void closeMinute();

    std::int64_t m_firstSecond = 0;
    std::int64_t m_openSecond = 0;
    CallCounts m_openCounts;
    Histogram m_open;
    std::int64_t m_openMinute = 0;
    CallCounts m_minuteCounts;
    Histogram m_minute; // closed seconds of the open minute
    std::deque<Closed> m_seconds;
    std::deque<Closed> m_minutes;
    std::vector<std::shared_ptr<const SummaryHistory::Block>> m_fullBlocks;
    SummaryHistory::Block m_tail;
    std::shared_ptr<const SummaryHistory::Block> m_minuteSummaries; // ≤ kMinutesKept
    std::shared_ptr<const SummaryHistory> m_history;
    bool m_historyDirty = true;
    std::int64_t m_deadlineNs = 0;
    std::uint64_t m_closedVersion = 0; // bumps when a window closes
    mutable std::array<ClosedView, 3> m_closedViews; // the console's 1 min, 5 min and 1 h
    mutable std::size_t m_nextClosedView = 0;
};

} // namespace opsdeck::model
