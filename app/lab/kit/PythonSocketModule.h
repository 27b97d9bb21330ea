// What Python's socket module adds on top of the C calls, for the lessons on families, names
// and byte order: how its values print (tuples, lists, floats, bytes.hex()), the two
// functions it writes in Python itself (getfqdn, and gethostbyaddr taking a name), the
// exceptions a listing catches on purpose, and the addresses a listing writes literally.
#pragma once

#include <NameResolution.h>
#include <Result.h>
#include <SocketAddress.h>

#include <socketserver/SocketException.h>

#include <optional>
#include <string>
#include <vector>

namespace python {

// How print() shows str values inside a list or tuple (each as python::strRepr, PythonText.h).
std::string strListRepr(const std::vector<std::string> &items);  // ['a', 'b']
// print(gethostbyname_ex(...)): ('localhost', [], ['127.0.0.1'])
std::string hostEntryRepr(const socketlab::HostEntry &entry);
std::string floatRepr(double value);                              // 2.5, 2.0: the shortest repr
std::string hex(const std::string &bytes, char separator = ' ');  // bytes.hex(' '): "00 05"
std::vector<std::string> split(const std::string &text);          // str.split(): on runs of whitespace
std::string familyName(int family);  // AddressFamily(...).name: "AF_INET6"
std::string typeName(int type);      // SocketKind(...).name: "SOCK_STREAM"

// The exceptions a listing's except clause names. An error of another kind raises on, as an
// except clause that does not match lets it through; Stop (a cancelled call) always does.
enum class Except {
    PermissionError,  // EACCES, EPERM
    OSError,          // every error of a socket or name call (gaierror and timeouts included)
    gaierror,         // a failed getaddrinfo / getnameinfo
};
bool matches(const socketlab::SocketError &error, Except clause);

// try: r  except <clause> as e: — the error when r failed with it, nullopt when r succeeded.
template <typename R>
std::optional<socketlab::SocketError> except(const R &r, Except clause)
{
    if (r.ok())
        return std::nullopt;
    if (!matches(r.error(), clause))
        throw socketlab::socketserver::SocketException(r.error());
    return r.error();
}

// A literal address of a listing: ('127.0.0.1', 0), ('::1', 0), '/tmp/x/stream.sock'. A
// malformed one raises OSError as Python's bind() would (EINVAL; a Unix path longer than the
// kernel's 107 bytes: ENAMETOOLONG).
socketlab::SocketAddress ipAddress(const std::string &host, int port);
socketlab::SocketAddress unixAddress(const std::string &path);

// socket.gethostbyaddr(name): Python accepts a name too, and looks it up first (its first
// address of any family), then asks for that address's name.
socketlab::Result<socketlab::HostEntry> gethostbyaddr(const std::string &hostOrAddress);
// socket.getfqdn(): gethostbyaddr(gethostname()), then the first of its names with a dot in
// it, else its canonical name; the host name itself when the lookup fails.
std::string getfqdn();

} // namespace python
