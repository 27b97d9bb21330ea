// A pane's listing — the Python program the lab shows beside the pane, with the pane's
// parameter values in place — run by python3, to compare the pane with byte for byte.
//
// The listing runs unchanged; a prelude only (a) makes time.ctime() stamp the second the test
// writes on stdin, one line per call, so a server's replies can be compared with the pane's
// to the byte, and (b) reports the port a socketserver server bound (the listings bind port 0
// here and print none) as a "SOCKETLAB_PORT n" line on stdout, which console() leaves out.
#pragma once

#include "PythonProcess.h"

#include <LabDefinition.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace testsupport {

class PythonListing {
public:
    PythonListing(const PaneDefinition &pane, const QHash<QString, QString> &values)
        : m_path(writeListing(m_dir, pane, values)), m_python(kPrelude, {m_path})
    {
    }

    bool started() const { return m_python.started() && !m_path.isEmpty(); }
    QProcess &process() { return m_python.process(); }
    QString diagnostics() { return m_python.diagnostics(); }

    // The port the listing's server bound, once it serves; 0 if it did not say in time.
    std::uint16_t waitForPort()
    {
        for (;;) {
            const QByteArray line = readStdoutLine();
            if (line.isNull())
                return 0;
            if (line.startsWith(kPortMark))
                return static_cast<std::uint16_t>(line.mid(qsizetype(sizeof kPortMark) - 1).trimmed().toUInt());
            m_console += line;
        }
    }
    // The second the next time.ctime() call stamps (a server's next reply).
    // Written at once: the test then talks to the server without turning the event loop.
    void stampNext(qint64 secondsSinceEpoch)
    {
        process().write(QByteArray::number(secondsSinceEpoch) + '\n');
        process().waitForBytesWritten(PythonProcess::kTimeoutMs);
    }
    // Types lines into input() and ends the input.
    void type(const QStringList &lines)
    {
        for (const QString &line : lines)
            process().write(line.toUtf8() + '\n');
        process().closeWriteChannel();
    }
    bool finish()
    {
        const bool ok = m_python.finish();
        m_console += m_python.out();
        return ok;
    }
    // Everything printed on stdout so far, the port line left out.
    QByteArray console()
    {
        m_console += process().readAllStandardOutput();
        return m_console;
    }

private:
    static constexpr char kPortMark[] = "SOCKETLAB_PORT ";
    static constexpr char kPrelude[] = R"py(
import runpy, socketserver, sys, time
_ctime = time.ctime
time.ctime = lambda *unused: _ctime(float(sys.stdin.readline()))
_serve_forever = socketserver.BaseServer.serve_forever
def serve_forever(self, *args, **kwargs):
    print('SOCKETLAB_PORT %d' % self.server_address[1], flush=True)
    return _serve_forever(self, *args, **kwargs)
socketserver.BaseServer.serve_forever = serve_forever
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name='__main__')
)py";

    static QString writeListing(const QTemporaryDir &dir, const PaneDefinition &pane, const QHash<QString, QString> &values)
    {
        QFile file(dir.filePath(QFileInfo(pane.listingFile).fileName()));
        if (!dir.isValid() || !file.open(QIODevice::WriteOnly))
            return {};
        file.write(pane.renderedListing(values).join(QLatin1Char('\n')).toUtf8() + '\n');
        return file.fileName();
    }
    QByteArray readStdoutLine()
    {
        QDeadlineTimer deadline(PythonProcess::kTimeoutMs);
        while (!process().canReadLine()) {
            if (deadline.hasExpired() || !process().waitForReadyRead(int(deadline.remainingTime())))
                return {};
        }
        return process().readLine();
    }

    QTemporaryDir m_dir;
    QString m_path;
    PythonProcess m_python;
    QByteArray m_console;
};

} // namespace testsupport
