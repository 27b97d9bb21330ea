// The keyboard of a pane program: the GUI pushes lines, the program's thread waits for
// the next one as Python's input('> ') would. The wait ends with a line, or when the
// program is stopped (the same CancelToken that wakes its socket calls), so Stop works
// while a client sits at its prompt.
#pragma once

#include <CancelToken.h>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

class LineInput {
public:
    explicit LineInput(std::shared_ptr<socketlab::CancelToken> cancel);

    void push(std::string line);  // any thread; never blocks for long
    // Waits for the next line; nullopt at once when cancelled, or after stop() once the
    // lines pushed before it are taken (end of input).
    std::optional<std::string> next();
    void stop();                  // end of input; also wakes next() for the token's cancel()
    void reopen();                // accept input again after stop(), keeping typed-ahead lines
    void clear();                 // forget typed lines and reopen: a fresh start
    bool isWaiting() const;       // a next() waits, and no line is on its way to it

private:
    std::shared_ptr<socketlab::CancelToken> m_cancel;
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::string> m_lines;
    bool m_stopped = false;
    bool m_waiting = false;
};
