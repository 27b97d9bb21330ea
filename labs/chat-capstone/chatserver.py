#!/usr/bin/env python3
# chatserver.py: a chat room. One thread per client; every line a client sends goes to everyone.
from socket import *
import threading

HOST = '{{host}}'
PORT = {{port}}
BUFSIZ = 1024
clients = {}                                   # socket -> nickname, shared by every thread
lock = threading.Lock()                        # one thread at a time changes or walks clients

def broadcast(text):
    data = text.encode('utf-8')
    with lock:                                 # nobody joins or leaves while we send
        for sock in list(clients):
            try:
                sock.sendall(data)             # C: send(fd, buf, n, 0) until all is sent
            except OSError:                    # that client vanished: its own thread says goodbye
                pass

def serve(conn, addr):                         # runs on this client's own thread
    nick = None
    buf = b''
    try:
        while True:
            data = conn.recv(BUFSIZ)           # C: recv(fd, buf, BUFSIZ, 0); blocks this thread only
            if not data:                       # b'': the client left
                break
            buf += data
            while b'\n' in buf:                # a line is a message; a part waits for its end
                line, buf = buf.split(b'\n', 1)
                text = line.decode('utf-8', 'replace').strip()
                if nick is None:               # the first line is the nickname
                    nick = text or '%s:%d' % addr
                    with lock:
                        clients[conn] = nick
                    broadcast('*** %s joined\n' % nick)
                elif text:
                    broadcast('[%s] %s\n' % (nick, text))
    except OSError as e:                       # a reset: the client vanished, maybe mid-message
        print(addr, e)
    with lock:
        clients.pop(conn, None)                # no broadcast reaches it any more
    conn.close()                               # C: close(fd)
    if nick is not None:
        broadcast('*** %s left\n' % nick)
    print('...left:', addr)

chatSock = socket(AF_INET, SOCK_STREAM)        # C: socket(AF_INET, SOCK_STREAM, 0)
chatSock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
chatSock.bind((HOST, PORT))                    # C: bind(fd, &addr, sizeof addr)
chatSock.listen(50)                            # C: listen(fd, 50)
print('chat room open on %s:%d' % chatSock.getsockname())
while True:
    conn, addr = chatSock.accept()             # C: accept(fd, &addr, &len)
    print('...connected from:', addr)
    threading.Thread(target=serve, args=(conn, addr), daemon=True).start()
