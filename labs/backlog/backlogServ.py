#!/usr/bin/env python3
# backlogServ.py: listen(BACKLOG), then accept() one connection each time you press Run
from socket import *
from time import ctime

HOST = '{{host}}'
PORT = {{port}}
BACKLOG = {{backlog}}
ADDR = (HOST, PORT)

tcpSerSock = socket(AF_INET, SOCK_STREAM)            # C: socket(AF_INET, SOCK_STREAM, 0)
tcpSerSock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)   # C: setsockopt(...): see the address-in-use lesson
tcpSerSock.bind(ADDR)                                # C: bind(fd, &addr, sizeof addr)
tcpSerSock.listen(BACKLOG)                           # C: listen(fd, BACKLOG): the kernel queues finished handshakes

while True:
    tcpCliSock, addr = tcpSerSock.accept()           # C: accept4(fd, &peer, &len, SOCK_CLOEXEC): the oldest in the queue
    request = tcpCliSock.recv(1024)                  # C: recv(cfd, buf, 1024, 0)
    print('...accepted', addr, request)
    tcpCliSock.send(bytes(ctime(), 'utf-8'))         # C: send(cfd, buf, n, MSG_NOSIGNAL)
    tcpCliSock.close()                               # C: close(cfd)
