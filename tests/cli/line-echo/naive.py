# A line-echo server that takes what one recv() returns for one line: right on loopback,
# where each small sendall() tends to arrive whole, wrong once the bytes are split.
import socket
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen(1)
conn, addr = srv.accept()
while True:
    line = conn.recv(1024)          # one recv taken for one line
    if not line:
        break
    conn.sendall(line.strip().upper() + b'\n')
conn.close()
