#include "app/demosystem.h"

#include "app/demologging.h"
#include "backends/billing/billingbackend.h"
#include "backends/bridge/bridgeserver.h"
#include "backends/mesh/mesh.h"
#include "backends/mesh/telemetryhub.h"
#include "backends/sim/scenario.h"
#include "backends/sim/simmember.h"
#include "opsdeck/v1/bridge.grpc.pb.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace opsdeck::app {

Q_LOGGING_CATEGORY(lcDemo, "opsdeck.demo", QtInfoMsg)

namespace {

bool readText(const QString &path, QByteArray *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    *out = file.readAll();
    return true;
}

bool writeText(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString randomToken()
{
    QByteArray bytes(16, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

DemoSystem::DemoSystem(DemoOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

DemoSystem::~DemoSystem()
{
    stop();
}

bool DemoSystem::start(QString *error)
{
    if (m_running)
        return true;
    QString why;
    std::optional<DemoStoryScript> script;
    if (!m_options.storyFile.isEmpty()) {
        script = DemoStoryScript::load(m_options.storyFile, &why);
        if (!script) {
            if (error)
                *error = why;
            return false;
        }
    }
    QElapsedTimer started;
    started.start();
    if (!startBackends(script ? &*script : nullptr, &why)) {
        stop();
        if (error)
            *error = why;
        return false;
    }
    m_running = true;
    if (script) {
        m_story = new DemoStory(std::move(*script), *this, this);
        m_story->setTimeScale(m_options.storyTimeScale);
        connect(m_story, &DemoStory::stepStarted, this,
            [this](int, const QString &title, const QString &text, int severity) {
                Q_EMIT bookmark(title, text, severity);
            });
        if (m_options.startStory)
            m_story->start();
    }
    qCInfo(lcDemo) << "demo running after" << started.elapsed() << "ms: bridge" << m_bridge->address().c_str()
                   << "telemetry" << m_mesh->telemetryAddress().c_str() << "billing"
                   << m_billing->address().c_str() << "DDS domain" << m_options.domain;
    return true;
}

bool DemoSystem::startBackends(const DemoStoryScript *script, QString *error)
{
    if (m_options.dataDir.isEmpty()) {
        m_tempDir
            = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/opsdeck-demo-XXXXXX"));
        if (!m_tempDir->isValid()) {
            *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_tempDir->errorString());
            return false;
        }
        m_dataDir = m_tempDir->path();
    } else {
        m_dataDir = m_options.dataDir;
        if (!QDir().mkpath(m_dataDir)) {
            *error = QStringLiteral("cannot create %1").arg(m_dataDir);
            return false;
        }
    }
    const QDir dir(m_dataDir);

    // Bridge: one operator token for the console, audit log next to it.
    m_token = randomToken();
    const QString tokenFile = dir.filePath(QStringLiteral("bridge-tokens"));
    if (!writeText(tokenFile,
            QStringLiteral("# opsdeck --demo\noperator presenter %1\n").arg(m_token).toUtf8(), error))
        return false;
    QFile::setPermissions(tokenFile, QFile::ReadOwner | QFile::WriteOwner);
    bridge::BridgeConfig bc;
    bc.listen = "127.0.0.1:0";
    bc.domain = m_options.domain;
    bc.bridgeId = "opsdeck-demo-bridge";
    bc.tokenFile = tokenFile.toStdString();
    bc.auditLogPath = dir.filePath(QStringLiteral("bridge-audit.log")).toStdString();
    m_bridge = std::make_unique<bridge::BridgeServer>(bc);
    std::string e;
    if (!m_bridge->start(&e)) {
        *error = QStringLiteral("demo bridge: %1").arg(QString::fromStdString(e));
        return false;
    }

    // Simulation member (its scenario may be a Qt resource: pass the text).
    QByteArray scenarioText;
    if (!readText(m_options.simScenarioFile, &scenarioText, error))
        return false;
    const QString scenarioOrigin = QFileInfo(m_options.simScenarioFile).fileName();
    const auto scenario = sim::parseScenario(scenarioText.toStdString(), scenarioOrigin.toStdString(), &e);
    if (!scenario) {
        *error = QString::fromStdString(e);
        return false;
    }
    sim::SimConfig sc;
    sc.domain = m_options.domain;
    sc.memberId = "demo-sim";
    sc.name = "opsdeck-demo-sim";
    sc.scenarioText = scenarioText.toStdString();
    m_sim = std::make_unique<sim::SimMember>(sc);
    if (!m_sim->start(&e)) {
        *error = QStringLiteral("demo simulation: %1").arg(QString::fromStdString(e));
        return false;
    }

    // Service mesh.
    mesh::Scenario ms = mesh::Scenario::defaults();
    if (!m_options.meshScenarioFile.isEmpty()
        && !mesh::Scenario::load(m_options.meshScenarioFile.toStdString(), &ms, &e)) {
        *error = QStringLiteral("%1: %2").arg(m_options.meshScenarioFile, QString::fromStdString(e));
        return false;
    }
    ms.traffic.ratePerSec = std::clamp(m_options.trafficRate, 0.0, mesh::TrafficSpec::kMaxRate);
    m_baseFaults = ms.faults;
    m_mesh = std::make_unique<mesh::Mesh>(ms);
    if (!m_mesh->start(&e)) {
        *error = QStringLiteral("demo mesh: %1").arg(QString::fromStdString(e));
        return false;
    }

    // Billing: the demo's own usage only (no synthetic workload).
    billing::BillingOptions bo;
    bo.ledgerPath = dir.filePath(QStringLiteral("billing.sqlite")).toStdString();
    bo.syntheticWorkload = false;
    bo.backfillHours = 0;
    bo.cacheMiB = billing::BillingOptions::kEmbeddedCacheMiB; // it lives in the console's process
    QString book = m_options.priceBookFile;
    if (book.isEmpty() && !QFileInfo::exists(QString::fromStdString(bo.priceBookPath)))
        book = QStringLiteral(":/demo/pricebook.conf"); // installed: no source tree, use the copy built in
    if (book.startsWith(QLatin1String(":/"))) {
        // The pricing engine reads a file: extract the resource into the data directory.
        QByteArray bytes;
        const QString copy = dir.filePath(QStringLiteral("pricebook.conf"));
        if (!readText(book, &bytes, error) || !writeText(copy, bytes, error))
            return false;
        book = copy;
    }
    if (!book.isEmpty())
        bo.priceBookPath = book.toStdString();
    m_billing = billing::BillingBackend::create(bo, &e);
    if (!m_billing || !m_billing->start(&e)) {
        *error = QStringLiteral("demo billing: %1").arg(QString::fromStdString(e));
        return false;
    }

    // Costs move with the system: every replica and node is an instance.
    std::vector<DemoCostFeed::Resource> resources;
    for (const mesh::Mesh::ReplicaAddress &r : m_mesh->replicas()) {
        DemoCostFeed::Resource res;
        res.id = "mesh/" + r.replica;
        res.app = "mesh";
        res.workload = r.service;
        res.name = r.replica;
        const int index = std::atoi(r.replica.substr(r.replica.rfind('-') + 1).c_str());
        res.offer = index == 0 ? DemoCostFeed::Resource::Offer::Reserved
            : index == 1       ? DemoCostFeed::Resource::Offer::OnDemand
                               : DemoCostFeed::Resource::Offer::Spot;
        resources.push_back(std::move(res));
    }
    std::vector<std::uint32_t> ground;
    for (const sim::GroundStation &g : scenario->ground)
        ground.push_back(g.id);
    {
        std::vector<std::pair<std::uint32_t, std::string>> nodes;
        for (const auto &[name, id] : m_sim->nodes())
            nodes.emplace_back(id, name);
        std::sort(nodes.begin(), nodes.end());
        for (const auto &[id, name] : nodes) {
            DemoCostFeed::Resource res;
            res.id = "sim/node-" + std::to_string(id);
            res.app = "sim";
            const bool isGround = std::find(ground.begin(), ground.end(), id) != ground.end();
            res.workload = isGround ? "ground" : "aircraft";
            res.name = name;
            res.offer = isGround ? DemoCostFeed::Resource::Offer::Reserved
                : id % 3 == 0    ? DemoCostFeed::Resource::Offer::OnDemand
                                 : DemoCostFeed::Resource::Offer::Spot;
            resources.push_back(std::move(res));
        }
    }
    const double costScale = m_options.costTimeScale.value_or(script ? script->costTimeScale : 60.0);
    m_costs = new DemoCostFeed(*m_billing, std::move(resources), costScale, this);
    mesh::Mesh *meshPtr = m_mesh.get();
    m_costs->setCallCounter([meshPtr] { return meshPtr->hub().recorded(); });
    m_costs->start(m_options.costFlushMs);

    if (m_options.startSimulation && !sendStart(error))
        return false;
    return true;
}

bool DemoSystem::sendStart(QString *error)
{
    auto channel = grpc::CreateChannel(m_bridge->address(), grpc::InsecureChannelCredentials());
    auto stub = opsdeck::v1::Bridge::NewStub(channel);
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + m_token.toStdString());
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    opsdeck::v1::ControlCommand command;
    command.set_kind(opsdeck::v1::CONTROL_KIND_START);
    command.set_sequence(std::uint64_t(QDateTime::currentMSecsSinceEpoch()));
    command.set_issuer("opsdeck-demo");
    command.set_issued_unix_ns(QDateTime::currentMSecsSinceEpoch() * 1'000'000);
    command.set_comment("opsdeck --demo starts the simulation");
    opsdeck::v1::ControlAck ack;
    const grpc::Status status = stub->SendControl(&context, command, &ack);
    if (!status.ok()) {
        *error = QStringLiteral("demo: the bridge refused START: %1")
                     .arg(QString::fromStdString(status.error_message()));
        return false;
    }
    return true;
}

void DemoSystem::stop()
{
    if (m_story)
        m_story->stop();
    delete m_story;
    m_story = nullptr;
    if (m_costs)
        m_costs->stop();
    delete m_costs;
    m_costs = nullptr;
    // Traffic first (the mesh), then what the console streams from.
    if (m_mesh)
        m_mesh->stop();
    if (m_billing)
        m_billing->stop();
    if (m_sim)
        m_sim->stop();
    if (m_bridge)
        m_bridge->stop();
    m_mesh.reset();
    m_billing.reset();
    m_sim.reset();
    m_bridge.reset();
    m_storyFaults.clear();
    m_failedRadios.clear();
    m_blockedLinks.clear();
    m_tempDir.reset();
    if (m_running)
        qCInfo(lcDemo) << "demo stopped";
    m_running = false;
}

model::ConnectionSettings DemoSystem::endpoints() const
{
    model::ConnectionSettings s;
    if (!m_bridge || !m_mesh || !m_billing)
        return s;
    s.bridge.url = QStringLiteral("grpc://%1").arg(QString::fromStdString(m_bridge->address()));
    s.bridge.token = m_token;
    s.telemetry.url = QStringLiteral("grpc://%1").arg(QString::fromStdString(m_mesh->telemetryAddress()));
    s.billing.url = QStringLiteral("grpc://%1").arg(QString::fromStdString(m_billing->address()));
    return s;
}

} // namespace opsdeck::app
