// The few Python str/bytes operations the tutorials' programs use, with Python's exact
// results, so a pane prints and sends byte for byte what the Python listing would.
#pragma once

#include <SocketAddress.h>
#include <SocketError.h>

#include <ctime>
#include <string>
#include <vector>

namespace python {

using Bytes = std::string;

std::string ctime();                      // time.ctime(): "Sat Jun  6 16:11:23 2020", local time, English names
std::string ctime(std::time_t when);       // time.ctime(when)
std::string bytesRepr(const Bytes &data);  // print(b'...'): how Python 3 shows bytes
std::string strRepr(const std::string &text);  // repr(str): 'vm', quoted and escaped as Python does
Bytes strip(const Bytes &data);           // bytes.strip(): ASCII whitespace
Bytes upper(const Bytes &data);           // bytes.upper(): ASCII letters only
// str.splitlines() of UTF-8 text: \n, \r\n, \r, \v, \f, \x1c-\x1e, U+0085, U+2028 and U+2029
// end a line; no empty last line when the text ends with one.
std::vector<std::string> splitlines(const std::string &text);
// print(address): a tuple prints as its repr, a Unix path (a str) prints bare.
std::string str(const socketlab::SocketAddress &address);
// print(e) of an OSError: "[Errno 104] Connection reset by peer"; a socket.timeout: "timed out".
std::string str(const socketlab::SocketError &error);
// print(['a', 'b']): a list of str shows each item's repr (names without quotes or escapes).
std::string listRepr(const std::vector<std::string> &items);

} // namespace python

// b'[%s] %s' % (bytes(ctime(), 'utf-8'), data): the reply of every timestamp server.
std::string timestamped(const std::string &data);
