#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace opsdeck::app {

// One thing a story step does to the running demo (docs/DEMO.md lists them).
struct DemoAction
{
    enum class Kind {
        FailRadio, // node
        RestoreRadio, // node
        FailLink, // node, node2
        RestoreLink, // node, node2
        Slow, // target (replica or service), delayMs
        Delay, // target, delayMs, probability
        Abort, // target, status, probability
        Outage, // target (replica or service)
        ClearFaults, // mesh faults back to the mesh scenario's
        Traffic, // rate
        SpotInterrupt, // spot capacity reclaimed: spot instances run on demand
        SpotRestore, // spot capacity back
        Recover, // all of the above undone
    };

    Kind kind = Kind::Recover;
    QString node; // a node name, a numeric id, or "route:<flow>" (the route's first relay)
    QString node2; // second node of a link ("route:<flow>" for node means the route's first hop)
    QString target; // mesh replica ("payments-1") or service ("payments")
    double delayMs = 0;
    int status = 14; // gRPC status code for Abort
    double probability = 1.0;
    double rate = 0;
    int line = 0; // in the story file, for errors at run time
};

// A timed step: at `atS` seconds into the story, a bookmark with `title` and
// `text` (severity 0 info, 1 warning, 2 critical) and the actions, in order.
struct DemoStep
{
    double atS = 0;
    QString title;
    QString text;
    int severity = 0;
    std::vector<DemoAction> actions;
    int line = 0;
};

// A demo story file (resources/demo/*.story; format in docs/DEMO.md).
struct DemoStoryScript
{
    QString name = QStringLiteral("story");
    double durationS = 0; // unset in the file: the last step's time + 10 s
    bool loop = true; // start again after durationS (everything recovered first)
    double costTimeScale = 60; // billed seconds per real second
    std::vector<DemoStep> steps; // ascending atS

    // Parses story text. On error returns nullopt and "<origin>:<line>: <what>".
    static std::optional<DemoStoryScript> parse(const QString &text, const QString &origin, QString *error);
    // Reads a file (also ":/demo/..." resources).
    static std::optional<DemoStoryScript> load(const QString &path, QString *error);
};

} // namespace opsdeck::app
