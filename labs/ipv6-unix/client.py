#!/usr/bin/env python3
# client.py: connect as socket.create_connection() does: each address getaddrinfo() gives, in turn
from socket import *

HOST = {{host}}     # None: this machine's loopback addresses of every family
PORT = {{port}}

for family, kind, proto, canonname, addr in getaddrinfo(HOST, PORT, type=SOCK_STREAM):   # C: getaddrinfo()
    s = socket(family, kind, proto)                         # C: socket(family, SOCK_STREAM, IPPROTO_TCP)
    try:
        s.connect(addr)                                     # C: connect(fd, addr, len)
    except OSError as e:
        print(addr, '->', type(e).__name__ + ':', e)
        s.close()                                           # C: close(fd); then the next address
        continue
    print(addr, '-> connected from', s.getsockname())       # C: getsockname(fd, ...)
    print(s.recv(1024))                                     # C: recv(fd, buf, 1024, 0)
    s.close()                                               # C: close(fd): done, no other address is tried
    break
