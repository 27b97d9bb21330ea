#!/usr/bin/env python3
# udp_pair.py: connectionless (SOCK_DGRAM) - two sockets, one datagram, no connection
from socket import *

receiver = socket(AF_INET, SOCK_DGRAM)          # C: socket(AF_INET, SOCK_DGRAM, 0)
receiver.bind(('127.0.0.1', 0))                 # C: bind(fd, {127.0.0.1, port 0})
sender = socket(AF_INET, SOCK_DGRAM)            # C: socket(AF_INET, SOCK_DGRAM, 0)
print('sender before sendto():', sender.getsockname())    # C: getsockname(fd, ...)
sender.sendto(b'hello', receiver.getsockname()) # C: sendto(fd, "hello", 5, 0, {127.0.0.1, port}, len)
print('sender after sendto(): ', sender.getsockname())    # C: getsockname(fd, ...)
data, addr = receiver.recvfrom(1024)            # C: recvfrom(fd, buf, 1024, 0, &from, &len)
print(data, 'from', addr)

input('Enter closes both> ')
sender.close()                                  # C: close(fd): nobody is told
receiver.close()                                # C: close(fd)
