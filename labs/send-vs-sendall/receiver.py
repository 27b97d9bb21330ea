#!/usr/bin/env python3
# receiver.py: a peer that reads nothing until you let it (send-vs-sendall lab)
from socket import *

ADDR = ('{{host}}', {{port}})
BUFSIZ = {{bufsize}}

s = socket(AF_INET, SOCK_STREAM)                  # C: socket(AF_INET, SOCK_STREAM, 0)
s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)         # restart at once: see the address-in-use lesson
s.setsockopt(SOL_SOCKET, SO_RCVBUF, {{rcvbuf}})     # C: setsockopt(): before listen(), so the connection inherits it
s.bind(ADDR)                                      # C: bind(fd, &addr, sizeof addr)
s.listen(1)                                       # C: listen(fd, 1)
conn, addr = s.accept()                           # C: accept4(fd, &peer, &len, SOCK_CLOEXEC)
print('...connected from:', addr)

input('Press Enter to start reading ')            # until then nothing reads: both buffers fill
total = 0
while True:
    data = conn.recv(BUFSIZ)                      # C: recv(cfd, buf, BUFSIZ, 0): what has arrived, at most BUFSIZ
    if not data:                                  # b'': the sender closed
        break
    total += len(data)
    print('recv(%d) returned %d bytes' % (BUFSIZ, len(data)))
print('received', total, 'bytes in all')
conn.close()                                      # C: close(cfd)
s.close()                                         # C: close(fd)
