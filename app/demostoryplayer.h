#pragma once

#include "app/demostory.h"

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace opsdeck::app {

// What a story acts on: the running demo (DemoSystem implements it).
class DemoTarget
{
public:
    virtual ~DemoTarget() = default;
    // Applies one action to the real backends; false and a reason ("story:12:
    // fail_radio: no node named 'X'") when it cannot.
    virtual bool apply(const DemoAction &action, QString *error) = 0;
};

// Plays a DemoStoryScript against a DemoTarget on the thread it lives on (a
// single-shot timer per step): at each step it applies the step's actions and
// emits stepStarted() — the bookmark the console turns into a Mark envelope.
// After the story's duration it recovers and starts again (loop yes) or emits
// finished(). The steps double as presenter bookmarks: jumpTo(i) recovers,
// re-applies the actions of the steps before i silently (so the system is in
// the state step i expects), then runs step i and continues from its time.
class DemoStory : public QObject
{
    Q_OBJECT

public:
    DemoStory(DemoStoryScript script, DemoTarget &target, QObject *parent = nullptr);

    const DemoStoryScript &script() const { return m_script; }
    const std::vector<DemoStep> &steps() const { return m_script.steps; }
    // Story seconds per real second (1 live; tests run stories faster).
    void setTimeScale(double storySecondsPerSecond);
    double timeScale() const { return m_scale; }

    void start(); // from the beginning (step 0 at once if it is at 0 s)
    void stop(); // holds the system as it is
    bool running() const { return m_running; }
    bool jumpTo(int index); // false for an index out of range
    int currentStep() const { return m_current; } // -1 before the first step
    double position() const; // story seconds
    int loops() const { return m_loops; }

Q_SIGNALS:
    void stepStarted(int index, const QString &title, const QString &text, int severity);
    void actionFailed(int index, const QString &error);
    void looped(int loops);
    void finished();

private:
    void runStep(int index, bool announce);
    void schedule();
    void due();

    DemoStoryScript m_script;
    DemoTarget &m_target;
    double m_scale = 1.0;
    bool m_running = false;
    int m_current = -1;
    int m_next = 0;
    int m_loops = 0;
    double m_offsetS = 0; // story position when m_clock was restarted
    QElapsedTimer m_clock;
    QTimer *m_timer;
};

} // namespace opsdeck::app
