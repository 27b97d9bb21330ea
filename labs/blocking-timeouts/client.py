#!/usr/bin/env python3
# client.py: tsTclnt.py with a timeout on its socket (blocking-timeouts lab)
from socket import *

ADDR = ('{{host}}', {{port}})
BUFSIZ = 1024

tcpCliSock = socket(AF_INET, SOCK_STREAM)              # C: socket(AF_INET, SOCK_STREAM, 0)
tcpCliSock.connect(ADDR)                               # C: connect(fd, &addr, sizeof addr)
tcpCliSock.setblocking(False)                          # C: fcntl(fd, F_SETFL, O_NONBLOCK)
try:
    tcpCliSock.recv(BUFSIZ)                            # C: recv() -> -1, errno EAGAIN
except BlockingIOError as e:
    print(type(e).__name__ + ':', e)                   # nothing has arrived: raised at once

tcpCliSock.settimeout(2.0)                             # C: O_NONBLOCK, then poll(fd, POLLIN, 2000) first
print('gettimeout():', tcpCliSock.gettimeout())
while True:
    data = input('> ')
    if not data:                                       # an empty line ends the client
        break
    tcpCliSock.send(bytes(data, 'utf-8'))              # C: send(fd, buf, n, MSG_NOSIGNAL)
    while True:
        try:
            reply = tcpCliSock.recv(BUFSIZ)            # waits 2 s at most
            break
        except timeout as e:                           # socket.timeout: TimeoutError since Python 3.10
            print(type(e).__name__ + ':', e)           # no reply yet: the loop tries again
    if not reply:                                      # b'': the server closed
        print('the server closed the connection')
        break
    print(reply.decode('utf-8'))
tcpCliSock.close()                                     # C: close(fd)
