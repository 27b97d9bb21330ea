#!/usr/bin/env python3
# backlogClients.py: CLIENTS clients connect at once, each on its own thread
from socket import *
from threading import Thread

HOST = '{{host}}'
PORT = {{port}}
CLIENTS = {{clients}}
ADDR = (HOST, PORT)

def client(n):
    s = socket(AF_INET, SOCK_STREAM)             # C: socket(AF_INET, SOCK_STREAM, 0)
    s.connect(ADDR)                              # C: connect(fd, &addr, sizeof addr): returns when the handshake is done
    print(n, 'connected from', s.getsockname())
    s.sendall(b'client %d' % n)                  # C: send(fd, buf, n, MSG_NOSIGNAL): into the kernel's buffer, accepted or not
    data = s.recv(1024)                          # C: recv(fd, buf, 1024, 0): nothing comes before the server accept()s
    print(n, 'served at', data.decode('utf-8'))
    s.close()                                    # C: close(fd)

threads = [Thread(target=client, args=(n,)) for n in range(1, CLIENTS + 1)]
for t in threads:
    t.start()                                    # C: pthread_create(&tid, NULL, client, n)
for t in threads:
    t.join()                                     # C: pthread_join(tid, NULL)
