// mkdtemp, and the removal of the folder's entries, on the C library (PrivateFolder.h).
#include "../PrivateFolder.h"

#include "SyscallResult.h"

#include <cerrno>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace socketlab {

PrivateFolder::~PrivateFolder()
{
    (void)remove();
}

PrivateFolder::PrivateFolder(PrivateFolder &&other) noexcept : m_path(std::exchange(other.m_path, {})) {}

PrivateFolder &PrivateFolder::operator=(PrivateFolder &&other) noexcept
{
    if (this != &other) {
        (void)remove();
        m_path = std::exchange(other.m_path, {});
    }
    return *this;
}

Result<PrivateFolder> PrivateFolder::create(const std::string &prefix)
{
    const char *tmp = std::getenv("TMPDIR");  // what Python's tempfile.gettempdir() looks at first
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + prefix + "XXXXXX";
    if (!::mkdtemp(pattern.data()))  // mode 0700
        return SocketError::fromErrno(errno);
    return PrivateFolder(std::move(pattern));
}

Status PrivateFolder::remove()
{
    if (m_path.empty())
        return {};
    const sys::SysResult opened = sys::detail::retryOnEintr(
        [&] { return ::open(m_path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC); });
    if (!opened.ok())
        return SocketError::fromErrno(opened.error);
    const int dirFd = static_cast<int>(opened.value);
    DIR *dir = ::fdopendir(dirFd);  // owns dirFd from here
    if (!dir) {
        const int err = errno;
        ::close(dirFd);
        return SocketError::fromErrno(err);
    }
    std::vector<std::string> names;
    while (const dirent *entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    int err = 0;
    for (const std::string &name : names) {
        // unlinkat removes a link itself, never what it points to; a folder someone made
        // inside goes only if it is empty.
        if (::unlinkat(dirFd, name.c_str(), 0) != 0 && errno == EISDIR
            && ::unlinkat(dirFd, name.c_str(), AT_REMOVEDIR) != 0)
            err = errno;
    }
    ::closedir(dir);
    if (::rmdir(m_path.c_str()) != 0 && err == 0)
        err = errno;
    if (err != 0)
        return SocketError::fromErrno(err);
    m_path.clear();
    return {};
}

bool pathExists(const std::string &path)
{
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0;
}

Status unlinkPath(const std::string &path)
{
    if (::unlink(path.c_str()) != 0)
        return SocketError::fromErrno(errno);
    return {};
}

} // namespace socketlab
