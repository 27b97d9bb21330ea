#!/usr/bin/env python3
# playground.py: each call you choose in the playground runs here, one at a time, on this
# pane's thread. The comment on each line names the system call beneath it.
import tempfile
from socket import *
from traceback import format_exception_only

FOLDER = tempfile.mkdtemp()                 # mkdir(): the files of 'name.sock' addresses go here
setdefaulttimeout({{defaulttimeout}})       # the timeout every new socket starts with
peer_tcp = ('127.0.0.1', {{tcppeer}})       # the upper-case echo server (TCP)
peer_udp = ('127.0.0.1', {{udppeer}})       # the timestamp server (UDP)
sockets = {}

while True:
    name, call, args = read_call(input('>>> '))   # the next call you chose in the panel
    s = sockets.get(name)
    try:
        if call == 'socket':        result = sockets[name] = socket(*args)   # socket()
        elif call == 'bind':        result = s.bind(*args)          # bind()
        elif call == 'listen':      result = s.listen(*args)        # listen()
        elif call == 'accept':      sockets[args[0]], result = s.accept()   # accept4()
        elif call == 'connect':     result = s.connect(*args)       # connect(): raises on failure
        elif call == 'connect_ex':  result = s.connect_ex(*args)    # connect(): returns the errno
        elif call == 'recv':        result = s.recv(*args)          # recv()
        elif call == 'recv_into':   result = s.recv_into(*args)     # recv() into your buffer
        elif call == 'recvfrom':    result = s.recvfrom(*args)      # recvfrom()
        elif call == 'send':        result = s.send(*args)          # send(): once
        elif call == 'sendall':     result = s.sendall(*args)       # send() until all is out
        elif call == 'sendto':      result = s.sendto(*args)        # sendto()
        elif call == 'shutdown':    result = s.shutdown(*args)      # shutdown()
        elif call == 'close':       result = s.close()              # close()
        elif call == 'getsockname': result = s.getsockname()        # getsockname()
        elif call == 'getpeername': result = s.getpeername()        # getpeername()
        elif call == 'setsockopt':  result = s.setsockopt(*args)    # setsockopt()
        elif call == 'getsockopt':  result = s.getsockopt(*args)    # getsockopt()
        elif call == 'setblocking': result = s.setblocking(*args)   # fcntl(O_NONBLOCK)
        elif call == 'settimeout':  result = s.settimeout(*args)    # fcntl(O_NONBLOCK)
        elif call == 'gettimeout':  result = s.gettimeout()         # no system call
        elif call == 'fileno':      result = s.fileno()             # no system call
        elif call == 'makefile':    result = s.makefile(*args)      # no system call
        print(repr(result))
    except Exception as e:
        print(format_exception_only(type(e), e)[-1].strip())   # the error as Python prints it
