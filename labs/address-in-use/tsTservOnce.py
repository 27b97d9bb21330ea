#!/usr/bin/env python3
# tsTservOnce.py: serves one client, closes the connection first, and exits
from socket import *
from time import ctime

HOST = '{{host}}'
PORT = {{port}}
REUSE = {{reuse}}     # 1: SO_REUSEADDR on; 0: off, as in the tutorial's tsTserv.py
ADDR = (HOST, PORT)

tcpSerSock = socket(AF_INET, SOCK_STREAM)               # C: socket(AF_INET, SOCK_STREAM, 0)
tcpSerSock.setsockopt(SOL_SOCKET, SO_REUSEADDR, REUSE)  # C: setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse)
tcpSerSock.bind(ADDR)                                   # C: bind(fd, &addr, sizeof addr): Errno 98 comes from here
tcpSerSock.listen(5)                                    # C: listen(fd, 5)
print('listening on', ADDR)

tcpCliSock, addr = tcpSerSock.accept()                  # C: accept4(fd, &peer, &len, SOCK_CLOEXEC)
print('...connected from:', addr)
tcpCliSock.send(bytes(ctime(), 'utf-8'))                # C: send(cfd, buf, n, MSG_NOSIGNAL)
tcpCliSock.close()                                      # C: close(cfd): the server closes first
tcpSerSock.close()                                      # C: close(fd): and exits; nothing listens on PORT now
