// LineInput: the hand-over of typed lines from the GUI (or stdin) to input().
#include "LineInput.h"

#include "PythonUtf8.h"

LineInput::LineInput(std::shared_ptr<socketlab::CancelToken> cancel) : m_cancel(std::move(cancel)) {}

void LineInput::push(std::string line)
{
    {
        std::lock_guard lock(m_mutex);
        m_lines.push_back(std::move(line));
    }
    m_ready.notify_one();
}

std::optional<std::string> LineInput::next()
{
    std::unique_lock lock(m_mutex);
    m_waiting = true;
    m_ready.wait(lock, [this] { return m_stopped || !m_lines.empty() || (m_cancel && m_cancel->isCancelled()); });
    m_waiting = false;
    if (m_cancel && m_cancel->isCancelled())
        return std::nullopt;  // Stop: now, whatever was typed
    if (m_lines.empty())
        return std::nullopt;  // end of input, after every line typed before it
    std::string line = std::move(m_lines.front());
    m_lines.pop_front();
    lock.unlock();
    // Python decodes what the terminal gave, newline included, then strips the newline.
    if (const std::optional<std::string> raised = pythonUtf8DecodeError(line))
        throw InputDecodeError(*raised);
    if (!line.empty() && line.back() == '\n') {
        line.pop_back();
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
    }
    return line;
}

void LineInput::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_ready.notify_all();
}

void LineInput::reopen()
{
    std::lock_guard lock(m_mutex);
    m_stopped = false;
}

void LineInput::clear()
{
    std::lock_guard lock(m_mutex);
    m_lines.clear();
    m_stopped = false;
}

bool LineInput::isWaiting() const
{
    std::lock_guard lock(m_mutex);
    return m_waiting && m_lines.empty() && !m_stopped;  // a pushed line wakes it in a moment
}
