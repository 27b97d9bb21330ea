#!/usr/bin/env python3
# httpclient.py: an HTTP request written by hand; the response is read until the server closes.
from socket import *

HOST = '{{host}}'
PORT = {{port}}
BUFSIZ = {{bufsize}}

while True:
    target = input('path or request line> ')   # /hello.txt, or GET / HTTP/1.0
    if not target:
        break
    if target.startswith('/'):
        target = 'GET %s HTTP/1.0' % target
    request = target + '\r\nHost: %s:%d\r\n\r\n' % (HOST, PORT)   # a blank line ends the head
    httpCliSock = socket(AF_INET, SOCK_STREAM)
    httpCliSock.connect((HOST, PORT))
    httpCliSock.sendall(request.encode('utf-8'))
    response = b''
    while True:
        data = httpCliSock.recv(BUFSIZ)
        if not data:                           # b'': HTTP/1.0 ends the response by closing
            break
        response += data
    httpCliSock.close()
    head, blank, body = response.partition(b'\r\n\r\n')
    print(head.decode('latin-1') + '\n')      # the head, and the blank line after it
    print(body.decode('utf-8', 'replace'))
