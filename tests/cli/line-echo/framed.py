# A line-echo server that frames its lines: it keeps what recv() returns until a b"\n" has
# come, answers each whole line upper-cased, and keeps the rest for the next recv().
import socket
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen(1)
conn, addr = srv.accept()
pending = b''
while True:
    data = conn.recv(1024)
    if not data:
        break
    pending += data
    while b'\n' in pending:
        line, pending = pending.split(b'\n', 1)
        conn.sendall(line.upper() + b'\n')
conn.close()
