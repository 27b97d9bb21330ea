#include "StepGate.h"

#include <chrono>

void StepGate::setMode(Mode mode)
{
    {
        std::lock_guard lock(m_mutex);
        m_mode = mode;
        m_stepsAllowed = 0;
    }
    m_changed.notify_all();
}

StepGate::Mode StepGate::mode() const
{
    std::lock_guard lock(m_mutex);
    return m_mode;
}

void StepGate::setDelayMs(int ms)
{
    {
        std::lock_guard lock(m_mutex);
        m_delayMs = ms < 0 ? 0 : ms;
    }
    m_changed.notify_all();
}

int StepGate::delayMs() const
{
    std::lock_guard lock(m_mutex);
    return m_delayMs;
}

void StepGate::stepOnce()
{
    {
        std::lock_guard lock(m_mutex);
        m_stepsAllowed = 1;  // Step pressed twice while one step runs still means one step
    }
    m_changed.notify_all();
}

void StepGate::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
    }
    m_changed.notify_all();
}

void StepGate::reset()
{
    std::lock_guard lock(m_mutex);
    m_cancelled = false;
    m_stepsAllowed = 0;
}

bool StepGate::isWaiting() const
{
    std::lock_guard lock(m_mutex);
    return m_waiting > 0;
}

unsigned long long StepGate::arrivals() const
{
    std::lock_guard lock(m_mutex);
    return m_arrivals;
}

bool StepGate::pass(const std::function<void(bool)> &onWaiting)
{
    using Clock = std::chrono::steady_clock;
    std::unique_lock lock(m_mutex);
    const Clock::time_point arrived = Clock::now();
    bool announced = false;
    bool counted = false;
    for (;;) {
        if (m_cancelled)
            break;
        if (m_mode == Mode::Run)
            break;
        if (m_mode == Mode::Slow) {
            // The deadline follows the delay as it is now, so a slower or faster setting
            // applies to the step already waiting.
            const Clock::time_point due = arrived + std::chrono::milliseconds(m_delayMs);
            if (Clock::now() >= due)
                break;
            m_changed.wait_until(lock, due);
            continue;
        }
        if (m_stepsAllowed > 0) {
            --m_stepsAllowed;
            break;
        }
        if (!counted) {
            counted = true;
            ++m_waiting;
            ++m_arrivals;
        }
        if (!announced && onWaiting) {
            announced = true;
            lock.unlock();
            onWaiting(true);
            lock.lock();
            continue;
        }
        m_changed.wait(lock);
    }
    if (counted)
        --m_waiting;
    const bool cancelled = m_cancelled;
    lock.unlock();
    if (announced && onWaiting)
        onWaiting(false);
    return !cancelled;
}
