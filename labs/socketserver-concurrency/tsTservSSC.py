#!/usr/bin/env python3
# tsTservSS.py with a choice of server class, and verify_request letting one client host in
from socketserver import {{server}} as Server, StreamRequestHandler as SRH
from time import ctime

HOST = '{{host}}'
PORT = {{port}}
ADDR = (HOST, PORT)
ALLOWED = '{{allowed}}'                     # '' lets every client in

class MyServer(Server):
    allow_reuse_address = True              # SO_REUSEADDR before bind(): see the address-in-use lesson

    def verify_request(self, request, client_address):
        if ALLOWED and client_address[0] != ALLOWED:
            print('...refused:', client_address)
            return False                    # the server shuts the connection down, no handler
        return True

class MyRequestHandler(SRH):
    def handle(self):
        print('...connected from:', self.client_address, flush=True)  # a forked child ends in os._exit()
        self.wfile.write(b'[%s] %s' % (bytes(ctime(), 'utf-8'), self.rfile.readline()))

tcpServ = MyServer(ADDR, MyRequestHandler)  # C: socket(), setsockopt(), bind(), listen(fd, 5)
print('waiting for connection...')
tcpServ.serve_forever()                     # a thread or a child per request, or neither
