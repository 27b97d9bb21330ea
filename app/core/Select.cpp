// select.select() on poll(): one pollfd per listed socket plus the cancel token's eventfd.
// Readiness follows Linux's select(): readable on POLLIN, POLLHUP or POLLERR; writable on
// POLLOUT or POLLERR; exceptional on POLLPRI.
#include "Select.h"

#include "CallTrace.h"
#include "CancelToken.h"
#include "Clock.h"
#include "sys/Syscalls.h"

#include <cerrno>
#include <cmath>
#include <poll.h>
#include <utility>

namespace socketlab {
namespace {

constexpr int kFallbackSliceMs = 20;  // without an eventfd (EMFILE) the token is checked this often

enum class List { Read, Write, Except };

struct Watched {
    Socket *socket;
    List list;
};

short eventsFor(List list)
{
    switch (list) {
    case List::Read: return POLLIN;
    case List::Write: return POLLOUT;
    case List::Except: return POLLPRI;
    }
    return 0;
}

bool isReady(List list, short revents)
{
    switch (list) {
    case List::Read: return (revents & (POLLIN | POLLHUP | POLLERR)) != 0;
    case List::Write: return (revents & (POLLOUT | POLLERR)) != 0;
    case List::Except: return (revents & POLLPRI) != 0;
    }
    return false;
}

// Marks every watched socket "blocked in select()" while the call waits (the first one's
// CallTrace marks too). A socket that meanwhile shows another call is left to that call.
class BlockedMarks {
public:
    explicit BlockedMarks(const std::vector<Watched> &watched) : m_watched(watched) {}
    ~BlockedMarks() { clear(); }
    BlockedMarks(const BlockedMarks &) = delete;
    BlockedMarks &operator=(const BlockedMarks &) = delete;

    void set(std::int64_t sinceNs)
    {
        for (const Watched &w : m_watched) {
            if (SocketRecord *r = w.socket->record().get()) {
                r->blockedSinceNs.store(sinceNs, std::memory_order_relaxed);
                r->blockedIn.store(TraceCall::Select, std::memory_order_release);
            }
        }
        m_set = true;
    }
    void clear()
    {
        if (!std::exchange(m_set, false))
            return;
        for (const Watched &w : m_watched) {
            if (SocketRecord *r = w.socket->record().get()) {
                TraceCall expected = TraceCall::Select;
                r->blockedIn.compare_exchange_strong(expected, TraceCall::None, std::memory_order_acq_rel);
            }
        }
    }

private:
    const std::vector<Watched> &m_watched;
    bool m_set = false;
};

} // namespace

Result<SelectLists> select(const SelectLists &watch, std::optional<double> timeoutSeconds,
                           const SocketContext &context)
{
    std::vector<Watched> watched;
    watched.reserve(watch.size());
    for (Socket *s : watch.read)
        watched.push_back({s, List::Read});
    for (Socket *s : watch.write)
        watched.push_back({s, List::Write});
    for (Socket *s : watch.except)
        watched.push_back({s, List::Except});

    Socket *first = watched.empty() ? nullptr : watched.front().socket;
    CallTrace trace(context.trace.get(), first ? first->record().get() : nullptr, first ? first->fileno() : -1,
                    TraceCall::Select, static_cast<std::int64_t>(watched.size()));
    const bool validTimeout = !timeoutSeconds
        || (std::isfinite(*timeoutSeconds) && *timeoutSeconds >= 0 && *timeoutSeconds <= Socket::kMaxTimeoutSeconds);
    if (!validTimeout)
        return trace.failed(SocketError::fromErrno(EINVAL));

    std::vector<pollfd> fds;
    fds.reserve(watched.size() + 1);
    for (const Watched &w : watched) {
        if (!w.socket || !w.socket->isOpen())
            return trace.failed(SocketError(ErrorKind::Closed, EBADF));  // Python: fileno() is -1
        fds.push_back({w.socket->fileno(), eventsFor(w.list), 0});
    }
    const CancelToken *cancel = context.cancel.get();
    const int wakeFd = cancel ? cancel->wakeDescriptor() : -1;
    fds.push_back({wakeFd, POLLIN, 0});  // poll() skips a negative descriptor

    const std::int64_t deadline =
        timeoutSeconds ? steadyNowNs() + static_cast<std::int64_t>(*timeoutSeconds * 1e9) : -1;
    BlockedMarks marks(watched);
    bool looked = false;  // the first poll only looks, so a ready socket never shows as blocked
    for (;;) {
        if (cancel && cancel->isCancelled())
            return trace.failed(SocketError(ErrorKind::Cancelled, ECANCELED));
        int timeoutMs = 0;
        if (looked) {
            timeoutMs = -1;
            if (deadline >= 0) {
                const std::int64_t left = deadline - steadyNowNs();
                if (left <= 0)
                    break;  // time is up: nothing was ready
                timeoutMs = static_cast<int>((left + 999'999) / 1'000'000);  // never wake early
            }
            if (cancel && wakeFd < 0 && (timeoutMs < 0 || timeoutMs > kFallbackSliceMs))
                timeoutMs = kFallbackSliceMs;
        }
        for (pollfd &p : fds)
            p.revents = 0;
        if (looked) {
            trace.blockBegins();
            marks.set(steadyNowNs());
        }
        const sys::SysResult rc = sys::poll(fds.data(), static_cast<unsigned>(fds.size()), timeoutMs);
        if (looked) {
            marks.clear();
            trace.blockEnds();
        }
        if (!rc.ok()) {
            if (rc.error == EINTR)
                continue;
            return trace.failed(SocketError::fromErrno(rc.error));
        }
        if (fds.back().revents & POLLIN)
            return trace.failed(SocketError(ErrorKind::Cancelled, ECANCELED));
        SelectLists ready;
        for (std::size_t i = 0; i < watched.size(); ++i) {
            const short revents = fds[i].revents;
            if (revents & POLLNVAL)
                return trace.failed(SocketError::fromErrno(EBADF));
            if (!isReady(watched[i].list, revents))
                continue;
            switch (watched[i].list) {
            case List::Read: ready.read.push_back(watched[i].socket); break;
            case List::Write: ready.write.push_back(watched[i].socket); break;
            case List::Except: ready.except.push_back(watched[i].socket); break;
            }
        }
        if (ready.size() > 0) {
            trace.returned(static_cast<std::int64_t>(ready.size()));
            return ready;
        }
        if (!looked && timeoutSeconds && *timeoutSeconds == 0.0)
            break;  // select(..., 0): only a look
        looked = true;
    }
    trace.returned(0);
    return SelectLists{};
}

} // namespace socketlab
