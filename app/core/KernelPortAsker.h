// One thread that asks the kernel (sock_diag) for the TCP sockets on some ports, so the
// thread that wants them never waits for the dump. A dump walks every TCP socket of the
// machine: with tens of thousands of TIME_WAIT rows about (a busy lab, the test suite) it
// takes milliseconds to tens of them, and the window's thread has a 50 ms frame to keep.
//
// One question at a time: a question asked while one is being answered waits, and a newer
// one replaces it; the answer is taken once. The thread starts with the first question and
// ends with the object, which waits for a dump under way (a dump never blocks: it is a few
// netlink messages).
#pragma once

#include "KernelSockets.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace socketlab {

class KernelPortAsker {
public:
    struct Answer {
        std::uint64_t question = 0;         // the number ask() returned for it
        std::optional<std::vector<KernelTcpSocket>> rows;  // nullopt: no sock_diag here
        std::int64_t costNs = 0;            // the dump's own time, steady clock
    };

    KernelPortAsker() = default;
    ~KernelPortAsker();
    KernelPortAsker(const KernelPortAsker &) = delete;
    KernelPortAsker &operator=(const KernelPortAsker &) = delete;

    struct Question {
        std::vector<std::uint16_t> ports;  // at most 256
        std::vector<int> families = kInetFamilies;
    };
    // Asks for the sockets on these ports in the background; returns the question's number.
    // Never waits. If the thread cannot be made, the question is answered here and now, as a
    // synchronous ask would be.
    std::uint64_t ask(Question question);
    // The answer to the latest question, once, when it has come.
    std::optional<Answer> take();
    bool isAsking() const;  // a question not answered yet, or an answer not taken
    // Waits until the latest question's answer has come (true) or the time is up (false): for
    // a picture of one moment (--screenshot), never for a window that is being used.
    bool waitForAnswer(std::chrono::milliseconds limit) const;

private:
    void serve();
    static Answer answer(std::uint64_t number, const Question &question);

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;          // a question came, or the end
    mutable std::condition_variable m_answered;
    std::optional<Question> m_question;  // waiting to be asked
    std::uint64_t m_questions = 0;
    std::optional<Answer> m_answer;
    bool m_answering = false;
    bool m_ending = false;
    std::thread m_thread;
};

} // namespace socketlab
