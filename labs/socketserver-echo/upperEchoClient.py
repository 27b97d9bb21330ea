#!/usr/bin/env python3
# The client of the upper-case echo server: a new connection for every line
import socket

HOST = '{{host}}'
PORT = {{port}}

while True:
    data = input('> ')
    if not data:
        break
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:   # closed at the block's end
        sock.connect((HOST, PORT))
        sock.sendall(bytes(data + '\n', 'utf-8'))
        received = str(sock.recv(1024), 'utf-8')
    print('Sent:     {}'.format(data))
    print('Received: {}'.format(received))
