// bench_socketserver: the lessons' socketserver servers against plain C and Python 3
// (issue 18). For each class - TCPServer, ThreadingTCPServer, ForkingTCPServer - the
// socketserver-concurrency lab's server pane (tsTservSS's handler, console and trace
// included, as the window runs it), a plain C server making the same calls in the same
// concurrency model, and Python's socketserver with the same handler, each met by the same
// C client (tsTclntSS's pattern), run in turn for kPairs rounds. Prints, per class:
// The plain forking server runs in a fresh process of this binary, as ours forks from a helper
// forked before Qt (ss_plain_process.h).
//   ss_<class>_socketlab_per_s, ss_<class>_plain_per_s, ss_<class>_python_per_s  requests/s (medians)
//   ss_<class>_ratio (+ _min, _max)         ours / plain C, median of the pairs (the target)
//   ss_<class>_cpu_ratio (+ _min, _max)     plain C's CPU per request / ours (tcp, threading)
//   ss_<class>_python_ratio (+ _min, _max)  ours / Python (shown, not a target)
//   ss_<class>_console_lines_per_request    the pane's console lines per request (proof the output ran)
//   ss_<class>_trace_events_per_request   events the pane traced per request
//   ss_<class>_trace_drained_per_request, ss_<class>_trace_dropped   what the 20 Hz feed took, and lost
// Environment as bench_core: SOCKETLAB_BENCH_SCALE, SOCKETLAB_BENCH_VERBOSE, SOCKETLAB_BENCH_SOLO;
// SOCKETLAB_BENCH_ONLY=tcp,threading,forking picks classes.
#include "../bench_support.h"
#include "../paired_runs.h"
#include "ss_client.h"
#include "ss_lab_server.h"
#include "ss_plain_process.h"
#include "ss_plain_server.h"
#include "ss_python_server.h"

#include <LabLoader.h>
#include <socketserver/ForkHelper.h>

#include <QCoreApplication>

#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using namespace bench;

struct ServerClass {
    const char *figure;  // "tcp": ss_tcp_ratio
    const char *python;  // "TCPServer"
    ServerModel model;
};

const ServerClass kClasses[] = {
    {"tcp", "TCPServer", ServerModel::Sequential},
    {"threading", "ThreadingTCPServer", ServerModel::ThreadPerConnection},
    {"forking", "ForkingTCPServer", ServerModel::ProcessPerConnection},
};

RunFigures figures(const ClientRun &run)
{
    return {run.window.perSecond(), static_cast<double>(run.warmupCount + run.window.count)};
}

void compare(const ServerClass &cls, const LabDefinition &lab, double scale, int consoleFd)
{
    const double warmup = 0.1 * scale, seconds = 0.8 * scale;
    const std::string prefix = std::string("ss_") + cls.figure;
    std::uint64_t consoleLines = 0, tracePushed = 0, traceDrained = 0, traceDropped = 0, requests = 0;
    std::vector<PairedContender> c{
        {prefix + "_socketlab_per_s",
         [&] {
             LabTimestampServer server(lab, QString::fromLatin1(cls.python));
             ClientRun run;
             server.runWhileServing([&] { run = runTimestampClient(server.port(), warmup, seconds); });
             consoleLines += server.consoleLines();
             tracePushed += server.tracePushed();
             traceDrained += server.traceDrained();
             traceDropped += server.traceDropped();
             requests += run.warmupCount + run.window.count;
             return figures(run);
         }, {}, {}},
        {prefix + "_plain_per_s",
         [&] {
             if (cls.model == ServerModel::ProcessPerConnection) {
                 const PlainForkingServerProcess server;
                 return figures(runTimestampClient(server.port(), warmup, seconds));
             }
             const PlainTimestampServer server(cls.model, consoleFd);
             return figures(runTimestampClient(server.port(), warmup, seconds));
         }, {}, {}},
    };
    if (PythonTimestampServer::available()) {
        c.push_back({prefix + "_python_per_s",
                     [&] {
                         const PythonTimestampServer server(QString::fromLatin1(cls.python));
                         return figures(runTimestampClient(server.port(), warmup, seconds));
                     }, {}, {}});
    }
    runPairs(c);
    for (const PairedContender &contender : c)
        printMedian(contender, 0);
    // CPU time compares only where both servers run in this process: not Python, and not
    // forked children (ours come from the fork helper, whose children this process never reaps).
    printPairRatio(prefix, c[0], c[1], cls.model == ServerModel::ProcessPerConnection ? CpuFigures::Omit : CpuFigures::Print);
    if (c.size() > 2)
        printPairRatio(prefix + "_python", c[0], c[2], CpuFigures::Omit);
    const double perRequest = requests > 0 ? 1.0 / static_cast<double>(requests) : 0;
    printFigure(prefix + "_console_lines_per_request", static_cast<double>(consoleLines) * perRequest, 2);
    printFigure(prefix + "_trace_events_per_request", static_cast<double>(tracePushed) * perRequest, 1);
    printFigure(prefix + "_trace_drained_per_request", static_cast<double>(traceDrained) * perRequest, 1);
    printFigure(prefix + "_trace_dropped", static_cast<double>(traceDropped), 0, "events");
}

} // namespace

int main(int argc, char *argv[])
{
    // The plain forking reference's own process (ss_plain_process.h) stops here.
    const int served = servePlainFromMain(argc, argv);
    if (served >= 0)
        return served;
    // Before Qt or any thread: ForkingTCPServer's children come from this helper.
    socketlab::socketserver::ForkHelper::startFromMain();
    QCoreApplication app(argc, argv);
    const double scale = startRun();
    printFigure("bench_python", PythonTimestampServer::available() ? 1 : 0, 0);

    LabCatalog catalog;
    catalog.loadFrom(LabCatalog::builtInRoot());
    const LabDefinition *lab = catalog.find(QStringLiteral("socketserver-concurrency"));
    if (!lab)
        die("the built-in socketserver-concurrency lab did not load");
    const int consoleFd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (consoleFd < 0)
        die(errnoText("open /dev/null", errno));
    for (const ServerClass &cls : kClasses)
        if (selected(cls.figure))
            compare(cls, *lab, scale, consoleFd);
    ::close(consoleFd);
    return EXIT_SUCCESS;
}
