#include "RunRecording.h"

#include <algorithm>
#include <iterator>

using namespace socketlab;

namespace {

bool sameKernel(const KernelSample &a, const KernelSample &b)
{
    return a.available == b.available && a.tcpState == b.tcpState && a.listening == b.listening
           && a.acceptQueueLength == b.acceptQueueLength && a.acceptQueueLimit == b.acceptQueueLimit
           && a.receiveQueue == b.receiveQueue && a.sendQueue == b.sendQueue && a.receiveBuffer == b.receiveBuffer
           && a.sendBuffer == b.sendBuffer && a.rttUs == b.rttUs;
}

bool sameKernelSocket(const KernelTcpSocket &a, const KernelTcpSocket &b)
{
    return a.tcpState == b.tcpState && a.local == b.local && a.peer == b.peer && a.inode == b.inode && a.timer == b.timer
           && a.timerMs == b.timerMs && a.retransmits == b.retransmits && a.receiveQueue == b.receiveQueue
           && a.sendQueue == b.sendQueue;
}

} // namespace

bool sameKernelRow(const KernelOnlySocket &a, const KernelOnlySocket &b)
{
    return a.kind == b.kind && a.listenerId == b.listenerId && a.peerId == b.peerId && sameKernelSocket(a.socket, b.socket);
}

std::vector<KernelOnlySocket> countedDown(const std::vector<KernelOnlySocket> &rows, std::int64_t ms)
{
    std::vector<KernelOnlySocket> out = rows;
    for (KernelOnlySocket &row : out) {
        if (row.socket.timerMs >= 0)
            row.socket.timerMs = std::max<std::int64_t>(0, row.socket.timerMs - ms);
    }
    return out;
}

std::vector<KernelOnlySocket> RecordedFrame::kernelRows() const
{
    if (!kernelOnly)
        return {};
    return kernelAgeMs == 0 ? *kernelOnly : countedDown(*kernelOnly, kernelAgeMs);
}

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

void RunRecording::addFrame(std::int64_t timeNs, const std::vector<TraceEvent> &events, const SocketSnapshot &sockets,
                            const std::vector<KernelOnlySocket> &kernelOnly)
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
    shareKernelRows(frame, kernelOnly);
    m_bytes += frameBytes(frame, m_frames.empty() ? nullptr : &m_frames.back());
    m_frames.push_back(std::move(frame));
    keepWithinBudget();
}

// Between the kernel's answers KernelOnlySockets only counts the timers down: a frame whose
// rows are the last stored ones counted down by some age shares them and keeps the age. The
// age is read off the first row still counting, and checked on every row, so what is
// replayed is what the views were given, to the millisecond.
void RunRecording::shareKernelRows(RecordedFrame &frame, const std::vector<KernelOnlySocket> &live) const
{
    const RecordedFrame *before = m_frames.empty() ? nullptr : &m_frames.back();
    const std::vector<KernelOnlySocket> *stored = before ? before->kernelOnly.get() : nullptr;
    if (!stored && live.empty())
        return;  // none, as before
    if (stored && stored->size() == live.size()) {
        std::int64_t age = before->kernelAgeMs;
        for (std::size_t i = 0; i < live.size(); ++i) {
            if ((*stored)[i].socket.timerMs >= 0 && live[i].socket.timerMs > 0) {
                age = (*stored)[i].socket.timerMs - live[i].socket.timerMs;
                break;
            }
        }
        const std::vector<KernelOnlySocket> shown = countedDown(*stored, age);
        if (age >= 0 && std::equal(shown.begin(), shown.end(), live.begin(), sameKernelRow)) {
            frame.kernelOnly = before->kernelOnly;
            frame.kernelAgeMs = age;
            return;
        }
    }
    if (!live.empty())
        frame.kernelOnly = std::make_shared<const std::vector<KernelOnlySocket>>(live);
}

void RunRecording::addReport(PaneReport report)
{
    m_bytes += sizeof(PaneReport) + std::size_t(report.text.size() + report.detail.size() + report.pane.size()) * sizeof(QChar);
    // Panes' reports come a batch per pane, each stamped when it was made: one may be older
    // than another pane's delivered before it. The reports stay in time order, and one made
    // before history was dropped is kept at the first moment that is whole.
    report.timeNs = std::max(report.timeNs, m_droppedBeforeNs);
    if (m_lateReports.empty() && (m_reports.empty() || m_reports.back().timeNs <= report.timeNs))
        m_reports.push_back(std::move(report));
    else
        m_lateReports.push_back(std::move(report));
    keepWithinBudget();
}

// The late reports, sorted by time keeping their arrival order, merged after the stored ones
// of the same time: the order inserting each at its upper bound gave, in one pass.
void RunRecording::settleReports() const
{
    if (m_lateReports.empty())
        return;
    const auto byTime = [](const PaneReport &a, const PaneReport &b) { return a.timeNs < b.timeNs; };
    std::stable_sort(m_lateReports.begin(), m_lateReports.end(), byTime);
    const auto firstAfter = std::upper_bound(m_reports.begin(), m_reports.end(), m_lateReports.front().timeNs,
                                             [](std::int64_t t, const PaneReport &r) { return t < r.timeNs; });
    const auto from = firstAfter - m_reports.begin();
    const auto middle = std::ptrdiff_t(m_reports.size());
    std::move(m_lateReports.begin(), m_lateReports.end(), std::back_inserter(m_reports));
    m_lateReports.clear();
    std::inplace_merge(m_reports.begin() + from, m_reports.begin() + middle, m_reports.end(), byTime);
}

const std::deque<PaneReport> &RunRecording::reports() const
{
    settleReports();
    return m_reports;
}

std::size_t RunRecording::frameBytes(const RecordedFrame &frame, const RecordedFrame *before)
{
    std::size_t bytes = sizeof(RecordedFrame) + frame.events.size() * sizeof(TraceEvent);
    if (frame.sockets && (!before || before->sockets != frame.sockets))
        bytes += frame.sockets->size() * (sizeof(SocketSample) + sizeof(SocketRecord));
    if (frame.kernelOnly && (!before || before->kernelOnly != frame.kernelOnly))
        bytes += frame.kernelOnly->size() * sizeof(KernelOnlySocket);
    return bytes;
}

void RunRecording::keepWithinBudget()
{
    // The oldest frames go first; reports older than the first frame kept go with them.
    while (m_bytes > m_budget && m_frames.size() > 1) {
        // What the oldest shares with the next one stays: the next one holds it now.
        const RecordedFrame &oldest = m_frames.front();
        const RecordedFrame &next = m_frames[1];
        const std::size_t shared = frameBytes(next, nullptr) - frameBytes(next, &oldest);
        m_bytes -= std::min(m_bytes, frameBytes(oldest, nullptr) - shared);
        m_frames.pop_front();
        m_droppedBeforeNs = m_frames.front().timeNs;
        settleReports();
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
    m_lateReports.clear();
    m_droppedBeforeNs = droppedBeforeNs;
    m_bytes = 0;
    const RecordedFrame *before = nullptr;
    for (const RecordedFrame &f : m_frames) {
        m_bytes += frameBytes(f, before);
        before = &f;
    }
    for (const PaneReport &r : m_reports)
        m_bytes += sizeof(PaneReport) + std::size_t(r.text.size() + r.detail.size() + r.pane.size()) * sizeof(QChar);
}

void RunRecording::clear()
{
    m_frames.clear();
    m_reports.clear();
    m_lateReports.clear();
    m_bytes = 0;
    m_droppedBeforeNs = 0;
}

std::int64_t RunRecording::startNs() const
{
    settleReports();
    std::int64_t start = 0;
    if (!m_frames.empty())
        start = m_frames.front().timeNs;
    if (!m_reports.empty() && (start == 0 || m_reports.front().timeNs < start))
        start = m_reports.front().timeNs;
    return start;
}

std::int64_t RunRecording::endNs() const
{
    settleReports();
    std::int64_t end = 0;
    if (!m_frames.empty())
        end = m_frames.back().timeNs;
    if (!m_reports.empty())
        end = std::max(end, m_reports.back().timeNs);
    return end;
}

void RunRecording::feedUntil(std::int64_t timeNs, const std::function<void(const RunTick &)> &onFrame, std::int64_t afterNs) const
{
    // Frames are in time order: the first one after afterNs is found by halving.
    auto first = std::upper_bound(m_frames.begin(), m_frames.end(), afterNs,
                                  [](std::int64_t t, const RecordedFrame &f) { return t < f.timeNs; });
    for (auto it = first; it != m_frames.end(); ++it) {
        const RecordedFrame &f = *it;
        if (f.timeNs > timeNs)
            break;
        const SocketSnapshot sockets = SocketSnapshot::fromSamples(f.sockets ? *f.sockets : std::vector<SocketSample>());
        const std::vector<KernelOnlySocket> kernelOnly = f.kernelRows();
        onFrame(RunTick{f.events, sockets, f.timeNs, kernelOnly});
    }
}

std::vector<const PaneReport *> RunRecording::reportsUntil(std::int64_t timeNs) const
{
    settleReports();
    std::vector<const PaneReport *> out;
    for (const PaneReport &r : m_reports) {
        if (r.timeNs > timeNs)
            break;
        out.push_back(&r);
    }
    return out;
}
