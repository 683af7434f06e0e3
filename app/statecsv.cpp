#include "app/statecsv.h"

#include <QDateTime>
#include <QStringList>

#include <cmath>

namespace opsdeck::app {

namespace {

QString quoted(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"'))
        && !field.contains(QLatin1Char('\n')))
        return field;
    QString escaped = field;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString row(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &f : fields)
        out << quoted(f);
    return out.join(QLatin1Char(',')) + QLatin1Char('\n');
}

QString num(double v)
{
    return QString::number(v, 'g', 12);
}

QString ms(std::int64_t ns)
{
    return QString::number(double(ns) / 1e6, 'f', 3);
}

} // namespace

QString stateAsCsv(const ConsoleState &state, qint64 atUnixNs)
{
    QString csv;
    csv += row({ QStringLiteral("# state at"),
        QDateTime::fromMSecsSinceEpoch(atUnixNs / 1'000'000, Qt::UTC).toString(Qt::ISODateWithMs) });
    if (state.simClock && state.simClock->known) {
        const model::SimClockSnapshot &c = *state.simClock;
        csv += QStringLiteral("# clock\n");
        csv += row({ QStringLiteral("state"), QStringLiteral("step"), QStringLiteral("sim_time_s"),
            QStringLiteral("epoch_time"), QStringLiteral("dt_s"), QStringLiteral("real_time_factor") });
        csv += row({ model::SimClockModel::stateName(c.state), QString::number(c.step),
            model::SimClockModel::formatSimSeconds(c.simTimeNs), c.epochTime, num(double(c.dtNs) / 1e9),
            num(c.realTimeFactor) });
    }
    if (state.topology) {
        csv += QStringLiteral("# nodes\n");
        csv += row(
            { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("status"),
                QStringLiteral("lat_deg"), QStringLiteral("lon_deg"), QStringLiteral("alt_m"),
                QStringLiteral("ground_speed_mps"), QStringLiteral("heading_deg"), QStringLiteral("step") });
        for (const model::TopoNode &n : *state.topology->nodes)
            csv += row({ QString::number(n.id), n.name, QString::number(int(n.kind)),
                QString::number(int(n.status)), num(n.latDeg), num(n.lonDeg), num(n.altM),
                num(n.groundSpeedMps), num(n.headingDeg), QString::number(n.step) });
        csv += QStringLiteral("# links\n");
        csv += row({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("quality"),
            QStringLiteral("snr_db"), QStringLiteral("latency_ms"), QStringLiteral("bandwidth_mbps"),
            QStringLiteral("distance_m") });
        for (const model::TopoLink &l : *state.topology->links)
            csv += row({ QString::number(l.key.a), QString::number(l.key.b), num(l.quality), num(l.snrDb),
                num(l.latencyMs), num(l.bandwidthMbps), num(l.distanceM) });
        csv += QStringLiteral("# routes\n");
        csv += row(
            { QStringLiteral("flow_id"), QStringLiteral("name"), QStringLiteral("src"), QStringLiteral("dst"),
                QStringLiteral("hops"), QStringLiteral("latency_ms"), QStringLiteral("bottleneck_mbps") });
        for (const model::TopoRoute &r : *state.topology->routes) {
            QStringList hops;
            for (std::uint32_t h : r.hops)
                hops << QString::number(h);
            csv += row({ QString::number(r.flowId), r.name, QString::number(r.src), QString::number(r.dst),
                hops.join(QLatin1Char(' ')), num(r.latencyMs), num(r.bottleneckMbps) });
        }
    }
    if (state.latency) {
        csv += QStringLiteral("# services (last minute)\n");
        csv += row({ QStringLiteral("service"), QStringLiteral("method"), QStringLiteral("calls"),
            QStringLiteral("rate_per_s"), QStringLiteral("p50_ms"), QStringLiteral("p99_ms"),
            QStringLiteral("error_pct"), QStringLiteral("timeout_pct") });
        for (const model::LatencyBook::Row &r : state.latency->rows) {
            if (r.kind != model::LatencyBook::Kind::Method)
                continue;
            const model::LatencyView &v = r.views[model::LatencyBook::Minute1];
            csv += row({ r.service, r.method, QString::number(v.counts.calls), num(v.ratePerSec), ms(v.p50),
                ms(v.p99), num(v.errorPct), num(v.timeoutPct) });
        }
    }
    if (state.costs) {
        csv += QStringLiteral("# costs\n");
        csv += row({ QStringLiteral("service"), QStringLiteral("resource"), QStringLiteral("pricing"),
            QStringLiteral("effective_cost"), QStringLiteral("billed_cost"), QStringLiteral("list_cost"),
            QStringLiteral("quantity"), QStringLiteral("unit"), QStringLiteral("currency") });
        for (const model::CostLedger::ResourceCost &r : state.costs->resources)
            csv += row({ r.service, r.resource, r.pricing, num(r.sums.effective), num(r.sums.billed),
                num(r.sums.list), num(r.sums.quantity), r.unit, state.costs->currency });
    }
    return csv;
}

QString stateDigest(const ConsoleState &state)
{
    QStringList parts;
    if (state.topology) {
        double sum = 0;
        for (const model::TopoNode &n : *state.topology->nodes)
            sum += n.east + n.north + n.up;
        parts << QStringLiteral("nodes=%1 links=%2 routes=%3 pos=%4")
                     .arg(state.topology->nodes->size())
                     .arg(state.topology->links->size())
                     .arg(state.topology->routes->size())
                     .arg(std::llround(sum));
    }
    if (state.simClock)
        parts << QStringLiteral("clock=%1/%2").arg(int(state.simClock->state)).arg(state.simClock->step);
    if (state.latency) {
        QStringList services;
        for (const model::LatencyBook::Row &r : state.latency->rows)
            if (r.kind == model::LatencyBook::Kind::Method)
                services << r.service + QLatin1Char('/') + r.method;
        parts << QStringLiteral("methods=%1").arg(services.join(QLatin1Char(';')));
    }
    if (state.costs)
        parts << QStringLiteral("cost_items=%1 effective=%2")
                     .arg(state.costs->totals.items)
                     .arg(QString::number(state.costs->totals.effective, 'f', 6));
    return parts.join(QLatin1Char(' '));
}

} // namespace opsdeck::app
