// Python's StreamRequestHandler and DatagramRequestHandler: a handler whose handle() reads
// the request from rfile and writes the reply to wfile, for stream and datagram servers.
#pragma once

#include "BaseRequestHandler.h"
#include "BytesIO.h"
#include "SocketFile.h"

#include <optional>

namespace socketlab::socketserver {

class StreamRequestHandler : public BaseRequestHandler {
public:
    // Python's class variables; a subclass sets them in its constructor.
    long rbufsize = -1;      // rfile buffered (readline reads ahead)
    long wbufsize = 0;       // wfile unbuffered: every write goes out at once
    std::optional<double> timeout;       // settimeout on the request socket, if set
    bool disableNagleAlgorithm = false;  // TCP_NODELAY (only worth it with wbufsize != 0)

    // Raises (SocketException) if settimeout or setsockopt fails, as Python's setup would.
    void setup() override;
    // Flushes wfile (a socket error there is ignored, as in Python), then closes both files.
    void finish() override;

    Socket &connection() { return request().connection; }
    SocketReader &rfile() { return m_rfile; }
    SocketWriter &wfile() { return m_wfile; }

private:
    SocketReader m_rfile;
    SocketWriter m_wfile;
};

class DatagramRequestHandler : public BaseRequestHandler {
public:
    void setup() override;   // packet, socket = request; rfile over the packet; an empty wfile
    void finish() override;  // socket.sendto(wfile.getvalue(), client_address) - raises on failure

    const Bytes &packet() { return request().packet; }
    Socket &socket() { return request().socket(); }
    BytesReader &rfile() { return m_rfile; }
    BytesWriter &wfile() { return m_wfile; }

private:
    BytesReader m_rfile;
    BytesWriter m_wfile;
};

} // namespace socketlab::socketserver
