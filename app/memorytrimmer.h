#pragma once

#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>

namespace opsdeck::app {

// Gives the free memory malloc keeps back to the system, now and then.
//
// glibc returns memory to the system only from the top of its heaps; a page
// that became free in the middle stays resident until malloc_trim() walks the
// free chunks and releases their whole pages. The console's long-lived windows
// (the latency book's minutes, 33+ series) are allocated all the time among a
// restarted backend's short-lived buffers, so each restart leaves free holes
// below the top: in 8-minute soaks restarting the mesh every minute
// (docs/RELIABILITY.md, "Soak") each restart left ≈ 0.65 MB resident without
// a trim and ≈ 0.4 MB with one every 30 s.
//
// A trim takes about a millisecond on the console's heaps and holds one
// arena's lock at a time; it runs on the global thread pool, never on the GUI
// thread. Where glibc's malloc is not the allocator (other C libraries,
// sanitizers) it does nothing.
class MemoryTrimmer : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds kConsoleInterval { 60 };

    explicit MemoryTrimmer(QObject *parent = nullptr);
    ~MemoryTrimmer() override;

    void start(std::chrono::milliseconds interval);
    void stop();
    bool isActive() const { return m_timer.isActive(); }

    // Trims now, on the calling thread; true if memory went back to the system.
    static bool trimNow();

    // Trims done by the timer so far, and how many gave memory back.
    int trims() const { return m_state->trims.load(); }
    int released() const { return m_state->released.load(); }

private:
    struct State
    {
        std::atomic<int> trims { 0 };
        std::atomic<int> released { 0 };
        std::atomic<bool> running { false };
    };
    void trimInBackground();

    QTimer m_timer;
    // Shared with a trim still running when this object goes.
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace opsdeck::app
