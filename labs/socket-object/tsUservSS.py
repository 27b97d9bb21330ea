#!/usr/bin/env python3
# tsUservSS.py: the UDP timestamp server on socketserver's UDPServer
from socketserver import UDPServer as UDP, DatagramRequestHandler as DRH
from time import ctime

HOST = '{{host}}'
PORT = {{port}}
ADDR = (HOST, PORT)

class MyRequestHandler(DRH):
    def handle(self):
        print('...received from:', self.client_address)
        self.wfile.write(b'[%s] %s' % (bytes(ctime(), 'utf-8'), self.rfile.readline()))

udpServ = UDP(ADDR, MyRequestHandler)      # C: socket(AF_INET, SOCK_DGRAM, 0), bind(); no listen()
print('waiting for message...')
udpServ.serve_forever()                    # recvfrom(), handle(), then one sendto() of wfile
