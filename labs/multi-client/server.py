#!/usr/bin/env python3
# server.py: seed 004's three servers; SERVER (a parameter) chooses the one that runs:
#   'one connection'  its first TCP server: one client, and that client's "exit" ends it all
#   'threading'       its threaded TCP server: a thread for each client
#   'udp'             its UDP server: no connection, one socket for every client
# Around them, the graceful exit seed 002 recommends: catch Ctrl-C, close in finally.
import socket
import threading

SERVER = '{{server}}'
ip_port = ('{{host}}', {{port}})


def link_handler(link, client):                       # what each thread of the threaded server runs
    print("Serving [%s:%s]..." % (client[0], client[1]))
    while True:                                       # talk to this client until it says "exit"
        client_data = link.recv(1024).decode()        # C: recv(cfd, buf, 1024, 0)
        if client_data == "exit":                     # this client is done
            print("Done with [%s:%s]" % (client[0], client[1]))
            break
        print("[%s:%s] says: %s" % (client[0], client[1], client_data))
        link.sendall('The server got your message'.encode())  # C: send() until every byte is taken
    link.close()                                      # C: close(cfd); the thread ends here


if SERVER == 'udp':
    sk = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, 0)  # C: socket(AF_INET, SOCK_DGRAM, 0)
else:
    sk = socket.socket()                              # C: socket(AF_INET, SOCK_STREAM, 0)
sk.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # restart at once: see the address-in-use lesson
sk.bind(ip_port)                                      # C: bind(fd, &addr, sizeof addr)
try:
    if SERVER == 'one connection':
        sk.listen(5)                                  # C: listen(fd, 5): yet one client will do
        print('Server started, waiting for a client...')
        conn, address = sk.accept()                   # one accept(): one client, ever
        while True:
            client_data = conn.recv(1024).decode()    # C: recv(cfd, buf, 1024, 0)
            if client_data == "exit":                 # the client is done, and so is the server
                exit("Communication over")            # SystemExit: the whole program ends
            print("From %s: %s" % (address, client_data))
            conn.sendall('The server got your message'.encode())  # C: send() until every byte is taken
        conn.close()                                  # never reached: only exit() ends the loop
    elif SERVER == 'threading':
        sk.listen(5)                                  # C: listen(fd, 5), then accept() for ever
        print('Server started, waiting for clients...')
        while True:
            conn, address = sk.accept()               # the next client, again and again
            t = threading.Thread(target=link_handler, args=(conn, address))
            t.start()                                 # C: pthread_create(): the thread serves, this one accepts
    else:
        while True:
            data = sk.recv(1024).strip().decode()     # C: recv(fd, buf, 1024, 0): a datagram from anyone
            print(data)
            if data == "exit":                        # any client's "exit"
                print("A client ended the server!")
                break
except KeyboardInterrupt:                             # Ctrl-C (Stop, in SocketLab)
    print('Server stopped')
finally:
    sk.close()                                        # C: close(fd), however the server ended
