#include "PlaygroundScript.h"

namespace playground {

namespace {

// The peers come first: setdefaulttimeout() must not reach their sockets, as in the lab,
// where they run in panes of their own. A request's socket takes the default timeout
// anyway (Python's accept() gives it), so the handler sets its own.
const char *kHead = R"(#!/usr/bin/env python3
# Written by SocketLab's socket playground: the calls of one session, in order. Each prints
# its line and what it returned, or the error as Python prints it.
import shutil, socketserver, tempfile, threading, time
from socket import *
from traceback import format_exception_only

class UpperEcho(socketserver.BaseRequestHandler):      # peer_tcp: the upper-case echo
    def handle(self):
        self.request.settimeout(None)
        self.request.sendall(self.request.recv(1024).strip().upper())

class Timestamp(socketserver.DatagramRequestHandler):  # peer_udp: the timestamp server
    def handle(self):
        self.wfile.write(b'[%s] %s' % (bytes(time.ctime(), 'utf-8'), self.rfile.readline()))

socketserver.TCPServer.allow_reuse_address = True
tcp_server = socketserver.TCPServer(('127.0.0.1', 0), UpperEcho)
udp_server = socketserver.UDPServer(('127.0.0.1', 0), Timestamp)
for server in (tcp_server, udp_server):
    threading.Thread(target=server.serve_forever, daemon=True).start()
peer_tcp = tcp_server.server_address
peer_udp = udp_server.server_address

FOLDER = tempfile.mkdtemp()     # the files of Unix socket addresses
setdefaulttimeout(%1)

def show(value):
    print(repr(value))

def error(e):
    print(format_exception_only(type(e), e)[-1].strip())

)";

// The line as a Python string literal.
QString literal(const QString &line)
{
    QString out = line;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

// The statement that makes the call and shows its value.
QString statement(const PlaygroundEngine::Entry &e)
{
    if (e.call.method == QLatin1String("socket"))
        return e.pythonLine + QStringLiteral("\n    show(%1)").arg(e.call.socket);
    if (e.call.method == QLatin1String("accept"))
        return e.pythonLine + QStringLiteral("\n    show(addr)");
    return QStringLiteral("show(%1)").arg(e.pythonLine);
}

} // namespace

QString pythonScript(const QList<PlaygroundEngine::Entry> &history, const QString &defaultTimeout)
{
    QString out = QString::fromLatin1(kHead).arg(defaultTimeout.isEmpty() ? QStringLiteral("None") : defaultTimeout);
    for (const PlaygroundEngine::Entry &e : history) {
        if (e.state != PlaygroundEngine::Entry::State::Done) {
            out += QStringLiteral("# %1   (stopped while it waited: left out)\n\n").arg(e.pythonLine);
            continue;
        }
        out += QStringLiteral("print('>>> ' + %1)\ntry:\n    %2\nexcept Exception as e:\n    error(e)\n\n")
                   .arg(literal(e.pythonLine), statement(e));
    }
    out += QStringLiteral("shutil.rmtree(FOLDER)\n");
    return out;
}

} // namespace playground
