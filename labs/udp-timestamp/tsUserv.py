#!/usr/bin/env python3
# tsUserv.py: the UDP timestamp server (Python 3 version of the tutorial)
from socket import *
from time import ctime

HOST = '{{host}}'
PORT = {{port}}
BUFSIZ = {{bufsize}}
ADDR = (HOST, PORT)

udpSerSock = socket(AF_INET, SOCK_DGRAM)       # C: socket(AF_INET, SOCK_DGRAM, 0)
udpSerSock.bind(ADDR)                          # C: bind(fd, &addr, sizeof addr)

while True:
    print('waiting for message...')
    data, addr = udpSerSock.recvfrom(BUFSIZ)   # C: recvfrom(fd, buf, BUFSIZ, 0, &peer, &len)
    udpSerSock.sendto(b'[%s] %s' % (bytes(ctime(), 'utf-8'), data), addr)  # C: sendto(fd, buf, n, 0, &peer, len)
    print('...received from and returned to:', addr)

udpSerSock.close()
