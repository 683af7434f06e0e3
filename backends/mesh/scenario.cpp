#include "backends/mesh/scenario.h"

#include "backends/mesh/meshcatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <sstream>

namespace opsdeck::mesh {

std::string Fault::describe() const
{
    std::ostringstream s;
    switch (kind) {
    case FaultKind::Delay:
        s << "delay +" << delayMs << " ms";
        break;
    case FaultKind::Slow:
        s << "slow replica +" << delayMs << " ms";
        break;
    case FaultKind::Abort:
        s << "abort status " << status;
        break;
    case FaultKind::Outage:
        s << "outage";
        break;
    }
    if (probability < 1.0)
        s << " p=" << probability;
    if (fromS > 0 || untilS > 0)
        s << " [" << fromS << "s, " << (untilS > 0 ? std::to_string(int(untilS)) + "s" : std::string("end"))
          << ")";
    return s.str();
}

const ServiceSpec *Scenario::service(const std::string &name) const
{
    for (const ServiceSpec &s : services)
        if (s.name == name)
            return &s;
    return nullptr;
}

Scenario Scenario::defaults()
{
    Scenario s;
    s.name = "default";
    auto add
        = [&](std::string name, int deadline, double median, std::map<std::string, std::vector<CallStep>> m) {
              ServiceSpec spec;
              spec.name = std::move(name);
              spec.replicas = 3;
              spec.deadlineMs = deadline;
              spec.maxAttempts = 2;
              spec.latency.medianMs = median;
              spec.methods = std::move(m);
              s.services.push_back(std::move(spec));
          };
    add("gateway", 1500, 1.0,
        { { "Checkout", { { "directory", "Resolve" }, { "orders", "PlaceOrder" } } },
            { "Browse", { { "inventory", "Lookup" } } } });
    add("orders", 800, 3.0,
        { { "PlaceOrder", { { "inventory", "Reserve" }, { "payments", "Charge" } } }, { "GetOrder", {} } });
    add("inventory", 200, 4.0, { { "Reserve", {} }, { "Lookup", {} } });
    add("payments", 300, 8.0, { { "Charge", { { "ledger", "Post" } } } });
    add("ledger", 150, 5.0, { { "Post", {} } });
    add("directory", 100, 1.0, { { "Resolve", {} } });
    s.traffic.mix = { { "Checkout", 3.0 }, { "Browse", 1.0 } };
    return s;
}

namespace {

bool fail(std::string *error, const std::string &why)
{
    if (error)
        *error = why;
    return false;
}

bool parseFault(const QJsonObject &o, Fault *f, std::string *error)
{
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("delay"))
        f->kind = FaultKind::Delay;
    else if (kind == QLatin1String("slow"))
        f->kind = FaultKind::Slow;
    else if (kind == QLatin1String("abort"))
        f->kind = FaultKind::Abort;
    else if (kind == QLatin1String("outage"))
        f->kind = FaultKind::Outage;
    else
        return fail(error, "unknown fault kind '" + kind.toStdString() + "'");
    f->service = o.value(QStringLiteral("service")).toString().toStdString();
    f->replica = o.value(QStringLiteral("replica")).toString().toStdString();
    if (f->service.empty() && f->replica.empty())
        return fail(error, "fault without service or replica");
    if (f->service.empty())
        f->service = f->replica.substr(0, f->replica.rfind('-'));
    f->delayMs = o.value(QStringLiteral("delay_ms")).toDouble(0);
    f->status = o.value(QStringLiteral("status")).toInt(14);
    f->probability = o.value(QStringLiteral("probability")).toDouble(1.0);
    f->fromS = o.value(QStringLiteral("from_s")).toDouble(0);
    f->untilS = o.value(QStringLiteral("until_s")).toDouble(0);
    if (f->delayMs < 0 || f->delayMs > 60'000)
        return fail(error, "fault delay_ms out of [0, 60000]");
    if (f->status < 1 || f->status > 16)
        return fail(error, "fault status must be a non-OK grpc status code (1..16)");
    if (f->probability < 0 || f->probability > 1)
        return fail(error, "fault probability out of [0, 1]");
    return true;
}

} // namespace

bool Scenario::parse(const std::string &json, Scenario *out, std::string *error)
{
    QJsonParseError pe {};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &pe);
    if (doc.isNull() || !doc.isObject())
        return fail(error, "scenario is not a JSON object: " + pe.errorString().toStdString());
    const QJsonObject root = doc.object();
    Scenario s;
    s.name = root.value(QStringLiteral("name")).toString(QStringLiteral("unnamed")).toStdString();
    s.seed = std::uint64_t(root.value(QStringLiteral("seed")).toInteger(1));
    s.healthIntervalMs = root.value(QStringLiteral("health_interval_ms")).toInt(200);
    s.ejectAfterFailures = root.value(QStringLiteral("eject_after_failures")).toInt(3);
    s.ejectForMs = root.value(QStringLiteral("eject_for_ms")).toInt(1000);
    if (s.healthIntervalMs < 20 || s.healthIntervalMs > 60'000 || s.ejectAfterFailures < 1
        || s.ejectForMs < 0)
        return fail(error, "health/ejection settings out of bounds");
    for (const QJsonValue &v : root.value(QStringLiteral("services")).toArray()) {
        const QJsonObject o = v.toObject();
        ServiceSpec spec;
        spec.name = o.value(QStringLiteral("name")).toString().toStdString();
        if (!MeshCatalog::hasService(spec.name))
            return fail(error, "unknown service '" + spec.name + "'");
        spec.replicas = o.value(QStringLiteral("replicas")).toInt(2);
        spec.deadlineMs = o.value(QStringLiteral("deadline_ms")).toInt(500);
        spec.maxAttempts = o.value(QStringLiteral("max_attempts")).toInt(2);
        const QJsonObject lat = o.value(QStringLiteral("latency")).toObject();
        spec.latency.medianMs = lat.value(QStringLiteral("median_ms")).toDouble(2.0);
        spec.latency.sigma = lat.value(QStringLiteral("sigma")).toDouble(0.4);
        if (spec.replicas < 1 || spec.replicas > 16 || spec.deadlineMs < 1 || spec.maxAttempts < 1
            || spec.maxAttempts > 5 || spec.latency.medianMs < 0 || spec.latency.sigma < 0)
            return fail(error, "service '" + spec.name + "' settings out of bounds");
        const QJsonObject methods = o.value(QStringLiteral("methods")).toObject();
        for (auto it = methods.begin(); it != methods.end(); ++it) {
            const std::string method = it.key().toStdString();
            if (!MeshCatalog::hasMethod(spec.name, method))
                return fail(error, "unknown method " + spec.name + "/" + method);
            std::vector<CallStep> steps;
            for (const QJsonValue &c : it.value().toArray()) {
                const QStringList parts = c.toString().split(QLatin1Char('/'));
                if (parts.size() != 2
                    || !MeshCatalog::hasMethod(parts[0].toStdString(), parts[1].toStdString()))
                    return fail(error, "unknown downstream call '" + c.toString().toStdString() + "'");
                steps.push_back({ parts[0].toStdString(), parts[1].toStdString() });
            }
            spec.methods[method] = std::move(steps);
        }
        s.services.push_back(std::move(spec));
    }
    if (s.services.empty())
        return fail(error, "scenario has no services");
    for (const ServiceSpec &spec : s.services)
        for (const auto &[m, steps] : spec.methods)
            for (const CallStep &step : steps)
                if (!s.service(step.service))
                    return fail(error,
                        spec.name + "/" + m + " calls " + step.service + ", which is not in the scenario");
    for (const QJsonValue &v : root.value(QStringLiteral("faults")).toArray()) {
        Fault f;
        if (!parseFault(v.toObject(), &f, error))
            return false;
        s.faults.push_back(f);
    }
    const QJsonObject t = root.value(QStringLiteral("traffic")).toObject();
    s.traffic.target = t.value(QStringLiteral("target")).toString(QStringLiteral("gateway")).toStdString();
    s.traffic.ratePerSec = t.value(QStringLiteral("rate_per_sec")).toDouble(20);
    s.traffic.deadlineMs = t.value(QStringLiteral("deadline_ms")).toInt(1000);
    s.traffic.maxInFlight = t.value(QStringLiteral("max_in_flight")).toInt(64);
    for (const QJsonValue &v : t.value(QStringLiteral("mix")).toArray()) {
        const QJsonObject o = v.toObject();
        TrafficMix m { o.value(QStringLiteral("method")).toString().toStdString(),
            o.value(QStringLiteral("weight")).toDouble(1.0) };
        if (!MeshCatalog::hasMethod(s.traffic.target, m.method) || m.weight <= 0)
            return fail(error, "bad traffic mix entry '" + m.method + "'");
        s.traffic.mix.push_back(m);
    }
    if (!s.service(s.traffic.target))
        return fail(error, "traffic target '" + s.traffic.target + "' is not in the scenario");
    if (s.traffic.mix.empty())
        return fail(error, "traffic has no mix");
    if (s.traffic.ratePerSec < 0 || s.traffic.ratePerSec > TrafficSpec::kMaxRate || s.traffic.deadlineMs < 1
        || s.traffic.maxInFlight < 1 || s.traffic.maxInFlight > 4096)
        return fail(error, "traffic settings out of bounds");
    *out = std::move(s);
    return true;
}

bool Scenario::load(const std::string &path, Scenario *out, std::string *error)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, "cannot read scenario " + path + ": " + file.errorString().toStdString());
    if (file.size() > 1 << 20)
        return fail(error, "scenario file larger than 1 MiB");
    return parse(file.readAll().toStdString(), out, error);
}

} // namespace opsdeck::mesh
