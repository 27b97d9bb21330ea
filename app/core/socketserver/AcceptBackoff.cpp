// AcceptBackoff: the pause serve_forever takes when accept() has no descriptor to give.
#include "AcceptBackoff.h"

#include <algorithm>
#include <cerrno>

namespace socketlab::socketserver {

bool AcceptBackoff::isExhaustion(const SocketError &error)
{
    if (error.kind() != ErrorKind::Os)
        return false;
    switch (error.code()) {
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
        return true;
    default:
        return false;
    }
}

bool AcceptBackoff::failed(const SocketError &error, std::int64_t nowNs)
{
    if (!isExhaustion(error))
        return false;
    m_pauseMs = m_pauseMs == 0 ? kFirstPauseMs : std::min(2 * m_pauseMs, kLongestPauseMs);
    m_resumeAtNs = nowNs + std::int64_t{m_pauseMs} * 1'000'000;
    const bool news = !m_reported;
    m_reported = true;
    return news;
}

void AcceptBackoff::succeeded()
{
    m_pauseMs = 0;
    m_resumeAtNs = 0;
}

bool AcceptBackoff::pausing(std::int64_t nowNs)
{
    if (m_resumeAtNs != 0 && nowNs >= m_resumeAtNs)
        m_resumeAtNs = 0;  // the pause is over; m_pauseMs stays, so a new failure waits longer
    return m_resumeAtNs != 0;
}

int AcceptBackoff::waitMs(std::int64_t nowNs, int pollMs) const
{
    const auto left = static_cast<int>((std::max<std::int64_t>(0, m_resumeAtNs - nowNs) + 999'999) / 1'000'000);
    return pollMs < 0 ? left : std::min(left, pollMs);
}

} // namespace socketlab::socketserver
