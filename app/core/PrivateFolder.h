// A folder only this user may enter, for the files Unix sockets are bound to, and the two
// file calls a Unix-socket lesson makes on them: Python's tempfile.mkdtemp() and
// shutil.rmtree(), os.path.exists() and os.unlink().
//
// A Unix socket's address is a path, and bind() creates a file there that close() leaves
// behind: the next bind() to it fails with Errno 98 until the file is unlinked. Binding in a
// private folder (mode 0700, as mkdtemp makes it) keeps other users from the sockets and keeps
// the files of different runs apart; the folder goes, with what is in it, when its owner ends.
#pragma once

#include "Result.h"

#include <string>

namespace socketlab {

class PrivateFolder {
public:
    PrivateFolder() = default;
    ~PrivateFolder();
    PrivateFolder(PrivateFolder &&other) noexcept;
    PrivateFolder &operator=(PrivateFolder &&other) noexcept;
    PrivateFolder(const PrivateFolder &) = delete;
    PrivateFolder &operator=(const PrivateFolder &) = delete;

    // tempfile.mkdtemp(prefix=prefix): a new folder, mode 0700, in $TMPDIR or /tmp.
    static Result<PrivateFolder> create(const std::string &prefix);

    const std::string &path() const { return m_path; }  // "" once removed
    // shutil.rmtree(path) for a folder of socket files: removes the entries directly in it
    // (never following a link, never leaving the folder) and then the folder. Idempotent.
    Status remove();

private:
    explicit PrivateFolder(std::string path) : m_path(std::move(path)) {}
    std::string m_path;
};

bool pathExists(const std::string &path);    // os.path.exists(path)
Status unlinkPath(const std::string &path);  // os.unlink(path)

} // namespace socketlab
