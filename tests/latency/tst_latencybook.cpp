#include "model/diagnostics.h"
#include "model/latencybook.h"
#include "model/latencyseries.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using opsdeck::model::LatencyBook;
using Kind = opsdeck::model::LatencyBook::Kind;

namespace {
constexpr std::int64_t kSec = 1'000'000'000;
constexpr std::int64_t kT0 = 1'800'000'000LL * kSec; // a fixed data clock

opsdeck::v1::CallRecord call(const char *caller, const char *service, const char *method, const char *replica,
    std::int64_t startNs, std::int64_t durationNs, std::uint32_t status = 0, std::uint32_t attempt = 1)
{
    opsdeck::v1::CallRecord r;
    r.set_caller(caller);
    r.set_service(service);
    r.set_method(method);
    r.set_replica(replica);
    r.set_start_unix_ns(startNs);
    r.set_duration_ns(durationNs);
    r.set_status_code(status);
    r.set_attempt(attempt);
    r.set_deadline_ns(200'000'000);
    r.set_side(opsdeck::v1::CALL_SIDE_CLIENT);
    return r;
}

opsdeck::v1::Envelope wrap(opsdeck::v1::CallBatch batch)
{
    opsdeck::v1::Envelope e;
    e.set_channel(opsdeck::v1::CHANNEL_TELEMETRY);
    e.set_source("test");
    *e.mutable_call_batch() = std::move(batch);
    return e;
}
} // namespace

class TestLatencyBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void viewsMatchExactPercentilesAndCounts()
    {
        LatencyBook book;
        std::mt19937_64 rng(7);
        std::lognormal_distribution<double> logn(std::log(20e6), 0.6);
        std::vector<std::int64_t> lastMinute;
        std::vector<opsdeck::v1::Envelope> envs;
        int timeouts = 0, errors = 0, retries = 0, calls = 0;
        // 120 seconds of 200 calls/s; the last 60 s are the 1-minute view.
        for (int s = 0; s < 120; ++s) {
            opsdeck::v1::CallBatch batch;
            for (int i = 0; i < 200; ++i) {
                const std::int64_t start = kT0 + s * kSec + i * (kSec / 200);
                std::int64_t d = std::min<std::int64_t>(std::int64_t(logn(rng)), kSec / 2);
                std::uint32_t status = 0;
                if (d > 200'000'000) {
                    d = 200'000'000;
                    status = 4;
                }
                if (i % 50 == 0)
                    status = 14;
                const std::uint32_t attempt = (i % 20 == 0) ? 2 : 1;
                // The window is the second the call ended in; avoid edge seconds.
                if (start + d >= kT0 + s * kSec + kSec)
                    d = kT0 + s * kSec + kSec - 1 - start;
                *batch.add_calls()
                    = call("gateway", "orders", "PlaceOrder", "orders-1", start, d, status, attempt);
                if (s >= 60) {
                    lastMinute.push_back(d);
                    ++calls;
                    timeouts += status == 4;
                    errors += status != 0;
                    retries += attempt > 1;
                }
            }
            envs.push_back(wrap(std::move(batch)));
        }
        book.apply(envs);
        book.publish(); // the data clock is the last second (119), still open

        const auto snap = book.snapshot();
        const auto *row = snap->find(Kind::Method, QStringLiteral("orders"), QStringLiteral("PlaceOrder"));
        QVERIFY(row);
        const auto &v = row->views[LatencyBook::Minute1];
        QCOMPARE(v.counts.calls, std::uint64_t(calls));
        QCOMPARE(v.counts.timeouts, std::uint64_t(timeouts));
        QCOMPARE(v.counts.errors, std::uint64_t(errors));
        QCOMPARE(v.counts.retries, std::uint64_t(retries));
        QCOMPARE(v.ratePerSec, 200.0);
        std::sort(lastMinute.begin(), lastMinute.end());
        const std::pair<double, std::int64_t> checks[]
            = { { 0.5, v.p50 }, { 0.9, v.p90 }, { 0.99, v.p99 }, { 0.999, v.p999 } };
        for (const auto &[qv, est] : checks) {
            const auto rank
                = std::max<std::size_t>(1, std::size_t(std::ceil(qv * double(lastMinute.size()))));
            const double exact = double(lastMinute[rank - 1]);
            QVERIFY2(std::abs(double(est) - exact) / exact <= 0.01,
                qPrintable(QStringLiteral("q=%1 exact=%2 est=%3").arg(qv).arg(exact).arg(est)));
        }
        QCOMPARE(v.max, lastMinute.back());
        QCOMPARE(v.deadlineNs, std::int64_t(200'000'000));
        QVERIFY(std::abs(v.headroomPct - 100.0 * (2e8 - double(v.p99)) / 2e8) < 1e-9);
        // The 5-minute view holds all 120 s, the edge and the replica the same calls.
        QCOMPARE(row->views[LatencyBook::Minute5].counts.calls, std::uint64_t(24000));
        QCOMPARE(row->views[LatencyBook::Hour1].counts.calls, std::uint64_t(24000));
        const auto *edge = snap->find(Kind::Edge, QStringLiteral("gateway"), QStringLiteral("orders"));
        QVERIFY(edge);
        QCOMPARE(edge->views[LatencyBook::Minute1].counts.timeouts, std::uint64_t(timeouts));
        QVERIFY(snap->find(Kind::Replica, QStringLiteral("orders"), QStringLiteral("orders-1")));
        QVERIFY(row->history);
        QCOMPARE(row->history->size(), std::size_t(119));
        QCOMPARE(row->history->back().counts.calls, std::uint64_t(200));
        // Once the clock moves on, the last second closes and a minute later drops out.
        book.advanceTo(kT0 + 150 * kSec);
        book.publish();
        const auto *later
            = book.snapshot()->find(Kind::Method, QStringLiteral("orders"), QStringLiteral("PlaceOrder"));
        QCOMPARE(later->history->size(), std::size_t(120));
        QCOMPARE(later->views[LatencyBook::Minute1].counts.calls, std::uint64_t(29 * 200));
    }

    void serverSideRecordsCountOnlyLateResponses()
    {
        LatencyBook book;
        opsdeck::v1::CallBatch batch;
        auto c = call("orders", "payments", "Charge", "payments-0", kT0, 300'000'000, 4);
        *batch.add_calls() = c;
        c.set_side(opsdeck::v1::CALL_SIDE_SERVER);
        c.set_status_code(0);
        c.set_duration_ns(450'000'000);
        c.set_late_response(true);
        *batch.add_calls() = c;
        const opsdeck::v1::Envelope e = wrap(batch);
        book.apply({ &e, 1 });
        book.publish();
        const auto *row
            = book.snapshot()->find(Kind::Edge, QStringLiteral("orders"), QStringLiteral("payments"));
        QVERIFY(row);
        QCOMPARE(row->views[LatencyBook::Minute1].counts.calls, std::uint64_t(1));
        QCOMPARE(row->views[LatencyBook::Minute1].counts.timeouts, std::uint64_t(1));
        QCOMPARE(row->views[LatencyBook::Minute1].counts.late, std::uint64_t(1));
        QCOMPARE(row->views[LatencyBook::Minute1].max, std::int64_t(300'000'000));
    }

    void configuredDeadlineWinsOverPerAttemptBudgets()
    {
        LatencyBook book;
        opsdeck::v1::CallBatch batch;
        auto c = call("orders", "payments", "Charge", "payments-0", kT0, 100'000'000);
        c.set_deadline_ns(120'000'000); // what was left of the caller's budget
        *batch.add_calls() = c;
        c.set_deadline_ns(250'000'000);
        *batch.add_calls() = c;
        opsdeck::v1::Envelope e = wrap(batch);
        book.apply({ &e, 1 });
        book.publish();
        auto row = book.snapshot()->find(Kind::Method, QStringLiteral("payments"), QStringLiteral("Charge"));
        QCOMPARE(row->views[0].deadlineNs, std::int64_t(250'000'000)); // the largest budget seen
        opsdeck::v1::CallBatch withTopology;
        auto *svc = withTopology.mutable_topology()->add_services();
        svc->set_service("payments");
        svc->set_deadline_ns(300'000'000);
        e = wrap(withTopology);
        book.apply({ &e, 1 });
        book.publish();
        row = book.snapshot()->find(Kind::Method, QStringLiteral("payments"), QStringLiteral("Charge"));
        QCOMPARE(row->views[0].deadlineNs, std::int64_t(300'000'000));
        QVERIFY(std::abs(row->views[0].headroomPct - 100.0 * (3e8 - double(row->views[0].p99)) / 3e8) < 1e-9);
        QCOMPARE(book.snapshot()
                     ->find(Kind::Edge, QStringLiteral("orders"), QStringLiteral("payments"))
                     ->views[0]
                     .deadlineNs,
            std::int64_t(300'000'000));
    }

    void badRecordsAreDroppedAndCounted()
    {
        opsdeck::model::Diagnostics diagnostics;
        LatencyBook book(&diagnostics);
        opsdeck::v1::CallBatch batch;
        *batch.add_calls() = call("a", "", "M", "r", kT0, 10); // no service
        *batch.add_calls() = call("a", "svc", "M", "r", kT0, -5); // negative
        *batch.add_calls() = call("a", "svc", "M", "r", 0, 5); // no start
        *batch.add_calls() = call("a", "svc", "M", "r", kT0, 5, 99); // bad status
        *batch.add_calls() = call("a", std::string(300, 'x').c_str(), "M", "r", kT0, 5); // oversized
        *batch.add_calls() = call("a", "svc", "M", "r", kT0, 1000); // valid
        const opsdeck::v1::Envelope e = wrap(batch);
        book.apply({ &e, 1 });
        QCOMPARE(book.rejected(), std::uint64_t(5));
        QCOMPARE(book.records(), std::uint64_t(1));
        QCOMPARE(diagnostics.total(), std::uint64_t(5));
        book.publish();
        QCOMPARE(book.snapshot()
                     ->find(Kind::Method, QStringLiteral("svc"), QStringLiteral("M"))
                     ->views[0]
                     .counts.calls,
            std::uint64_t(1));
    }

    void memoryStaysBounded()
    {
        LatencyBook book;
        // Two hours of one call a second: the rings keep 300 s and 60 min, the
        // history 60 minute and 300 to 427 second summaries.
        std::vector<opsdeck::v1::Envelope> envs;
        for (int s = 0; s < 7200; ++s) {
            opsdeck::v1::CallBatch batch;
            *batch.add_calls() = call("g", "svc", "M", "svc-0", kT0 + s * kSec, 1000);
            envs.push_back(wrap(std::move(batch)));
        }
        book.apply(envs);
        book.publish();
        const auto snapshot = book.snapshot(); // keeps `row` alive across the next publish
        const auto *row = snapshot->find(Kind::Method, QStringLiteral("svc"), QStringLiteral("M"));
        QVERIFY(row);
        // History: up to 60 closed minutes, then 240 to 427 seconds starting
        // at a minute boundary; in order, no overlap, an hour covered.
        const auto &h = *row->history;
        QVERIFY(h.minuteCount() >= 55 && h.minuteCount() <= 60);
        const std::size_t seconds = h.size() - h.minuteCount();
        QVERIFY2(seconds >= 240 && seconds < 300 + opsdeck::model::SummaryHistory::kBlock,
            qPrintable(QString::number(seconds)));
        QCOMPARE(h[0].seconds, 60);
        QCOMPARE(h[h.minuteCount()].seconds, 1);
        QCOMPARE(h[h.minuteCount()].second % 60, std::int64_t(0));
        std::uint64_t calls = 0;
        for (std::size_t i = 0; i < h.size(); ++i) {
            if (i > 0)
                QVERIFY(h[i - 1].second + h[i - 1].seconds <= h[i].second);
            QCOMPARE(h[i].counts.calls, std::uint64_t(h[i].seconds)); // one call a second
            QCOMPARE(h[i].p50, std::int64_t(1000));
            calls += h[i].counts.calls;
        }
        QVERIFY(h.back().second - h[0].second >= 3540);
        QCOMPARE(calls, std::uint64_t(h.back().second + 1 - h[0].second)); // every second, once
        QCOMPARE(row->history->back().second, row->lastSecond - 1);
        // Consecutive snapshots share all but the last block of history.
        book.publish();
        QCOMPARE(row->views[LatencyBook::Minute5].counts.calls, std::uint64_t(300));
        QVERIFY(row->views[LatencyBook::Hour1].counts.calls >= 3540);
        QVERIFY(row->views[LatencyBook::Hour1].counts.calls <= 3600);
        // Hostile input: a flood of distinct names stops at the series cap.
        opsdeck::v1::CallBatch flood;
        for (std::size_t i = 0; i < LatencyBook::kMaxSeries + 100; ++i) {
            std::string name = std::to_string(i);
            name.insert(name.begin(), 's');
            *flood.add_calls() = call("g", name.c_str(), "M", "", kT0, 5);
        }
        const opsdeck::v1::Envelope e = wrap(flood);
        book.apply({ &e, 1 });
        QVERIFY(book.seriesCount() <= LatencyBook::kMaxSeries);
        QVERIFY(book.rejected() > 0);
    }

    // Two hours of 60 calls a second with spread-out latencies (a minute
    // window fills ~300 buckets): the hour view is exact against every call it
    // covers, and what the series keeps stays within its budget — the soak's
    // 33 series would otherwise grow the console by megabytes over the hour.
    void hourOfTrafficIsExactWithinItsBudget()
    {
        opsdeck::model::LatencySeries series;
        const std::int64_t start = 1'800'000'000;
        constexpr int kSeconds = 7200, kPerSecond = 60;
        std::mt19937_64 rng(11);
        std::lognormal_distribution<double> latency(std::log(3e6), 0.9);
        std::vector<std::int64_t> calls; // every duration, second by second
        calls.reserve(std::size_t(kSeconds) * kPerSecond);
        std::size_t peak = 0;
        for (int s = 0; s < kSeconds; ++s) {
            for (int i = 0; i < kPerSecond; ++i) {
                calls.push_back(std::int64_t(latency(rng)));
                series.record(start + s, calls.back(), 0, 1, 0);
            }
            peak = std::max(peak, series.retainedBytes());
        }
        const std::int64_t now = start + kSeconds - 1;
        opsdeck::model::Histogram scratch;
        const auto hour = series.view(now, 3600, scratch);
        // The hour view is whole minutes plus the open one: its calls are the last N.
        const std::size_t covered = std::size_t(hour.counts.calls);
        QVERIFY2(covered >= 3540 * kPerSecond && covered <= 3600 * kPerSecond,
            qPrintable(QString::number(covered)));
        opsdeck::model::Histogram reference;
        for (std::size_t i = calls.size() - covered; i < calls.size(); ++i)
            reference.record(calls[i]);
        QCOMPARE(hour.p50, reference.percentile(0.5));
        QCOMPARE(hour.p99, reference.percentile(0.99));
        QCOMPARE(hour.p999, reference.percentile(0.999));
        QCOMPARE(hour.max, reference.max());
        // 300 seconds, 60 minutes, three cached views and the summaries.
        qInfo("retained %zu bytes, peak %zu", series.retainedBytes(), peak);
        QVERIFY2(peak < 256 * 1024, qPrintable(QString::number(peak)));
    }

    void historyJoinsMinutesAndSeconds()
    {
        // A series that starts half-way through a minute and runs ten
        // minutes with one call a second (latency = its second of the run):
        // its history is that first half minute, whole minutes, then seconds
        // from a minute boundary on, each second counted exactly once.
        opsdeck::model::LatencySeries series;
        const std::int64_t start = 1'800'000'030;
        for (std::int64_t s = 0; s < 600; ++s)
            series.record(start + s, (s + 1) * 1000, 0, 1, 0);
        series.advanceTo(start + 600);
        const auto history = series.history();
        const auto &h = *history;
        QVERIFY(h.minuteCount() >= 4);
        QCOMPARE(h[0].second, start - 30);
        QCOMPARE(h[0].seconds, 60);
        QCOMPARE(h[0].counts.calls, std::uint64_t(30)); // the half minute it ran
        QCOMPARE(h[0].max, std::int64_t(30'000));
        QCOMPARE(h[h.minuteCount()].second % 60, std::int64_t(0));
        std::uint64_t calls = 0;
        for (std::size_t i = 0; i < h.size(); ++i) {
            if (i > 0)
                QCOMPARE(h[i - 1].second + h[i - 1].seconds, h[i].second); // no gap, no overlap
            calls += h[i].counts.calls;
        }
        QCOMPARE(calls, std::uint64_t(600));
        QCOMPARE(h.back().second, start + 599);
        QCOMPARE(h.back().p50, std::int64_t(600'000));
        // The history is rebuilt only when a window closed: same object now.
        QCOMPARE(series.history().get(), history.get());
    }

    void keyframeRoundTrip()
    {
        LatencyBook a;
        std::vector<opsdeck::v1::Envelope> envs;
        // 400 s of traffic so that minutes older than the seconds ring exist.
        for (int s = 0; s < 400; ++s) {
            opsdeck::v1::CallBatch batch;
            for (int i = 0; i < 10; ++i)
                *batch.add_calls() = call("gateway", "orders", "PlaceOrder", i % 2 ? "orders-1" : "orders-0",
                    kT0 + s * kSec + i * 1000, (1 + (s * 7 + i) % 50) * 1'000'000, i == 3 ? 4u : 0u,
                    i == 5 ? 2u : 1u);
            if (s == 10) {
                auto *svc = batch.mutable_topology()->add_services();
                svc->set_service("orders");
                svc->add_replicas()->set_replica("orders-0");
                svc->mutable_replicas(0)->set_health(opsdeck::v1::REPLICA_HEALTH_EJECTED);
            }
            envs.push_back(wrap(std::move(batch)));
        }
        a.apply(envs);
        a.publish();
        opsdeck::v1::Keyframe keyframe;
        a.writeKeyframe(keyframe);
        QVERIFY(keyframe.latency_windows_size() > 300);
        // Through the wire format, as the recorder stores it.
        opsdeck::v1::Keyframe stored;
        QVERIFY(stored.ParseFromString(keyframe.SerializeAsString()));
        LatencyBook b;
        b.restore(stored);
        b.publish();
        const auto sa = a.snapshot();
        const auto sb = b.snapshot();
        QCOMPARE(sb->nowSecond, sa->nowSecond);
        QCOMPARE(sb->rows.size(), sa->rows.size());
        for (std::size_t i = 0; i < sa->rows.size(); ++i) {
            const auto &ra = sa->rows[i];
            const auto &rb = sb->rows[i];
            QCOMPARE(rb.service, ra.service);
            for (int v : { int(LatencyBook::Minute1), int(LatencyBook::Minute5) }) {
                QCOMPARE(rb.views[v].counts.calls, ra.views[v].counts.calls);
                QCOMPARE(rb.views[v].counts.timeouts, ra.views[v].counts.timeouts);
                QCOMPARE(rb.views[v].counts.retries, ra.views[v].counts.retries);
                QCOMPARE(rb.views[v].p50, ra.views[v].p50);
                QCOMPARE(rb.views[v].p99, ra.views[v].p99);
                QCOMPARE(rb.views[v].max, ra.views[v].max);
                QCOMPARE(rb.views[v].deadlineNs, ra.views[v].deadlineNs);
            }
            // 1 h: exact but for the minute straddling the 5-min boundary.
            QVERIFY(rb.views[LatencyBook::Hour1].counts.calls <= ra.views[LatencyBook::Hour1].counts.calls);
            QVERIFY(rb.views[LatencyBook::Hour1].counts.calls + 60 * 10
                >= ra.views[LatencyBook::Hour1].counts.calls);
        }
        QCOMPARE(sb->replicas.size(), std::size_t(1));
        QCOMPARE(sb->replicas[0].health, int(opsdeck::v1::REPLICA_HEALTH_EJECTED));
    }

    void statsWindowsFoldLikeRecords()
    {
        LatencyBook book;
        opsdeck::model::Histogram h;
        for (int i = 1; i <= 1000; ++i)
            h.record(std::int64_t(i) * 1'000'000);
        opsdeck::v1::Envelope e;
        e.set_channel(opsdeck::v1::CHANNEL_TELEMETRY);
        auto *w = e.mutable_stats_window();
        w->set_window_start_unix_ns(kT0);
        w->set_window_ns(kSec);
        auto *m = w->add_methods();
        m->set_service("ledger");
        m->set_method("Post");
        m->mutable_counters()->set_calls(1000);
        m->mutable_counters()->set_timeouts(7);
        m->set_deadline_ns(900'000'000);
        h.toProto(m->mutable_latency());
        book.apply({ &e, 1 });
        book.publish();
        const auto *row
            = book.snapshot()->find(Kind::Method, QStringLiteral("ledger"), QStringLiteral("Post"));
        QVERIFY(row);
        const auto &v = row->views[0];
        QCOMPARE(v.counts.calls, std::uint64_t(1000));
        QCOMPARE(v.counts.timeouts, std::uint64_t(7));
        QVERIFY(std::abs(double(v.p99) - 990e6) / 990e6 <= 0.01);
        QCOMPARE(v.deadlineNs, std::int64_t(900'000'000));
    }
};

QTEST_APPLESS_MAIN(TestLatencyBook)
#include "tst_latencybook.moc"
