// Python's select.select(rlist, wlist, xlist[, timeout]) over the core's sockets: one thread
// waits on many sockets at once and learns which of them a call would not block on.
//
// Like every blocking call of the core it is traced (TraceCall::Select, on the first socket
// it watches, arg = how many it watches, result = how many are ready), each watched socket is
// marked "blocked in select()" while it waits, and Stop or Reset wakes it through the
// context's CancelToken. Underneath it is poll(): select(2)'s FD_SETSIZE limit does not apply.
#pragma once

#include "Result.h"
#include "Socket.h"

#include <optional>
#include <vector>

namespace socketlab {

// The three lists of select.select(): what to watch, and in the answer what is ready (the
// same sockets, in the order they were given).
struct SelectLists {
    std::vector<Socket *> read;    // readable: a connection to accept, bytes or b'' to recv
    std::vector<Socket *> write;   // writable: room in the send buffer
    std::vector<Socket *> except;  // exceptional: urgent (out-of-band) data

    std::size_t size() const { return read.size() + write.size() + except.size(); }
};

// timeoutSeconds: nullopt waits without limit, 0 only looks; when it runs out the lists are
// empty (no exception, unlike a socket's own timeout). A closed socket in a list fails with
// EBADF, a negative or non-finite timeout with EINVAL (Python: ValueError).
Result<SelectLists> select(const SelectLists &watch, std::optional<double> timeoutSeconds,
                           const SocketContext &context);

} // namespace socketlab
