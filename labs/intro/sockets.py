#!/usr/bin/env python3
# sockets.py: one socket of each family and type - each a descriptor number with an address
from socket import *
import os, shutil, tempfile

FOLDER = tempfile.mkdtemp(prefix='socketlab-')  # a folder only you may enter, for the Unix sockets' files
WELL_KNOWN = {{wellknown}}                      # a port below 1024 (80: HTTP)

tcp4 = socket(AF_INET, SOCK_STREAM)             # C: socket(AF_INET, SOCK_STREAM, 0)  TCP over IPv4
tcp4.bind(('127.0.0.1', 0))                     # C: bind(fd, {127.0.0.1, port 0}): port 0 = any free port
udp4 = socket(AF_INET, SOCK_DGRAM)              # C: socket(AF_INET, SOCK_DGRAM, 0)   UDP over IPv4
udp4.bind(('127.0.0.1', 0))                     # C: bind(fd, {127.0.0.1, port 0})
tcp6 = socket(AF_INET6, SOCK_STREAM)            # C: socket(AF_INET6, SOCK_STREAM, 0) TCP over IPv6
tcp6.bind(('::1', 0))                           # C: bind(fd, {::1, port 0})
udp6 = socket(AF_INET6, SOCK_DGRAM)             # C: socket(AF_INET6, SOCK_DGRAM, 0)  UDP over IPv6
udp6.bind(('::1', 0))                           # C: bind(fd, {::1, port 0})
ustream = socket(AF_UNIX, SOCK_STREAM)          # C: socket(AF_UNIX, SOCK_STREAM, 0)  this machine only
ustream.bind(FOLDER + '/stream.sock')           # C: bind(fd, {path}): the address is a file, not a port
udgram = socket(AF_UNIX, SOCK_DGRAM)            # C: socket(AF_UNIX, SOCK_DGRAM, 0)
udgram.bind(FOLDER + '/dgram.sock')             # C: bind(fd, {path})

for s in (tcp4, udp4, tcp6, udp6, ustream, udgram):
    print(s.fileno(), s.family.name, s.type.name, s.getsockname())   # C: getsockname(fd, ...)
print('ephemeral ports:', *open('/proc/sys/net/ipv4/ip_local_port_range').read().split())
print('ports below', open('/proc/sys/net/ipv4/ip_unprivileged_port_start').read().strip(), 'need privilege')

low = socket(AF_INET, SOCK_STREAM)              # C: socket(AF_INET, SOCK_STREAM, 0)
try:
    low.bind(('127.0.0.1', WELL_KNOWN))         # C: bind(fd, {127.0.0.1, WELL_KNOWN})
    print('bound', low.getsockname(), 'as uid', os.geteuid())   # root (uid 0) may
except PermissionError as e:
    print(type(e).__name__ + ':', e)            # anyone else: [Errno 13] Permission denied

input('Enter closes them all> ')
for s in (tcp4, udp4, tcp6, udp6, ustream, udgram, low):
    s.close()                                   # C: close(fd): the number is free again
shutil.rmtree(FOLDER)                           # the files the Unix sockets left behind, and the folder
