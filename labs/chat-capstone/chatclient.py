#!/usr/bin/env python3
# chatclient.py: a chat room client. It sends and receives at once: a reader thread prints
# what the room says while the main thread waits for your next line.
from socket import *
import struct
import threading

HOST = '{{host}}'
PORT = {{port}}
BUFSIZ = {{bufsize}}
ADDR = (HOST, PORT)

def receive(sock):                             # the reader thread
    buf = b''
    while True:
        data = sock.recv(BUFSIZ)               # C: recv(fd, buf, BUFSIZ, 0); blocks the reader only
        if not data:                           # b'': the server closed, or we shut our reading side
            break
        buf += data
        while b'\n' in buf:                    # print whole lines only
            line, buf = buf.split(b'\n', 1)
            print(line.decode('utf-8', 'replace'))

nick = input('nickname> ')
chatCliSock = socket(AF_INET, SOCK_STREAM)     # C: socket(AF_INET, SOCK_STREAM, 0)
chatCliSock.connect(ADDR)                      # C: connect(fd, &addr, sizeof addr)
chatCliSock.sendall(nick.encode('utf-8') + b'\n')   # the first line is the nickname
reader = threading.Thread(target=receive, args=(chatCliSock,))
reader.start()
while True:
    line = input('> ')
    if not line:                               # an empty line leaves the room
        chatCliSock.shutdown(SHUT_WR)          # C: shutdown(fd, SHUT_WR): FIN, the server reads b''
        break
    if line == '/vanish':                      # vanish mid-message: half a line, then a reset
        chatCliSock.sendall(b'half a mess')    # no '\n': the server waits for the rest
        chatCliSock.setsockopt(SOL_SOCKET, SO_LINGER, struct.pack('ii', 1, 0))
        chatCliSock.shutdown(SHUT_RD)          # C: shutdown(fd, SHUT_RD): wakes our reader, sends nothing
        break
    chatCliSock.sendall(line.encode('utf-8') + b'\n')   # one line, one message
reader.join()                                  # the reader has read b''
chatCliSock.close()                            # C: close(fd); after SO_LINGER 0 an RST, not a FIN
