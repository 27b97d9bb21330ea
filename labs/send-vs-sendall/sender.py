#!/usr/bin/env python3
# sender.py: how much does one send() take? (send-vs-sendall lab)
from socket import *

ADDR = ('{{host}}', {{port}})
SIZE = {{size}}                                   # far more than the two kernel buffers hold
data = b'x' * SIZE

s = socket(AF_INET, SOCK_STREAM)                  # C: socket(AF_INET, SOCK_STREAM, 0)
s.setsockopt(SOL_SOCKET, SO_SNDBUF, {{sndbuf}})     # C: setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &n, sizeof n)
s.connect(ADDR)                                   # C: connect(fd, &addr, sizeof addr)
print('SO_SNDBUF:', s.getsockopt(SOL_SOCKET, SO_SNDBUF))  # C: getsockopt(): Linux doubles what was asked

s.settimeout(2.0)                                 # C: O_NONBLOCK, then poll() before each call
sent = s.send(data)                               # C: poll(POLLOUT, 2000), then one send(): what fits
print('send() took', sent, 'of', SIZE, 'bytes')

s.setblocking(False)                              # C: fcntl(fd, F_SETFL, O_NONBLOCK)
try:
    while True:
        sent += s.send(data[sent:])               # C: send() -> -1, errno EAGAIN once the buffers are full
except BlockingIOError as e:
    print(type(e).__name__ + ':', e, '- sent', sent, 'so far')

s.setblocking(True)                               # C: fcntl(fd, F_SETFL, 0)
s.sendall(data[sent:])                            # C: send() again and again until every byte is taken
print('sendall() returned: all', SIZE, 'bytes are in the kernel')
s.close()                                         # C: close(fd)
