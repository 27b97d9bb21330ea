// One call of the socket playground, as the learner chose it: the method of Python's socket
// object, the socket it applies to and its arguments as typed ("('127.0.0.1', 0)", "peer_tcp",
// "SOL_SOCKET, SO_REUSEADDR"). The same text travels to the pane's program thread (one JSON
// line of its input), is checked there and here by the same parser, and is shown as the
// Python line it stands for. What came back (PlaygroundOutcome) travels the other way.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace playground {

// What one argument is, so the panel offers the right field and the parser checks it.
enum class Arg { Family, Type, Address, Count, Bytes, How, Option, Value, Timeout, Flag, Mode };

struct MethodInfo {
    const char *name;      // Python's method name ("socket" for the constructor)
    std::vector<Arg> args;
    const char *cCall;     // the system call beneath; "" when Python makes none
    bool makesSocket;      // socket() and accept() name a new socket
};

// The methods of the tutorials' method tables, in the order the panel lists them.
const std::vector<MethodInfo> &methods();
const MethodInfo *findMethod(const QString &name);
QStringList choicesOf(Arg arg);  // the fixed values of a picker argument; empty for a typed one

// Where bind/connect/sendto go: a literal address, a file in the playground's folder, a
// built-in peer, or another playground socket's own address.
struct Address {
    enum class Kind { Ip, UnixFile, PeerTcp, PeerUdp, SocketName } kind = Kind::Ip;
    QString host;   // Ip
    int port = 0;   // Ip
    QString name;   // UnixFile: the file's name; SocketName: the socket
    QString python() const;  // as the Python line writes it
};

struct Option {
    const char *text;  // "SOL_SOCKET, SO_REUSEADDR"
    int level;
    int name;
};
const std::vector<Option> &options();

// A call's arguments, checked and typed.
struct Args {
    int family = 0;
    int type = 0;
    Address address;
    long long count = 0;   // listen's backlog, recv's bufsize
    QByteArray bytes;
    QString bytesPython;   // how the line writes them: b'h\xc3\xa9' or 'héllo'.encode('latin-1')
    int how = 0;
    const Option *option = nullptr;
    long long value = 0;   // setsockopt's value
    std::optional<double> timeout;
    bool flag = false;
    QString mode;
};

struct Call {
    QString method;   // "bind"
    QString socket;   // "s1": the socket it applies to; socket(): the name of the new one
    QString result;   // accept(): the name the new socket gets ("conn1")
    QStringList args; // as typed, one per MethodInfo::args

    // The typed arguments, or why they are refused (in the learner's language).
    std::optional<Args> parse(QString *error) const;
    QString pythonLine() const;  // "s1.bind(('127.0.0.1', 0))"; the arguments must parse
    QJsonObject toJson() const;
    static Call fromJson(const QJsonObject &json);
};

// What a call did, as the program thread saw it.
struct Outcome {
    bool ok = false;
    QString result;     // repr() of what it returned: "None", "5", "b'hello'", "('127.0.0.1', 40000)"
    QString error;      // Python's text: "OSError: [Errno 22] Invalid argument"
    QString errnoName;  // "EINVAL"
    QString cCall;      // "bind(5, 127.0.0.1:0) = -1 EINVAL"; "" when Python makes no system call
    bool varies = false;  // the result holds a descriptor, a kernel-chosen port or a folder's path
    int family = 0;     // of the socket a socket() or accept() made
    int type = 0;
    QString bytesHex;   // the bytes sent or received, as bytes.hex(' '): "68 c3 a9 6c 6c 6f"
    int bytesLength = -1;  // how many; -1 when the call moved none
    // What bytes.decode() makes of received bytes: the str's repr, or the UnicodeDecodeError and
    // what decode(errors='replace') gives instead.
    QString decoded;
    QString decodeError;
    QJsonObject toJson() const;
    static Outcome fromJson(const QJsonObject &json);
};

} // namespace playground
