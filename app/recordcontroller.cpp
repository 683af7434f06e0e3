#include "app/recordcontroller.h"

#include "app/logging.h"
#include "app/modelhost.h"

#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QTimer>

#include <climits>

namespace opsdeck::app {

RecordController::RecordController(ModelHost *models, QObject *parent)
    : QObject(parent)
    , m_models(models)
    , m_tick(new QTimer(this))
{
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (m_recorder)
            Q_EMIT progress(m_recorder->stats());
    });
}

RecordController::~RecordController()
{
    stop();
}

void RecordController::start(model::RecorderOptions options)
{
    if (m_recorder)
        return;
    // The keyframe source runs on the model thread (Recorder::record), the
    // only thread that may read the models.
    ModelWorker *worker = m_models->worker();
    auto recorder = std::make_shared<model::Recorder>(
        std::move(options), [worker](opsdeck::v1::Keyframe &k) { worker->writeKeyframe(k); });
    m_recorder = recorder;
    QPointer<RecordController> self(this);
    m_models->run([recorder, self](ModelWorker &w) {
        QString error;
        const bool ok = recorder->start(&error);
        if (ok)
            w.setRecorder(recorder.get()); // the last sink: after the models
        QMetaObject::invokeMethod(
            self.data(),
            [self, ok, error, path = recorder->stats().currentFile] {
                if (!self)
                    return;
                if (ok) {
                    self->m_tick->start();
                    Q_EMIT self->started(path);
                } else {
                    self->m_recorder.reset();
                    Q_EMIT self->failed(error);
                }
            },
            Qt::QueuedConnection);
    });
}

void RecordController::stop()
{
    if (!m_recorder)
        return;
    m_tick->stop();
    std::shared_ptr<model::Recorder> recorder = std::move(m_recorder);
    QPointer<RecordController> self(this);
    m_models->run([recorder, self](ModelWorker &w) {
        w.setRecorder(nullptr);
        recorder->stop();
        const model::Recorder::Stats stats = recorder->stats();
        qCInfo(lcApp).noquote() << "recording stopped:" << stats.currentFile << stats.envelopes
                                << "envelopes," << stats.dropped << "dropped";
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, stats] {
                    if (self)
                        Q_EMIT self->stopped(stats);
                },
                Qt::QueuedConnection);
    });
}

model::Recorder::Stats RecordController::stats() const
{
    return m_recorder ? m_recorder->stats() : model::Recorder::Stats {};
}

QString RecordController::describe(const model::Recorder::Stats &stats)
{
    const std::int64_t durationNs
        = stats.lastUnixNs > stats.firstUnixNs ? stats.lastUnixNs - stats.firstUnixNs : 0;
    const qint64 seconds = durationNs / 1'000'000'000;
    const QString duration = QStringLiteral("%1:%2:%3")
                                 .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
                                 .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                                 .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    QString text = tr(
        "● REC %1 — %2, %3, %n envelopes", nullptr, int(std::min<std::uint64_t>(stats.envelopes, INT_MAX)))
                       .arg(QFileInfo(stats.currentFile).fileName(),
                           QLocale().formattedDataSize(qint64(stats.bytes)), duration);
    if (stats.dropped > 0)
        text += tr(", %1 dropped").arg(stats.dropped);
    if (!stats.lastError.isEmpty())
        text += tr(" — %1").arg(stats.lastError);
    return text;
}

} // namespace opsdeck::app
