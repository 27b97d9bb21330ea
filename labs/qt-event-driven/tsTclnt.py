#!/usr/bin/env python3
# tsTclnt.py: the TCP timestamp client (Python 3 version of the tutorial)
from socket import *

HOST = '{{host}}'
PORT = {{port}}
BUFSIZ = {{bufsize}}
ADDR = (HOST, PORT)

tcpCliSock = socket(AF_INET, SOCK_STREAM)      # C: socket(AF_INET, SOCK_STREAM, 0)
tcpCliSock.connect(ADDR)                       # C: connect(fd, &addr, sizeof addr)

while True:
    data = input('> ')
    if not data:                               # an empty line ends the client
        break
    tcpCliSock.send(bytes(data, 'utf-8'))      # C: send(fd, buf, n, 0)
    data = tcpCliSock.recv(BUFSIZ)             # C: recv(fd, buf, BUFSIZ, 0)
    if not data:                               # b'': the server closed the connection
        break
    print(data.decode('utf-8'))

tcpCliSock.close()                             # C: close(fd)
