// Request numbers, unique in the process.
#include "Request.h"

#include <atomic>

namespace socketlab::socketserver {

std::uint64_t nextRequestId()
{
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

} // namespace socketlab::socketserver
