// Internal to app/core/sys: turning a C call's return value and errno into a SysResult,
// and retrying calls a signal interrupted before they did anything.
#pragma once

#include "Syscalls.h"

#include <cerrno>

namespace socketlab::sys::detail {

inline SysResult fromReturn(long long rc)
{
    if (rc < 0)
        return SysResult{-1, errno};
    return SysResult{rc, 0};
}

template <typename Call>
SysResult retryOnEintr(Call call)
{
    for (;;) {
        const long long rc = call();
        if (rc < 0 && errno == EINTR)
            continue;
        return fromReturn(rc);
    }
}

} // namespace socketlab::sys::detail
