<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HeadlessRun</name>
    <message>
        <source>socketlab: lab %1 has no pane "%2" (it has: %3)</source>
        <translation />
    </message>
    <message>
        <source>write NAME=VALUE, not "%1"</source>
        <translation />
    </message>
</context>
<context>
    <name>LabDefinition</name>
    <message>
        <source>%1 must be a whole number, not "%2"</source>
        <translation />
    </message>
    <message>
        <source>%1 must be between %2 and %3</source>
        <translation />
    </message>
</context>
<context>
    <name>LabLoader</name>
    <message>
        <source>"%1" is missing</source>
        <translation />
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation />
    </message>
    <message>
        <source>must be a whole number</source>
        <translation />
    </message>
    <message>
        <source>must be an object with "en" and "zh_CN" texts</source>
        <translation />
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation />
    </message>
    <message>
        <source>is too large (%1 bytes; at most %2)</source>
        <translation />
    </message>
    <message>
        <source>is not valid UTF-8 text</source>
        <translation />
    </message>
    <message>
        <source>must be an array</source>
        <translation />
    </message>
    <message>
        <source>min is greater than max</source>
        <translation />
    </message>
    <message>
        <source>must be "int" or "string", not "%1"</source>
        <translation />
    </message>
    <message>
        <source>"default" is missing</source>
        <translation />
    </message>
    <message>
        <source>"%1" is declared twice</source>
        <translation />
    </message>
    <message>
        <source>"steps" is missing</source>
        <translation />
    </message>
    <message>
        <source>must be an object</source>
        <translation />
    </message>
    <message>
        <source>program "%1" has no step "%2"</source>
        <translation />
    </message>
    <message>
        <source>line %1 is outside %2 (%3 lines)</source>
        <translation />
    </message>
    <message>
        <source>line %1 of %2 does not contain "%3": %4</source>
        <translation />
    </message>
    <message>
        <source>step "%1" of program "%2" has no line</source>
        <translation />
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation />
    </message>
    <message>
        <source>must hold a JSON object</source>
        <translation />
    </message>
    <message>
        <source>"%1" differs from the folder name "%2"</source>
        <translation />
    </message>
    <message>
        <source>a lab needs at least one pane</source>
        <translation />
    </message>
    <message>
        <source>pane "%1" is declared twice</source>
        <translation />
    </message>
    <message>
        <source>no program is called "%1"</source>
        <translation />
    </message>
    <message>
        <source>the listing could not be read</source>
        <translation />
    </message>
    <message>
        <source>program "%1" needs parameter "%2"</source>
        <translation />
    </message>
    <message>
        <source>"%1" names no pane parameter (write pane.parameter)</source>
        <translation />
    </message>
</context>
<context>
    <name>MainWindow</name>
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
    <message>
        <source>SocketLab — %1</source>
        <translation />
    </message>
    <message>
        <source>Lesson</source>
        <translation />
    </message>
    <message>
        <source>&amp;Run all</source>
        <translation />
    </message>
    <message>
        <source>Run every pane; clients start once the server has its port (F5)</source>
        <translation />
    </message>
    <message>
        <source>&amp;Pause all</source>
        <translation />
    </message>
    <message>
        <source>Pause every pane before its next step (F6)</source>
        <translation />
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation />
    </message>
    <message>
        <source>Stop every pane, even in a blocked call, close every socket and start afresh (Ctrl+R)</source>
        <translation />
    </message>
    <message>
        <source>Pause between steps while running: left is full speed, right is slow motion</source>
        <translation />
    </message>
    <message>
        <source>Speed: </source>
        <translation />
    </message>
</context>
<context>
    <name>PaneRunner</name>
    <message>
        <source>this pane has no parameter "%1"</source>
        <translation />
    </message>
    <message>
        <source>no program is called "%1"</source>
        <translation />
    </message>
</context>
<context>
    <name>PaneView</name>
    <message>
        <source>Step</source>
        <translation />
    </message>
    <message>
        <source>Run</source>
        <translation />
    </message>
    <message>
        <source>Pause</source>
        <translation />
    </message>
    <message>
        <source>Stop</source>
        <translation />
    </message>
    <message>
        <source>Input for the program's input(); an empty line ends a client</source>
        <translation />
    </message>
    <message>
        <source>Run one step of this pane, then pause</source>
        <translation />
    </message>
    <message>
        <source>Let this pane run</source>
        <translation />
    </message>
    <message>
        <source>Pause this pane before its next step</source>
        <translation />
    </message>
    <message>
        <source>Stop this pane, even while a call is blocked</source>
        <translation />
    </message>
    <message>
        <source>blocked in %1() — %2</source>
        <translation />
    </message>
    <message>
        <source>not started</source>
        <translation />
    </message>
    <message>
        <source>running</source>
        <translation />
    </message>
    <message>
        <source>paused before line %1</source>
        <translation />
    </message>
    <message>
        <source>waiting for your input</source>
        <translation />
    </message>
    <message>
        <source>finished</source>
        <translation />
    </message>
    <message>
        <source>failed: %1</source>
        <translation />
    </message>
    <message>
        <source>stopped</source>
        <translation />
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
<context>
    <name>main</name>
    <message>
        <source>socketlab: no lab "%1"; --list-labs shows them</source>
        <translation />
    </message>
    <message>
        <source>socketlab: --run needs --lab ID</source>
        <translation />
    </message>
    <message>
        <source>socketlab: no lab could be loaded</source>
        <translation />
    </message>
    <message>
        <source>write PANE.NAME=VALUE with a pane of lab %1</source>
        <translation />
    </message>
    <message>
        <source>socketlab: could not write %1</source>
        <translation />
    </message>
</context>
</TS>
