// StreamRequestHandler and DatagramRequestHandler: setup and finish as in Python.
#include "StreamRequestHandler.h"

#include "SocketException.h"

#include <netinet/in.h>
#include <netinet/tcp.h>

namespace socketlab::socketserver {

void StreamRequestHandler::setup()
{
    Socket &c = connection();
    if (timeout)
        orRaise(c.setTimeout(timeout));
    if (disableNagleAlgorithm)
        orRaise(c.setOption(IPPROTO_TCP, TCP_NODELAY, 1));
    m_rfile = SocketReader(c, rbufsize);
    m_wfile = SocketWriter(c, wbufsize);
}

void StreamRequestHandler::finish()
{
    if (!m_wfile.closed())
        (void)m_wfile.flush();  // Python: "a final socket error may have occurred here"
    m_wfile.close();
    m_rfile.close();
}

void DatagramRequestHandler::setup()
{
    m_rfile = BytesReader(request().packet);
    m_wfile = BytesWriter();
}

void DatagramRequestHandler::finish()
{
    orRaise(socket().sendTo(m_wfile.getvalue(), clientAddress()));
}

} // namespace socketlab::socketserver
