#!/usr/bin/env python3
# byteorder.py: one number as bytes, in network order and in this machine's order
from socket import *
import struct, sys

VALUE = {{value}}                                 # 0-65535: a port number, a length ...

print(sys.byteorder)                              # this machine: 'little' (x86, ARM) or 'big'
print(htons(VALUE), ntohs(htons(VALUE)))          # C: htons(), ntohs(): 16 bits, swapped on 'little'
print(htonl(VALUE), ntohl(htonl(VALUE)))          # C: htonl(), ntohl(): 32 bits
big = struct.pack('>H', VALUE)                    # '>': big-endian, the network's order
little = struct.pack('<H', VALUE)                 # '<': little-endian
print(big.hex(' '), '|', little.hex(' '))         # 00 05 | 05 00
print(struct.pack('=H', htons(VALUE)).hex(' '))   # '=': this machine's order, after htons()

receiver = socket(AF_INET, SOCK_DGRAM)            # C: socket(AF_INET, SOCK_DGRAM, 0)
receiver.bind(('127.0.0.1', 0))                   # C: bind(fd, {127.0.0.1, port 0})
sender = socket(AF_INET, SOCK_DGRAM)              # C: socket(AF_INET, SOCK_DGRAM, 0)
sender.sendto(big, receiver.getsockname())        # C: sendto(): the two bytes, as they are
data, addr = receiver.recvfrom(2)                 # C: recvfrom(fd, buf, 2, 0, &from, &len)
print(data.hex(' '))                              # what arrived: bytes, not a number
print(struct.unpack('>H', data)[0])               # read in network order: VALUE
print(struct.unpack('<H', data)[0])               # read the wrong way round
sender.close()                                    # C: close(fd)
receiver.close()                                  # C: close(fd)
