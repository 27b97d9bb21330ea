#include "KernelPortAsker.h"

#include "Clock.h"

#include <system_error>

namespace socketlab {

KernelPortAsker::~KernelPortAsker()
{
    {
        std::lock_guard lock(m_mutex);
        m_ending = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

KernelPortAsker::Answer KernelPortAsker::answer(std::uint64_t number, const Question &question)
{
    Answer a;
    a.question = number;
    const std::int64_t startedNs = steadyNowNs();
    if (auto found = kernelTcpSocketsOnPorts(question.ports, ~0u, question.families))
        a.rows = std::move(*found);
    a.costNs = steadyNowNs() - startedNs;
    return a;
}

std::uint64_t KernelPortAsker::ask(Question asked)
{
    std::unique_lock lock(m_mutex);
    const std::uint64_t question = ++m_questions;
    if (!m_thread.joinable()) {
        try {
            m_thread = std::thread([this] { serve(); });
        } catch (const std::system_error &) {
            // No thread to be had (the process is at its limit): answer here, as before.
            lock.unlock();
            Answer now = answer(question, asked);
            lock.lock();
            m_answer = std::move(now);
            return question;
        }
    }
    m_question = std::move(asked);
    m_answer.reset();  // an older answer is not the latest question's
    lock.unlock();
    m_wake.notify_one();
    return question;
}

std::optional<KernelPortAsker::Answer> KernelPortAsker::take()
{
    std::lock_guard lock(m_mutex);
    if (!m_answer || m_answer->question != m_questions)
        return std::nullopt;
    return std::exchange(m_answer, std::nullopt);
}

bool KernelPortAsker::isAsking() const
{
    std::lock_guard lock(m_mutex);
    return m_question.has_value() || m_answering || m_answer.has_value();
}

bool KernelPortAsker::waitForAnswer(std::chrono::milliseconds limit) const
{
    std::unique_lock lock(m_mutex);
    return m_answered.wait_for(lock, limit, [this] { return m_answer && m_answer->question == m_questions; });
}

void KernelPortAsker::serve()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_ending || m_question.has_value(); });
        if (m_ending)
            return;
        const Question asked = std::move(*m_question);
        m_question.reset();
        const std::uint64_t question = m_questions;
        m_answering = true;
        lock.unlock();
        Answer a = answer(question, asked);
        lock.lock();
        m_answering = false;
        if (a.question == m_questions) {  // else a newer question waits: it will be answered next
            m_answer = std::move(a);
            m_answered.notify_all();
        }
    }
}

} // namespace socketlab
