// The process's identity and the kernel's settings under /proc/sys (HostFacts.h).
#include "../HostFacts.h"

#include "SyscallResult.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace socketlab {

unsigned effectiveUid()
{
    return static_cast<unsigned>(::geteuid());
}

Result<std::string> readKernelSetting(const std::string &name)
{
    bool safe = !name.empty() && name.front() != '/';
    for (const char c : name)
        safe = safe && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '/');
    if (!safe)
        return SocketError::fromErrno(EINVAL);
    const std::string path = "/proc/sys/" + name;
    const sys::SysResult opened = sys::detail::retryOnEintr([&] { return ::open(path.c_str(), O_RDONLY | O_CLOEXEC); });
    if (!opened.ok())
        return SocketError::fromErrno(opened.error);
    const int fd = static_cast<int>(opened.value);
    std::string text;
    char buffer[256];
    for (;;) {  // a setting is a line or two; stop at a page, whatever the file claims
        const sys::SysResult n = sys::detail::retryOnEintr([&] { return ::read(fd, buffer, sizeof buffer); });
        if (!n.ok()) {
            ::close(fd);
            return SocketError::fromErrno(n.error);
        }
        if (n.value == 0 || text.size() >= 4096)
            break;
        text.append(buffer, static_cast<std::size_t>(n.value));
    }
    ::close(fd);
    return text;
}

} // namespace socketlab
