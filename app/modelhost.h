#pragma once

#include "model/costledger.h"
#include "model/diagnostics.h"
#include "model/latencybook.h"
#include "model/simclockmodel.h"
#include "model/topology.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>

class QThread;
class QTimer;

namespace opsdeck::model {
class EventStream;
class Recorder;
} // namespace opsdeck::model

namespace opsdeck::app {

// Everything that lives on the model thread: the event stream, the console
// models and (while recording) the recorder. Created and destroyed on that
// thread by ModelHost; only ModelHost::run() and the snapshot accessors reach it.
class ModelWorker : public QObject
{
    Q_OBJECT

public:
    using LatestConnections = std::map<std::string, opsdeck::v1::ConnectionEvent>;

    ModelWorker();
    ~ModelWorker() override;

    model::EventStream *stream() const { return m_stream; }
    model::Diagnostics &diagnostics() { return m_diagnostics; }
    model::Topology &topology() { return m_topology; }
    model::SimClockModel &simClock() { return m_simClock; }
    model::LatencyBook &latency() { return m_latency; }
    model::CostLedger &costs() { return m_costs; }

    // The recorder is the last sink; nullptr stops feeding it. Model thread.
    void setRecorder(model::Recorder *recorder) { m_recorder = recorder; }
    // The latency book's clock in quiet periods: the wall clock when live, the
    // player's position when replaying. Model thread.
    void setClock(std::function<std::int64_t()> clock) { m_clock = std::move(clock); }

    // Full model state, for the recorder and the player. Model thread.
    void writeKeyframe(opsdeck::v1::Keyframe &keyframe);
    void restore(const opsdeck::v1::Keyframe &keyframe);

    // Publishes every model now (tests, after a synchronous seek). Model thread.
    void publishNow();

    // The latest receive time applied so far (running maximum), i.e. the
    // recording position whose state the models hold now. Model thread.
    std::int64_t lastRecvNs() const { return m_lastRecvNs; }

    std::shared_ptr<const LatestConnections> connections() const { return m_connectionsBox.get(); }

    void startTimers(int publishMs);

private:
    void onBatch(std::span<const opsdeck::v1::Envelope> batch);
    void publishDue();
    void tickClock();

    model::Diagnostics m_diagnostics;
    model::Topology m_topology;
    model::SimClockModel m_simClock;
    model::LatencyBook m_latency;
    model::CostLedger m_costs;
    model::EventStream *m_stream;
    model::Recorder *m_recorder = nullptr;
    std::function<std::int64_t()> m_clock;
    QTimer *m_publish;
    QTimer *m_second;
    bool m_dirty = false;
    bool m_latencyDue = false;
    std::int64_t m_lastRecvNs = 0;
    std::uint64_t m_publishedDiagnostics = ~std::uint64_t(0);
    LatestConnections m_latestConnections;
    bool m_connectionsDirty = false;
    model::SnapshotBox<LatestConnections> m_connectionsBox;
};

// Owns the model thread (DESIGN.md "one data path"): the stream and every model
// live there, apply batches there and publish immutable snapshots at most
// every publishMs, only when something changed. The GUI reads the snapshots.
//
// Shutdown: stop the clients that post into stream() first, then destroy the
// host: it deletes the worker on the model thread, quits and joins it.
class ModelHost : public QObject
{
    Q_OBJECT

public:
    explicit ModelHost(int publishMs = 33, QObject *parent = nullptr);
    ~ModelHost() override;

    // Thread-safe entrance for clients and the player (EventStream::post).
    model::EventStream *stream() const { return m_worker->stream(); }
    // An object living on the model thread, as a context for queued calls.
    ModelWorker *worker() const { return m_worker; }
    QThread *thread() const { return m_thread; }

    // Queues `job` on the model thread. Never waits.
    void run(std::function<void(ModelWorker &)> job);

    // Snapshots, any thread.
    std::shared_ptr<const model::TopologySnapshot> topology() const
    {
        return m_worker->topology().snapshot();
    }
    std::shared_ptr<const model::SimClockSnapshot> simClock() const
    {
        return m_worker->simClock().snapshot();
    }
    std::shared_ptr<const model::LatencyBook::Snapshot> latency() const
    {
        return m_worker->latency().snapshot();
    }
    std::shared_ptr<const model::CostLedger::Snapshot> costs() const { return m_worker->costs().snapshot(); }
    std::shared_ptr<const model::Diagnostics::Snapshot> diagnostics() const
    {
        return m_worker->diagnostics().snapshot();
    }
    std::shared_ptr<const ModelWorker::LatestConnections> connectionEvents() const
    {
        return m_worker->connections();
    }

private:
    QThread *m_thread;
    ModelWorker *m_worker;
};

} // namespace opsdeck::app
