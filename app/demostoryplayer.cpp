#include "app/demostoryplayer.h"

#include "app/demologging.h"

#include <QTimer>

#include <cmath>

namespace opsdeck::app {

DemoStory::DemoStory(DemoStoryScript script, DemoTarget &target, QObject *parent)
    : QObject(parent)
    , m_script(std::move(script))
    , m_target(target)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &DemoStory::due);
}

void DemoStory::setTimeScale(double storySecondsPerSecond)
{
    if (!(storySecondsPerSecond > 0) || !std::isfinite(storySecondsPerSecond))
        return;
    const double now = position();
    m_scale = storySecondsPerSecond;
    m_offsetS = now;
    m_clock.restart();
    if (m_running)
        schedule();
}

double DemoStory::position() const
{
    if (!m_running || !m_clock.isValid())
        return m_offsetS;
    return m_offsetS + double(m_clock.nsecsElapsed()) * 1e-9 * m_scale;
}

void DemoStory::start()
{
    m_running = true;
    m_current = -1;
    m_next = 0;
    m_offsetS = 0;
    m_clock.start();
    qCInfo(lcDemo) << "story" << m_script.name << "starts:" << m_script.steps.size() << "steps,"
                   << m_script.durationS << "s" << (m_script.loop ? "(loops)" : "");
    schedule();
}

void DemoStory::stop()
{
    m_offsetS = position();
    m_running = false;
    m_timer->stop();
}

bool DemoStory::jumpTo(int index)
{
    if (index < 0 || index >= int(m_script.steps.size()))
        return false;
    m_timer->stop();
    DemoAction recover;
    recover.kind = DemoAction::Kind::Recover;
    QString error;
    if (!m_target.apply(recover, &error))
        Q_EMIT actionFailed(index, error);
    for (int i = 0; i < index; ++i)
        runStep(i, false);
    m_running = true;
    m_offsetS = m_script.steps[std::size_t(index)].atS;
    m_clock.restart();
    runStep(index, true);
    m_next = index + 1;
    schedule();
    return true;
}

void DemoStory::runStep(int index, bool announce)
{
    const DemoStep &step = m_script.steps[std::size_t(index)];
    for (const DemoAction &a : step.actions) {
        QString error;
        if (!m_target.apply(a, &error)) {
            qCWarning(lcDemo).noquote() << error;
            Q_EMIT actionFailed(index, error);
        }
    }
    m_current = index;
    if (announce) {
        qCInfo(lcDemo).noquote() << "story step" << index << "at" << step.atS << "s:" << step.title;
        Q_EMIT stepStarted(index, step.title, step.text, step.severity);
    }
}

void DemoStory::schedule()
{
    if (!m_running)
        return;
    const bool stepsLeft = m_next < int(m_script.steps.size());
    const double dueS = stepsLeft ? m_script.steps[std::size_t(m_next)].atS : m_script.durationS;
    const double waitS = std::max(0.0, (dueS - position()) / m_scale);
    m_timer->start(int(std::ceil(waitS * 1000.0)));
}

void DemoStory::due()
{
    if (!m_running)
        return;
    // Every step whose time has come (several may share a time).
    while (
        m_next < int(m_script.steps.size()) && m_script.steps[std::size_t(m_next)].atS <= position() + 1e-6)
        runStep(m_next++, true);
    if (m_next >= int(m_script.steps.size()) && position() + 1e-6 >= m_script.durationS) {
        if (!m_script.loop) {
            m_running = false;
            m_offsetS = m_script.durationS;
            Q_EMIT finished();
            return;
        }
        DemoAction recover;
        recover.kind = DemoAction::Kind::Recover;
        QString error;
        if (!m_target.apply(recover, &error))
            Q_EMIT actionFailed(-1, error);
        ++m_loops;
        m_next = 0;
        m_current = -1;
        m_offsetS = 0;
        m_clock.restart();
        Q_EMIT looped(m_loops);
    }
    schedule();
}

} // namespace opsdeck::app
