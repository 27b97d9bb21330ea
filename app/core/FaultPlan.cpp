#include "FaultPlan.h"

#include "BlockingWait.h"
#include "Clock.h"

#include <algorithm>

namespace socketlab {

bool operator==(const FaultSettings &a, const FaultSettings &b)
{
    return a.recvMax == b.recvMax && a.nextRecvMax == b.nextRecvMax && a.sendPiece == b.sendPiece
           && a.coalesceMs == b.coalesceMs && a.delayMs == b.delayMs && a.refuseConnects == b.refuseConnects
           && a.dropDatagrams == b.dropDatagrams;
}

void FaultPlan::set(const FaultSettings &settings)
{
    std::lock_guard lock(m_mutex);
    m_settings = settings;
    m_active.store(settings.any(), std::memory_order_release);
}

FaultSettings FaultPlan::settings() const
{
    std::lock_guard lock(m_mutex);
    return m_settings;
}

std::size_t FaultPlan::recvLimit(std::size_t asked, bool *injected)
{
    std::lock_guard lock(m_mutex);
    std::size_t limit = asked;
    if (m_settings.nextRecvMax) {
        limit = std::min(limit, m_settings.nextRecvMax);
        m_settings.nextRecvMax = 0;
        m_active.store(m_settings.any(), std::memory_order_release);
    }
    if (m_settings.recvMax)
        limit = std::min(limit, m_settings.recvMax);
    *injected = limit < asked;
    return limit;
}

std::size_t FaultPlan::sendLimit(std::size_t length, bool *injected)
{
    std::lock_guard lock(m_mutex);
    const std::size_t limit = m_settings.sendPiece ? std::min(length, m_settings.sendPiece) : length;
    *injected = limit < length;
    return limit;
}

int FaultPlan::pauseBeforeSend() const
{
    std::lock_guard lock(m_mutex);
    return m_settings.delayMs + (m_settings.sendPiece ? kSplitPauseMs : 0);
}

int FaultPlan::pauseBeforeRecv() const
{
    std::lock_guard lock(m_mutex);
    return m_settings.coalesceMs;
}

bool FaultPlan::takeRefusedConnect()
{
    std::lock_guard lock(m_mutex);
    if (m_settings.refuseConnects <= 0)
        return false;
    --m_settings.refuseConnects;
    m_active.store(m_settings.any(), std::memory_order_release);
    return true;
}

bool FaultPlan::takeDroppedDatagram()
{
    std::lock_guard lock(m_mutex);
    if (m_settings.dropDatagrams <= 0)
        return false;
    --m_settings.dropDatagrams;
    m_active.store(m_settings.any(), std::memory_order_release);
    return true;
}

bool pauseUnlessCancelled(int ms, const CancelToken *cancel)
{
    if (ms <= 0)
        return true;
    // No descriptor to wait for: only the deadline or the token can end the wait.
    return waitUntilReady(-1, 0, steadyNowNs() + std::int64_t{ms} * 1'000'000, cancel) != WaitOutcome::Cancelled;
}

} // namespace socketlab
