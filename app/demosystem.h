#pragma once

#include "app/democostfeed.h"
#include "app/demostoryplayer.h"
#include "backends/mesh/scenario.h"
#include "model/connectionsettings.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QTemporaryDir;

namespace opsdeck::bridge {
class BridgeServer;
}
namespace opsdeck::sim {
class SimMember;
}
namespace opsdeck::mesh {
class Mesh;
}
namespace opsdeck::billing {
class BillingBackend;
}

namespace opsdeck::app {

struct DemoOptions
{
    // DDS domain of the demo's simulation member and bridge. Tests use 41-47,
    // 77-79, 8x and benchmarks 93/94; two demos on one machine need two domains.
    std::uint32_t domain = 31;
    QString simScenarioFile = QStringLiteral(":/demo/alps-60.scenario"); // sim scenario (docs/BRIDGE.md)
    QString meshScenarioFile; // empty: the mesh's built-in scenario (docs/SERVICES.md)
    QString storyFile = QStringLiteral(":/demo/tour.story"); // empty: no story
    QString
        priceBookFile; // empty: the billing backend's default, else the one built in (:/demo/pricebook.conf)
    QString dataDir; // ledger, token file and audit log; empty: a temporary dir removed by stop()
    bool startSimulation = true; // send START through the bridge's control path
    bool startStory = true;
    double storyTimeScale = 1.0; // story seconds per real second (tests run faster)
    std::optional<double> costTimeScale; // billed seconds per real second; unset: the story's (60)
    int costFlushMs = 2000;
    double trafficRate = 20; // mesh requests per second at the gateway (bounded at 2000)
};

// `opsdeck --demo`: the whole system in this process, on loopback.
//
//   app::DemoSystem demo;                        // options: DemoOptions
//   QString error;
//   if (!demo.start(&error)) { show error; }     // ~1 s; the simulation is already running
//   console.connectTo(demo.endpoints());         // bridge + telemetry + billing URLs, operator token
//   connect(demo.story(), &DemoStory::stepStarted, ...);  // bookmarks → Mark envelopes
//   demo.story()->steps(); demo.story()->jumpTo(i);       // Presenter ▸ bookmarks
//   demo.stop();                                 // also in the destructor; < 1 s
//
// Starts, on ephemeral 127.0.0.1 ports and the loopback-only DDS configuration:
// the DDS-bridge with its control module (token file: one operator token), the
// simulation member (alps-60 scenario), the gRPC service mesh with its traffic
// generator, the billing backend (SQLite ledger in a temporary directory, no
// synthetic workload: its costs are the demo's own, fed by DemoCostFeed), then
// sends START through the bridge (so docks are live at once) and plays the
// story. start()/stop() and everything else on the thread that owns the object
// (the GUI thread).
class DemoSystem : public QObject, public DemoTarget
{
    Q_OBJECT

public:
    explicit DemoSystem(DemoOptions options = {}, QObject *parent = nullptr);
    ~DemoSystem() override;

    bool start(QString *error);
    void stop();
    bool running() const { return m_running; }

    // Where the console connects: grpc:// URLs of the bridge, the mesh's
    // telemetry and billing; the bridge's operator token in bridge.token.
    model::ConnectionSettings endpoints() const;
    QString operatorToken() const { return m_token; }

    DemoStory *story() const { return m_story; } // nullptr without a story
    DemoCostFeed *costs() const { return m_costs; }
    const DemoOptions &options() const { return m_options; }

    // The running backends (tests, diagnostics); nullptr when stopped.
    bridge::BridgeServer *bridge() const { return m_bridge.get(); }
    sim::SimMember *sim() const { return m_sim.get(); }
    mesh::Mesh *mesh() const { return m_mesh.get(); }
    billing::BillingBackend *billing() const { return m_billing.get(); }

    // DemoTarget: one story action on the real backends.
    bool apply(const DemoAction &action, QString *error) override;

Q_SIGNALS:
    // A story step started (also emitted by story()): the console shows it and
    // records it as a Mark{BOOKMARK or ALERT, title, text, "demo story"}.
    void bookmark(const QString &title, const QString &text, int severity);

private:
    bool startBackends(const DemoStoryScript *script, QString *error);
    bool sendStart(QString *error);
    bool resolveNode(const DemoAction &a, const QString &ref, std::uint32_t *id, QString *error) const;
    bool linkOf(const DemoAction &a, std::uint32_t *x, std::uint32_t *y, QString *error) const;
    bool checkTarget(const DemoAction &a, QString *error) const;
    void pushFaults();

    DemoOptions m_options;
    bool m_running = false;
    QString m_token;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    std::unique_ptr<bridge::BridgeServer> m_bridge;
    std::unique_ptr<sim::SimMember> m_sim;
    std::unique_ptr<mesh::Mesh> m_mesh;
    std::unique_ptr<billing::BillingBackend> m_billing;
    DemoCostFeed *m_costs = nullptr;
    DemoStory *m_story = nullptr;
    std::vector<mesh::Fault> m_baseFaults; // the mesh scenario's
    std::vector<mesh::Fault> m_storyFaults; // added by the story since the last recover
    std::vector<std::uint32_t> m_failedRadios;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_blockedLinks;
};

} // namespace opsdeck::app
