#include "app/modelhost.h"

#include "app/logging.h"
#include "model/eventstream.h"
#include "model/recorder.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

namespace opsdeck::app {

ModelWorker::ModelWorker()
    : m_topology(&m_diagnostics)
    , m_simClock(&m_diagnostics)
    , m_latency(&m_diagnostics)
    , m_costs(&m_diagnostics)
    , m_stream(new model::EventStream(1u << 18, this))
    , m_clock([] { return model::unixNowNs(); })
    , m_publish(new QTimer(this))
    , m_second(new QTimer(this))
{
    // Models first, the recorder last: it sees each batch after the models
    // applied it, so a keyframe it takes matches the envelopes before it.
    m_stream->addSink([this](std::span<const opsdeck::v1::Envelope> batch) { onBatch(batch); });
    connect(m_publish, &QTimer::timeout, this, &ModelWorker::publishDue);
    connect(m_second, &QTimer::timeout, this, &ModelWorker::tickClock);
}

ModelWorker::~ModelWorker() = default;

void ModelWorker::startTimers(int publishMs)
{
    m_publish->start(publishMs);
    m_second->start(1000);
}

void ModelWorker::onBatch(std::span<const opsdeck::v1::Envelope> batch)
{
    m_topology.apply(batch);
    m_simClock.apply(batch);
    m_latency.apply(batch);
    m_costs.apply(batch);
    for (const opsdeck::v1::Envelope &e : batch) {
        m_lastRecvNs = std::max(m_lastRecvNs, e.recv_time_unix_ns());
        if (e.payload_case() == opsdeck::v1::Envelope::kConnection) {
            m_latestConnections[e.connection().backend()] = e.connection();
            m_connectionsDirty = true;
        }
    }
    m_dirty = true;
    if (m_recorder)
        m_recorder->record(batch);
}

void ModelWorker::publishDue()
{
    if (m_dirty) {
        m_dirty = false;
        m_topology.publish();
        m_simClock.publish();
        m_latency.publish();
        m_costs.publish();
    } else if (m_latencyDue) {
        m_latency.publish();
    }
    m_latencyDue = false;
    if (m_connectionsDirty) {
        m_connectionsDirty = false;
        m_connectionsBox.publish(std::make_shared<const LatestConnections>(m_latestConnections));
    }
    if (m_diagnostics.total() != m_publishedDiagnostics) {
        m_publishedDiagnostics = m_diagnostics.total();
        m_diagnostics.publish();
    }
}

void ModelWorker::tickClock()
{
    // Closes latency windows in quiet periods (LatencyBook::advanceTo).
    if (m_clock) {
        m_latency.advanceTo(m_clock());
        m_latencyDue = true;
    }
}

void ModelWorker::publishNow()
{
    m_dirty = true;
    m_publishedDiagnostics = ~std::uint64_t(0);
    publishDue();
}

void ModelWorker::writeKeyframe(opsdeck::v1::Keyframe &keyframe)
{
    m_topology.writeKeyframe(keyframe);
    m_simClock.writeKeyframe(keyframe);
    m_latency.writeKeyframe(keyframe);
    m_costs.writeKeyframe(keyframe);
}

void ModelWorker::restore(const opsdeck::v1::Keyframe &keyframe)
{
    m_topology.restore(keyframe);
    m_simClock.restore(keyframe);
    m_latency.restore(keyframe);
    m_costs.restore(keyframe);
    m_latestConnections.clear();
    m_connectionsDirty = true;
    m_lastRecvNs = keyframe.recv_time_unix_ns();
    m_dirty = true;
}

ModelHost::ModelHost(int publishMs, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new ModelWorker)
{
    m_thread->setObjectName(QStringLiteral("opsdeck-model"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, publishMs] { w->startTimers(publishMs); }, Qt::QueuedConnection);
}

ModelHost::~ModelHost()
{
    // After every job queued so far (a recorder's stop, a player's close),
    // the worker (stream, models, timers) dies on its own thread and the
    // thread's loop ends. The anchor, not the worker, is the job's context so
    // nothing deletes the receiver of the event being delivered. Clients must
    // have stopped posting before this.
    auto *anchor = new QObject;
    anchor->moveToThread(m_thread);
    QMetaObject::invokeMethod(
        anchor,
        [w = m_worker] {
            delete w;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    delete anchor; // its thread has finished
    qCDebug(lcApp) << "model thread stopped";
}

void ModelHost::run(std::function<void(ModelWorker &)> job)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, job = std::move(job)] { job(*w); }, Qt::QueuedConnection);
}

} // namespace opsdeck::app
