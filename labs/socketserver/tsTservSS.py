#!/usr/bin/env python3
# tsTservSS.py: the timestamp server on socketserver (Python 3 version of the tutorial)
from socketserver import TCPServer as TCP, StreamRequestHandler as SRH
from time import ctime

HOST = '{{host}}'
PORT = {{port}}
ADDR = (HOST, PORT)

class MyRequestHandler(SRH):
    def handle(self):
        print('...connected from:', self.client_address)
        self.wfile.write(b'[%s] %s' % (bytes(ctime(), 'utf-8'), self.rfile.readline()))

TCP.allow_reuse_address = True            # SO_REUSEADDR before bind(): see the address-in-use lesson
tcpServ = TCP(ADDR, MyRequestHandler)      # C: socket(), setsockopt(), bind(), listen(fd, 5)
print('waiting for connection...')
tcpServ.serve_forever()                    # accept(), handle(), then shutdown(SHUT_WR), close()
