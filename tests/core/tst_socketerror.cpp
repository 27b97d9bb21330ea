// Tests of SocketError: every failure reads the way a learner meets it in C (the errno
// symbol), in the system's words, and as the exception Python's socket module raises.
// The expected strings are what CPython 3.10+ prints on Linux for the same failure
// (tst_pythonerrors asks python3 itself).
#include <QtTest>

#include <SocketError.h>

#include <cerrno>
#include <netdb.h>

using namespace socketlab;

namespace {
QString qs(const std::string &s) { return QString::fromStdString(s); }
}

class TestSocketError : public QObject {
    Q_OBJECT

private slots:
    void osErrors_data();
    void osErrors();
    void unknownErrnoStillReadable();
    void timeout();
    void cancelledIsNotAPythonException();
    void resolver_data();
    void resolver();
    void lookupAndAddressErrors_data();
    void lookupAndAddressErrors();
    void noneIsNotAnError();
    void onlyTimeoutsWereRenamed();
    void equalityComparesKindAndCode();
};

void TestSocketError::osErrors_data()
{
    QTest::addColumn<int>("err");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("exception");
    QTest::addColumn<QString>("python");

    const auto row = [](int err, const char *symbol, const char *exception, const char *python) {
        QTest::newRow(symbol) << err << QString::fromLatin1(symbol) << QString::fromLatin1(exception)
                              << QString::fromLatin1(python);
    };
    row(ECONNREFUSED, "ECONNREFUSED", "ConnectionRefusedError", "ConnectionRefusedError: [Errno 111] Connection refused");
    row(ECONNRESET, "ECONNRESET", "ConnectionResetError", "ConnectionResetError: [Errno 104] Connection reset by peer");
    row(ECONNABORTED, "ECONNABORTED", "ConnectionAbortedError",
        "ConnectionAbortedError: [Errno 103] Software caused connection abort");
    row(EPIPE, "EPIPE", "BrokenPipeError", "BrokenPipeError: [Errno 32] Broken pipe");
    row(ESHUTDOWN, "ESHUTDOWN", "BrokenPipeError",
        "BrokenPipeError: [Errno 108] Cannot send after transport endpoint shutdown");
    row(EADDRINUSE, "EADDRINUSE", "OSError", "OSError: [Errno 98] Address already in use");
    row(EADDRNOTAVAIL, "EADDRNOTAVAIL", "OSError", "OSError: [Errno 99] Cannot assign requested address");
    row(EAGAIN, "EAGAIN", "BlockingIOError", "BlockingIOError: [Errno 11] Resource temporarily unavailable");
    row(EINPROGRESS, "EINPROGRESS", "BlockingIOError", "BlockingIOError: [Errno 115] Operation now in progress");
    row(EALREADY, "EALREADY", "BlockingIOError", "BlockingIOError: [Errno 114] Operation already in progress");
    row(ETIMEDOUT, "ETIMEDOUT", "TimeoutError", "TimeoutError: [Errno 110] Connection timed out");
    row(EACCES, "EACCES", "PermissionError", "PermissionError: [Errno 13] Permission denied");
    row(EPERM, "EPERM", "PermissionError", "PermissionError: [Errno 1] Operation not permitted");
    row(ENOENT, "ENOENT", "FileNotFoundError", "FileNotFoundError: [Errno 2] No such file or directory");
    row(EEXIST, "EEXIST", "FileExistsError", "FileExistsError: [Errno 17] File exists");
    row(EINTR, "EINTR", "InterruptedError", "InterruptedError: [Errno 4] Interrupted system call");
    row(EINVAL, "EINVAL", "OSError", "OSError: [Errno 22] Invalid argument");
    row(EBADF, "EBADF", "OSError", "OSError: [Errno 9] Bad file descriptor");
    row(ENOTCONN, "ENOTCONN", "OSError", "OSError: [Errno 107] Transport endpoint is not connected");
    row(EMFILE, "EMFILE", "OSError", "OSError: [Errno 24] Too many open files");
    row(ENETUNREACH, "ENETUNREACH", "OSError", "OSError: [Errno 101] Network is unreachable");
    row(EHOSTUNREACH, "EHOSTUNREACH", "OSError", "OSError: [Errno 113] No route to host");
    row(EAFNOSUPPORT, "EAFNOSUPPORT", "OSError", "OSError: [Errno 97] Address family not supported by protocol");
    row(EMSGSIZE, "EMSGSIZE", "OSError", "OSError: [Errno 90] Message too long");
    row(ENOTSOCK, "ENOTSOCK", "OSError", "OSError: [Errno 88] Socket operation on non-socket");
}

void TestSocketError::osErrors()
{
    QFETCH(int, err);
    QFETCH(QString, symbol);
    QFETCH(QString, exception);
    QFETCH(QString, python);

    const SocketError e = SocketError::fromErrno(err);
    QVERIFY(e.isError());
    QCOMPARE(e.kind(), ErrorKind::Os);
    QCOMPARE(e.code(), err);
    QCOMPARE(qs(e.symbol()), symbol);
    QCOMPARE(qs(e.pythonException()), exception);
    QCOMPARE(qs(pythonExceptionForErrno(err)), exception);
    QCOMPARE(qs(e.pythonString()), python);
    // The message is the part after "] ": the system's English text, whatever the locale.
    QCOMPARE(qs(e.message()), python.section(QStringLiteral("] "), 1));
}

void TestSocketError::unknownErrnoStillReadable()
{
    const SocketError e = SocketError::fromErrno(9999);
    QCOMPARE(qs(e.symbol()), QStringLiteral("E9999"));
    QCOMPARE(qs(e.message()), QStringLiteral("Unknown error 9999"));
    QCOMPARE(qs(e.pythonString()), QStringLiteral("OSError: [Errno 9999] Unknown error 9999"));
}

void TestSocketError::timeout()
{
    const SocketError e(ErrorKind::Timeout, ETIMEDOUT);
    QVERIFY(e.isError());
    // Python 3.10 made socket.timeout an alias of the builtin TimeoutError, and prints that.
    QCOMPARE(qs(e.pythonException()), QStringLiteral("TimeoutError"));
    QCOMPARE(qs(e.pythonString()), QStringLiteral("TimeoutError: timed out"));
    // The old name, for lessons and books that quote it.
    QCOMPARE(qs(e.pythonFormerException()), QStringLiteral("socket.timeout"));
    QCOMPARE(qs(e.pythonNameNote()), QStringLiteral("named socket.timeout before Python 3.10"));
    QCOMPARE(qs(e.message()), QStringLiteral("timed out"));
    QCOMPARE(qs(e.symbol()), QStringLiteral("ETIMEDOUT"));
    // Not the kernel's ETIMEDOUT (a connect that got no answer): the socket's own timeout.
    QVERIFY(!(e == SocketError::fromErrno(ETIMEDOUT)));
    QVERIFY(e.pythonString() != SocketError::fromErrno(ETIMEDOUT).pythonString());
}

void TestSocketError::cancelledIsNotAPythonException()
{
    const SocketError e(ErrorKind::Cancelled, ECANCELED);
    QVERIFY(e.isError());
    QCOMPARE(qs(e.pythonException()), QString());  // Stop / Reset is not a network event
    QCOMPARE(qs(e.symbol()), QStringLiteral("ECANCELED"));
    QVERIFY2(qs(e.message()).contains(QStringLiteral("cancelled")), e.message().c_str());
    QVERIFY2(qs(e.pythonString()).contains(QStringLiteral("cancelled")), e.pythonString().c_str());
    for (const char *networkWord : {"Error", "timed out", "reset", "closed", "refused"})
        QVERIFY2(!qs(e.pythonString()).contains(QLatin1String(networkWord)), networkWord);
}

void TestSocketError::resolver_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("python");
    QTest::newRow("EAI_NONAME") << int(EAI_NONAME) << QStringLiteral("EAI_NONAME")
                                << QStringLiteral("socket.gaierror: [Errno -2] Name or service not known");
    QTest::newRow("EAI_AGAIN") << int(EAI_AGAIN) << QStringLiteral("EAI_AGAIN")
                               << QStringLiteral("socket.gaierror: [Errno -3] Temporary failure in name resolution");
    QTest::newRow("EAI_SERVICE") << int(EAI_SERVICE) << QStringLiteral("EAI_SERVICE")
                                 << QStringLiteral("socket.gaierror: [Errno -8] Servname not supported for ai_socktype");
    QTest::newRow("EAI_FAMILY") << int(EAI_FAMILY) << QStringLiteral("EAI_FAMILY")
                                << QStringLiteral("socket.gaierror: [Errno -6] ai_family not supported");
}

void TestSocketError::resolver()
{
    QFETCH(int, code);
    QFETCH(QString, symbol);
    QFETCH(QString, python);
    const SocketError e(ErrorKind::Resolver, code);
    QVERIFY(e.isError());
    QCOMPARE(qs(e.symbol()), symbol);
    QCOMPARE(qs(e.pythonException()), QStringLiteral("socket.gaierror"));
    QCOMPARE(qs(e.pythonString()), python);
    QCOMPARE(qs(e.message()), python.section(QStringLiteral("] "), 1));
}

void TestSocketError::lookupAndAddressErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("python");
    QTest::newRow("service") << int(ErrorKind::ServiceNotFound) << QStringLiteral("ENOENT")
                             << QStringLiteral("OSError: service/proto not found");
    QTest::newRow("protocol") << int(ErrorKind::ProtocolNotFound) << QStringLiteral("ENOENT")
                              << QStringLiteral("OSError: protocol not found");
    QTest::newRow("illegal address") << int(ErrorKind::IllegalAddress) << QStringLiteral("EINVAL")
                                     << QStringLiteral("OSError: illegal IP address string passed to inet_pton");
    QTest::newRow("closed") << int(ErrorKind::Closed) << QStringLiteral("EBADF")
                            << QStringLiteral("OSError: [Errno 9] Bad file descriptor");
}

void TestSocketError::lookupAndAddressErrors()
{
    QFETCH(int, kind);
    QFETCH(QString, symbol);
    QFETCH(QString, python);
    const SocketError e(static_cast<ErrorKind>(kind), kind == int(ErrorKind::Closed) ? EBADF : 0);
    QVERIFY(e.isError());
    QCOMPARE(qs(e.symbol()), symbol);
    QCOMPARE(qs(e.pythonException()), QStringLiteral("OSError"));
    QCOMPARE(qs(e.pythonString()), python);
}

void TestSocketError::noneIsNotAnError()
{
    const SocketError none;
    QVERIFY(!none.isError());
    QCOMPARE(none.kind(), ErrorKind::None);
    QVERIFY(none.symbol().empty());
    QVERIFY(none.message().empty());
    QVERIFY(none.pythonException().empty());
    QVERIFY(none.pythonString().empty());
}

void TestSocketError::onlyTimeoutsWereRenamed()
{
    // Errors whose Python name never changed carry no note.
    for (const SocketError &e : {SocketError::fromErrno(ETIMEDOUT), SocketError::fromErrno(ECONNREFUSED),
                                 SocketError(ErrorKind::Resolver, EAI_NONAME), SocketError(ErrorKind::Closed, EBADF),
                                 SocketError(ErrorKind::Cancelled, ECANCELED), SocketError()}) {
        QVERIFY2(e.pythonFormerException().empty(), e.pythonString().c_str());
        QVERIFY2(e.pythonNameNote().empty(), e.pythonString().c_str());
    }
}

void TestSocketError::equalityComparesKindAndCode()
{
    QVERIFY(SocketError::fromErrno(EPIPE) == SocketError(ErrorKind::Os, EPIPE));
    QVERIFY(!(SocketError::fromErrno(EPIPE) == SocketError::fromErrno(ECONNRESET)));
    QVERIFY(!(SocketError(ErrorKind::Closed, EBADF) == SocketError::fromErrno(EBADF)));
    // Same text, different meaning: a closed socket and a bad descriptor read alike in Python.
    QCOMPARE(qs(SocketError(ErrorKind::Closed, EBADF).pythonString()), qs(SocketError::fromErrno(EBADF).pythonString()));
}

QTEST_APPLESS_MAIN(TestSocketError)
#include "tst_socketerror.moc"
