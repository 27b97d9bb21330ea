// ReceiveBufferModel: traced sends become segments in their receiver's buffer; the kernel's
// count, read from the tick's snapshot, keeps them honest.
#include "ReceiveBufferModel.h"

#include <SocketSnapshot.h>

#include <algorithm>

using namespace socketlab;

namespace {
bool isSend(TraceCall c)
{
    return c == TraceCall::Send || c == TraceCall::SendAll || c == TraceCall::SendTo;
}

bool isRecv(TraceCall c)
{
    return c == TraceCall::Recv || c == TraceCall::RecvInto || c == TraceCall::RecvFrom;
}

std::string endpointText(const SocketAddress &a)
{
    return a.isValid() ? a.toString() : std::string();
}
} // namespace

std::int64_t ReceiveBufferModel::Buffer::tracedBytes() const
{
    std::int64_t sum = 0;
    for (const Segment &s : segments)
        sum += s.bytes;
    return sum;
}

std::int64_t ReceiveBufferModel::Buffer::untracedBytes() const
{
    if (kernelBytes <= 0)
        return 0;
    if (datagram)  // the kernel gives only the next datagram's size
        return segments.empty() ? kernelBytes : 0;
    return std::max<std::int64_t>(0, kernelBytes - tracedBytes());
}

void ReceiveBufferModel::clear()
{
    m_buffers.clear();
    m_datagramTargets.clear();
    m_sendAlls.clear();
    m_unclaimed.clear();
}

const ReceiveBufferModel::Buffer *ReceiveBufferModel::buffer(std::uint32_t socketId) const
{
    const auto it = m_buffers.find(socketId);
    return it == m_buffers.end() ? nullptr : &it->second;
}

ReceiveBufferModel::Segment *ReceiveBufferModel::findSegment(std::deque<Segment> &segments, std::uint64_t id)
{
    for (auto it = segments.rbegin(); it != segments.rend(); ++it)
        if (it->id == id)
            return &*it;
    return nullptr;
}

void ReceiveBufferModel::append(std::deque<Segment> &segments, Segment segment)
{
    segments.push_back(std::move(segment));
    if (segments.size() > kMaxSegments && !segments[0].open && !segments[1].open) {
        // Bounded memory: the two oldest become one; their bytes stay, one boundary goes.
        segments[1].bytes += segments[0].bytes;
        segments[1].sends += segments[0].sends;
        segments.pop_front();
    }
}

ReceiveBufferModel::Buffer &ReceiveBufferModel::bufferFor(std::uint32_t receiverId)
{
    auto it = m_buffers.find(receiverId);
    if (it != m_buffers.end())
        return it->second;
    Buffer &b = m_buffers[receiverId];
    b.socketId = receiverId;
    if (const SocketSample *r = m_sockets ? m_sockets->find(receiverId) : nullptr) {
        b.datagram = r->isDatagram();
        b.owner = r->record->owner;
    }
    return b;
}

// Where a send's bytes go: the other end of its connection (or socketpair), as the one
// pairing says; for a datagram without one, the socket bound where it was sent.
std::uint32_t ReceiveBufferModel::receiverOf(const TraceEvent &send)
{
    const SocketSample *sender = m_sockets ? m_sockets->find(send.socketId) : nullptr;
    if (!sender)
        return 0;
    if (sender->peerId != 0)
        return sender->peerId;
    if (!sender->isDatagram())
        return 0;  // a stream whose receiver is not accepted yet
    const SocketAddress target = send.call == TraceCall::SendTo && send.address.isValid() ? send.address : sender->peer;
    if (const auto known = m_datagramTargets.find(target); known != m_datagramTargets.end())
        return known->second != sender->id ? known->second : 0;
    const std::uint32_t found = m_sockets->datagramReceiver(target, sender->id);
    m_datagramTargets[target] = found;
    return found;
}

const std::deque<ReceiveBufferModel::Segment> *ReceiveBufferModel::unclaimed(std::uint32_t senderId) const
{
    const auto it = m_unclaimed.find(senderId);
    return it == m_unclaimed.end() ? nullptr : &it->second;
}

// Moves a sender's early segments into its receiver's buffer, once the receiver is known.
void ReceiveBufferModel::claim(std::uint32_t senderId, std::uint32_t receiverId)
{
    const auto it = m_unclaimed.find(senderId);
    if (it == m_unclaimed.end())
        return;
    Buffer &b = bufferFor(receiverId);
    for (Segment &s : it->second)
        append(b.segments, std::move(s));
    m_unclaimed.erase(it);
    if (auto open = m_sendAlls.find(senderId); open != m_sendAlls.end() && open->second.receiver == 0)
        open->second.receiver = receiverId;
}

void ReceiveBufferModel::onSend(const TraceEvent &e)
{
    const std::uint32_t senderId = e.socketId;
    auto open = m_sendAlls.find(senderId);
    if (e.call == TraceCall::SendAll && e.phase == TracePhase::Begin) {
        // One segment for the whole sendall; the sends it makes inside fill it.
        const std::uint32_t receiver = receiverOf(e);
        if (receiver)
            claim(senderId, receiver);
        Segment s;
        s.id = m_nextSegment++;
        s.bytes = 0;
        s.call = TraceCall::SendAll;
        s.open = true;
        s.generation = m_generation;
        append(receiver ? bufferFor(receiver).segments : m_unclaimed[senderId], s);
        m_sendAlls[senderId] = OpenSendAll{receiver, s.id};
        return;
    }
    if (e.call == TraceCall::SendAll && (e.phase == TracePhase::Returned || e.phase == TracePhase::Failed)) {
        if (open == m_sendAlls.end())
            return;
        std::deque<Segment> *segments = nullptr;
        if (open->second.receiver && m_buffers.count(open->second.receiver))
            segments = &m_buffers[open->second.receiver].segments;
        else if (!open->second.receiver && m_unclaimed.count(senderId))
            segments = &m_unclaimed[senderId];
        if (segments) {
            const auto s = std::find_if(segments->begin(), segments->end(),
                                        [&](const Segment &g) { return g.id == open->second.segment; });
            if (s != segments->end()) {
                s->open = false;
                if (s->bytes == 0)  // nothing sent, or all of it already read
                    segments->erase(s);
            }
        }
        m_sendAlls.erase(open);
        return;
    }
    if (e.phase != TracePhase::Returned || e.result <= 0)
        return;

    if (open != m_sendAlls.end()) {  // a send inside sendall: its bytes join the sendall's segment
        std::deque<Segment> *segments = nullptr;
        if (open->second.receiver && m_buffers.count(open->second.receiver))
            segments = &m_buffers[open->second.receiver].segments;
        else if (!open->second.receiver)
            segments = &m_unclaimed[senderId];
        if (segments) {
            if (Segment *s = findSegment(*segments, open->second.segment)) {
                s->bytes += e.result;
                return;
            }
        }
        // Its segment went (the kernel said the buffer was empty): start it again.
        Segment s;
        s.id = open->second.segment;
        s.bytes = e.result;
        s.call = TraceCall::SendAll;
        s.open = true;
        s.generation = m_generation;
        const std::uint32_t receiver = open->second.receiver ? open->second.receiver : receiverOf(e);
        open->second.receiver = receiver;
        append(receiver ? bufferFor(receiver).segments : m_unclaimed[senderId], s);
        return;
    }

    Segment s;
    s.id = m_nextSegment++;
    s.bytes = e.result;
    s.call = e.call;
    s.generation = m_generation;
    const std::uint32_t receiver = receiverOf(e);
    if (receiver) {
        claim(senderId, receiver);
        append(bufferFor(receiver).segments, s);
        return;
    }
    // A stream's receiver appears once accepted; a datagram with no traced receiver is gone.
    if (const SocketSample *sender = m_sockets->find(senderId); sender && !sender->isDatagram())
        append(m_unclaimed[senderId], s);
}

void ReceiveBufferModel::onRecv(const TraceEvent &e)
{
    const auto it = m_buffers.find(e.socketId);
    if (it == m_buffers.end() || e.result < 0)
        return;
    Buffer &b = it->second;
    int touched = 0;
    if (b.datagram) {
        // One recv, one datagram, whatever its size (a longer one is cut, the rest discarded).
        if (!b.segments.empty() && !b.segments.front().open) {
            b.segments.pop_front();
            touched = 1;
        }
    } else {
        std::int64_t n = e.result;
        while (n > 0 && !b.segments.empty()) {
            Segment &front = b.segments.front();
            const std::int64_t take = std::min(front.bytes, n);
            front.bytes -= take;
            n -= take;
            touched += take > 0 ? 1 : 0;
            if (front.bytes > 0 || front.open)
                break;  // a partial read, or a sendall whose bytes are still coming
            b.segments.pop_front();
        }
    }
    if (e.result > 0 || touched > 0)
        b.lastTake = Take{e.result, touched, e.timeNs, e.call};
}

void ReceiveBufferModel::forgetSocket(std::uint32_t socketId)
{
    m_buffers.erase(socketId);
    m_unclaimed.erase(socketId);
    m_sendAlls.erase(socketId);
}

bool ReceiveBufferModel::addEvents(const std::vector<TraceEvent> &events, const SocketSnapshot &sockets)
{
    m_sockets = &sockets;
    m_datagramTargets.clear();
    bool relevant = false;
    for (const TraceEvent &e : events) {
        relevant = relevant || isSend(e.call) || isRecv(e.call) || e.call == TraceCall::Close;
        if (isSend(e.call)) {
            onSend(e);
        } else if (isRecv(e.call) && e.phase == TracePhase::Returned) {
            onRecv(e);
        } else if (e.call == TraceCall::Close && e.phase == TracePhase::Returned) {
            forgetSocket(e.socketId);
        }
    }
    m_sockets = nullptr;
    return relevant;
}

bool ReceiveBufferModel::refresh(const SocketSnapshot &sockets, std::int64_t nowNs)
{
    ++m_generation;
    m_sockets = &sockets;
    bool changed = false;

    for (const SocketSample &r : sockets.sockets()) {
        if (!r.isOpen() || r.state == SocketState::Listening || socketKind(r.record->family, r.record->type) == SocketKind::Other)
            continue;
        const KernelSample &k = r.kernel;  // the tick's one probe of this socket
        if (!k.available)
            continue;
        if (m_buffers.find(r.id) == m_buffers.end() && k.receiveQueue <= 0)
            continue;
        Buffer &b = bufferFor(r.id);
        changed = changed || b.kernelBytes != k.receiveQueue;
        b.kernelBytes = k.receiveQueue;
        b.bufferSize = k.receiveBuffer;
        b.local = endpointText(r.local);
        b.peer = endpointText(r.peer);
        if (k.receiveQueue == 0) {
            // Nothing waits, whatever the trace said: a recv took it and its event is late, or
            // an event was lost. Segments that arrived since the last probe may simply not be
            // counted yet, so they stay one more tick.
            for (auto it = b.segments.begin(); it != b.segments.end();) {
                if (it->generation + 1 < m_generation && !it->open) {
                    it = b.segments.erase(it);
                    changed = true;
                } else {
                    ++it;
                }
            }
        }
    }

    // Unclaimed stream segments wait for their receiver to be accepted.
    for (auto it = m_unclaimed.begin(); it != m_unclaimed.end();) {
        const SocketSample *s = sockets.find(it->first);
        if (!s || !s->isOpen()) {
            it = m_unclaimed.erase(it);
            continue;
        }
        const std::uint32_t sender = it->first, receiver = s->peerId;
        ++it;
        if (receiver) {
            claim(sender, receiver);
            changed = true;
        }
    }

    // Forget what no longer exists, and buffers with nothing left to show.
    const auto open = [&](std::uint32_t id) {
        const SocketSample *s = sockets.find(id);
        return s && s->isOpen();
    };
    for (auto it = m_buffers.begin(); it != m_buffers.end();) {
        const Buffer &b = it->second;
        const bool taking = nowNs - b.lastTake.atNs < kTakeShownNs && b.lastTake.atNs > 0;
        if (!open(it->first) || (b.segments.empty() && b.kernelBytes <= 0 && !taking)) {
            it = m_buffers.erase(it);
            changed = true;
        } else {
            changed = changed || taking;  // the merged take fades
            ++it;
        }
    }
    for (auto it = m_sendAlls.begin(); it != m_sendAlls.end();)
        it = sockets.find(it->first) ? std::next(it) : m_sendAlls.erase(it);
    m_sockets = nullptr;
    return changed;
}
