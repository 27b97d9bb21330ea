// Python's socketserver module on SocketLab's native core: include this for all of it.
//   servers:   TCPServer, UDPServer, UnixStreamServer, UnixDatagramServer (TCPServer.h)
//   mixins:    ThreadingMixIn<Server> (ThreadingMixIn.h), ForkingMixIn<Server> (ForkingMixIn.h,
//              which needs ForkHelper::startFromMain() first thing in main)
//   handlers:  BaseRequestHandler, StreamRequestHandler, DatagramRequestHandler
//   tracing:   the stage events every step emits (StageTrace.h)
#pragma once

#include "BaseRequestHandler.h"
#include "BaseServer.h"
#include "ForkHelper.h"
#include "ForkingMixIn.h"
#include "SocketException.h"
#include "StageTrace.h"
#include "StreamRequestHandler.h"
#include "TCPServer.h"
#include "ThreadingMixIn.h"
