#!/usr/bin/env python3
# names.py: host names, addresses, services and protocols, looked up on this machine
from socket import *

HOST = '{{host}}'
SERVICES = ('http', 'ftp-data', 'ftp', 'ssh', 'telnet', 'smtp', 'pop3', 'imap', 'nntp', 'gopher', 'https')

print(gethostname())                              # C: gethostname(buf, len)
print(getfqdn())                                  # C: gethostname(), gethostbyaddr_r(): a name with a dot
print(gethostbyname(HOST))                        # C: getaddrinfo(AF_INET): the first IPv4 address
print(gethostbyname_ex(HOST))                     # C: gethostbyname_r(): (name, aliases, addresses)
print(gethostbyaddr('127.0.0.1'))                 # C: gethostbyaddr_r(): address -> name
for family, kind, proto, canonname, sockaddr in getaddrinfo(HOST, 80, type=SOCK_STREAM):   # C: getaddrinfo()
    print(family.name, kind.name, sockaddr)       # in the order a client tries them
print(getnameinfo(('127.0.0.1', 80), 0))          # C: getnameinfo(): (host, service)

for name in SERVICES:
    try:
        print(name, getservbyname(name, 'tcp'))   # C: getservbyname_r(name, "tcp"): /etc/services
    except OSError as e:
        print(name, e)                            # not in this machine's /etc/services
print(getservbyport(21, 'tcp'))                   # C: getservbyport_r(htons(21), "tcp")
print(getprotobyname('tcp'), getprotobyname('udp'))   # C: getprotobyname_r(): /etc/protocols

print(inet_aton('127.0.0.1'))                     # C: inet_aton(): 4 bytes, network order
print(inet_ntoa(b'\x7f\x00\x00\x01'))             # C: inet_ntoa()
print(inet_pton(AF_INET6, '::1'))                 # C: inet_pton(AF_INET6, ...): 16 bytes
print(inet_ntop(AF_INET6, b'\x00' * 15 + b'\x01'))   # C: inet_ntop(AF_INET6, ...)
print(has_ipv6)                                   # Python was built with IPv6

print(getdefaulttimeout())                        # None: new sockets block
setdefaulttimeout(2.5)                            # every socket made from now on: 2.5 s
s = socket(AF_INET, SOCK_STREAM)                  # C: socket(AF_INET, SOCK_STREAM, 0)
print(s.gettimeout())                             # 2.5
s.close()                                         # C: close(fd)
setdefaulttimeout(None)

try:
    getaddrinfo('no-such-host', 80, flags=AI_NUMERICHOST)   # C: getaddrinfo(): numbers only, never asks DNS
except gaierror as e:
    print('socket.gaierror:', e)
try:
    inet_pton(AF_INET, '300.1.2.3')               # C: inet_pton() returns 0: not an address
except OSError as e:
    print('OSError:', e)
