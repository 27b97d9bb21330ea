// httpserver.py and httpclient.py of the http-by-hand lesson: HTTP/1.0 on plain sockets.
// The server reads a request head up to its blank line, answers 400 to what is not a
// request, 501 to a method other than GET, 403 to a path that leads out of its folder
// (../, %2e%2e/, a symbolic link out) and 404 to a file it does not have; it opens only files
// inside its folder, and listens on 127.0.0.1 alone. The client sends a request line typed
// by hand and reads the response until the server closes.
//
// The folder served is the "root" parameter: a path of its own, or one relative to the
// lesson's folder. Programs are not told which folder their lab was loaded from, so a
// relative root is taken in the built-in lesson's folder (the Qt resource), whose files are
// the ones the listing names; a teacher's copy of the lab names its folder by an absolute
// root.
#include <Program.h>
#include <kit/PythonText.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <optional>
#include <vector>

#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::orRaise;
using socketlab::socketserver::SocketException;

namespace {

const struct : StepTable {
    ProgramStep respondHead = add("respond-head", "head = 'HTTP/1.0");
    ProgramStep respondSendall = add("respond-sendall", ".sendall(");
    ProgramStep readHead = add("read-head", "while b'\\r\\n\\r\\n' not in request");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep checkData = add("check-data", "if not data");
    ProgramStep printRequest = add("print-request", "print(request)");
    ProgramStep parse = add("parse", "parts = request.split(");
    ProgramStep checkRequest = add("check-request", "if b'\\r\\n\\r\\n' not in request or");
    ProgramStep badRequest = add("bad-request", "'400 Bad Request'");
    ProgramStep checkMethod = add("check-method", "if parts[0] != b'GET'");
    ProgramStep notImplemented = add("not-implemented", "'501 Not Implemented'");
    ProgramStep unquote = add("unquote", "unquote(");
    ProgramStep checkNul = add("check-nul", "if '\\0' in path");
    ProgramStep badPath = add("bad-path", "'400 Bad Request'");
    ProgramStep checkIndex = add("check-index", "if path.endswith('/')");
    ProgramStep realpath = add("realpath", "file = os.path.realpath(");
    ProgramStep checkInside = add("check-inside", "os.path.commonpath(");
    ProgramStep forbidden = add("forbidden", "'403 Forbidden'");
    ProgramStep checkFile = add("check-file", "os.path.isfile(");
    ProgramStep notFound = add("not-found", "'404 Not Found'");
    ProgramStep open = add("open", "open(file, 'rb')");
    ProgramStep respondOk = add("respond-ok", "'200 OK'");
    ProgramStep socket = add("socket", "socket(AF_INET, SOCK_STREAM)");
    ProgramStep setsockopt = add("setsockopt", ".setsockopt(");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep printServing = add("print-serving", "print(");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep printConnected = add("print-connected", "print(");
    ProgramStep settimeout = add("settimeout", ".settimeout(");
    ProgramStep handle = add("handle", "handle(conn)");
    ProgramStep printError = add("print-error", "print(addr, e)");
    ProgramStep close = add("close", "conn.close()");
} Server;

constexpr std::size_t kMaxHead = 8192;  // len(request) < 8192: a head longer than this is refused
constexpr double kClientTimeout = 5.0;  // conn.settimeout(5)
constexpr std::size_t kEchoedRequestLine = 80;  // a 400 names at most this much of what it got
const char *const kPlainText = "text/plain; charset=utf-8";

// The built-in lesson's folder, where a relative root is taken (see the file's comment).
const QString kLessonFolder = QStringLiteral(":/labs/http-by-hand");

// urllib.parse.unquote on the bytes of a path: %XX becomes the byte XX; anything else stays.
std::string unquoted(const std::string &path)
{
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '%' && i + 2 < path.size() && hex(path[i + 1]) >= 0 && hex(path[i + 2]) >= 0) {
            out += static_cast<char>(hex(path[i + 1]) * 16 + hex(path[i + 2]));
            i += 2;
        } else {
            out += path[i];
        }
    }
    return out;
}

std::vector<std::string> split(const std::string &text, const std::string &separator)
{
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t at; (at = text.find(separator, from)) != std::string::npos; from = at + separator.size())
        parts.push_back(text.substr(from, at - from));
    parts.push_back(text.substr(from));
    return parts;
}

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

// The served folder and the files in it. Paths are resolved as os.path.realpath() does for
// the files that exist (symbolic links followed); a name that leads out of the folder is
// refused before anything is opened.
class ServedFolder {
public:
    explicit ServedFolder(const std::string &root)
    {
        const QString given = QString::fromStdString(root);
        const QString path = QDir::isAbsolutePath(given) ? given : kLessonFolder + QLatin1Char('/') + given;
        m_root = QDir::cleanPath(QFileInfo(path).canonicalFilePath().isEmpty() ? path : QFileInfo(path).canonicalFilePath());
    }

    // ROOT as print() shows it: a built-in lesson's folder by its name in SocketLab's labs/.
    std::string root() const
    {
        return (m_root.startsWith(QLatin1String(":/")) ? m_root.mid(2) : m_root).toStdString();
    }

    // ROOT joined with the path (its leading slashes dropped), .. resolved by name: the name
    // realpath() would start from, before links.
    QString join(const std::string &path) const
    {
        const std::size_t first = path.find_first_not_of('/');
        const QString relative = QString::fromUtf8(path.substr(first == std::string::npos ? path.size() : first));
        return QDir::cleanPath(m_root + QLatin1Char('/') + relative);
    }

    // Inside ROOT: by name, and once links are followed, for a file that exists.
    bool contains(const QString &file) const
    {
        if (!isUnder(file))
            return false;
        const QString real = QFileInfo(file).canonicalFilePath();
        return real.isEmpty() || isUnder(real);
    }

    bool isFile(const QString &file) const { return QFileInfo(file).isFile(); }

    // The file's bytes, read through the path its links lead to (inside ROOT: checked first).
    std::optional<std::string> read(const QString &file) const
    {
        const QString real = QFileInfo(file).canonicalFilePath();
        if (real.isEmpty() || !isUnder(real))
            return std::nullopt;
        QFile f(real);
        if (!f.open(QIODevice::ReadOnly))
            return std::nullopt;
        return f.readAll().toStdString();
    }

    static std::string contentType(const QString &file)
    {
        if (file.endsWith(QLatin1String(".html")))
            return "text/html; charset=utf-8";
        if (file.endsWith(QLatin1String(".txt")))
            return kPlainText;
        return "application/octet-stream";
    }

private:
    bool isUnder(const QString &path) const { return path == m_root || path.startsWith(m_root + QLatin1Char('/')); }

    QString m_root;
};

class HttpServer {
public:
    HttpServer(ProgramContext &ctx) : m_ctx(ctx), m_folder(ctx.param("root")) {}

    void run()
    {
        ProgramContext &ctx = m_ctx;
        ctx.at(Server.socket);      Socket httpSock = ctx.socket(AF_INET, SOCK_STREAM);
        ctx.at(Server.setsockopt);  orRaise(httpSock.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
        const SocketAddress address = SocketAddress::loopback(AF_INET, static_cast<std::uint16_t>(ctx.integer("port")));
        ctx.at(Server.bind);        orRaise(httpSock.bind(address));
        ctx.at(Server.listen);      orRaise(httpSock.listen(5));
        ctx.publishPort(httpSock);
        const SocketAddress bound = orRaise(httpSock.getSockName());
        ctx.at(Server.printServing);
        ctx.print("serving " + m_folder.root() + " on http://127.0.0.1:" + std::to_string(bound.port()) + "/");
        for (;;) {
            ctx.at(Server.accept);          Accepted accepted = orRaise(httpSock.accept());
            Socket conn = std::move(accepted.socket);
            ctx.at(Server.printConnected);  ctx.print("...connected from: " + accepted.address.pythonRepr());
            ctx.at(Server.settimeout);      orRaise(conn.setTimeout(kClientTimeout));
            try {
                ctx.at(Server.handle);      handle(conn);
            } catch (const SocketException &e) {
                if (e.error().kind() == ErrorKind::Cancelled)
                    throw;  // Stop: not this client's error
                ctx.at(Server.printError);  ctx.print(accepted.address.pythonRepr() + " " + python::str(e.error()));
            }
            ctx.at(Server.close);           (void)conn.close();
        }
    }

private:
    void respond(Socket &conn, const std::string &status, const std::string &body, const std::string &type = kPlainText)
    {
        m_ctx.at(Server.respondHead);
        const std::string head = "HTTP/1.0 " + status + "\r\nContent-Type: " + type
            + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
        m_ctx.at(Server.respondSendall);  orRaise(conn.sendAll(head + body));
    }

    void handle(Socket &conn)
    {
        ProgramContext &ctx = m_ctx;
        std::string request;
        for (;;) {
            ctx.at(Server.readHead);
            if (request.find("\r\n\r\n") != std::string::npos || request.size() >= kMaxHead)
                break;
            ctx.at(Server.recv);       const python::Bytes data = orRaise(conn.recv(1024));
            ctx.at(Server.checkData);  if (data.empty()) break;
            request += data;
        }
        ctx.at(Server.printRequest);  ctx.print(python::bytesRepr(request));
        ctx.at(Server.parse);
        const std::vector<std::string> parts = split(split(request, "\r\n").front(), " ");
        ctx.at(Server.checkRequest);
        if (request.find("\r\n\r\n") == std::string::npos || parts.size() != 3 || !startsWith(parts[1], "/")
            || !startsWith(parts[2], "HTTP/1.")) {
            ctx.at(Server.badRequest);
            return respond(conn, "400 Bad Request", "Bad request syntax: " + python::bytesRepr(split(request, "\r\n").front().substr(0, kEchoedRequestLine)) + "\n");
        }
        ctx.at(Server.checkMethod);
        if (parts[0] != "GET") {
            ctx.at(Server.notImplemented);  return respond(conn, "501 Not Implemented", "Only GET\n");
        }
        ctx.at(Server.unquote);     std::string path = unquoted(split(parts[1], "?").front());
        ctx.at(Server.checkNul);
        if (path.find('\0') != std::string::npos) {
            ctx.at(Server.badPath);  return respond(conn, "400 Bad Request", "Bad path\n");
        }
        ctx.at(Server.checkIndex);  if (!path.empty() && path.back() == '/') path += "index.html";
        ctx.at(Server.realpath);    const QString file = m_folder.join(path);
        ctx.at(Server.checkInside);
        if (!m_folder.contains(file)) {
            ctx.at(Server.forbidden);  return respond(conn, "403 Forbidden", "Forbidden\n");
        }
        ctx.at(Server.checkFile);
        if (!m_folder.isFile(file)) {
            ctx.at(Server.notFound);  return respond(conn, "404 Not Found", "Not found\n");
        }
        ctx.at(Server.open);
        const std::optional<std::string> body = m_folder.read(file);
        if (!body)  // vanished or unreadable since isfile(): what open() would raise
            throw SocketException(SocketError::fromErrno(EACCES));
        ctx.at(Server.respondOk);   respond(conn, "200 OK", *body, ServedFolder::contentType(file));
    }

    ProgramContext &m_ctx;
    ServedFolder m_folder;
};

void httpServer(ProgramContext &ctx)
{
    HttpServer(ctx).run();
}

const struct : StepTable {
    ProgramStep input = add("input", "input(");
    ProgramStep checkInput = add("check-input", "if not target");
    ProgramStep checkPath = add("check-path", "if target.startswith('/')");
    ProgramStep requestLine = add("request-line", "target = 'GET %s HTTP/1.0'");
    ProgramStep request = add("request", "request = target +");
    ProgramStep socket = add("socket", "socket(AF_INET, SOCK_STREAM)");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep sendall = add("sendall", ".sendall(");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep checkData = add("check-data", "if not data");
    ProgramStep close = add("close", ".close(");
    ProgramStep partition = add("partition", ".partition(");
    ProgramStep printHead = add("print-head", "print(head");
    ProgramStep printBody = add("print-body", "print(body");
} Client;

// print(text): one console line per line of it, as a terminal shows "\r\n" and "\n".
void printLines(ProgramContext &ctx, const std::string &text)
{
    for (std::string line : split(text, "\n")) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        ctx.print(line);
    }
}

void httpClient(ProgramContext &ctx)
{
    const std::size_t bufsiz = ctx.size("bufsize");
    const SocketAddress address = ctx.address("host", "port");
    const std::string hostPort = ctx.param("host") + ":" + ctx.param("port");  // the Host header names it as typed
    for (;;) {
        ctx.at(Client.input);       std::optional<std::string> target = ctx.readLine("path or request line> ");
        ctx.at(Client.checkInput);  if (!target || target->empty()) break;
        ctx.at(Client.checkPath);
        if (startsWith(*target, "/")) {
            ctx.at(Client.requestLine);  target = "GET " + *target + " HTTP/1.0";
        }
        ctx.at(Client.request);     const std::string request = *target + "\r\nHost: " + hostPort + "\r\n\r\n";
        ctx.at(Client.socket);      Socket httpCliSock = ctx.socket(AF_INET, SOCK_STREAM);
        ctx.at(Client.connect);     orRaise(httpCliSock.connect(address));
        ctx.at(Client.sendall);     orRaise(httpCliSock.sendAll(request));
        std::string response;
        for (;;) {
            ctx.at(Client.recv);       const python::Bytes data = orRaise(httpCliSock.recv(bufsiz));
            ctx.at(Client.checkData);  if (data.empty()) break;
            response += data;
        }
        ctx.at(Client.close);       (void)httpCliSock.close();
        ctx.at(Client.partition);
        const std::size_t blank = response.find("\r\n\r\n");
        const std::string head = response.substr(0, blank);
        const std::string body = blank == std::string::npos ? std::string() : response.substr(blank + 4);
        ctx.at(Client.printHead);   printLines(ctx, QString::fromLatin1(head.data(), qsizetype(head.size())).toStdString() + "\n");
        ctx.at(Client.printBody);   printLines(ctx, QString::fromUtf8(body.data(), qsizetype(body.size())).toStdString());
    }
}

} // namespace

SOCKETLAB_PROGRAMS(HttpByHand)
{
    programs.add({"http-server",
                  "httpserver.py: a tiny HTTP/1.0 server on 127.0.0.1 serving the files of ROOT, one request per "
                  "connection; 400 for what is not a request, 501 for other methods, 403 for a path out of ROOT "
                  "(nothing outside is opened), 404 for a missing file.",
                  Server,
                  {{"port", "port to listen on, on 127.0.0.1 only (0: the kernel chooses; published as \"port\")"},
                   {"root", "the folder served: absolute, or relative to the built-in lesson's folder"}},
                  httpServer});
    programs.add({"http-client",
                  "httpclient.py: sends each typed request line (a path alone becomes GET path HTTP/1.0) with a Host "
                  "header and a blank line, reads the response until the server closes, prints its head and body.",
                  Client,
                  {{"host", "server host (a name is resolved)"}, {"port", "server port"},
                   {"bufsize", "BUFSIZ: most bytes one recv() returns"}},
                  httpClient});
}
