#!/usr/bin/env python3
# sender.py: the same three messages on a TCP stream and as three UDP datagrams
from socket import *
import struct

HOST = '{{host}}'
PORT = {{port}}
FRAMING = '{{framing}}'     # 'newline': a b'\n' after each message; 'length': 2 bytes of length before it
ADDR = (HOST, PORT)
MESSAGES = ['first message', 'second', 'and the third one']

def frame(text):
    data = text.encode('utf-8')
    if FRAMING == 'length':
        return struct.pack('>H', len(data)) + data   # the length in 2 bytes, big-endian (network order)
    return data + b'\n'

tcpSock = socket(AF_INET, SOCK_STREAM)         # C: socket(AF_INET, SOCK_STREAM, 0)
tcpSock.connect(ADDR)                          # C: connect(fd, &addr, sizeof addr)
udpSock = socket(AF_INET, SOCK_DGRAM)          # C: socket(AF_INET, SOCK_DGRAM, 0)
for text in MESSAGES:
    data = frame(text)
    tcpSock.sendall(data)                      # C: send(fd, buf, n, MSG_NOSIGNAL) until all n are taken
    udpSock.sendto(data, ADDR)                 # C: sendto(ufd, buf, n, 0, &addr, sizeof addr): one datagram
tcpSock.close()                                # C: close(fd): the receiver's recv() then returns b''
udpSock.close()                                # C: close(ufd)
