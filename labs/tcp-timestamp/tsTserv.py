#!/usr/bin/env python3
# tsTserv.py: the TCP timestamp server (Python 3 version of the tutorial)
from socket import *
from time import ctime

HOST = '{{host}}'
PORT = {{port}}
BUFSIZ = {{bufsize}}
ADDR = (HOST, PORT)

tcpSerSock = socket(AF_INET, SOCK_STREAM)      # C: socket(AF_INET, SOCK_STREAM, 0)
tcpSerSock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)  # restart at once: see the address-in-use lesson
tcpSerSock.bind(ADDR)                          # C: bind(fd, &addr, sizeof addr)
tcpSerSock.listen({{backlog}})                # C: listen(fd, backlog)

while True:
    print('waiting for connection...')
    tcpCliSock, addr = tcpSerSock.accept()     # C: accept4(fd, &peer, &len, SOCK_CLOEXEC)
    print('...connected from:', addr)

    while True:
        data = tcpCliSock.recv(BUFSIZ)         # C: recv(cfd, buf, BUFSIZ, 0)
        if not data:                           # b'': the client closed its side
            break
        tcpCliSock.send(b'[%s] %s' % (bytes(ctime(), 'utf-8'), data))  # C: send(cfd, buf, n, 0)
    tcpCliSock.close()                         # C: close(cfd)
tcpSerSock.close()
