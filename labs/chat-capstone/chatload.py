#!/usr/bin/env python3
# chatload.py: a classroom in one pane. N scripted clients join the room, say COUNT lines in
# all (RATE lines a second), read everything the room says, and leave.
from socket import *
import time

HOST = '{{host}}'
PORT = {{port}}
N = {{clients}}
RATE = {{rate}}
COUNT = {{count}}
ADDR = (HOST, PORT)

bots = []                                      # press Run on this pane to let the classroom in
for i in range(N):                             # N clients join, one after another
    bot = socket(AF_INET, SOCK_STREAM)         # C: socket(AF_INET, SOCK_STREAM, 0)
    bot.connect(ADDR)                          # C: connect(fd, &addr, sizeof addr)
    bot.sendall(b'bot%d\n' % (i + 1))          # its nickname
    bot.setblocking(False)                     # reading never waits: the room is read when it has something
    bots.append(bot)
print('%d clients in the room' % N)
for said in range(COUNT):
    time.sleep(1 / RATE)
    bots[said % N].sendall(b'line %d\n' % (said + 1))   # the bots speak in turn
    for bot in bots:                           # read what the room said, so no buffer fills
        try:
            while bot.recv(65536):             # C: recv(fd, buf, 65536, 0) until EAGAIN
                pass
        except BlockingIOError:                # nothing more for now
            pass
print('%d lines said' % COUNT)
for bot in bots:
    bot.close()                                # C: close(fd): the server reads b'' and says who left
