// writeKeyframe → restore into fresh models gives the same snapshot, and the
// restored models go on applying envelopes exactly like the originals: the
// property replay seeking rests on (Topology, SimClockModel, CostLedger).
#include "model/costledger.h"
#include "model/simclockmodel.h"
#include "model/topology.h"

#include <QTest>

using namespace opsdeck;

namespace {

constexpr std::int64_t kHour = 3'600'000'000'000;
constexpr std::int64_t kEpoch = 1'767'225'600'000'000'000;

v1::Envelope node(std::uint32_t id, double east, std::int64_t simNs)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    e.set_source("bridge");
    v1::Sample *s = e.mutable_bridge_sample();
    s->set_source("sim");
    v1::NodeState *n = s->mutable_node();
    n->set_node_id(id);
    n->set_name("AC" + std::to_string(id));
    n->set_kind(v1::NODE_KIND_AIRCRAFT);
    n->set_status(v1::NODE_STATUS_OK);
    n->mutable_geo()->set_lat_deg(46.8 + id * 0.01);
    n->mutable_geo()->set_lon_deg(8.2);
    n->mutable_geo()->set_alt_m(9000);
    n->mutable_enu()->set_east_m(east);
    n->mutable_enu()->set_north_m(id * 100.0);
    n->mutable_enu()->set_up_m(9000);
    n->set_sim_time_ns(simNs);
    n->set_step(std::uint64_t(simNs / 100'000'000));
    return e;
}

v1::Envelope link(std::uint32_t a, std::uint32_t b, double quality)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    v1::LinkState *l = e.mutable_bridge_sample()->mutable_link();
    l->set_a(a);
    l->set_b(b);
    l->set_up(true);
    l->set_quality(quality);
    l->set_latency_ms(1.5);
    l->set_bandwidth_mbps(20);
    return e;
}

v1::Envelope route(std::uint32_t flow, std::vector<std::uint32_t> hops)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    v1::Route *r = e.mutable_bridge_sample()->mutable_route();
    r->set_flow_id(flow);
    r->set_src(hops.front());
    r->set_dst(hops.back());
    for (std::uint32_t h : hops)
        r->add_hops(h);
    r->set_reachable(true);
    r->set_latency_ms(3);
    return e;
}

v1::Envelope clock(v1::SimState state, std::uint64_t step, std::int64_t wallNs)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BRIDGE);
    v1::SimClock *c = e.mutable_bridge_sample()->mutable_clock();
    c->set_state(state);
    c->set_step(step);
    c->set_sim_time_ns(std::int64_t(step) * 100'000'000);
    c->set_dt_ns(100'000'000);
    c->set_real_time_factor(2);
    c->set_wall_time_unix_ns(wallNs);
    return e;
}

v1::Envelope command(std::uint64_t sequence, std::int64_t at)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_CONTROL);
    e.set_recv_time_unix_ns(at);
    v1::ControlCommand *c = e.mutable_control_command();
    c->set_kind(v1::CONTROL_KIND_START);
    c->set_sequence(sequence);
    c->set_issuer("alice");
    return e;
}

v1::Envelope charge(int i, const char *service)
{
    v1::Envelope e;
    e.set_channel(v1::CHANNEL_BILLING);
    e.set_source("billing");
    v1::LineItem *item = e.mutable_line_item();
    item->set_ledger_seq(std::uint64_t(i + 1));
    item->set_effective_cost(1.0 + i);
    item->set_billed_cost(1.0 + i);
    item->set_list_cost(2.0 + i);
    item->set_billing_currency("USD");
    item->set_service_name(service);
    item->set_resource_id("vm-" + std::to_string(i % 3));
    item->set_pricing_category(i % 2 ? v1::PRICING_CATEGORY_STANDARD : v1::PRICING_CATEGORY_COMMITTED);
    item->set_charge_category(v1::CHARGE_CATEGORY_USAGE);
    item->set_charge_period_start_unix_ns(kEpoch + i * kHour);
    item->set_charge_period_end_unix_ns(kEpoch + (i + 1) * kHour);
    return e;
}

QString describe(const model::TopologySnapshot &s)
{
    QStringList out;
    for (const auto &n : *s.nodes)
        out << QStringLiteral("n%1 %2 %3 %4 %5").arg(n.id).arg(n.name).arg(n.east).arg(n.latDeg).arg(n.step);
    for (const auto &l : *s.links)
        out << QStringLiteral("l%1-%2 %3 %4").arg(l.key.a).arg(l.key.b).arg(l.quality).arg(l.latencyMs);
    for (const auto &r : *s.routes) {
        QStringList hops;
        for (auto h : r.hops)
            hops << QString::number(h);
        out << QStringLiteral("r%1 %2").arg(r.flowId).arg(hops.join(QLatin1Char('>')));
    }
    return out.join(QLatin1Char('\n'));
}

QString describe(const model::SimClockSnapshot &s)
{
    QStringList out { QStringLiteral("%1 %2 %3 %4 %5")
                          .arg(int(s.state))
                          .arg(s.step)
                          .arg(s.simTimeNs)
                          .arg(s.dtNs)
                          .arg(s.realTimeFactor) };
    for (const auto &entry : *s.log)
        out << QStringLiteral("log %1 %2 %3 %4")
                   .arg(entry.sequence)
                   .arg(entry.issuer)
                   .arg(int(entry.outcome))
                   .arg(entry.local);
    return out.join(QLatin1Char('\n'));
}

QString describe(const model::CostLedger::Snapshot &s)
{
    QStringList out { QStringLiteral("%1 %2 %3 %4 %5")
                          .arg(s.currency)
                          .arg(s.totals.effective)
                          .arg(s.totals.items)
                          .arg(s.burnRatePerHour)
                          .arg(s.lastSeq) };
    for (const auto &svc : s.services)
        out << QStringLiteral("s %1 %2").arg(svc.service).arg(svc.sums.effective);
    for (const auto &r : s.resources)
        out << QStringLiteral("r %1/%2 %3 %4").arg(r.service, r.resource, r.pricing).arg(r.sums.effective);
    for (const auto &b : s.buckets)
        out << QStringLiteral("b %1 %2").arg(b.startNs).arg(
            b.effectiveByPricing[1] + 10 * b.effectiveByPricing[3]);
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestModelKeyframes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void topologyRoundTrip()
    {
        model::Topology live(nullptr);
        std::vector<v1::Envelope> first { node(1, 10, 1), node(2, 20, 1), node(3, 30, 1), link(1, 2, 0.9),
            link(2, 3, 0.4), route(7, { 1, 2, 3 }) };
        live.apply(first);
        v1::Keyframe keyframe;
        live.writeKeyframe(keyframe);
        QCOMPARE(keyframe.nodes_size(), 3);
        QCOMPARE(keyframe.links_size(), 2);
        QCOMPARE(keyframe.routes_size(), 1);

        model::Topology restored(nullptr);
        restored.apply(std::vector<v1::Envelope> { node(9, 1, 1) }); // state to be replaced
        restored.restore(keyframe);
        live.publish();
        restored.publish();
        QCOMPARE(describe(*restored.snapshot()), describe(*live.snapshot()));

        // Both go on identically.
        std::vector<v1::Envelope> next { node(2, 25, 2), link(1, 3, 0.7) };
        v1::Envelope gone = link(2, 3, 0);
        gone.mutable_bridge_sample()->mutable_link()->set_up(false);
        next.push_back(gone);
        live.apply(next);
        restored.apply(next);
        live.publish();
        restored.publish();
        QCOMPARE(describe(*restored.snapshot()), describe(*live.snapshot()));
        QVERIFY(describe(*live.snapshot()).contains("l1-3"));
    }

    void simClockRoundTrip()
    {
        model::SimClockModel live(nullptr);
        std::vector<v1::Envelope> batch { clock(v1::SIM_STATE_INIT, 0, 10), command(42, 11),
            clock(v1::SIM_STATE_RUNNING, 5, 20) };
        live.apply(batch);
        v1::Keyframe keyframe;
        live.writeKeyframe(keyframe);
        QVERIFY(keyframe.has_clock());
        QVERIFY(!keyframe.extra().empty()); // the control log

        model::SimClockModel restored(nullptr);
        restored.restore(keyframe);
        live.publish();
        restored.publish();
        QCOMPARE(describe(*restored.snapshot()), describe(*live.snapshot()));
        QVERIFY(describe(*live.snapshot()).contains("log 42 alice"));

        // An older clock is still stale after the restore; a newer one applies.
        std::vector<v1::Envelope> next { clock(v1::SIM_STATE_FROZEN, 3, 15),
            clock(v1::SIM_STATE_FROZEN, 9, 30) };
        live.apply(next);
        restored.apply(next);
        live.publish();
        restored.publish();
        QCOMPARE(describe(*restored.snapshot()), describe(*live.snapshot()));
        QCOMPARE(restored.snapshot()->step, std::uint64_t(9));

        // An empty keyframe empties the model.
        restored.restore(v1::Keyframe {});
        restored.publish();
        QVERIFY(!restored.snapshot()->known);
    }

    void costLedgerRoundTripSharesKeyframeWithSimClock()
    {
        model::CostLedger live;
        std::vector<v1::Envelope> batch;
        for (int i = 0; i < 12; ++i)
            batch.push_back(charge(i, i % 3 ? "Compute" : "Storage"));
        live.apply(batch);

        // Both models write into Keyframe.extra; neither loses the other's part.
        model::SimClockModel clockModel(nullptr);
        clockModel.apply(std::vector<v1::Envelope> { clock(v1::SIM_STATE_INIT, 0, 1), command(7, 2) });
        v1::Keyframe keyframe;
        clockModel.writeKeyframe(keyframe);
        live.writeKeyframe(keyframe);

        model::CostLedger restored;
        restored.restore(keyframe);
        live.publish();
        restored.publish();
        QCOMPARE(describe(*restored.snapshot()), describe(*live.snapshot()));
        QVERIFY(live.snapshot()->totals.items == 12);

        model::SimClockModel restoredClock(nullptr);
        restoredClock.restore(keyframe);
        restoredClock.publish();
        QCOMPARE(restoredClock.snapshot()->log->size(), std::size_t(1));

        // A repeated ledger seq is still recognised after the restore.
        std::vector<v1::Envelope> next { charge(11, "Compute"), charge(12, "Compute") };
        live.apply(next);
        restored.apply(next);
        live.publish();
        restored.publish();
        QCOMPARE(describe(*restored.snapshot()), describe(*live.snapshot()));

        // No ledger in the keyframe: empty.
        restored.restore(v1::Keyframe {});
        restored.publish();
        QVERIFY(restored.snapshot()->empty());
    }
};

QTEST_GUILESS_MAIN(TestModelKeyframes)
#include "tst_modelkeyframes.moc"
