#include "ProgramThreads.h"

#include "PythonExcept.h"

#include <string>

using socketlab::socketserver::SocketException;

int ProgramThreads::start(const char *targetName, std::function<void()> target)
{
    const int number = ++m_started;
    const std::string name = "Thread-" + std::to_string(number) + " (" + targetName + ")";
    m_threads.start(
        [this, name, target = std::move(target)] {
            try {
                target();
            } catch (const SocketException &e) {
                if (isKeyboardInterrupt(e))
                    return;  // Stop: the whole program ends, not this thread's error
                m_ctx.print("Exception in thread " + name + ":");
                m_ctx.error(e.error());
            } catch (const std::exception &e) {
                m_ctx.print("Exception in thread " + name + ":");
                m_ctx.print(std::string("SocketLab internal error: ") + e.what());
            }
        },
        /*daemon=*/false);
    return number;
}
