// Python's socketserver under the bench; see ss_python_server.h.
#include "ss_python_server.h"

#include "../bench_support.h"
#include "ss_told_port.h"

#include <QStandardPaths>

namespace bench {
namespace {

constexpr int kStartMs = 10000;

// tsTservSS.py with the class chosen by name and the port the kernel gives told on stderr.
const char *const kServer = R"(
import socketserver, sys
from time import ctime
class MyRequestHandler(socketserver.StreamRequestHandler):
    def handle(self):
        print('...connected from:', self.client_address)
        self.wfile.write(b'[%s] %s' % (bytes(ctime(), 'utf-8'), self.rfile.readline()))
class MyServer(getattr(socketserver, sys.argv[1])):
    allow_reuse_address = True
tcpServ = MyServer(('127.0.0.1', 0), MyRequestHandler)
sys.stderr.write('%d\n' % tcpServ.server_address[1])
sys.stderr.flush()
tcpServ.serve_forever()
)";

} // namespace

bool PythonTimestampServer::available()
{
    return !QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty();
}

PythonTimestampServer::PythonTimestampServer(const QString &serverClass)
{
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setReadChannel(QProcess::StandardError);  // what waitForReadyRead() waits on
    m_process.start(QStringLiteral("python3"), {QStringLiteral("-u"), QStringLiteral("-c"), QString::fromUtf8(kServer), serverClass});
    m_port = waitForToldPort(m_process, "python3 socketserver");
}

PythonTimestampServer::~PythonTimestampServer()
{
    m_process.terminate();  // SIGTERM: Python's default action ends it at once
    if (!m_process.waitForFinished(kStartMs))
        m_process.kill();
    m_process.waitForFinished(kStartMs);
}

} // namespace bench
