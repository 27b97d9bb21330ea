#!/usr/bin/env python3
# The upper-case echo server of Python's socketserver documentation
import socketserver

HOST = '{{host}}'
PORT = {{port}}

class MyTCPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        self.data = self.request.recv(1024).strip()     # C: recv(fd, buf, 1024, 0)
        print('{} wrote:'.format(self.client_address[0]))
        print(self.data)
        self.request.sendall(self.data.upper())         # C: send() until every byte is out

server = socketserver.TCPServer((HOST, PORT), MyTCPHandler)   # C: socket(), bind(), listen(fd, 5)
print('waiting for connection...')
server.serve_forever()                    # accept(), handle, shutdown(SHUT_WR), close() per request
