// The socket-object lesson's playground: a read-eval-print loop over the socket object. Each
// line of input is one call the learner chose in the playground panel (a JSON Call, see
// playground/PlaygroundCall.h); it runs here, on the pane's thread, at the listing's line for
// its method, and what it returned or raised is printed as Python's REPL would and published
// ("call") for the panel. Stop ends a call blocked in accept() or recv() at once.
#include <Program.h>
#include <playground/PlaygroundSockets.h>

#include <PrivateFolder.h>

#include <QJsonDocument>
#include <QJsonObject>

using namespace socketlab;
using socketlab::socketserver::orRaise;

namespace {

const struct : StepTable {
    ProgramStep mkdtemp = add("mkdtemp", "mkdtemp(");
    ProgramStep defaultTimeout = add("defaulttimeout", "setdefaulttimeout(");
    ProgramStep input = add("input", "input(");
    ProgramStep socket = add("socket", "socket(*args)");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep connectEx = add("connect_ex", ".connect_ex(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep recvInto = add("recv_into", ".recv_into(");
    ProgramStep recvfrom = add("recvfrom", ".recvfrom(");
    ProgramStep send = add("send", ".send(");
    ProgramStep sendall = add("sendall", ".sendall(");
    ProgramStep sendto = add("sendto", ".sendto(");
    ProgramStep shutdown = add("shutdown", ".shutdown(");
    ProgramStep close = add("close", ".close(");
    ProgramStep getsockname = add("getsockname", ".getsockname(");
    ProgramStep getpeername = add("getpeername", ".getpeername(");
    ProgramStep setsockopt = add("setsockopt", ".setsockopt(");
    ProgramStep getsockopt = add("getsockopt", ".getsockopt(");
    ProgramStep setblocking = add("setblocking", ".setblocking(");
    ProgramStep settimeout = add("settimeout", ".settimeout(");
    ProgramStep gettimeout = add("gettimeout", ".gettimeout(");
    ProgramStep fileno = add("fileno", ".fileno(");
    ProgramStep makefile = add("makefile", ".makefile(");
    ProgramStep printResult = add("print-result", "print(repr(result))");
    ProgramStep printError = add("print-error", "print(format_exception_only(");
} Playground;

std::uint16_t portParam(ProgramContext &ctx, const char *name)
{
    return static_cast<std::uint16_t>(ctx.param(name).empty() ? 0 : ctx.integer(name));
}

std::optional<double> defaultTimeout(const std::string &text)
{
    if (text == "None" || text.empty())
        return std::nullopt;
    return std::stod(text);
}

void socketPlayground(ProgramContext &ctx)
{
    ctx.at(Playground.mkdtemp);         PrivateFolder FOLDER = orRaise(PrivateFolder::create("socketlab-playground-"));
    ctx.at(Playground.defaultTimeout);  const std::optional<double> timeout = defaultTimeout(ctx.param("defaulttimeout"));
    playground::PlaygroundSockets sockets({ctx.socketContext(), FOLDER.path(), portParam(ctx, "tcppeer"),
                                           portParam(ctx, "udppeer"), timeout});
    for (;;) {
        ctx.at(Playground.input);
        const std::optional<std::string> line = ctx.readLine("");  // the call's own line says ">>> "
        if (!line)
            break;  // end of input: the sockets close with the program
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(*line));
        const QJsonObject json = document.object();
        playground::Call call = playground::Call::fromJson(json);
        if (!document.isObject())
            call.method = QString::fromStdString(*line);  // typed into the pane: said to be no method
        const ProgramStep *step = Playground.find(call.method.toStdString());
        if (step && playground::findMethod(call.method))
            ctx.at(*step);
        if (const QString shown = call.pythonLine(); !shown.isEmpty())
            ctx.print(">>> " + shown.toStdString());
        const playground::Outcome outcome = sockets.run(call);
        if (outcome.ok) {
            ctx.at(Playground.printResult);  ctx.print(outcome.result.toStdString());
        } else {
            ctx.at(Playground.printError);   ctx.print(outcome.error.toStdString());
        }
        QJsonObject report = outcome.toJson();
        report.insert(QStringLiteral("seq"), json.value(QLatin1String("seq")));
        report.insert(QStringLiteral("call"), call.toJson());  // for a call the panel did not send (typed, scripted)
        ctx.publish("call", QJsonDocument(report).toJson(QJsonDocument::Compact).toStdString());
    }
    orRaise(FOLDER.remove());
}

} // namespace

SOCKETLAB_PROGRAMS(SocketPlayground)
{
    programs.add({"socket-playground",
                  "playground.py: reads one call of the socket object per input line (JSON, from the playground panel), "
                  "runs it on the pane's thread and prints what it returned or the error as Python prints it.",
                  Playground,
                  {{"defaulttimeout", "socket.setdefaulttimeout() for every new socket: None, or seconds"},
                   {"tcppeer", "port of the built-in TCP peer on 127.0.0.1 (peer_tcp)"},
                   {"udppeer", "port of the built-in UDP peer on 127.0.0.1 (peer_udp)"}},
                  socketPlayground});
}
