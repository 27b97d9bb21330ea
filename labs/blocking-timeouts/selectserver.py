#!/usr/bin/env python3
# selectserver.py: a call that would wait raises at once, or after a timeout; then one
# thread serves every client with select() (blocking-timeouts lab)
from socket import *
from select import select
from time import ctime

ADDR = ('{{host}}', {{port}})
BUFSIZ = 1024

tcpSerSock = socket(AF_INET, SOCK_STREAM)              # C: socket(AF_INET, SOCK_STREAM, 0)
tcpSerSock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)     # restart at once: see the address-in-use lesson
tcpSerSock.bind(ADDR)                                  # C: bind(fd, &addr, sizeof addr)
tcpSerSock.listen(5)                                   # C: listen(fd, 5)

tcpSerSock.setblocking(False)                          # C: fcntl(fd, F_SETFL, O_NONBLOCK)
try:
    tcpSerSock.accept()                                # C: accept4() -> -1, errno EAGAIN
except BlockingIOError as e:
    print(type(e).__name__ + ':', e)                   # nobody is waiting: raised at once

tcpSerSock.settimeout(2.0)                             # C: O_NONBLOCK, then poll(fd, POLLIN, 2000) first
print('gettimeout():', tcpSerSock.gettimeout())
try:
    tcpSerSock.accept()                                # waits 2 s at most
except timeout as e:                                   # socket.timeout: TimeoutError since Python 3.10
    print(type(e).__name__ + ':', e)                   # 2 s and still nobody

tcpSerSock.setblocking(True)                           # from here select() says when a call will not block
sockets = [tcpSerSock]
names = {tcpSerSock: 'listening socket'}
while True:
    readable, writable, errors = select(sockets, [], [], 10.0)  # C: select(nfds, &readfds, NULL, NULL, &tv)
    print('select() ->', [names[s] for s in readable])
    for s in readable:
        if s is tcpSerSock:                            # a client waits in the accept queue
            conn, addr = tcpSerSock.accept()           # ready: returns at once
            sockets.append(conn)
            names[conn] = '%s:%d' % addr
            continue
        data = s.recv(BUFSIZ)                          # ready: returns at once
        if not data:                                   # b'': this client closed
            print(names.pop(s), 'closed')
            sockets.remove(s)
            s.close()                                  # C: close(cfd)
            continue
        s.send(b'[%s] %s' % (bytes(ctime(), 'utf-8'), data))  # C: send(cfd, buf, n, MSG_NOSIGNAL)
