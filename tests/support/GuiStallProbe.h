// Measures whether the GUI thread keeps serving its event loop while a test loads the window
// (a lab at full speed, many clients). A precise timer on the GUI thread ticks every few
// milliseconds; between two ticks the probe notes the wall-clock gap and the GUI thread's
// own CPU time — its work, which other processes on a busy machine cannot inflate, while a
// GUI thread that blocks (waiting costs no CPU) shows in the gap. It also counts the view
// refreshes that fell inside the measured window, so a test can assert that the window held
// enough ticks and refreshes to mean something. Not a QObject: header-only, no moc needed.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <time.h>
#include <vector>

namespace testsupport {

class GuiStallProbe {
public:
    explicit GuiStallProbe(int tickMs = 5)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(tickMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }

    // Counts each emission of sender's signal (a view's "refreshed" signal, a model's
    // dataChanged ...) while the probe runs.
    template <typename Sender, typename Signal>
    void countRefreshes(const Sender *sender, Signal signal)
    {
        QObject::connect(sender, signal, &m_timer, [this] { m_refreshes += m_timer.isActive() ? 1 : 0; });
    }

    void start()
    {
        m_ticks = m_refreshes = 0;
        m_worstWorkNs = m_worstGapMs = 0;
        m_workNs.clear();
        m_lastCpuNs = threadCpuNs();
        m_window.start();
        m_sinceTick.start();
        m_timer.start();
    }
    void stop()
    {
        tick();  // the stretch since the last tick counts too
        m_timer.stop();
        m_measuredMs = m_window.elapsed();
    }

    int ticks() const { return m_ticks; }
    int refreshes() const { return m_refreshes; }
    qint64 measuredMs() const { return m_timer.isActive() ? m_window.elapsed() : m_measuredMs; }
    qint64 worstWorkMs() const { return m_worstWorkNs / 1'000'000; }  // GUI thread CPU between two ticks
    qint64 worstGapMs() const { return m_worstGapMs; }                 // wall clock between two ticks
    // The GUI thread's work between two ticks that fraction (0..1) of the stretches stayed
    // within: 0.99 for the 99th percentile.
    double workPercentileMs(double fraction) const
    {
        if (m_workNs.empty())
            return 0;
        std::vector<qint64> sorted = m_workNs;
        const std::size_t at = std::min(sorted.size() - 1, std::size_t(fraction * double(sorted.size())));
        std::nth_element(sorted.begin(), sorted.begin() + qsizetype(at), sorted.end());
        return double(sorted[at]) / 1e6;
    }

    QString summary() const
    {
        return QStringLiteral("%1 ms measured: %2 ticks, %3 view refreshes; the GUI thread worked at most %4 ms "
                              "between two ticks; the longest gap was %5 ms")
            .arg(measuredMs())
            .arg(m_ticks)
            .arg(m_refreshes)
            .arg(worstWorkMs())
            .arg(m_worstGapMs);
    }

private:
    static qint64 threadCpuNs()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    }
    void tick()
    {
        ++m_ticks;
        m_worstGapMs = std::max(m_worstGapMs, m_sinceTick.restart());
        const qint64 cpu = threadCpuNs();
        m_worstWorkNs = std::max(m_worstWorkNs, cpu - m_lastCpuNs);
        m_workNs.push_back(cpu - m_lastCpuNs);
        m_lastCpuNs = cpu;
    }

    QTimer m_timer;
    QElapsedTimer m_window;
    QElapsedTimer m_sinceTick;
    qint64 m_lastCpuNs = 0;
    qint64 m_worstWorkNs = 0;
    std::vector<qint64> m_workNs;  // each stretch's work, for percentiles
    qint64 m_worstGapMs = 0;
    qint64 m_measuredMs = 0;
    int m_ticks = 0;
    int m_refreshes = 0;
};

} // namespace testsupport
