#!/usr/bin/env python3
# client.py: seed 004's clients; SERVER follows the server pane: its UDP client for 'udp',
# its TCP client for the other two
import socket

SERVER = '{{server}}'
ip_port = ('{{host}}', {{port}})

if SERVER != 'udp':
    s = socket.socket()                               # C: socket(AF_INET, SOCK_STREAM, 0)
    s.connect(ip_port)                                # C: connect(): done once the server's kernel answers
    while True:                                       # send each line typed
        inp = input("Message to send: ").strip()
        if not inp:                                   # an empty line is not sent
            continue
        s.sendall(inp.encode())                       # C: send() until every byte is taken
        if inp == "exit":                             # "exit" ends the conversation
            print("Communication over!")
            break
        server_reply = s.recv(1024).decode()          # C: recv(fd, buf, 1024, 0)
        print(server_reply)
    s.close()                                         # C: close(fd)
else:
    sk = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, 0)  # C: socket(AF_INET, SOCK_DGRAM, 0)
    while True:
        inp = input('Message to send: ').strip()
        sk.sendto(inp.encode(), ip_port)              # C: sendto(): one datagram, no connection
        if inp == 'exit':
            break
    sk.close()                                        # C: close(fd)
