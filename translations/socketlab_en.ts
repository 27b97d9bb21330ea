<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>SocketLab — TCP timestamp server and client</source>
        <translation />
    </message>
    <message>
        <source>Type a message for the client to send; an empty line ends the client</source>
        <translation />
    </message>
    <message>
        <source>Server — tsTserv</source>
        <translation />
    </message>
    <message>
        <source>Client — tsTclnt</source>
        <translation />
    </message>
    <message>
        <source>Start runs the tutorial's TCP timestamp server and client on real sockets on 127.0.0.1. Type at the client's prompt: the server answers with the time. Watch accept() and recv() block in the socket table.</source>
        <translation />
    </message>
    <message>
        <source>Sockets</source>
        <translation />
    </message>
    <message>
        <source>Trace of every socket call</source>
        <translation />
    </message>
    <message>
        <source>Ready</source>
        <translation />
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation />
    </message>
    <message>
        <source>&amp;Start</source>
        <translation />
    </message>
    <message>
        <source>Start the server and the client (F5)</source>
        <translation />
    </message>
    <message>
        <source>S&amp;top</source>
        <translation />
    </message>
    <message>
        <source>Stop both programs, even while they are blocked (Shift+F5)</source>
        <translation />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation />
    </message>
    <message>
        <source>&amp;About SocketLab</source>
        <translation />
    </message>
    <message>
        <source>About SocketLab</source>
        <translation />
    </message>
    <message>
        <source>SocketLab %1 teaches socket programming on real sockets.</source>
        <translation />
    </message>
    <message>
        <source>Lab</source>
        <translation />
    </message>
    <message numerus="yes">
        <source>%n socket call event(s) traced, %1 dropped</source>
        <translation><numerusform>%n socket call event traced, %1 dropped</numerusform><numerusform>%n socket call events traced, %1 dropped</numerusform></translation>
    </message>
</context>
<context>
    <name>SocketTableModel</name>
    <message>
        <source>%1 B / %2</source>
        <translation />
    </message>
    <message>
        <source>%1 / %2</source>
        <translation />
    </message>
    <message>
        <source>What the program is doing with this socket, as SocketLab sees it</source>
        <translation />
    </message>
    <message>
        <source>The kernel's TCP state (TCP_INFO), as `ss -tan` prints it</source>
        <translation />
    </message>
    <message>
        <source>Bytes sent / number of send calls that moved data</source>
        <translation />
    </message>
    <message>
        <source>Bytes received / number of recv calls that returned data</source>
        <translation />
    </message>
    <message>
        <source>Bytes waiting in the kernel's receive buffer: sent by the peer, not yet taken by recv()</source>
        <translation />
    </message>
    <message>
        <source>Bytes in the kernel's send buffer not yet acknowledged by the peer</source>
        <translation />
    </message>
    <message>
        <source>Connections completed by the kernel and waiting for accept() / the limit set by listen(backlog)</source>
        <translation />
    </message>
    <message>
        <source>Program</source>
        <translation />
    </message>
    <message>
        <source>fd</source>
        <translation />
    </message>
    <message>
        <source>Type</source>
        <translation />
    </message>
    <message>
        <source>Local address</source>
        <translation />
    </message>
    <message>
        <source>Peer address</source>
        <translation />
    </message>
    <message>
        <source>State</source>
        <translation />
    </message>
    <message>
        <source>TCP state</source>
        <translation />
    </message>
    <message>
        <source>Sent</source>
        <translation />
    </message>
    <message>
        <source>Received</source>
        <translation />
    </message>
    <message>
        <source>Recv-Q</source>
        <translation />
    </message>
    <message>
        <source>Send-Q</source>
        <translation />
    </message>
    <message>
        <source>Accept queue</source>
        <translation />
    </message>
    <message>
        <source>blocked in %1() — %2</source>
        <translation />
    </message>
</context>
<context>
    <name>SocketText</name>
    <message>
        <source>created</source>
        <translation />
    </message>
    <message>
        <source>bound</source>
        <translation />
    </message>
    <message>
        <source>listening</source>
        <translation />
    </message>
    <message>
        <source>connecting</source>
        <translation />
    </message>
    <message>
        <source>connected</source>
        <translation />
    </message>
    <message>
        <source>peer closed</source>
        <translation />
    </message>
    <message>
        <source>shut down</source>
        <translation />
    </message>
    <message>
        <source>closed</source>
        <translation />
    </message>
    <message>
        <source>TCP</source>
        <translation />
    </message>
    <message>
        <source>UDP</source>
        <translation />
    </message>
    <message>
        <source>TCP/IPv6</source>
        <translation />
    </message>
    <message>
        <source>UDP/IPv6</source>
        <translation />
    </message>
    <message>
        <source>Unix stream</source>
        <translation />
    </message>
    <message>
        <source>Unix datagram</source>
        <translation />
    </message>
    <message>
        <source>other</source>
        <translation />
    </message>
    <message>
        <source>%1%2 to %3 …</source>
        <translation />
    </message>
    <message>
        <source>%1%2 …</source>
        <translation />
    </message>
    <message>
        <source>%1%2 blocks: waiting</source>
        <translation />
    </message>
    <message numerus="yes">
        <source>%1%2 → %n byte(s) sent</source>
        <translation><numerusform>%1%2 → %n byte sent</numerusform><numerusform>%1%2 → %n bytes sent</numerusform></translation>
    </message>
    <message>
        <source>%1%2 → b'' (the peer closed its side)</source>
        <translation />
    </message>
    <message numerus="yes">
        <source>%1%2 → %n byte(s) received</source>
        <translation><numerusform>%1%2 → %n byte received</numerusform><numerusform>%1%2 → %n bytes received</numerusform></translation>
    </message>
    <message>
        <source> (datagram truncated)</source>
        <translation />
    </message>
    <message>
        <source>%1%2 → new socket fd %3 from %4</source>
        <translation />
    </message>
    <message>
        <source>%1%2 → fd %3</source>
        <translation />
    </message>
    <message>
        <source>%1%2 → ok</source>
        <translation />
    </message>
    <message>
        <source>%1%2 failed: %3</source>
        <translation />
    </message>
    <message>
        <source>%1 ms</source>
        <translation />
    </message>
    <message>
        <source>%1 s</source>
        <translation />
    </message>
    <message>
        <source>, blocked %1</source>
        <translation />
    </message>
</context>
</TS>
