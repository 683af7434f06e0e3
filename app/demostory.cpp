#include "app/demostory.h"

#include <QFile>
#include <QRegularExpression>

#include <cmath>

namespace opsdeck::app {

namespace {

struct Line
{
    QString keyword;
    QStringList args;
    QString rest; // everything after the keyword, trimmed
};

Line split(const QString &raw)
{
    QString text = raw;
    const qsizetype hash = text.indexOf(QLatin1Char('#'));
    if (hash >= 0)
        text.truncate(hash);
    text = text.trimmed();
    Line line;
    if (text.isEmpty())
        return line;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const qsizetype gap = text.indexOf(space);
    line.keyword = gap < 0 ? text : text.left(gap);
    line.rest = gap < 0 ? QString() : text.mid(gap).trimmed();
    line.args = line.rest.split(space, Qt::SkipEmptyParts);
    return line;
}

bool number(const QString &s, double lo, double hi, double *out)
{
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

bool isName(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.:>-]+$"));
    return re.match(s).hasMatch() && s.size() <= 128;
}

} // namespace

std::optional<DemoStoryScript> DemoStoryScript::parse(
    const QString &text, const QString &origin, QString *error)
{
    DemoStoryScript story;
    const QStringList lines = text.split(QLatin1Char('\n'));
    int lineNumber = 0;
    QString where;
    auto fail = [&](const QString &what) -> std::optional<DemoStoryScript> {
        if (error)
            *error = where + QStringLiteral(": ") + what;
        return std::nullopt;
    };
    bool durationSet = false;
    for (const QString &raw : lines) {
        ++lineNumber;
        where = origin + QLatin1Char(':') + QString::number(lineNumber);
        const Line l = split(raw);
        if (l.keyword.isEmpty())
            continue;
        const QString &kw = l.keyword;
        const qsizetype n = l.args.size();
        auto expect = [&](qsizetype lo, qsizetype hi, const char *form) -> bool {
            if (n < lo || n > hi) {
                fail(QStringLiteral("%1 expects: %2").arg(kw, QLatin1String(form)));
                return false;
            }
            return true;
        };
        DemoStep *step = story.steps.empty() ? nullptr : &story.steps.back();
        auto needStep = [&]() -> bool {
            if (!step) {
                fail(QStringLiteral("'%1' must follow an 'at <seconds> <title>' line").arg(kw));
                return false;
            }
            return true;
        };
        DemoAction a;
        a.line = lineNumber;
        auto node = [&](const QString &s, QString *out) -> bool {
            if (!isName(s)) {
                fail(QStringLiteral("%1: '%2' is not a node name, id or route:<flow>").arg(kw, s));
                return false;
            }
            *out = s;
            return true;
        };
        auto target = [&](const QString &s) -> bool {
            static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9]*(-[0-9]+)?$"));
            if (!re.match(s).hasMatch()) {
                fail(QStringLiteral("%1: '%2' is not a service (payments) or replica (payments-1)")
                         .arg(kw, s));
                return false;
            }
            a.target = s;
            return true;
        };

        if (kw == QLatin1String("name")) {
            if (!expect(1, 1, "name <word>"))
                return std::nullopt;
            story.name = l.args[0];
        } else if (kw == QLatin1String("duration")) {
            if (!expect(1, 1, "duration <seconds>"))
                return std::nullopt;
            if (!number(l.args[0], 1, 86400, &story.durationS))
                return fail(QStringLiteral("duration must be a number of seconds within [1, 86400], got '%1'")
                                .arg(l.args[0]));
            durationSet = true;
        } else if (kw == QLatin1String("loop")) {
            if (!expect(1, 1, "loop yes|no"))
                return std::nullopt;
            if (l.args[0] != QLatin1String("yes") && l.args[0] != QLatin1String("no"))
                return fail(QStringLiteral("loop expects yes or no, got '%1'").arg(l.args[0]));
            story.loop = l.args[0] == QLatin1String("yes");
        } else if (kw == QLatin1String("cost_time_scale")) {
            if (!expect(1, 1, "cost_time_scale <billed seconds per real second>"))
                return std::nullopt;
            if (!number(l.args[0], 1, 3600, &story.costTimeScale))
                return fail(
                    QStringLiteral("cost_time_scale must be within [1, 3600], got '%1'").arg(l.args[0]));
        } else if (kw == QLatin1String("at")) {
            if (n < 2)
                return fail(QStringLiteral("at expects: at <seconds> <title>"));
            DemoStep s;
            s.line = lineNumber;
            if (!number(l.args[0], 0, 86400, &s.atS))
                return fail(
                    QStringLiteral("at: '%1' is not a time in seconds within [0, 86400]").arg(l.args[0]));
            if (!story.steps.empty() && s.atS < story.steps.back().atS)
                return fail(QStringLiteral(
                    "at %1 comes before the previous step (at %2): steps must be in time order")
                                .arg(l.args[0])
                                .arg(story.steps.back().atS));
            s.title = l.rest.mid(l.args[0].size()).trimmed();
            story.steps.push_back(std::move(s));
        } else if (kw == QLatin1String("say")) {
            if (!needStep())
                return std::nullopt;
            if (n == 0)
                return fail(QStringLiteral("say expects: say <text>"));
            step->text += (step->text.isEmpty() ? QString() : QStringLiteral(" ")) + l.rest;
        } else if (kw == QLatin1String("severity")) {
            if (!needStep() || !expect(1, 1, "severity info|warning|critical"))
                return std::nullopt;
            static const QStringList levels { QStringLiteral("info"), QStringLiteral("warning"),
                QStringLiteral("critical") };
            step->severity = int(levels.indexOf(l.args[0]));
            if (step->severity < 0)
                return fail(
                    QStringLiteral("severity expects info, warning or critical, got '%1'").arg(l.args[0]));
        } else if (kw == QLatin1String("fail_radio") || kw == QLatin1String("restore_radio")) {
            if (!needStep() || !expect(1, 1, "fail_radio|restore_radio <node name, id or route:<flow>>")
                || !node(l.args[0], &a.node))
                return std::nullopt;
            a.kind = kw == QLatin1String("fail_radio") ? DemoAction::Kind::FailRadio
                                                       : DemoAction::Kind::RestoreRadio;
            step->actions.push_back(a);
        } else if (kw == QLatin1String("fail_link") || kw == QLatin1String("restore_link")) {
            if (!needStep() || !expect(1, 2, "fail_link|restore_link <node> <node>  or  <route:<flow>>"))
                return std::nullopt;
            if (!node(l.args[0], &a.node))
                return std::nullopt;
            if (n == 2 && !node(l.args[1], &a.node2))
                return std::nullopt;
            if (n == 1 && !a.node.startsWith(QLatin1String("route:")))
                return fail(QStringLiteral("%1 with one argument needs route:<flow> (the route's first link)")
                                .arg(kw));
            a.kind = kw == QLatin1String("fail_link") ? DemoAction::Kind::FailLink
                                                      : DemoAction::Kind::RestoreLink;
            step->actions.push_back(a);
        } else if (kw == QLatin1String("slow") || kw == QLatin1String("delay")) {
            const bool slow = kw == QLatin1String("slow");
            if (!needStep()
                || !expect(2, slow ? 2 : 3,
                    slow ? "slow <replica|service> <ms>" : "delay <replica|service> <ms> [probability]")
                || !target(l.args[0]))
                return std::nullopt;
            if (!number(l.args[1], 1, 60000, &a.delayMs))
                return fail(
                    QStringLiteral("%1: delay must be within [1, 60000] ms, got '%2'").arg(kw, l.args[1]));
            if (n == 3 && !number(l.args[2], 0, 1, &a.probability))
                return fail(
                    QStringLiteral("%1: probability must be within [0, 1], got '%2'").arg(kw, l.args[2]));
            a.kind = slow ? DemoAction::Kind::Slow : DemoAction::Kind::Delay;
            step->actions.push_back(a);
        } else if (kw == QLatin1String("abort")) {
            if (!needStep() || !expect(2, 3, "abort <replica|service> <grpc status 1..16> [probability]")
                || !target(l.args[0]))
                return std::nullopt;
            double status = 0;
            if (!number(l.args[1], 1, 16, &status) || status != std::floor(status))
                return fail(QStringLiteral("abort: status must be a gRPC status code 1..16, got '%1'")
                                .arg(l.args[1]));
            a.status = int(status);
            if (n == 3 && !number(l.args[2], 0, 1, &a.probability))
                return fail(
                    QStringLiteral("abort: probability must be within [0, 1], got '%1'").arg(l.args[2]));
            a.kind = DemoAction::Kind::Abort;
            step->actions.push_back(a);
        } else if (kw == QLatin1String("outage")) {
            if (!needStep() || !expect(1, 1, "outage <replica|service>") || !target(l.args[0]))
                return std::nullopt;
            a.kind = DemoAction::Kind::Outage;
            step->actions.push_back(a);
        } else if (kw == QLatin1String("traffic")) {
            if (!needStep() || !expect(1, 1, "traffic <requests per second>"))
                return std::nullopt;
            if (!number(l.args[0], 0, 2000, &a.rate))
                return fail(QStringLiteral("traffic: rate must be within [0, 2000] per second, got '%1'")
                                .arg(l.args[0]));
            a.kind = DemoAction::Kind::Traffic;
            step->actions.push_back(a);
        } else if (kw == QLatin1String("clear_faults") || kw == QLatin1String("spot_interrupt")
            || kw == QLatin1String("spot_restore") || kw == QLatin1String("recover")) {
            if (!needStep() || !expect(0, 0, "no arguments"))
                return std::nullopt;
            a.kind = kw == QLatin1String("clear_faults") ? DemoAction::Kind::ClearFaults
                : kw == QLatin1String("spot_interrupt")  ? DemoAction::Kind::SpotInterrupt
                : kw == QLatin1String("spot_restore")    ? DemoAction::Kind::SpotRestore
                                                         : DemoAction::Kind::Recover;
            step->actions.push_back(a);
        } else {
            return fail(QStringLiteral(
                "unknown keyword '%1' (expected name, duration, loop, cost_time_scale, at, say, "
                "severity or an action: see docs/DEMO.md)")
                            .arg(kw));
        }
    }
    where = origin;
    if (story.steps.empty())
        return fail(QStringLiteral("the story has no steps ('at <seconds> <title>')"));
    for (const DemoStep &s : story.steps)
        if (s.title.isEmpty()) {
            where = origin + QLatin1Char(':') + QString::number(s.line);
            return fail(QStringLiteral("at: the step needs a title after the time"));
        }
    if (!durationSet)
        story.durationS = story.steps.back().atS + 10; // the last step shows for a while before a loop
    else if (story.durationS < story.steps.back().atS) {
        where = origin + QLatin1Char(':') + QString::number(story.steps.back().line);
        return fail(QStringLiteral("the step at %1 s is after the story's duration (%2 s)")
                        .arg(story.steps.back().atS)
                        .arg(story.durationS));
    }
    return story;
}

std::optional<DemoStoryScript> DemoStoryScript::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot read the story: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.read(1 << 20);
    if (!file.atEnd()) {
        if (error)
            *error = QStringLiteral("%1: the story is larger than 1 MiB").arg(path);
        return std::nullopt;
    }
    QString origin = path;
    if (origin.startsWith(QLatin1String(":/")))
        origin = origin.mid(origin.lastIndexOf(QLatin1Char('/')) + 1);
    return parse(QString::fromUtf8(bytes), origin, error);
}

} // namespace opsdeck::app
