// Stage events: the scope guard and the subject copied from a request.
#include "StageTrace.h"

#include "BaseServer.h"

namespace socketlab::socketserver {

bool isServerStage(TraceCall call)
{
    return call >= TraceCall::ServerBind && call <= TraceCall::WfileFlush;
}

StageSubject StageSubject::of(const Request *request)
{
    StageSubject s;
    if (request) {
        s.requestId = request->id;
        s.connectionId = request->connectionId();
        s.clientAddress = request->clientAddress;
    }
    return s;
}

Stage::Stage(const BaseServer &server, TraceCall call, const Request *request)
    : Stage(server, call, StageSubject::of(request))
{
}

Stage::Stage(const BaseServer &server, TraceCall call, StageSubject subject)
    : m_server(server), m_call(call), m_subject(std::move(subject)), m_uncaught(std::uncaught_exceptions())
{
    m_server.traceStage(m_call, TracePhase::Begin, m_subject);
}

Stage::~Stage()
{
    if (m_ended)
        return;
    // Left by an exception (the stage raised, as a Python method would) or by a plain return.
    if (std::uncaught_exceptions() > m_uncaught)
        m_server.traceStage(m_call, TracePhase::Failed, m_subject);
    else
        m_server.traceStage(m_call, TracePhase::Returned, m_subject);
}

void Stage::returned(std::int64_t result)
{
    m_ended = true;
    m_server.traceStage(m_call, TracePhase::Returned, m_subject, result);
}

void Stage::failed(SocketError error)
{
    m_ended = true;
    m_server.traceStage(m_call, TracePhase::Failed, m_subject, 0, error);
}

} // namespace socketlab::socketserver
