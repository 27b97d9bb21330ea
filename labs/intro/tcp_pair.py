#!/usr/bin/env python3
# tcp_pair.py: connection-oriented (SOCK_STREAM) - a listening socket, a client, a connection
from socket import *

listener = socket(AF_INET, SOCK_STREAM)         # C: socket(AF_INET, SOCK_STREAM, 0)
listener.bind(('127.0.0.1', 0))                 # C: bind(fd, {127.0.0.1, port 0})
listener.listen(5)                              # C: listen(fd, 5)
client = socket(AF_INET, SOCK_STREAM)           # C: socket(AF_INET, SOCK_STREAM, 0)
print('client before connect():', client.getsockname())   # C: getsockname(fd, ...)
client.connect(listener.getsockname())          # C: connect(fd, {127.0.0.1, port}): SYN, SYN-ACK, ACK
print('client after connect(): ', client.getsockname())   # C: getsockname(fd, ...)
conn, addr = listener.accept()                  # C: accept(fd, &peer, &len): a new descriptor
print('accepted', addr, 'on', conn.getsockname())
client.send(b'hello')                           # C: send(fd, "hello", 5, 0)
print(conn.recv(1024))                          # C: recv(connfd, buf, 1024, 0)

input('Enter closes the connection> ')
client.close()                                  # C: close(fd): FIN to the other end
conn.close()                                    # C: close(connfd)
listener.close()                                # C: close(listenfd)
