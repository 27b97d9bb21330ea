// The line-echo exercise's client (lineprobe.py in stream-vs-datagram): three lines, each
// sent with its own sendall(), then one answer line read for each with a buffer kept across
// recv() calls, and all answers printed as one Python list. The exercise injects faults
// into this client's sends (split) and the learner's server's recv() (short, coalesced), so
// the answers come out whole only when the server frames its lines itself.
#include <Program.h>
#include <kit/PythonText.h>

#include <sys/socket.h>

#include <array>
#include <string>
#include <vector>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const std::array<const char *, 3> LINES = {"hello world", "second line", "and the third one"};
constexpr double kAnswerTimeoutSeconds = 3.0;  // settimeout(3.0) in the listing
constexpr std::size_t kBufsiz = 1024;

const struct : StepTable {
    ProgramStep socket = add("socket", "socket(AF_INET, SOCK_STREAM)");
    ProgramStep settimeout = add("settimeout", ".settimeout(");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep sendall = add("sendall", ".sendall(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep print = add("print", "print(");
    ProgramStep close = add("close", ".close(");
} Probe;

void lineProbe(ProgramContext &ctx)
{
    const SocketAddress ADDR = ctx.address("host", "port");
    ctx.at(Probe.socket);      Socket sock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Probe.settimeout);  orRaise(sock.setTimeout(kAnswerTimeoutSeconds));
    ctx.at(Probe.connect);     orRaise(sock.connect(ADDR));
    for (const char *line : LINES) {
        ctx.at(Probe.sendall);  orRaise(sock.sendAll(python::Bytes(line) + '\n'));
    }
    std::vector<std::string> answers;
    python::Bytes pending;
    for (std::size_t i = 0; i < LINES.size(); ++i) {
        while (pending.find('\n') == python::Bytes::npos) {
            ctx.at(Probe.recv);  const python::Bytes data = orRaise(sock.recv(kBufsiz));
            if (data.empty())
                break;
            pending += data;
        }
        const std::size_t end = pending.find('\n');
        answers.push_back(pending.substr(0, end));  // partition(b'\n'): all of it when no b'\n' came
        pending = end == python::Bytes::npos ? python::Bytes{} : pending.substr(end + 1);
    }
    ctx.at(Probe.print);  ctx.print("answers: " + python::listRepr(answers));
    ctx.at(Probe.close);  (void)sock.close();
}

} // namespace

SOCKETLAB_PROGRAMS(LineProbe)
{
    programs.add({"line-echo-probe",
                  "lineprobe.py: sends three lines, each with its own sendall(), reads one answer line for each (buffering across recv()), prints the answers as a list.",
                  Probe,
                  {{"host", "the server's host"}, {"port", "the server's port"}},
                  lineProbe});
}
