// The core's loops: the traffic of plain_loop.cpp through socketlab::Socket with full
// tracing. A thread that fails records why, cancels the context's token (which wakes
// its peer inside the core's poll) and returns; main joins and reports.
#include "traced_loop.h"

#include "core_setup.h"
#include "plain_loop.h"
#include "traced_context.h"

#include <TraceStream.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <vector>

namespace bench {
namespace {

using socketlab::Socket;

// A healthy run ends long before this; past it the watchdog cancels the run.
constexpr double kWatchdogSlackSeconds = 10;
constexpr double kWorstBytesPerSecond = 50e6;

void fail(const TracedContext &traced, const char *what, const socketlab::SocketError &error)
{
    recordFailure(describe(what, error));
    traced.cancel();
}

// Echoes until the client shuts down its side (recv returns b'').
void tracedEcho(Socket &socket, const TracedContext &traced)
{
    for (;;) {
        const socketlab::Result<socketlab::Bytes> data = socket.recv(kEchoBufsize);
        if (!data)
            return fail(traced, "traced echo recv", data.error());
        if (data->empty())
            return;
        const socketlab::Result<std::size_t> n = socket.send(*data);
        if (!n)
            return fail(traced, "traced echo send", n.error());
        if (*n != data->size()) {
            recordFailure("traced echo send: short send on a 1-byte message");
            return traced.cancel();
        }
    }
}

bool tracedRoundTrip(Socket &socket, const TracedContext &traced)
{
    static constexpr char kOut = 'x';
    const socketlab::Result<std::size_t> n = socket.send(std::string_view(&kOut, 1));
    if (!n) {
        fail(traced, "traced client send", n.error());
        return false;
    }
    const socketlab::Result<socketlab::Bytes> data = socket.recv(kEchoBufsize);
    if (!data) {
        fail(traced, "traced client recv", data.error());
        return false;
    }
    if (data->size() != 1) {
        recordFailure("traced client recv: got " + std::to_string(data->size()) + " bytes, expected 1");
        traced.cancel();
        return false;
    }
    return true;
}

double bulkWatchdogSeconds(const BulkPlan &plan)
{
    return kWatchdogSlackSeconds + static_cast<double>(plan.totalBytes) / kWorstBytesPerSecond;
}

} // namespace

RoundTripResult tracedRoundTrips(const RoundTripPlan &plan)
{
    TracedContext traced(plan.warmupSeconds + plan.seconds + kWatchdogSlackSeconds);
    CorePair pair = coreLoopbackPair(traced.context(), true);
    RoundTripResult result;
    {
        JoiningThread echo([&] { tracedEcho(pair.server, traced); });
        Socket &client = pair.client;
        result.warmupCount = runFor(plan.warmupSeconds, [&] { return tracedRoundTrip(client, traced); }).count;
        if (!failed()) {
            const socketlab::TraceStream *trace = traced.trace();
            const std::uint64_t pushedBefore = trace ? trace->pushed() : 0;
            const std::uint64_t droppedBefore = trace ? trace->dropped() : 0;
            result.window = runFor(plan.seconds, [&] { return tracedRoundTrip(client, traced); });
            result.traceEvents = trace ? trace->pushed() - pushedBefore : 0;
            result.traceDropped = trace ? trace->dropped() - droppedBefore : 0;
        }
        if (!client.shutdown(SHUT_WR))
            traced.cancel();  // the echo thread must not wait for a b'' that never comes
    }
    return result;
}

BulkResult tracedBulkSend(const BulkPlan &plan)
{
    TracedContext traced(bulkWatchdogSeconds(plan));
    CorePair pair = coreLoopbackPair(traced.context(), false);
    BulkMeter meter(plan);
    {
        JoiningThread receiver([&] {
            std::vector<char> buffer(plan.chunkBytes);
            while (!meter.done()) {
                const socketlab::Result<std::size_t> n = pair.server.recvInto(buffer.data(), meter.nextChunk());
                if (!n)
                    return fail(traced, "traced bulk recv_into", n.error());
                if (*n == 0) {
                    recordFailure("traced bulk recv_into: the sender closed early");
                    return traced.cancel();
                }
                meter.add(*n);
            }
        });
        const std::string chunk(plan.chunkBytes, 'b');
        for (std::uint64_t sent = 0; sent < plan.totalBytes;) {
            const std::size_t size = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), plan.totalBytes - sent));
            const socketlab::Status status = pair.client.sendAll(std::string_view(chunk).substr(0, size));
            if (!status) {
                fail(traced, "traced bulk sendall", status.error());
                break;
            }
            sent += size;
        }
    }
    return meter.result();
}

BulkResult tracedBulkRecv(const BulkPlan &plan)
{
    TracedContext traced(bulkWatchdogSeconds(plan));
    Socket listener = coreListener(traced.context(), 1);
    PlainFd sender = plainConnectLoopback(portOf(listener), false);
    Socket receiving = must(listener.accept(), "accept").socket;
    BulkMeter meter(plan);
    {
        JoiningThread receiver([&] {
            while (!meter.done()) {
                const socketlab::Result<socketlab::Bytes> data = receiving.recv(meter.nextChunk());
                const bool ok = data && !data->empty();
                if (ok) {
                    meter.add(data->size());
                    continue;
                }
                if (data)
                    recordFailure("traced bulk recv: the sender closed early");
                else
                    recordFailure(describe("traced bulk recv", data.error()));
                (void)receiving.close();  // the plain sender fails at once with EPIPE
                return;
            }
        });
        if (!plainSendBulk(sender.get(), plan))
            traced.cancel();  // wakes the core receiver
    }
    return meter.result();
}

} // namespace bench
