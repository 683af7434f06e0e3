#pragma once

#include "model/recordingreader.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace opsdeck::model {

class EventStream;

// Replays a recording into the same EventStream the live clients feed, so
// live and replay share every line after the clients (DESIGN.md). Lives on
// the model thread, like the stream.
//
// Position semantics (recordingformat.h): the state at P is the keyframe at or
// before P plus every envelope after it whose time is <= P. seek() restores
// the models from that keyframe (through the restore callback) and re-applies
// the envelopes synchronously, so the same position always gives the same state.
class Player : public QObject
{
    Q_OBJECT

public:
    // Resets every model to the keyframe's state (an empty keyframe = empty models).
    using Restore = std::function<void(const opsdeck::v1::Keyframe &)>;

    Player(EventStream &stream, Restore restore, QObject *parent = nullptr);

    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const { return m_reader.isOpen(); }
    RecordingReader &reader() { return m_reader; }

    std::int64_t startNs() const { return m_reader.startNs(); }
    std::int64_t endNs() const { return m_reader.endNs(); }
    std::int64_t position() const { return m_position; }
    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }

    // Previous / next timeline mark strictly before / after the position
    // (kinds empty = any). Returns false if there is none.
    bool previousMark(const std::vector<recording::MarkKind> &kinds, std::int64_t *t) const;
    bool nextMark(const std::vector<recording::MarkKind> &kinds, std::int64_t *t) const;

public Q_SLOTS:
    void seek(qint64 positionNs);
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double speed); // clamped to [0.1, 32]
    void step(qint64 deltaNs); // seek by delta (negative = back), pauses

Q_SIGNALS:
    void positionChanged(qint64 positionNs);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void finished();
    // Damage found while reading; the readable part stays usable.
    void problemFound(const QString &where, const QString &what);

private:
    void tick();
    void advanceTo(std::int64_t target);
    void reportNewProblems();

    EventStream &m_stream;
    Restore m_restore;
    RecordingReader m_reader;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::int64_t m_position = 0;
    std::uint64_t m_appliedSeq = 0;
    double m_speed = 1.0;
    std::size_t m_problemsReported = 0;
};

} // namespace opsdeck::model
