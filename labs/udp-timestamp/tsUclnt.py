#!/usr/bin/env python3
# tsUclnt.py: the UDP timestamp client (Python 3 version of the tutorial)
from socket import *

HOST = '{{host}}'
PORT = {{port}}
BUFSIZ = {{bufsize}}
ADDR = (HOST, PORT)

udpCliSock = socket(AF_INET, SOCK_DGRAM)       # C: socket(AF_INET, SOCK_DGRAM, 0)

while True:
    data = input('> ')
    if not data:                               # an empty line ends the client
        break
    udpCliSock.sendto(bytes(data, 'utf-8'), ADDR)  # C: sendto(fd, buf, n, 0, &addr, len)
    data, ADDR = udpCliSock.recvfrom(BUFSIZ)   # C: recvfrom(fd, buf, BUFSIZ, 0, &peer, &len)
    if not data:                               # b'': an empty datagram came back
        break
    print(data.decode('utf-8'))
udpCliSock.close()                             # C: close(fd)
