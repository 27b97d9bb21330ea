#include "LearnerRun.h"

#include "LearnerSockets.h"

#include <Clock.h>
#include <ForeignSockets.h>

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
#include <future>
#include <sys/socket.h>
#include <unordered_set>

using socketlab::ChildProcess;

namespace {

// A console line longer than this is shown in pieces: a program printing megabytes without
// a newline must not hold them all in one line.
constexpr qsizetype kLongestConsoleLine = 64 * 1024;
constexpr std::int64_t kHeldCheckNs = 250'000'000;  // how often the sockets the processes hold are read
// How long the console may still drain after the program ended (a process that left the
// group, holding its stdout, is not waited for longer).
constexpr std::chrono::milliseconds kConsoleDrain{500};

QStringList takeLines(QByteArray &pending, bool atEnd)
{
    QStringList lines;
    for (;;) {
        qsizetype nl = pending.indexOf('\n');
        if (nl < 0 && pending.size() >= kLongestConsoleLine)
            nl = kLongestConsoleLine - 1;
        if (nl < 0)
            break;
        QByteArray line = pending.left(nl + 1);
        pending.remove(0, nl + 1);
        if (line.endsWith('\n'))
            line.chop(line.endsWith("\r\n") ? 2 : 1);
        lines << QString::fromUtf8(line);  // not UTF-8: shown with U+FFFD, never dropped
    }
    if (atEnd && !pending.isEmpty()) {
        lines << QString::fromUtf8(pending);
        pending.clear();
    }
    return lines;
}

} // namespace

LearnerRun::LearnerRun(QString paneId, std::shared_ptr<socketlab::TraceStream> trace,
                       std::shared_ptr<socketlab::SocketRegistry> registry, StepGate *gate, QObject *parent)
    : QObject(parent), m_paneId(std::move(paneId)), m_trace(std::move(trace)),
      m_registry(registry ? std::move(registry) : std::make_shared<socketlab::SocketRegistry>()),
      m_gate(gate ? *gate : m_ownGate)
{
}

LearnerRun::~LearnerRun()
{
    stop();
}

void LearnerRun::post(int generation, std::function<void()> report)
{
    std::lock_guard lock(m_postedMutex);
    m_posted.emplace_back(generation, std::move(report));
    if (!std::exchange(m_deliveryPending, true))
        QMetaObject::invokeMethod(this, "deliverPosted", Qt::QueuedConnection);
}

void LearnerRun::deliverPosted()
{
    std::vector<std::pair<int, std::function<void()>>> batch;
    {
        std::lock_guard lock(m_postedMutex);
        batch.swap(m_posted);
        m_deliveryPending = false;
    }
    for (const auto &[generation, report] : batch) {
        if (generation == m_generation.load())  // a stopped run's reports are dropped
            report();
    }
}

bool LearnerRun::start(const QString &programFile)
{
    if (isActive())
        return false;
    joinThreads();
    const QFileInfo file(programFile);
    if (!file.isFile() || !file.isReadable()) {
        emit errorOutput(tr("Cannot open %1: there is no readable file there.").arg(programFile));
        setState(State::Failed);
        return false;
    }
    if (!m_tracerDir) {
        auto dir = std::make_unique<QTemporaryDir>();  // private to this user (mode 0700)
        if (!dir->isValid() || !QFile::copy(QStringLiteral(":/learner/socketlab_tracer.py"), dir->filePath(QStringLiteral("socketlab_tracer.py")))) {
            emit errorOutput(tr("Cannot prepare the tracer that runs your program: %1").arg(dir->errorString()));
            setState(State::Failed);
            return false;
        }
        m_tracerDir = std::move(dir);
    }
    std::vector<std::string> argv{m_python.toStdString(), "-X", "utf8", "-I",
                                  m_tracerDir->filePath(QStringLiteral("socketlab_tracer.py")).toStdString()};
    const std::pair<const char *, std::size_t> faults[] = {{"--recv-max", m_faults.recvMax},
                                                           {"--coalesce-ms", std::size_t(std::max(0, m_faults.coalesceMs))},
                                                           {"--send-piece", m_faults.sendPiece}};
    for (const auto &[option, value] : faults) {
        if (value > 0)
            argv.insert(argv.end(), {option, std::to_string(value)});
    }
    argv.push_back(file.absoluteFilePath().toStdString());
    int error = 0;
    m_child = ChildProcess::start(m_python.toStdString(), argv,
                                  {ChildProcess::Channel::FromChild, ChildProcess::Channel::ToChild}, &error);
    if (!m_child) {
        emit errorOutput(error == ENOENT
                             ? tr("%1 was not found. SocketLab runs your program with Python 3: install it "
                                  "(on Debian or Ubuntu: sudo apt install python3) and run again.").arg(m_python)
                             : tr("Cannot start %1: %2").arg(m_python, QString::fromLocal8Bit(std::strerror(error))));
        setState(State::Failed);
        return false;
    }
    ChildProcess::setNonBlocking(m_child->stdinFd());      // the GUI thread writes typed lines
    ChildProcess::setNonBlocking(m_child->channelFd(1));   // and "wait" when Pause is pressed
    m_cancel->reset();
    m_gate.reset();
    m_free = false;
    m_sockets = std::make_unique<LearnerSockets>(m_trace, m_registry, m_paneId.toStdString());
    m_exitCode = 0;
    m_currentLine = 0;
    m_currentThread.clear();
    m_lineOfThread.clear();
    m_blockedCall.clear();
    const int generation = ++m_generation;
    setState(State::Running);
    auto consoleDone = std::make_shared<std::promise<void>>();
    m_consoleThread = std::thread([this, generation, consoleDone] {
        readConsole(generation);
        consoleDone->set_value();
    });
    m_reportThread = std::thread([this, generation, drained = consoleDone->get_future().share()] {
        readReports(generation);
        const int code = m_child->wait();
        m_sockets->processEnded();
        if (drained.wait_for(kConsoleDrain) != std::future_status::ready)
            m_cancel->cancel();  // something outside the group holds its console: stop reading
        drained.wait();
        post(generation, [this, code] {
            joinThreads();
            m_child.reset();
            m_exitCode = code;
            m_blockedCall.clear();
            setState(code == 0 ? State::Finished : State::Failed);
            emit finished(code);
        });
    });
    return true;
}

void LearnerRun::readReports(int generation)
{
    const int fd = m_child->channelFd(0);
    std::unordered_set<long> pids{long(m_child->pid())};  // and its forked children, once they report
    std::int64_t heldCheckedNs = 0;
    QByteArray pending;
    char buffer[64 * 1024];
    // What one read brought reaches the GUI thread in one queued call, not one per report: a
    // program running freely makes thousands of socket calls a second.
    std::vector<std::function<void()>> batch;
    const auto later = [&batch](std::function<void()> report) { batch.push_back(std::move(report)); };
    const auto flush = [&] {
        if (batch.empty())
            return;
        post(generation, [reports = std::move(batch)] {
            for (const std::function<void()> &report : reports)
                report();
        });
        batch.clear();
    };
    while (ChildProcess::waitReadable({fd}, *m_cancel) >= 0) {
        const long n = ChildProcess::readSome(fd, buffer, sizeof buffer);
        if (n <= 0)
            return;
        pending.append(buffer, n);
        LearnerReport::Kind last = LearnerReport::Kind::Line;
        for (qsizetype nl; (nl = pending.indexOf('\n')) >= 0;) {
            const LearnerReport r = LearnerReport::parse(pending.left(nl));
            pending.remove(0, nl + 1);
            last = r.kind;
            if (r.pid > 0)
                pids.insert(long(r.pid));
            switch (r.kind) {
            case LearnerReport::Kind::Line:
                later([this, r] {
                    m_lineOfThread.insert(r.thread, r.line);
                    m_currentLine = r.line;
                    m_currentThread = r.thread;
                    emit lineReached(r.thread, r.line);
                });
                if (!r.waits) {
                    // Running freely: the pane's gate may have been set to Step or slow motion
                    // directly (a lab-wide Pause); the tracer waits again from its next line.
                    if (m_gate.mode() != StepGate::Mode::Run && m_free.exchange(false))
                        sendControl("wait\n");
                    break;
                }
                flush();  // the line is marked before the gate holds this thread
                if (!m_gate.pass([this, generation](bool waiting) {
                        post(generation, [this, waiting] {
                            if (m_state == State::Running || m_state == State::Paused)
                                setState(waiting ? State::Paused : State::Running);
                        });
                    }))
                    return;  // stopped
                if (m_gate.mode() == StepGate::Mode::Run) {
                    m_free = true;
                    sendControl("run\n");
                    if (m_gate.mode() != StepGate::Mode::Run && m_free.exchange(false))
                        sendControl("wait\n");  // Pause came while it was let go
                } else {
                    sendControl("go " + std::to_string(r.pid) + ' ' + std::to_string(r.threadId) + '\n');
                }
                break;
            case LearnerReport::Kind::CallBegins:
                m_sockets->callBegins(r);
                later([this, r] {
                    m_blockedCall = r.call;
                    m_blockedSinceMs = socketlab::steadyNowNs() / 1'000'000;
                    emit callBegan(r);
                    if (r.line > 0 && m_lineOfThread.value(r.thread) != r.line) {
                        // Running freely, lines are reported now and then: the line of a call
                        // (the one that may block) is always the one marked.
                        m_lineOfThread.insert(r.thread, r.line);
                        m_currentLine = r.line;
                        m_currentThread = r.thread;
                        emit lineReached(r.thread, r.line);
                    }
                });
                break;
            case LearnerReport::Kind::CallEnds:
                m_sockets->callEnds(r);
                later([this, r] {
                    m_blockedCall.clear();
                    emit callEnded(r);
                    warnIfReachable(r);
                    if (r.error.isEmpty() && r.local.port() != 0
                        && (r.call == QLatin1String("listen") || (r.call == QLatin1String("bind") && r.type == SOCK_DGRAM)))
                        emit serving(r.local.port());
                });
                break;
            case LearnerReport::Kind::Input:
                later([this, r] {
                    setState(State::WaitingForInput);
                    emit inputRequested(r.prompt);
                });
                break;
            case LearnerReport::Kind::Exception:
                later([this, r] {
                    m_currentLine = r.line;
                    emit programError(r.line, r.message);
                });
                break;
            case LearnerReport::Kind::Start:
            case LearnerReport::Kind::Unknown:
                break;
            }
        }
        flush();
        // A socket the program dropped without a traced close() (garbage-collected, os.close)
        // is gone from its descriptors: the rows follow what the processes hold. Read now and
        // then, and each time the program may stay still a while (inside a call, at input()):
        // no later report may come to read them after.
        const std::int64_t now = socketlab::steadyNowNs();
        const bool mayWait = last == LearnerReport::Kind::CallBegins || last == LearnerReport::Kind::Input;
        if (mayWait || now - heldCheckedNs >= kHeldCheckNs) {
            heldCheckedNs = now;
            std::unordered_set<std::uint64_t> held;
            for (const long pid : pids)
                held.merge(socketlab::socketInodesOfProcess(pid));
            m_sockets->keepOnlyHeld(held);
        }
        if (pending.size() > kLongestConsoleLine * 16)
            pending.clear();  // no report is this long: not the tracer writing
    }
}

void LearnerRun::readConsole(int generation)
{
    const std::vector<int> fds{m_child->stdoutFd(), m_child->stderrFd()};
    std::vector<int> open = fds;
    QByteArray pending[2];
    char buffer[64 * 1024];
    while (open[0] >= 0 || open[1] >= 0) {
        const int which = ChildProcess::waitReadable(open, *m_cancel);
        if (which < 0)
            break;
        const long n = ChildProcess::readSome(open[std::size_t(which)], buffer, sizeof buffer);
        if (n > 0)
            pending[which].append(buffer, n);
        else
            open[std::size_t(which)] = -1;
        const QStringList lines = takeLines(pending[which], n <= 0);
        if (lines.isEmpty())
            continue;
        post(generation, [this, lines, toStderr = which == 1] {
            for (const QString &line : lines)
                emit (toStderr ? errorOutput(line) : output(line));
        });
    }
}

void LearnerRun::warnIfReachable(const LearnerReport &r)
{
    // Stepping, the warning comes before the listen() line runs; running freely, as soon as
    // the bind is known. SocketLab's own servers bind loopback unless the learner chooses.
    const bool inet = r.local.family() == AF_INET || r.local.family() == AF_INET6;
    if (r.call != QLatin1String("bind") || !r.error.isEmpty() || !inet || r.local.isLoopback())
        return;
    emit errorOutput(tr("socketlab: warning: your program bound a socket to %1, which other machines on the network can reach: "
                        "a server there serves anyone who connects. Bind to 127.0.0.1 unless you mean to.")
                         .arg(QString::fromStdString(r.local.toString())));
}

void LearnerRun::sendControl(const std::string &command)
{
    if (m_child)
        (void)ChildProcess::writeAll(m_child->channelFd(1), command);
}

void LearnerRun::setMode(StepGate::Mode mode)
{
    m_gate.setMode(mode);
    if (mode != StepGate::Mode::Run && m_free.exchange(false))
        sendControl("wait\n");  // the tracer waits again at its next line
}

void LearnerRun::step()
{
    setMode(StepGate::Mode::Step);
    m_gate.stepOnce();
}

void LearnerRun::sendInput(const QByteArray &line)
{
    if (!m_child || m_child->stdinFd() < 0)
        return;
    if (m_state == State::WaitingForInput)
        setState(State::Running);
    (void)ChildProcess::writeAll(m_child->stdinFd(), line.endsWith('\n') ? line.toStdString() : line.toStdString() + '\n');
}

void LearnerRun::closeInput()
{
    if (m_child)
        m_child->closeStdin();
}

qint64 LearnerRun::pid() const
{
    return m_child ? m_child->pid() : 0;
}

QString LearnerRun::blockedIn(qint64 *blockedMs) const
{
    if (blockedMs && !m_blockedCall.isEmpty())
        *blockedMs = socketlab::steadyNowNs() / 1'000'000 - m_blockedSinceMs;
    return m_blockedCall;
}

void LearnerRun::stop()
{
    if (!m_child) {
        joinThreads();
        return;
    }
    ++m_generation;  // what the stopped run still had queued is dropped
    m_cancel->cancel();
    m_gate.cancel();
    m_child->killGroup();
    joinThreads();  // both end at once: the group is dead and the token wakes their waits
    m_child.reset();
    if (m_sockets)
        m_sockets->processEnded();
    m_blockedCall.clear();
    m_exitCode = -1;
    setState(State::Stopped);
    emit finished(-1);
}

void LearnerRun::joinThreads()
{
    if (m_reportThread.joinable())
        m_reportThread.join();
    if (m_consoleThread.joinable())
        m_consoleThread.join();
}

void LearnerRun::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
