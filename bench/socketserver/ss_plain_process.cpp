// The plain forking reference's own process; see ss_plain_process.h.
#include "ss_plain_process.h"

#include "../bench_support.h"
#include "ss_plain_server.h"
#include "ss_told_port.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace bench {
namespace {

constexpr int kStopMs = 15000;  // the server's own stop deadline is 10 s
const char *const kServeArgument = "--serve-plain-forking";

} // namespace

PlainForkingServerProcess::PlainForkingServerProcess()
{
    // Bound at start, as our fork helper is (ForkHelper.cpp): a child then binds nothing at its
    // first calls, as a small C program's would barely have to.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LD_BIND_NOW"), QStringLiteral("1"));
    m_process.setProcessEnvironment(env);
    m_process.setReadChannel(QProcess::StandardOutput);
    m_process.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kServeArgument)});
    m_port = waitForToldPort(m_process, "the plain forking server");
}

PlainForkingServerProcess::~PlainForkingServerProcess()
{
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(kStopMs)) {
        m_process.kill();
        m_process.waitForFinished(kStopMs);
        recordFailure("the plain forking server did not stop within 15 s");
        return;
    }
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0)
        recordFailure("the plain forking server failed: " + m_process.readAllStandardError().trimmed().toStdString());
}

int servePlainFromMain(int argc, char *argv[])
{
    if (argc != 2 || std::strcmp(argv[1], kServeArgument) != 0)
        return -1;
    (void)::prctl(PR_SET_NAME, "plain-forking");  // its own name in top and perf, and its children's
    // The time zone read once before any fork, as our helper does (ForkZygote.cpp): each child
    // then stamps its reply without reading /etc/localtime again.
    ::tzset();
    const int consoleFd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (consoleFd < 0)
        die(errnoText("open /dev/null", errno));
    {
        const PlainTimestampServer server(ServerModel::ProcessPerConnection, consoleFd);
        std::printf("%u\n", static_cast<unsigned>(server.port()));
        std::fflush(stdout);
        char byte = 0;
        ssize_t n;
        while ((n = ::read(STDIN_FILENO, &byte, 1)) > 0 || (n < 0 && errno == EINTR)) {
        }
    }  // stops accepting and reaps every child
    ::close(consoleFd);
    if (failed()) {
        std::fprintf(stderr, "%s\n", failureMessage().c_str());
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

} // namespace bench
