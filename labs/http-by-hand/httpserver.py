#!/usr/bin/env python3
# httpserver.py: a tiny HTTP/1.0 server on plain sockets. It serves the files of one folder
# (ROOT) to a browser or curl on this machine, one request per connection.
import os
from socket import *
from urllib.parse import unquote

HOST = '127.0.0.1'                             # this machine only
PORT = {{port}}
ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), '{{root}}'))
TYPES = {'.html': 'text/html; charset=utf-8', '.txt': 'text/plain; charset=utf-8'}

def respond(conn, status, body, ctype='text/plain; charset=utf-8'):
    head = 'HTTP/1.0 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n' % (status, ctype, len(body))
    conn.sendall(head.encode('ascii') + body)  # the status line, headers, a blank line, the body

def handle(conn):
    request = b''
    while b'\r\n\r\n' not in request and len(request) < 8192:   # a blank line ends the head
        data = conn.recv(1024)
        if not data:                           # the client stopped before the blank line
            break
        request += data
    print(request)
    parts = request.split(b'\r\n')[0].split(b' ')             # [b'GET', b'/hello.txt', b'HTTP/1.0']
    if b'\r\n\r\n' not in request or len(parts) != 3 or not parts[1].startswith(b'/') \
            or not parts[2].startswith(b'HTTP/1.'):
        return respond(conn, '400 Bad Request',   # says what it got, as Python's http.server does
                       b'Bad request syntax: %r\n' % request.split(b'\r\n')[0][:80])
    if parts[0] != b'GET':
        return respond(conn, '501 Not Implemented', b'Only GET\n')
    path = unquote(parts[1].split(b'?')[0].decode('latin-1'))  # %2e%2e/ becomes ../
    if '\0' in path:                           # no file name has a NUL byte
        return respond(conn, '400 Bad Request', b'Bad path\n')
    if path.endswith('/'):
        path += 'index.html'
    file = os.path.realpath(os.path.join(ROOT, path.lstrip('/')))  # resolves .. and symbolic links
    if os.path.commonpath([ROOT, file]) != ROOT:
        return respond(conn, '403 Forbidden', b'Forbidden\n')     # outside ROOT: never opened
    if not os.path.isfile(file):
        return respond(conn, '404 Not Found', b'Not found\n')
    with open(file, 'rb') as f:
        body = f.read()
    respond(conn, '200 OK', body, TYPES.get(os.path.splitext(file)[1], 'application/octet-stream'))

httpSock = socket(AF_INET, SOCK_STREAM)
httpSock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
httpSock.bind((HOST, PORT))
httpSock.listen(5)
print('serving %s on http://%s:%d/' % ((ROOT,) + httpSock.getsockname()))

while True:
    conn, addr = httpSock.accept()
    print('...connected from:', addr)
    conn.settimeout(5)                         # a client that never ends its request
    try:
        handle(conn)                           # one request, one response
    except OSError as e:                       # a timeout, a reset, a broken pipe: this client only
        print(addr, e)
    conn.close()                               # HTTP/1.0: closing ends the response
