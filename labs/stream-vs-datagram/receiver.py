#!/usr/bin/env python3
# receiver.py: reads the TCP stream with READ, then the three UDP datagrams
from socket import *
import struct

HOST = '{{host}}'
PORT = {{port}}
BUFSIZ = {{bufsize}}        # the most bytes one recv() or recvfrom() may return
ADDR = (HOST, PORT)

def read_chunks(conn):                 # prints what each recv() returns
    while True:
        data = conn.recv(BUFSIZ)                   # C: recv(cfd, buf, BUFSIZ, 0): what has arrived
        if not data:                               # b'': the sender has closed
            break
        print('recv ->', data)

def read_lines_naive(conn):            # WRONG: takes each recv() for whole lines
    while True:
        data = conn.recv(BUFSIZ)                   # C: recv(cfd, buf, BUFSIZ, 0): may stop mid-line
        if not data:
            break
        for line in data.decode('utf-8').splitlines():
            print('line:', line)

def read_lines(conn):                  # keeps what follows the last b'\n' for the next recv()
    pending = b''
    while True:
        data = conn.recv(BUFSIZ)                   # C: recv(cfd, buf, BUFSIZ, 0): a piece of the stream
        if not data:
            break
        pending += data
        while b'\n' in pending:
            line, pending = pending.split(b'\n', 1)
            print('line:', line.decode('utf-8'))

def recv_exactly(conn, n):             # recv() until n bytes have come; b'' if the stream ends first
    data = b''
    while len(data) < n:
        more = conn.recv(min(BUFSIZ, n - len(data)))   # C: recv(cfd, buf, k, 0)
        if not more:
            return b''
        data += more
    return data

def read_length_prefixed(conn):        # each message: its length in 2 bytes, then its bytes
    while True:
        header = recv_exactly(conn, 2)
        if not header:
            break
        (n,) = struct.unpack('>H', header)
        body = recv_exactly(conn, n)
        print('message:', body.decode('utf-8'))

READ = {{reader}}

tcpSock = socket(AF_INET, SOCK_STREAM)             # C: socket(AF_INET, SOCK_STREAM, 0)
tcpSock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)    # C: setsockopt(...): see the address-in-use lesson
tcpSock.bind(ADDR)                                 # C: bind(fd, &addr, sizeof addr)
tcpSock.listen(1)                                  # C: listen(fd, 1)
udpSock = socket(AF_INET, SOCK_DGRAM)              # C: socket(AF_INET, SOCK_DGRAM, 0)
udpSock.bind(tcpSock.getsockname())                # C: bind(ufd, ...): the same port number; UDP's ports are separate
conn, addr = tcpSock.accept()                      # C: accept4(fd, &peer, &len, SOCK_CLOEXEC)
READ(conn)
conn.close()                                       # C: close(cfd)
for i in range(3):                                 # the sender sent three datagrams
    data, addr = udpSock.recvfrom(BUFSIZ)          # C: recvfrom(ufd, buf, BUFSIZ, 0, &from, &len): one datagram
    print('recvfrom ->', data)
udpSock.close()                                    # C: close(ufd)
tcpSock.close()                                    # C: close(fd)
