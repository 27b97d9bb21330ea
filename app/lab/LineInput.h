// The keyboard of a pane program: the GUI pushes lines, the program's thread waits for
// the next one as Python's input('> ') would. The wait ends with a line, or when the
// program is stopped (the same CancelToken that wakes its socket calls), so Stop works
// while a client sits at its prompt.
//
// Lines are bytes, as a terminal gives them. Like Python's input(), next() decodes them as
// UTF-8 and raises when they are not: the line is never sent on altered.
#pragma once

#include <CancelToken.h>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

// What input() raises for a line that is not UTF-8; what() is the exception as Python prints
// it ("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: ..."). The
// program ends with it, as a Python program does.
class InputDecodeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class LineInput {
public:
    explicit LineInput(std::shared_ptr<socketlab::CancelToken> cancel);

    // Any thread; never blocks for long. A trailing "\n" or "\r\n" (the Enter that ended the
    // line) is input()'s to strip, as in Python.
    void push(std::string line);
    // Waits for the next line; nullopt at once when cancelled, or after stop() once the
    // lines pushed before it are taken (end of input). Throws InputDecodeError for a line
    // that is not UTF-8 (it is consumed: the next call reads the line after it).
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
