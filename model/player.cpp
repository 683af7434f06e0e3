#include "model/player.h"

#include "model/eventstream.h"

#include <algorithm>

namespace opsdeck::model {

namespace {
constexpr int kTickMs = 33; // ~30 Hz position updates while playing
constexpr std::size_t kChunk = 8192; // envelopes handed to the stream per flush
} // namespace

Player::Player(EventStream &stream, Restore restore, QObject *parent)
    : QObject(parent)
    , m_stream(stream)
    , m_restore(std::move(restore))
{
    m_timer.setInterval(kTickMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Player::tick);
}

bool Player::open(const QString &path, QString *error)
{
    close();
    if (!m_reader.open(path, error))
        return false;
    m_problemsReported = 0;
    reportNewProblems();
    seek(m_reader.startNs());
    return true;
}

void Player::close()
{
    pause();
    m_reader.close();
    m_position = 0;
    m_appliedSeq = 0;
}

void Player::seek(qint64 positionNs)
{
    if (!m_reader.isOpen())
        return;
    positionNs = std::clamp<std::int64_t>(positionNs, m_reader.startNs(), m_reader.endNs());
    // Anything still queued from before the seek belongs to the old position.
    m_stream.flush();
    opsdeck::v1::Keyframe keyframe;
    m_reader.keyframeAt(positionNs, &keyframe);
    m_restore(keyframe);
    m_appliedSeq = keyframe.last_seq();
    m_position = positionNs;
    advanceTo(positionNs);
    reportNewProblems();
    Q_EMIT positionChanged(m_position);
}

void Player::advanceTo(std::int64_t target)
{
    for (;;) {
        std::uint64_t last = m_appliedSeq;
        const std::size_t n = m_reader.read(m_appliedSeq, target, kChunk,
            [&](const opsdeck::v1::Envelope &e, std::uint64_t seq, std::int64_t) {
                m_stream.post(e);
                last = seq;
            });
        m_appliedSeq = std::max(m_appliedSeq, last);
        m_stream.flush();
        if (n < kChunk)
            break;
    }
}

void Player::play()
{
    if (!m_reader.isOpen() || m_timer.isActive())
        return;
    if (m_position >= m_reader.endNs())
        seek(m_reader.startNs());
    m_clock.start();
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void Player::pause()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void Player::togglePlay()
{
    isPlaying() ? pause() : play();
}

void Player::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.1, 32.0);
    if (speed == m_speed)
        return;
    m_speed = speed;
    Q_EMIT speedChanged(m_speed);
}

void Player::step(qint64 deltaNs)
{
    pause();
    if (deltaNs >= 0) {
        const std::int64_t target = std::min<std::int64_t>(m_reader.endNs(), m_position + deltaNs);
        advanceTo(target);
        m_position = target;
        Q_EMIT positionChanged(m_position);
    } else {
        seek(m_position + deltaNs);
    }
}

void Player::tick()
{
    const std::int64_t elapsedNs = m_clock.nsecsElapsed();
    m_clock.restart();
    const std::int64_t target
        = std::min<std::int64_t>(m_reader.endNs(), m_position + std::int64_t(double(elapsedNs) * m_speed));
    advanceTo(target);
    m_position = target;
    reportNewProblems();
    Q_EMIT positionChanged(m_position);
    if (m_position >= m_reader.endNs()) {
        pause();
        Q_EMIT finished();
    }
}

bool Player::previousMark(const std::vector<recording::MarkKind> &kinds, std::int64_t *t) const
{
    const auto &marks = m_reader.marks();
    for (auto it = marks.rbegin(); it != marks.rend(); ++it) {
        if (it->t < m_position && (kinds.empty() || std::ranges::find(kinds, it->kind) != kinds.end())) {
            *t = it->t;
            return true;
        }
    }
    return false;
}

bool Player::nextMark(const std::vector<recording::MarkKind> &kinds, std::int64_t *t) const
{
    for (const auto &mark : m_reader.marks()) {
        if (mark.t > m_position && (kinds.empty() || std::ranges::find(kinds, mark.kind) != kinds.end())) {
            *t = mark.t;
            return true;
        }
    }
    return false;
}

void Player::reportNewProblems()
{
    const auto &problems = m_reader.problems();
    for (; m_problemsReported < problems.size(); ++m_problemsReported)
        Q_EMIT problemFound(problems[m_problemsReported].where, problems[m_problemsReported].what);
}

} // namespace opsdeck::model
