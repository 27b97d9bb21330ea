#!/usr/bin/env python3
# tsTclntOnce.py: prints what the server sends until the server closes, then closes too
from socket import *

HOST = '{{host}}'
PORT = {{port}}
BUFSIZ = 1024
ADDR = (HOST, PORT)

tcpCliSock = socket(AF_INET, SOCK_STREAM)      # C: socket(AF_INET, SOCK_STREAM, 0)
tcpCliSock.connect(ADDR)                       # C: connect(fd, &addr, sizeof addr)
while True:
    data = tcpCliSock.recv(BUFSIZ)             # C: recv(fd, buf, BUFSIZ, 0)
    if not data:                               # b'': the server has closed its side
        break
    print(data.decode('utf-8'))
tcpCliSock.close()                             # C: close(fd): the last FIN; the server's side now waits in TIME_WAIT
