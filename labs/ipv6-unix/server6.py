#!/usr/bin/env python3
# server6.py: a TCP server on an IPv6 socket (AF_INET6)
from socket import *

HOST = '{{host}}'   # '::1': IPv6 loopback; '::ffff:127.0.0.1': IPv4 loopback, as IPv6 names it
PORT = {{port}}
V6ONLY = {{v6only}}              # 0: IPv4 clients too, as ::ffff:a.b.c.d (Linux's default); 1: IPv6 only
ADDR = (HOST, PORT)

tcpSerSock = socket(AF_INET6, SOCK_STREAM)                  # C: socket(AF_INET6, SOCK_STREAM, 0)
tcpSerSock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)          # C: setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, 4)
tcpSerSock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, V6ONLY)    # C: setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v, 4)
tcpSerSock.bind(ADDR)                                       # C: bind(fd, {AF_INET6, HOST, PORT}, sizeof(sockaddr_in6))
tcpSerSock.listen(5)                                        # C: listen(fd, 5)
print('listening on', tcpSerSock.getsockname())             # (host, port, flowinfo, scope_id)

while True:
    conn, addr = tcpSerSock.accept()                        # C: accept(fd, &peer, &len)
    print('...connected from:', addr)
    conn.sendall(b'hello, ' + addr[0].encode())             # C: send(): until all is sent
    conn.close()                                            # C: close(connfd)
