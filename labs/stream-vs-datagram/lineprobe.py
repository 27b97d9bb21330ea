#!/usr/bin/env python3
# lineprobe.py: the client of the line-echo exercise: three lines, each with its own sendall(),
# then one answer line read for each, however the server's bytes arrive
from socket import *

HOST = '{{host}}'
PORT = {{port}}
ADDR = (HOST, PORT)
LINES = ['hello world', 'second line', 'and the third one']

sock = socket(AF_INET, SOCK_STREAM)            # C: socket(AF_INET, SOCK_STREAM, 0)
sock.settimeout(3.0)                           # a line never answered ends in TimeoutError
sock.connect(ADDR)                             # C: connect(fd, &addr, sizeof addr)
for line in LINES:
    sock.sendall(line.encode('utf-8') + b'\n') # C: send(fd, buf, n, MSG_NOSIGNAL) until all n are taken
answers = []
pending = b''
for line in LINES:
    while b'\n' not in pending:
        data = sock.recv(1024)                 # C: recv(fd, buf, 1024, 0): a piece of the answers
        if not data:                           # b'': the server closed before answering every line
            break
        pending += data
    answer, _, pending = pending.partition(b'\n')
    answers.append(answer.decode('utf-8', 'replace'))
print('answers:', answers)
sock.close()                                   # C: close(fd)
