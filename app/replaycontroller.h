#pragma once

#include "model/recordingreader.h"

#include <QObject>
#include <QString>
#include <QVector>

namespace opsdeck::model {
class Player;
}
namespace opsdeck::widgets {
class TimelineView;
}

namespace opsdeck::app {

class ModelHost;

// Replays a recording into the model thread's EventStream through a
// model::Player living on that thread, and drives the Timeline dock from it
// (position, range, marks, play / pause / step / speed / previous and next
// mark). Every call returns at once; results come back as signals. GUI thread.
class ReplayController : public QObject
{
    Q_OBJECT

public:
    struct Info
    {
        QString path;
        qint64 startNs = 0;
        qint64 endNs = 0;
        std::uint64_t envelopes = 0;
        bool salvaged = false;
        std::vector<model::RecordingReader::Problem> problems;
        std::vector<model::RecordingReader::Mark> marks;
    };

    ReplayController(ModelHost *models, widgets::TimelineView *timeline, QObject *parent = nullptr);
    ~ReplayController() override;

    // Opens `path` (the models restart from its first state); opened() or
    // openFailed() follows.
    void open(const QString &path);
    // Closes the recording and empties the models; closed() follows at once.
    void close();
    bool isOpen() const { return m_player != nullptr; }
    const Info &info() const { return m_info; }
    qint64 position() const { return m_position; }

    // The state at `positionNs`; settled(positionNs) once every model has
    // published it (tests compare snapshots after it).
    void seek(qint64 positionNs);
    void togglePlay();
    void step(qint64 deltaNs);
    void setSpeed(double speed);
    void previousMark();
    void nextMark();
    // Writes [fromNs, toNs] to a new recording; exportFinished() follows.
    void exportRange(qint64 fromNs, qint64 toNs, const QString &path);

Q_SIGNALS:
    void opened(const opsdeck::app::ReplayController::Info &info);
    void openFailed(const QString &path, const QString &error);
    void closed();
    void positionChanged(qint64 positionNs);
    void settled(qint64 positionNs);
    void playingChanged(bool playing);
    void problemFound(const QString &where, const QString &what);
    void exportFinished(bool ok, const QString &message);

private:
    void withPlayer(std::function<void(model::Player &)> job);
    void jumpToMark(bool next);
    void showOpened(model::Player *player, const Info &info);

    ModelHost *m_models;
    widgets::TimelineView *m_timeline;
    model::Player *m_player = nullptr; // lives on the model thread; used only as a context
    quint64 m_generation = 0; // guards results of an older open()
    Info m_info;
    qint64 m_position = 0;
};

} // namespace opsdeck::app
