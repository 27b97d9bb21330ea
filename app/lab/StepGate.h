// The gate a pane program passes before every step: free running, slow motion (a delay
// a teacher can change while it runs), or step-by-step (wait for Step). Stop opens every
// wait at once. The program thread waits here; the GUI thread only sets and notifies.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>

class StepGate {
public:
    enum class Mode { Run, Slow, Step };

    void setMode(Mode mode);
    Mode mode() const;
    void setDelayMs(int ms);  // slow motion: pause between steps
    int delayMs() const;
    void stepOnce();          // in Step mode: let one step through
    void cancel();            // every pass() returns false from now on
    void reset();             // after cancel, before the program restarts

    // For "advance the lab N steps": whether the program waits for Step right now, and
    // how many times it has started such a wait (so a caller can tell the program moved
    // on to its next step, not still the one it was let through).
    bool isWaiting() const;
    unsigned long long arrivals() const;

    // Program thread. onWaiting(true) is called when it starts waiting for Step, and
    // onWaiting(false) when it goes on. Returns false if cancelled.
    bool pass(const std::function<void(bool waiting)> &onWaiting = {});

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    Mode m_mode = Mode::Run;
    int m_delayMs = 600;
    int m_stepsAllowed = 0;
    bool m_cancelled = false;
    int m_waiting = 0;  // threads waiting for Step (ThreadingMixIn's handlers may be several)
    unsigned long long m_arrivals = 0;
};
