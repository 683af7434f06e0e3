#include "model/latencybook.h"

#include "model/diagnostics.h"
#include "model/eventstream.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcLatency, "opsdeck.model.latency")

namespace opsdeck::model {

namespace {
constexpr std::int64_t kNsPerSecond = 1'000'000'000;
constexpr std::int64_t kMaxDurationNs = 24LL * 3600 * kNsPerSecond;
constexpr std::size_t kMaxNameLength = 256;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

bool oversized(const opsdeck::v1::CallRecord &r)
{
    return r.service().size() > kMaxNameLength || r.method().size() > kMaxNameLength
        || r.caller().size() > kMaxNameLength || r.replica().size() > kMaxNameLength;
}
} // namespace

const LatencyBook::Row *LatencyBook::Snapshot::find(Kind kind, const QString &a, const QString &b) const
{
    for (const Row &row : rows) {
        if (row.kind != kind)
            continue;
        switch (kind) {
        case Kind::Method:
            if (row.service == a && row.method == b)
                return &row;
            break;
        case Kind::Edge:
            if (row.caller == a && row.service == b)
                return &row;
            break;
        case Kind::Replica:
            if (row.service == a && row.replica == b)
                return &row;
            break;
        }
    }
    return nullptr;
}

LatencyBook::LatencyBook(Diagnostics *diagnostics)
    : m_diagnostics(diagnostics)
{ }

LatencyBook::Entry *LatencyBook::entry(Kind kind, std::string_view a, std::string_view b)
{
    m_keyScratch.clear();
    m_keyScratch.push_back(char('0' + int(kind)));
    m_keyScratch.append(a);
    m_keyScratch.push_back('\x1f');
    m_keyScratch.append(b);
    auto it = m_series.find(m_keyScratch);
    if (it != m_series.end())
        return it->second.get();
    if (m_series.size() >= kMaxSeries)
        return nullptr;
    auto e = std::make_unique<Entry>();
    e->kind = kind;
    e->a = std::string(a);
    e->b = std::string(b);
    Entry *raw = e.get();
    m_series.emplace(m_keyScratch, std::move(e));
    return raw;
}

const LatencyBook::Route *LatencyBook::route(const opsdeck::v1::CallRecord &r, std::string_view caller)
{
    std::string &key = m_routeScratch;
    key.clear();
    key.append(r.service()).push_back('\x1f');
    key.append(r.method()).push_back('\x1f');
    key.append(caller).push_back('\x1f');
    key.append(r.replica());
    auto it = m_routes.find(key);
    if (it != m_routes.end())
        return &it->second;
    Route route;
    route.method = entry(Kind::Method, r.service(), r.method());
    route.edge = entry(Kind::Edge, caller, r.service());
    if (!route.method || !route.edge)
        return nullptr;
    if (!r.replica().empty()) {
        route.replica = entry(Kind::Replica, r.service(), r.replica());
        if (!route.replica)
            return nullptr;
    }
    if (m_routes.size() >= 4 * kMaxSeries)
        return nullptr;
    return &m_routes.emplace(key, route).first->second;
}

void LatencyBook::reject(const QString &source, const QString &reason, const QString &example)
{
    ++m_rejected;
    if (m_diagnostics)
        m_diagnostics->report(source, reason, example, unixNowNs());
}

void LatencyBook::apply(std::span<const opsdeck::v1::Envelope> batch)
{
    for (const opsdeck::v1::Envelope &envelope : batch) {
        if (envelope.channel() != opsdeck::v1::CHANNEL_TELEMETRY)
            continue;
        if (envelope.has_call_batch())
            applyCalls(envelope.call_batch(), QStringLiteral("telemetry ") + q(envelope.source()));
        else if (envelope.has_stats_window())
            applyStats(envelope.stats_window(), QStringLiteral("telemetry ") + q(envelope.source()));
    }
}

void LatencyBook::applyCalls(const opsdeck::v1::CallBatch &batch, const QString &source)
{
    m_droppedByExporter += batch.dropped_since_last();
    if (batch.has_topology())
        m_topology = batch.topology();
    for (const opsdeck::v1::CallRecord &r : batch.calls()) {
        if (r.service().empty() || r.method().empty()) {
            reject(source, QStringLiteral("call record without service or method"), q(r.ShortDebugString()));
            continue;
        }
        if (oversized(r)) {
            reject(source, QStringLiteral("oversized name in call record"), q(r.service().substr(0, 64)));
            continue;
        }
        if (r.duration_ns() < 0 || r.duration_ns() > kMaxDurationNs) {
            reject(
                source, QStringLiteral("negative or absurd call duration"), QString::number(r.duration_ns()));
            continue;
        }
        if (r.start_unix_ns() <= 0) {
            reject(source, QStringLiteral("call record without start time"), q(r.service()));
            continue;
        }
        if (r.status_code() > 16) {
            reject(source, QStringLiteral("unknown gRPC status code"), QString::number(r.status_code()));
            continue;
        }
        const std::int64_t second = (r.start_unix_ns() + r.duration_ns()) / kNsPerSecond;
        m_nowSecond = std::max(m_nowSecond, second);
        const std::string_view caller = r.caller().empty() ? std::string_view("unknown") : r.caller();
        const Route *route = this->route(r, caller);
        if (!route) {
            reject(source, QStringLiteral("too many distinct series"), q(r.service()));
            continue;
        }
        Entry *method = route->method;
        Entry *edge = route->edge;
        ++m_records;
        if (r.side() == opsdeck::v1::CALL_SIDE_SERVER) {
            // The caller's own record carries the latency it saw; the server's
            // record only adds what the caller cannot know: it finished late.
            if (r.late_response()) {
                method->series.recordLate(second);
                edge->series.recordLate(second);
            }
            continue;
        }
        method->series.record(second, r.duration_ns(), r.status_code(), r.attempt(), r.deadline_ns());
        edge->series.record(second, r.duration_ns(), r.status_code(), r.attempt(), r.deadline_ns());
        if (route->replica)
            route->replica->series.record(
                second, r.duration_ns(), r.status_code(), r.attempt(), r.deadline_ns());
    }
}

void LatencyBook::applyStats(const opsdeck::v1::StatsWindow &window, const QString &source)
{
    const std::int64_t second = window.window_start_unix_ns() / kNsPerSecond;
    if (window.window_start_unix_ns() <= 0) {
        reject(source, QStringLiteral("stats window without start time"), QString());
        return;
    }
    m_nowSecond = std::max(m_nowSecond, second);
    Histogram foreign;
    auto fold = [&](Entry *e, const opsdeck::v1::CallCounters &c, const opsdeck::v1::Histogram &h,
                    std::int64_t deadline, bool countRecords = false) {
        if (!e) {
            reject(source, QStringLiteral("too many distinct series"), QString());
            return;
        }
        foreign.clear();
        for (const auto &b : h.buckets()) {
            if (b.lower_ns() < 0 || b.upper_ns() < b.lower_ns()) {
                reject(source, QStringLiteral("malformed histogram bucket"), QString::number(b.lower_ns()));
                continue;
            }
            const std::int64_t mid = b.lower_ns() + (b.upper_ns() - b.lower_ns()) / 2;
            foreign.recordBucket(HistogramLayout::index(mid), b.count(), std::max(b.lower_ns(), h.min_ns()),
                std::min(b.upper_ns(), h.max_ns()));
        }
        CallCounts counts { c.calls(), c.errors(), c.timeouts(), c.retries(), c.late_responses(),
            c.unavailable() };
        e->series.recordWindow(second, counts, foreign, deadline);
        if (countRecords)
            m_records += c.calls();
    };
    for (const auto &m : window.methods())
        fold(entry(Kind::Method, m.service(), m.method()), m.counters(), m.latency(), m.deadline_ns(), true);
    for (const auto &e : window.edges())
        fold(entry(Kind::Edge, e.caller().empty() ? std::string("unknown") : e.caller(), e.callee()),
            e.counters(), e.latency(), e.deadline_ns());
    for (const auto &r : window.replicas())
        fold(entry(Kind::Replica, r.service(), r.replica()), r.counters(), r.latency(), r.deadline_ns());
    if (window.has_topology())
        m_topology = window.topology();
}

namespace {

void sparseToProto(const SparseHistogram &h, opsdeck::v1::Histogram *out)
{
    out->set_count(h.count);
    out->set_min_ns(h.min);
    out->set_max_ns(h.max);
    out->set_sum_ns(h.sum);
    for (const SparseBucket &b : h.buckets()) {
        auto *pb = out->add_buckets();
        pb->set_lower_ns(HistogramLayout::lower(int(b.index)));
        pb->set_upper_ns(HistogramLayout::upper(int(b.index)));
        pb->set_count(b.count);
    }
}

void countsToProto(const CallCounts &c, opsdeck::v1::CallCounters *out)
{
    out->set_calls(c.calls);
    out->set_errors(c.errors);
    out->set_timeouts(c.timeouts);
    out->set_retries(c.retries);
    out->set_late_responses(c.late);
    out->set_unavailable(c.unavailable);
}

} // namespace

void LatencyBook::writeKeyframe(opsdeck::v1::Keyframe &keyframe) const
{
    std::map<std::pair<std::int64_t, std::int64_t>, opsdeck::v1::StatsWindow *>
        windows; // (start s, length s)
    auto window = [&](std::int64_t start, std::int64_t length) {
        auto &w = windows[{ start, length }];
        if (!w) {
            w = keyframe.add_latency_windows();
            w->set_window_start_unix_ns(start * kNsPerSecond);
            w->set_window_ns(length * kNsPerSecond);
            w->set_source("latencybook");
        }
        return w;
    };
    for (const auto &item : m_series) {
        const auto &e = item.second; // a structured binding: clang 14 cannot capture it in the lambda
        const std::int64_t deadline = e->series.deadlineNs();
        e->series.forEachWindow([&](std::int64_t start, std::int64_t length, const CallCounts &counts,
                                    const SparseHistogram &latency) {
            opsdeck::v1::StatsWindow *w = window(start, length);
            opsdeck::v1::CallCounters *c = nullptr;
            opsdeck::v1::Histogram *h = nullptr;
            switch (e->kind) {
            case Kind::Method: {
                auto *m = w->add_methods();
                m->set_service(e->a);
                m->set_method(e->b);
                m->set_deadline_ns(deadline);
                c = m->mutable_counters();
                h = m->mutable_latency();
                break;
            }
            case Kind::Edge: {
                auto *ed = w->add_edges();
                ed->set_caller(e->a);
                ed->set_callee(e->b);
                ed->set_deadline_ns(deadline);
                c = ed->mutable_counters();
                h = ed->mutable_latency();
                break;
            }
            case Kind::Replica: {
                auto *r = w->add_replicas();
                r->set_service(e->a);
                r->set_replica(e->b);
                r->set_deadline_ns(deadline);
                c = r->mutable_counters();
                h = r->mutable_latency();
                break;
            }
            }
            countsToProto(counts, c);
            sparseToProto(latency, h);
        });
    }
    if (m_topology.services_size() > 0 || m_topology.edges_size() > 0)
        *window(m_nowSecond, 0)->mutable_topology() = m_topology;
}

void LatencyBook::restore(const opsdeck::v1::Keyframe &keyframe)
{
    m_series.clear();
    m_routes.clear();
    m_topology.Clear();
    m_nowSecond = 0;
    std::vector<const opsdeck::v1::StatsWindow *> windows;
    for (const auto &w : keyframe.latency_windows())
        windows.push_back(&w);
    std::stable_sort(windows.begin(), windows.end(),
        [](const auto *a, const auto *b) { return a->window_start_unix_ns() < b->window_start_unix_ns(); });
    for (const auto *w : windows) {
        if (w->has_topology())
            m_topology = w->topology();
        if (w->methods_size() || w->edges_size() || w->replicas_size())
            applyStats(*w, QStringLiteral("keyframe"));
    }
}

std::size_t LatencyBook::retainedBytes() const
{
    std::size_t bytes = 0;
    for (const auto &[key, e] : m_series)
        bytes += sizeof(Entry) + e->series.retainedBytes();
    return bytes;
}

void LatencyBook::advanceTo(std::int64_t unixNs)
{
    m_nowSecond = std::max(m_nowSecond, unixNs / kNsPerSecond);
}

void LatencyBook::publish()
{
    auto snap = std::make_shared<Snapshot>();
    snap->nowSecond = m_nowSecond;
    snap->records = m_records;
    snap->rejected = m_rejected;
    snap->droppedByExporter = m_droppedByExporter;
    snap->rows.reserve(m_series.size());
    // The configured deadline of each callee, when the backend declared it.
    std::unordered_map<std::string, std::int64_t> configured;
    for (const auto &s : m_topology.services())
        if (s.deadline_ns() > 0)
            configured[s.service()] = s.deadline_ns();
    for (auto &[key, e] : m_series) {
        e->series.advanceTo(m_nowSecond);
        Row row;
        row.kind = e->kind;
        switch (e->kind) {
        case Kind::Method:
            row.service = q(e->a);
            row.method = q(e->b);
            break;
        case Kind::Edge:
            row.caller = q(e->a);
            row.service = q(e->b);
            break;
        case Kind::Replica:
            row.service = q(e->a);
            row.replica = q(e->b);
            break;
        }
        for (int v = ViewCount - 1; v >= 0; --v)
            row.views[std::size_t(v)] = e->series.view(m_nowSecond, kViewSeconds[std::size_t(v)], m_scratch);
        {
            const auto it = configured.find(e->kind == Kind::Edge ? e->b : e->a);
            if (it != configured.end())
                for (LatencyView &v : row.views)
                    v.setDeadline(it->second);
        }
        // m_scratch now holds the last minute (computed last).
        if (e->kind == Kind::Method)
            snap->distributions[row.service + QLatin1Char('/') + row.method] = m_scratch.toSparse();
        row.history = e->series.history();
        row.lastSecond = e->series.lastSecond();
        snap->rows.push_back(std::move(row));
    }
    std::sort(snap->rows.begin(), snap->rows.end(), [](const Row &x, const Row &y) {
        return std::tie(x.kind, x.service, x.method, x.caller, x.replica)
            < std::tie(y.kind, y.service, y.method, y.caller, y.replica);
    });
    for (const auto &s : m_topology.services()) {
        for (const auto &r : s.replicas())
            snap->replicas.push_back(
                { q(s.service()), q(r.replica()), q(r.address()), int(r.health()), q(r.fault()) });
    }
    for (const auto &e : m_topology.edges())
        snap->edges.emplace_back(q(e.caller()), q(e.callee()));
    m_box.publish(std::move(snap));
}

} // namespace opsdeck::model
