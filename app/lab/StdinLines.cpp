#include "StdinLines.h"

#include <cerrno>
#include <unistd.h>

StdinLines::StdinLines(std::function<void(const QByteArray &)> onLine, std::function<void()> onEnd, QObject *parent)
    : QObject(parent), m_notifier(STDIN_FILENO, QSocketNotifier::Read), m_onLine(std::move(onLine)), m_onEnd(std::move(onEnd))
{
    connect(&m_notifier, &QSocketNotifier::activated, this, &StdinLines::readable);
}

void StdinLines::readable()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {  // end of input: like Ctrl-D at Python's input()
        m_notifier.setEnabled(false);
        if (!m_pending.isEmpty())
            m_onLine(m_pending);
        m_pending.clear();
        m_onEnd();
        return;
    }
    m_pending.append(buffer, n);
    for (qsizetype nl; (nl = m_pending.indexOf('\n')) >= 0;) {
        m_onLine(m_pending.left(nl + 1));
        m_pending.remove(0, nl + 1);
    }
}
