#pragma once

#include "model/recorder.h"

#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace opsdeck::app {

class ModelHost;

// Runs a model::Recorder on the model thread as the last EventStream sink
// (RECORDING.md) and reports its progress once per second. Used by the window
// (Record action) and by the headless recorder. GUI (or main) thread.
class RecordController : public QObject
{
    Q_OBJECT

public:
    explicit RecordController(ModelHost *models, QObject *parent = nullptr);
    ~RecordController() override; // stops a running recording

    // Starts recording to options.path (never overwrites). The result comes
    // as started() or failed(); nothing blocks.
    void start(model::RecorderOptions options);
    // Commits what is queued and closes the file; stopped() follows.
    void stop();
    bool isRecording() const { return m_recorder != nullptr; }

    // Any thread; empty stats when not recording.
    model::Recorder::Stats stats() const;
    // "● REC run.opsrec — 12.4 MB, 00:01:05, 0 dropped"
    static QString describe(const model::Recorder::Stats &stats);

Q_SIGNALS:
    void started(const QString &path);
    void failed(const QString &error);
    void stopped(const opsdeck::model::Recorder::Stats &finalStats);
    void progress(const opsdeck::model::Recorder::Stats &stats); // once per second while recording

private:
    ModelHost *m_models;
    std::shared_ptr<model::Recorder> m_recorder; // shared with the model thread's sink
    QTimer *m_tick;
};

} // namespace opsdeck::app
