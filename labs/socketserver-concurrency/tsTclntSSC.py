#!/usr/bin/env python3
# tsTclntSS.py that may choose its own address, as verify_request will see it
from socket import *

HOST = '{{host}}'
PORT = {{port}}
BUFSIZ = {{bufsize}}
ADDR = (HOST, PORT)
SOURCE = '{{source}}'                           # '' lets the kernel choose

while True:
    tcpCliSock = socket(AF_INET, SOCK_STREAM)      # a new connection for every line
    if SOURCE:
        tcpCliSock.bind((SOURCE, 0))               # C: bind(fd, &addr, sizeof addr), any port
    tcpCliSock.connect(ADDR)                       # C: connect(fd, &addr, sizeof addr)
    data = input('> ')
    if not data:                                   # an empty line ends the client
        break
    tcpCliSock.send(bytes('%s\r\n' % data, 'utf-8'))   # readline() on the server needs the line end
    data = tcpCliSock.recv(BUFSIZ)                 # C: recv(fd, buf, BUFSIZ, 0)
    if not data:                                   # b'': the server closed the connection
        break
    print(data.decode('utf-8').strip())
    tcpCliSock.close()                             # C: close(fd)
