#include "RunRecording.h"

#include <algorithm>

using namespace socketlab;

namespace {

bool sameKernel(const KernelSample &a, const KernelSample &b)
{
    return a.available == b.available && a.tcpState == b.tcpState && a.listening == b.listening
           && a.acceptQueueLength == b.acceptQueueLength && a.acceptQueueLimit == b.acceptQueueLimit
           && a.receiveQueue == b.receiveQueue && a.sendQueue == b.sendQueue && a.receiveBuffer == b.receiveBuffer
           && a.sendBuffer == b.sendBuffer && a.rttUs == b.rttUs;
}

} // namespace

SocketSample frozenSample(const SocketSample &live)
{
    SocketSample s = live;
    const SocketRecord &r = *live.record;
    std::shared_ptr<SocketRecord> copy = SocketRecord::replayed(r.id, r.family, r.type, r.owner, r.inode);
    // The counters as the sample read them, not as they are now: what the live views showed.
    copy->bytesSent = live.counters.bytesSent;
    copy->bytesReceived = live.counters.bytesReceived;
    copy->messagesSent = live.counters.messagesSent;
    copy->messagesReceived = live.counters.messagesReceived;
    copy->calls = live.counters.calls;
    copy->state = live.state;
    copy->blockedIn = live.blockedIn;
    copy->blockedSinceNs = live.blockedSinceNs;
    copy->closedAtNs = r.closedAtNs.load();
    s.record = copy;
    return s;
}

bool sameSample(const SocketSample &a, const SocketSample &b)
{
    return a.id == b.id && a.fd == b.fd && a.state == b.state && a.blockedIn == b.blockedIn
           && a.blockedSinceNs == b.blockedSinceNs && a.local == b.local && a.peer == b.peer && a.inode == b.inode
           && a.peerInode == b.peerInode && a.peerId == b.peerId && sameKernel(a.kernel, b.kernel)
           && a.counters == b.counters;
}

RunRecording::RunRecording(std::size_t budgetBytes) : m_budget(budgetBytes) {}

void RunRecording::addFrame(std::int64_t timeNs, const std::vector<TraceEvent> &events, const SocketSnapshot &sockets)
{
    RecordedFrame frame;
    frame.timeNs = timeNs;
    frame.events = events;
    // Most ticks change nothing, or a socket or two: a sample that did not change is the one
    // recorded before (its frozen record shared), and an unchanged tick shares the whole list.
    const std::vector<SocketSample> *before = m_frames.empty() ? nullptr : m_frames.back().sockets.get();
    auto samples = std::make_shared<std::vector<SocketSample>>();
    samples->reserve(sockets.sockets().size());
    bool changed = !before || before->size() != sockets.sockets().size();
    for (std::size_t i = 0; i < sockets.sockets().size(); ++i) {
        const SocketSample &live = sockets.sockets()[i];
        if (before && i < before->size() && sameSample((*before)[i], live)) {
            samples->push_back((*before)[i]);
        } else {
            samples->push_back(frozenSample(live));
            changed = true;
        }
    }
    frame.sockets = changed ? std::shared_ptr<const std::vector<SocketSample>>(std::move(samples)) : m_frames.back().sockets;
    m_bytes += frameBytes(frame, changed);
    m_frames.push_back(std::move(frame));
    keepWithinBudget();
}

void RunRecording::addReport(PaneReport report)
{
    m_bytes += sizeof(PaneReport) + std::size_t(report.text.size() + report.detail.size() + report.pane.size()) * sizeof(QChar);
    m_reports.push_back(std::move(report));
    keepWithinBudget();
}

std::size_t RunRecording::frameBytes(const RecordedFrame &frame, bool countSockets) const
{
    std::size_t bytes = sizeof(RecordedFrame) + frame.events.size() * sizeof(TraceEvent);
    if (countSockets && frame.sockets)
        bytes += frame.sockets->size() * (sizeof(SocketSample) + sizeof(SocketRecord));
    return bytes;
}

void RunRecording::keepWithinBudget()
{
    // The oldest frames go first; reports older than the first frame kept go with them.
    while (m_bytes > m_budget && m_frames.size() > 1) {
        const RecordedFrame &oldest = m_frames.front();
        const bool sharedWithNext = m_frames[1].sockets == oldest.sockets;
        m_bytes -= std::min(m_bytes, frameBytes(oldest, !sharedWithNext));
        m_frames.pop_front();
        m_droppedBeforeNs = m_frames.front().timeNs;
        while (!m_reports.empty() && m_reports.front().timeNs < m_droppedBeforeNs) {
            const PaneReport &r = m_reports.front();
            m_bytes -= std::min(m_bytes, sizeof(PaneReport) + std::size_t(r.text.size() + r.detail.size() + r.pane.size()) * sizeof(QChar));
            m_reports.pop_front();
        }
    }
}

void RunRecording::restore(std::deque<RecordedFrame> frames, std::deque<PaneReport> reports, std::int64_t droppedBeforeNs)
{
    m_frames = std::move(frames);
    m_reports = std::move(reports);
    m_droppedBeforeNs = droppedBeforeNs;
    m_bytes = 0;
    const std::vector<SocketSample> *before = nullptr;
    for (const RecordedFrame &f : m_frames) {
        m_bytes += frameBytes(f, f.sockets.get() != before);
        before = f.sockets.get();
    }
    for (const PaneReport &r : m_reports)
        m_bytes += sizeof(PaneReport) + std::size_t(r.text.size() + r.detail.size() + r.pane.size()) * sizeof(QChar);
}

void RunRecording::clear()
{
    m_frames.clear();
    m_reports.clear();
    m_bytes = 0;
    m_droppedBeforeNs = 0;
}

std::int64_t RunRecording::startNs() const
{
    std::int64_t start = 0;
    if (!m_frames.empty())
        start = m_frames.front().timeNs;
    if (!m_reports.empty() && (start == 0 || m_reports.front().timeNs < start))
        start = m_reports.front().timeNs;
    return start;
}

std::int64_t RunRecording::endNs() const
{
    std::int64_t end = 0;
    if (!m_frames.empty())
        end = m_frames.back().timeNs;
    if (!m_reports.empty())
        end = std::max(end, m_reports.back().timeNs);
    return end;
}

void RunRecording::feedUntil(std::int64_t timeNs, const std::function<void(const RunTick &)> &onFrame) const
{
    for (const RecordedFrame &f : m_frames) {
        if (f.timeNs > timeNs)
            break;
        const SocketSnapshot sockets = SocketSnapshot::fromSamples(f.sockets ? *f.sockets : std::vector<SocketSample>());
        onFrame(RunTick{f.events, sockets, f.timeNs});
    }
}

std::vector<const PaneReport *> RunRecording::reportsUntil(std::int64_t timeNs) const
{
    std::vector<const PaneReport *> out;
    for (const PaneReport &r : m_reports) {
        if (r.timeNs > timeNs)
            break;
        out.push_back(&r);
    }
    return out;
}
