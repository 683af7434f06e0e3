#include "app/replaycontroller.h"

#include "app/logging.h"
#include "app/modelhost.h"
#include "model/eventstream.h"
#include "model/player.h"
#include "widgets/timelineview.h"

#include <QFileInfo>
#include <QPointer>

namespace opsdeck::app {

ReplayController::ReplayController(ModelHost *models, widgets::TimelineView *timeline, QObject *parent)
    : QObject(parent)
    , m_models(models)
    , m_timeline(timeline)
{
    if (m_timeline) {
        connect(m_timeline, &widgets::TimelineView::playToggled, this, &ReplayController::togglePlay);
        connect(m_timeline, &widgets::TimelineView::stepRequested, this, &ReplayController::step);
        connect(m_timeline, &widgets::TimelineView::speedRequested, this, &ReplayController::setSpeed);
        connect(m_timeline, &widgets::TimelineView::seekRequested, this, &ReplayController::seek);
        connect(
            m_timeline, &widgets::TimelineView::previousMarkRequested, this, [this] { jumpToMark(false); });
        connect(m_timeline, &widgets::TimelineView::nextMarkRequested, this, [this] { jumpToMark(true); });
        connect(this, &ReplayController::positionChanged, m_timeline, &widgets::TimelineView::setPosition);
        connect(this, &ReplayController::playingChanged, m_timeline, &widgets::TimelineView::setPlaying);
    }
}

ReplayController::~ReplayController()
{
    close();
}

void ReplayController::open(const QString &path)
{
    close();
    const quint64 generation = ++m_generation;
    QPointer<ReplayController> self(this);
    m_models->run([self, path, generation](ModelWorker &w) {
        auto *player = new model::Player(*w.stream(), [&w](const opsdeck::v1::Keyframe &k) { w.restore(k); });
        QString error;
        if (!player->open(path, &error)) {
            delete player;
            QMetaObject::invokeMethod(
                self.data(),
                [self, path, error] {
                    if (self)
                        Q_EMIT self->openFailed(path, error);
                },
                Qt::QueuedConnection);
            return;
        }
        Info info;
        info.path = path;
        info.startNs = player->startNs();
        info.endNs = player->endNs();
        info.envelopes = player->reader().lastSeq();
        info.salvaged = player->reader().isSalvaged();
        info.problems = player->reader().problems();
        info.marks = player->reader().marks();
        // The latency book's quiet-period clock is the cursor while replaying.
        w.setClock([player] { return player->position(); });
        w.publishNow();
        QMetaObject::invokeMethod(
            self.data(),
            [self, player, info, generation] {
                if (self && generation == self->m_generation)
                    self->showOpened(player, info);
                else if (self)
                    self->m_models->run([player](ModelWorker &) { delete player; });
            },
            Qt::QueuedConnection);
    });
}

void ReplayController::showOpened(model::Player *player, const Info &info)
{
    m_player = player;
    m_info = info;
    m_position = info.startNs;
    // Queued to this (GUI) thread: the player lives on the model thread.
    connect(player, &model::Player::positionChanged, this, [this](qint64 ns) {
        m_position = ns;
        Q_EMIT positionChanged(ns);
    });
    connect(player, &model::Player::playingChanged, this, &ReplayController::playingChanged);
    connect(player, &model::Player::problemFound, this, &ReplayController::problemFound);
    if (m_timeline) {
        connect(player, &model::Player::speedChanged, m_timeline, &widgets::TimelineView::setSpeed);
        m_timeline->setRecordingOpen(true, QFileInfo(info.path).fileName());
        m_timeline->setRange(info.startNs, info.endNs);
        QVector<widgets::TimelineMark> marks;
        marks.reserve(qsizetype(info.marks.size()));
        for (const auto &mark : info.marks)
            marks.push_back({ mark.t, mark.kind, mark.label });
        m_timeline->setMarks(std::move(marks));
        m_timeline->setPosition(info.startNs);
        m_timeline->setPlaying(false);
    }
    qCInfo(lcApp).noquote() << "replaying" << info.path << info.envelopes << "envelopes,"
                            << info.problems.size() << "problems";
    Q_EMIT opened(info);
    Q_EMIT positionChanged(info.startNs);
}

void ReplayController::close()
{
    ++m_generation;
    if (!m_player)
        return;
    model::Player *player = std::exchange(m_player, nullptr);
    player->disconnect(this);
    if (m_timeline)
        player->disconnect(m_timeline);
    m_models->run([player](ModelWorker &w) {
        delete player;
        w.setClock([] { return model::unixNowNs(); });
        w.restore(opsdeck::v1::Keyframe {});
        w.publishNow();
    });
    m_info = {};
    if (m_timeline) {
        m_timeline->setPlaying(false);
        m_timeline->setRecordingOpen(false);
    }
    Q_EMIT closed();
}

void ReplayController::withPlayer(std::function<void(model::Player &)> job)
{
    if (!m_player)
        return;
    QMetaObject::invokeMethod(
        m_player, [p = m_player, job = std::move(job)] { job(*p); }, Qt::QueuedConnection);
}

void ReplayController::seek(qint64 positionNs)
{
    if (!m_player)
        return;
    QPointer<ReplayController> self(this);
    ModelWorker *worker = m_models->worker();
    withPlayer([self, worker, positionNs](model::Player &p) {
        p.seek(positionNs);
        worker->publishNow();
        const qint64 at = p.position();
        QMetaObject::invokeMethod(
            self.data(),
            [self, at] {
                if (self)
                    Q_EMIT self->settled(at);
            },
            Qt::QueuedConnection);
    });
}

void ReplayController::togglePlay()
{
    withPlayer([](model::Player &p) { p.togglePlay(); });
}

void ReplayController::step(qint64 deltaNs)
{
    withPlayer([deltaNs](model::Player &p) { p.step(deltaNs); });
}

void ReplayController::setSpeed(double speed)
{
    withPlayer([speed](model::Player &p) { p.setSpeed(speed); });
}

void ReplayController::previousMark()
{
    jumpToMark(false);
}

void ReplayController::nextMark()
{
    jumpToMark(true);
}

void ReplayController::jumpToMark(bool next)
{
    withPlayer([next](model::Player &p) {
        std::int64_t t = 0;
        if (next ? p.nextMark({}, &t) : p.previousMark({}, &t))
            p.seek(t);
    });
}

void ReplayController::exportRange(qint64 fromNs, qint64 toNs, const QString &path)
{
    QPointer<ReplayController> self(this);
    withPlayer([self, fromNs, toNs, path](model::Player &p) {
        QString error;
        const bool ok = p.reader().exportRange(fromNs, toNs, path, &error);
        QMetaObject::invokeMethod(
            self.data(),
            [self, ok, error, path] {
                if (self)
                    Q_EMIT self->exportFinished(ok, ok ? path : error);
            },
            Qt::QueuedConnection);
    });
}

} // namespace opsdeck::app
