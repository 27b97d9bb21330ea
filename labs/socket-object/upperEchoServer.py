#!/usr/bin/env python3
# The upper-case echo server of Python's socketserver documentation (Python 2 to 3.11)
import socketserver

HOST = '{{host}}'
PORT = {{port}}

class MyTCPHandler(socketserver.BaseRequestHandler):
    def handle(self):
        self.data = self.request.recv(1024).strip()     # C: recv(fd, buf, 1024, 0)
        print('{} wrote:'.format(self.client_address[0]))
        print(self.data)
        self.request.sendall(self.data.upper())         # C: send() until every byte is out

socketserver.TCPServer.allow_reuse_address = True   # SO_REUSEADDR: see the address-in-use lesson
server = socketserver.TCPServer((HOST, PORT), MyTCPHandler)   # C: socket(), setsockopt(), bind(), listen(fd, 5)
print('waiting for connection...')
server.serve_forever()                    # accept(), handle(), then shutdown(SHUT_WR), close()
