// eventfd-backed cancellation; see CancelToken.h for why closing descriptors is not used.
#include "CancelToken.h"

#include "sys/Syscalls.h"

namespace socketlab {

CancelToken::CancelToken()
{
    const sys::SysResult fd = sys::eventfdCreate();
    m_eventFd = fd.ok() ? static_cast<int>(fd.value) : -1;
}

CancelToken::~CancelToken()
{
    if (m_eventFd >= 0)
        (void)sys::close(m_eventFd);
}

void CancelToken::cancel()
{
    m_cancelled.store(true, std::memory_order_release);
    if (m_eventFd >= 0)
        (void)sys::eventfdSignal(m_eventFd);
}

void CancelToken::reset()
{
    m_cancelled.store(false, std::memory_order_release);
    if (m_eventFd >= 0)
        (void)sys::eventfdDrain(m_eventFd);
}

} // namespace socketlab
