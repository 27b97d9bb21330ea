// chatserver.py, chatclient.py and chatload.py of the chat-capstone lesson: a chat room on
// plain sockets, the classic course assignment.
//
// The server gives each client a thread of its own (blocked in its own recv()); a line from
// one is sent to all under one lock, and the first line a client sends is its nickname. A
// client that vanishes with a reset, maybe mid-line, ends its own thread only: the others
// go on chatting. The client sends and receives at once: a reader thread prints what the
// room says while the main thread waits for the next typed line; "/vanish" leaves with half
// a line and an RST. The load pane is a classroom in one pane: N scripted clients (up to
// 200) that speak in turn at a set rate and read everything the room says.
#include <Program.h>
#include <kit/PythonText.h>

#include <socketserver/RequestThreads.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <sys/socket.h>

using namespace socketlab;
using socketlab::socketserver::orRaise;
using socketlab::socketserver::SocketException;

namespace {

constexpr std::size_t kServerBufsiz = 1024;  // BUFSIZ = 1024
constexpr int kServerBacklog = 50;            // chatSock.listen(50): a classroom connects at once

// line, buf = buf.split(b'\n', 1): the first line of buf, taken out of it (buf holds one).
std::string takeLine(std::string &buf)
{
    const std::size_t end = buf.find('\n');
    std::string line = buf.substr(0, end);
    buf.erase(0, end + 1);
    return line;
}

bool isCancel(const SocketException &e)
{
    return e.error().kind() == ErrorKind::Cancelled;
}

const struct : StepTable {
    ProgramStep encode = add("encode", "data = text.encode(");
    ProgramStep sendall = add("sendall", ".sendall(");
    ProgramStep sendFailed = add("send-failed", "except OSError:");
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep checkData = add("check-data", "if not data");
    ProgramStep splitLine = add("split-line", "line, buf = buf.split(");
    ProgramStep checkNick = add("check-nick", "if nick is None");
    ProgramStep addClient = add("add-client", "clients[conn] = nick");
    ProgramStep broadcastJoined = add("broadcast-joined", "broadcast('*** %s joined");
    ProgramStep broadcastLine = add("broadcast-line", "broadcast('[%s] %s");
    ProgramStep printError = add("print-error", "print(addr, e)");
    ProgramStep removeClient = add("remove-client", "clients.pop(");
    ProgramStep close = add("close", "conn.close()");
    ProgramStep broadcastLeft = add("broadcast-left", "broadcast('*** %s left");
    ProgramStep printLeft = add("print-left", "print('...left:'");
    ProgramStep socket = add("socket", "socket(AF_INET, SOCK_STREAM)");
    ProgramStep setsockopt = add("setsockopt", ".setsockopt(");
    ProgramStep bind = add("bind", ".bind(");
    ProgramStep listen = add("listen", ".listen(");
    ProgramStep printOpen = add("print-open", "print('chat room open");
    ProgramStep accept = add("accept", ".accept(");
    ProgramStep printConnected = add("print-connected", "print('...connected from:'");
    ProgramStep startThread = add("start-thread", "threading.Thread(target=serve");
} Server;

// The listing's clients dict and lock, and the two functions that use them.
class ChatRoom {
public:
    explicit ChatRoom(ProgramContext &ctx) : m_ctx(ctx) {}

    void broadcast(const std::string &text)
    {
        m_ctx.at(Server.encode);
        std::lock_guard lock(m_mutex);
        for (const auto &[sock, nick] : m_clients) {
            m_ctx.at(Server.sendall);
            if (!sock->sendAll(text).ok())
                m_ctx.at(Server.sendFailed);  // reset or gone: its own thread says goodbye
        }
    }

    void serve(Socket &conn, const SocketAddress &addr)
    {
        ProgramContext &ctx = m_ctx;
        const Membership membership{*this, &conn};  // however serve() ends, no broadcast reaches conn after it
        std::optional<std::string> nick;
        std::string buf;
        try {
            for (;;) {
                ctx.at(Server.recv);       const python::Bytes data = orRaise(conn.recv(kServerBufsiz));
                ctx.at(Server.checkData);  if (data.empty()) break;
                buf += data;
                while (buf.find('\n') != std::string::npos) {
                    ctx.at(Server.splitLine);  const std::string text = python::strip(takeLine(buf));
                    ctx.at(Server.checkNick);
                    if (!nick) {
                        nick = text.empty() ? addr.host() + ":" + std::to_string(addr.port()) : text;
                        ctx.at(Server.addClient);        join(&conn, *nick);
                        ctx.at(Server.broadcastJoined);  broadcast("*** " + *nick + " joined\n");
                    } else if (!text.empty()) {
                        ctx.at(Server.broadcastLine);    broadcast("[" + *nick + "] " + text + "\n");
                    }
                }
            }
        } catch (const SocketException &e) {
            if (isCancel(e))
                throw;  // Stop: not this client's error
            ctx.at(Server.printError);  ctx.print(addr.pythonRepr() + " " + python::str(e.error()));
        }
        ctx.at(Server.removeClient);  leave(&conn);
        ctx.at(Server.close);         (void)conn.close();
        if (nick) {
            ctx.at(Server.broadcastLeft);  broadcast("*** " + *nick + " left\n");
        }
        ctx.at(Server.printLeft);  ctx.print("...left: " + addr.pythonRepr());
    }

private:
    struct Membership {
        ChatRoom &room;
        Socket *conn;
        ~Membership() { room.leave(conn); }
    };

    void join(Socket *conn, const std::string &nick)
    {
        std::lock_guard lock(m_mutex);
        m_clients.emplace(conn, nick);
    }

    void leave(Socket *conn)
    {
        std::lock_guard lock(m_mutex);
        m_clients.erase(conn);
    }

    ProgramContext &m_ctx;
    std::mutex m_mutex;  // the listing's lock
    std::map<Socket *, std::string> m_clients;
};

void chatServer(ProgramContext &ctx)
{
    ChatRoom room(ctx);
    socketserver::RequestThreads threads;  // joined before the room goes; Stop wakes each one
    ctx.at(Server.socket);      Socket chatSock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Server.setsockopt);  orRaise(chatSock.setOption(SOL_SOCKET, SO_REUSEADDR, 1));
    const SocketAddress address = ctx.address("host", "port");
    ctx.at(Server.bind);        orRaise(chatSock.bind(address));
    ctx.at(Server.listen);      orRaise(chatSock.listen(kServerBacklog));
    ctx.publishPort(chatSock);
    const SocketAddress bound = orRaise(chatSock.getSockName());
    ctx.at(Server.printOpen);   ctx.print("chat room open on " + bound.host() + ":" + std::to_string(bound.port()));
    for (;;) {
        ctx.at(Server.accept);          Accepted accepted = orRaise(chatSock.accept());
        ctx.at(Server.printConnected);  ctx.print("...connected from: " + accepted.address.pythonRepr());
        ctx.at(Server.startThread);
        auto conn = std::make_shared<Socket>(std::move(accepted.socket));
        threads.start([&room, conn, addr = accepted.address] {
            try {
                room.serve(*conn, addr);
            } catch (const SocketException &) {
                // Stop, in a call or at a step: the thread just ends
            }
        }, true);
    }
}

const struct : StepTable {
    ProgramStep recv = add("recv", ".recv(");
    ProgramStep checkData = add("check-data", "if not data");
    ProgramStep splitLine = add("split-line", "line, buf = buf.split(");
    ProgramStep print = add("print", "print(line.decode(");
    ProgramStep inputNick = add("input-nick", "input('nickname> ')");
    ProgramStep socket = add("socket", "socket(AF_INET, SOCK_STREAM)");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep sendNick = add("send-nick", ".sendall(");
    ProgramStep startReader = add("start-reader", "reader.start()");
    ProgramStep input = add("input", "input('> ')");
    ProgramStep checkLine = add("check-line", "if not line");
    ProgramStep shutdownWrite = add("shutdown-write", ".shutdown(SHUT_WR)");
    ProgramStep checkVanish = add("check-vanish", "if line == '/vanish'");
    ProgramStep sendHalf = add("send-half", "sendall(b'half a mess')");
    ProgramStep linger = add("linger", "setsockopt(SOL_SOCKET, SO_LINGER");
    ProgramStep shutdownRead = add("shutdown-read", ".shutdown(SHUT_RD)");
    ProgramStep send = add("send", ".sendall(");
    ProgramStep join = add("join", "reader.join()");
    ProgramStep close = add("close", ".close()");
} Client;

// receive(sock): the reader thread's loop.
void receive(ProgramContext &ctx, Socket &sock, std::size_t bufsiz)
{
    std::string buf;
    for (;;) {
        ctx.at(Client.recv);       const python::Bytes data = orRaise(sock.recv(bufsiz));
        ctx.at(Client.checkData);  if (data.empty()) break;
        buf += data;
        while (buf.find('\n') != std::string::npos) {
            ctx.at(Client.splitLine);  const std::string line = takeLine(buf);
            ctx.at(Client.print);      ctx.print(line);
        }
    }
}

// The reader thread, joined however the main thread leaves: on an error it is woken first by
// shutdown(SHUT_RD), which sends nothing; Stop wakes it by itself.
class ReaderThread {
public:
    ReaderThread(ProgramContext &ctx, Socket &sock, std::size_t bufsiz) : m_sock(sock)
    {
        m_thread = std::thread([&ctx, &sock, bufsiz, this] {
            try {
                receive(ctx, sock, bufsiz);
            } catch (const SocketException &e) {
                if (!isCancel(e))
                    m_error = e.error();  // raised by join(), as the listing's thread would print it
            }
        });
    }
    ~ReaderThread()
    {
        if (m_thread.joinable()) {
            (void)m_sock.shutdown(SHUT_RD);
            m_thread.join();
        }
    }
    ReaderThread(const ReaderThread &) = delete;
    ReaderThread &operator=(const ReaderThread &) = delete;

    void join()
    {
        m_thread.join();
        if (m_error.isError())
            throw SocketException(m_error);
    }

private:
    Socket &m_sock;
    std::thread m_thread;
    SocketError m_error;
};

void chatClient(ProgramContext &ctx)
{
    const std::size_t bufsiz = ctx.size("bufsize");
    const SocketAddress address = ctx.address("host", "port");
    ctx.at(Client.inputNick);  const std::optional<std::string> nick = ctx.readLine("nickname> ");
    if (!nick)
        return;  // no input at all: nobody to join as
    ctx.at(Client.socket);     Socket chatCliSock = ctx.socket(AF_INET, SOCK_STREAM);
    ctx.at(Client.connect);    orRaise(chatCliSock.connect(address));
    ctx.at(Client.sendNick);   orRaise(chatCliSock.sendAll(*nick + "\n"));
    ctx.at(Client.startReader);
    ReaderThread reader(ctx, chatCliSock, bufsiz);
    for (;;) {
        ctx.at(Client.input);      const std::optional<std::string> line = ctx.readLine("> ");
        ctx.at(Client.checkLine);
        if (!line || line->empty()) {
            ctx.at(Client.shutdownWrite);  orRaise(chatCliSock.shutdown(SHUT_WR));
            break;
        }
        ctx.at(Client.checkVanish);
        if (*line == "/vanish") {
            ctx.at(Client.sendHalf);      orRaise(chatCliSock.sendAll("half a mess"));
            const linger resetOnClose{1, 0};  // struct.pack('ii', 1, 0)
            ctx.at(Client.linger);
            orRaise(chatCliSock.setOption(SOL_SOCKET, SO_LINGER,
                                          std::string_view(reinterpret_cast<const char *>(&resetOnClose), sizeof resetOnClose)));
            ctx.at(Client.shutdownRead);  orRaise(chatCliSock.shutdown(SHUT_RD));
            break;
        }
        ctx.at(Client.send);       orRaise(chatCliSock.sendAll(*line + "\n"));
    }
    ctx.at(Client.join);   reader.join();
    ctx.at(Client.close);  (void)chatCliSock.close();
}

const struct : StepTable {
    ProgramStep bots = add("bots", "bots = []");
    ProgramStep socket = add("socket", "socket(AF_INET, SOCK_STREAM)");
    ProgramStep connect = add("connect", ".connect(");
    ProgramStep sendNick = add("send-nick", ".sendall(");
    ProgramStep setblocking = add("setblocking", ".setblocking(");
    ProgramStep printJoined = add("print-joined", "print('%d clients");
    ProgramStep sleep = add("sleep", "time.sleep(");
    ProgramStep say = add("say", ".sendall(");
    ProgramStep readRoom = add("read-room", "for bot in bots");
    ProgramStep printSaid = add("print-said", "print('%d lines said");
    ProgramStep close = add("close", ".close()");
} Load;

// time.sleep(seconds), cut short by Stop.
void sleepUnlessStopped(ProgramContext &ctx, double seconds)
{
    using Clock = std::chrono::steady_clock;
    const Clock::time_point until = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    while (Clock::now() < until) {
        if (ctx.isStopped())
            throw stopped();
        std::this_thread::sleep_for(std::min<Clock::duration>(std::chrono::milliseconds(10), until - Clock::now()));
    }
}

// while bot.recv(65536): pass, until BlockingIOError: what the room said, read and dropped.
void readWhatWaits(Socket &bot)
{
    for (;;) {
        Result<python::Bytes> data = bot.recv(64 * 1024);
        if (!data) {
            if (data.error().kind() == ErrorKind::Os && (data.error().code() == EAGAIN || data.error().code() == EWOULDBLOCK))
                return;
            throw SocketException(data.error());
        }
        if (data->empty())
            return;
    }
}

void chatLoad(ProgramContext &ctx)
{
    const SocketAddress address = ctx.address("host", "port");
    const auto n = static_cast<std::size_t>(ctx.integer("clients"));
    const double rate = static_cast<double>(ctx.integer("rate"));
    const long long count = ctx.integer("count");
    ctx.at(Load.bots);
    std::vector<Socket> bots;
    bots.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        ctx.at(Load.socket);       Socket bot = ctx.socket(AF_INET, SOCK_STREAM);
        ctx.at(Load.connect);      orRaise(bot.connect(address));
        ctx.at(Load.sendNick);     orRaise(bot.sendAll("bot" + std::to_string(i + 1) + "\n"));
        ctx.at(Load.setblocking);  bot.setBlocking(false);
        bots.push_back(std::move(bot));
    }
    ctx.at(Load.printJoined);  ctx.print(std::to_string(n) + " clients in the room");
    for (long long said = 0; said < count && n > 0; ++said) {
        ctx.at(Load.sleep);     sleepUnlessStopped(ctx, 1.0 / rate);
        ctx.at(Load.say);       orRaise(bots[static_cast<std::size_t>(said) % n].sendAll("line " + std::to_string(said + 1) + "\n"));
        ctx.at(Load.readRoom);
        for (Socket &bot : bots)
            readWhatWaits(bot);
    }
    ctx.at(Load.printSaid);  ctx.print(std::to_string(count) + " lines said");
    for (Socket &bot : bots) {
        ctx.at(Load.close);  (void)bot.close();
    }
}

} // namespace

SOCKETLAB_PROGRAMS(ChatCapstone)
{
    programs.add({"chat-server",
                  "chatserver.py: a chat room, one thread per client; the first line a client sends is its nickname, "
                  "each later line goes to every client as [nick] line, with *** joined / left notices; a client "
                  "that resets ends its own thread only.",
                  Server,
                  {{"host", "address to listen on"}, {"port", "port to listen on (0: the kernel chooses; published as \"port\")"}},
                  chatServer});
    programs.add({"chat-client",
                  "chatclient.py: asks for a nickname, then sends each typed line while a reader thread prints what the "
                  "room says; an empty line leaves with shutdown(SHUT_WR), \"/vanish\" leaves mid-line with a reset "
                  "(SO_LINGER 0).",
                  Client,
                  {{"host", "server host (a name is resolved)"}, {"port", "server port"},
                   {"bufsize", "BUFSIZ: most bytes one recv() returns"}},
                  chatClient});
    programs.add({"chat-load",
                  "chatload.py: N scripted clients join (bot1 ... botN), say COUNT lines in turn at RATE lines a "
                  "second, read everything the room says without blocking, and leave.",
                  Load,
                  {{"host", "server host"}, {"port", "server port"}, {"clients", "N, how many clients join"},
                   {"rate", "lines a second, all clients together"}, {"count", "lines said in all before the clients leave"}},
                  chatLoad});
}
