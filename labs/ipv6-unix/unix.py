#!/usr/bin/env python3
# unix.py: Unix sockets (AF_UNIX): the address is a file; stream, datagram, socketpair()
from socket import *
import os, shutil, tempfile

FOLDER = tempfile.mkdtemp(prefix='socketlab-')     # only you may enter (mode 0700)
PATH = FOLDER + '/stream.sock'

stream_server = socket(AF_UNIX, SOCK_STREAM)       # C: socket(AF_UNIX, SOCK_STREAM, 0)
stream_server.bind(PATH)                           # C: bind(fd, {AF_UNIX, PATH}): creates the file
stream_server.listen(1)                            # C: listen(fd, 1)
stream_client = socket(AF_UNIX, SOCK_STREAM)       # C: socket(AF_UNIX, SOCK_STREAM, 0)
stream_client.connect(PATH)                        # C: connect(fd, {AF_UNIX, PATH}): no IP, no port
conn, addr = stream_server.accept()                # C: accept(fd, &peer, &len)
print('accepted from', repr(addr))                 # '': the client never bound a name
stream_client.sendall(b'over a file')              # C: send()
print(conn.recv(1024))                             # C: recv()
input('Enter closes the stream sockets> ')
conn.close()                                       # C: close(connfd)
stream_client.close()                              # C: close(fd)
stream_server.close()                              # C: close(listenfd): the file stays
print(os.path.exists(PATH))                        # C: stat(PATH)

again = socket(AF_UNIX, SOCK_STREAM)               # C: socket(AF_UNIX, SOCK_STREAM, 0)
try:
    again.bind(PATH)                               # C: bind(): a file is in the way
except OSError as e:
    print(type(e).__name__ + ':', e)
os.unlink(PATH)                                    # C: unlink(PATH)
again.bind(PATH)                                   # C: bind(): now it works
print('bound', again.getsockname())
again.close()                                      # C: close(fd)

dgram_server = socket(AF_UNIX, SOCK_DGRAM)         # C: socket(AF_UNIX, SOCK_DGRAM, 0)
dgram_server.bind(FOLDER + '/dgram.sock')          # C: bind(fd, {AF_UNIX, ".../dgram.sock"})
dgram_client = socket(AF_UNIX, SOCK_DGRAM)         # C: socket(AF_UNIX, SOCK_DGRAM, 0)
dgram_client.bind(FOLDER + '/client.sock')         # C: bind(): so that a reply can find it
dgram_client.sendto(b'ping', FOLDER + '/dgram.sock')   # C: sendto(fd, "ping", 4, 0, {AF_UNIX, path}, len)
data, addr = dgram_server.recvfrom(1024)           # C: recvfrom(): addr is the client's path
print(data, 'from', addr)
dgram_server.sendto(b'pong', addr)                 # C: sendto(): back to that path
print(dgram_client.recvfrom(1024))                 # C: recvfrom()
dgram_client.close()                               # C: close(fd)
dgram_server.close()                               # C: close(fd)

a, b = socketpair()                                # C: socketpair(AF_UNIX, SOCK_STREAM, 0, fds)
a.sendall(b'no name needed')                       # C: send()
print(b.recv(1024))                                # C: recv()
input('Enter closes the pair> ')
a.close()                                          # C: close(fds[0])
b.close()                                          # C: close(fds[1])
shutil.rmtree(FOLDER)                              # the folder and the files left in it
