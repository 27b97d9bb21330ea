// Python's socketserver under the bench; see ss_python_server.h.
#include "ss_python_server.h"

#include "../bench_support.h"

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
    QByteArray told;
    while (!told.contains('\n') && m_process.waitForReadyRead(kStartMs))
        told += m_process.readAllStandardError();
    bool ok = false;
    m_port = static_cast<std::uint16_t>(told.trimmed().toUInt(&ok));
    if (!ok || m_port == 0)
        die("python3 socketserver did not start: " + told.toStdString() + m_process.errorString().toStdString());
}

PythonTimestampServer::~PythonTimestampServer()
{
    m_process.terminate();  // SIGTERM: Python's default action ends it at once
    if (!m_process.waitForFinished(kStartMs))
        m_process.kill();
    m_process.waitForFinished(kStartMs);
}

} // namespace bench
