<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptQueueGauge</name>
    <message>
        <source>%1 · listening on port %2</source>
        <translation />
    </message>
    <message>
        <source>%1 · listening on %2</source>
        <translation />
    </message>
    <message>
        <source>%1 / %2 waiting for accept()</source>
        <translation />
    </message>
    <message>
        <source>the program is in accept(): it takes the next connection at once</source>
        <translation />
    </message>
    <message>
        <source>not in accept() now: new connections wait in the queue</source>
        <translation />
    </message>
    <message>
        <source>queue full</source>
        <translation />
    </message>
    <message numerus="yes">
        <source>%n connect() call(s) still waiting for room</source>
        <translation><numerusform>%n connect() call still waiting for room</numerusform><numerusform>%n connect() calls still waiting for room</numerusform></translation>
    </message>
    <message>
        <source>No listening socket yet: listen() makes one.</source>
        <translation />
    </message>
    <message>
        <source>Connections the kernel has already completed (the handshake is done) and queued until the program calls accept(), against the limit listen(backlog) set. The kernel reports both numbers (ss -ltn: Recv-Q / Send-Q). When the queue is full, new clients' connection requests wait unanswered.</source>
        <translation />
    </message>
</context>
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
    <message>
        <source>%1 must be one of %2, not "%3"</source>
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
    <message>
        <source>only a string parameter can have choices</source>
        <translation />
    </message>
    <message>
        <source>must be a non-empty array of strings</source>
        <translation />
    </message>
    <message>
        <source>copies must be from 1 to %1</source>
        <translation />
    </message>
</context>
<context>
    <name>LabNavigator</name>
    <message>
        <source>Lessons</source>
        <translation />
    </message>
    <message>
        <source>✓ completed — all %1 steps</source>
        <translation />
    </message>
    <message>
        <source>%1 / %2 steps</source>
        <translation />
    </message>
</context>
<context>
    <name>LiveViews</name>
    <message>
        <source>Sockets</source>
        <translation />
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation />
    </message>
    <message>
        <source>Trace of every socket call</source>
        <translation />
    </message>
    <message>
        <source>Accept queue</source>
        <translation />
    </message>
    <message>
        <source>Connections waiting for accept(), per listening socket</source>
        <translation />
    </message>
    <message>
        <source>Receive buffers</source>
        <translation />
    </message>
    <message>
        <source>Bytes waiting in the kernel until recv() takes them, split by the sends that wrote them</source>
        <translation />
    </message>
    <message>
        <source>SocketServer</source>
        <translation />
    </message>
    <message>
        <source>The socketserver stages as they run, and its request threads or processes</source>
        <translation />
    </message>
</context>
<context>
    <name>MainWindow</name>
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
    <message>
        <source>SocketLab</source>
        <translation />
    </message>
    <message>
        <source>Lessons</source>
        <translation />
    </message>
    <message>
        <source>Opened %1</source>
        <translation />
    </message>
    <message>
        <source>&amp;Step</source>
        <translation />
    </message>
    <message>
        <source>One step: the selected pane, or else the first pane that can move (F10)</source>
        <translation />
    </message>
    <message>
        <source>E&amp;xport sequence diagram…</source>
        <translation />
    </message>
    <message>
        <source>Export sequence diagram</source>
        <translation />
    </message>
    <message>
        <source>SVG for slides (*.svg);;PNG image (*.png)</source>
        <translation />
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation />
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation />
    </message>
    <message>
        <source>&amp;View</source>
        <translation />
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation />
    </message>
    <message>
        <source>Larger fonts and high contrast for a projector (Ctrl+Shift+P)</source>
        <translation />
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation />
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation />
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation />
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation />
    </message>
    <message>
        <source>A parameter was refused (shown in red in its pane): the pane uses its last good value</source>
        <translation />
    </message>
    <message>
        <source>Sequence diagram saved to %1</source>
        <translation />
    </message>
    <message>
        <source>Could not write %1</source>
        <translation />
    </message>
    <message>
        <source>No pane can step: each is blocked in a call, waiting for your input, or finished</source>
        <translation />
    </message>
    <message>
        <source>Run one more "%1" beside the others, on its own socket (Ctrl+N)</source>
        <translation />
    </message>
    <message>
        <source>This lab has no pane that can run more than once</source>
        <translation />
    </message>
    <message>
        <source>&amp;Add client</source>
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
    <message>
        <source>Parameters</source>
        <translation />
    </message>
    <message>
        <source>Show or hide this pane's parameters (editable before it starts)</source>
        <translation />
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <source>The pane is running: stop it (or Reset) to change its parameters.</source>
        <translation />
    </message>
    <message>
        <source>Parameter "%1" of the listing</source>
        <translation />
    </message>
    <message>
        <source>A whole number from %1 to %2</source>
        <translation />
    </message>
    <message>
        <source>This pane has no parameters.</source>
        <translation />
    </message>
    <message>
        <source>↳ follows %1: set by that pane, read-only while it is</source>
        <translation />
    </message>
    <message>
        <source>↳ your value, used instead of %1</source>
        <translation />
    </message>
    <message>
        <source>↳ will follow %1 once that pane publishes it</source>
        <translation />
    </message>
</context>
<context>
    <name>ReceiveBufferView</name>
    <message>
        <source>%1 · %2</source>
        <translation />
    </message>
    <message>
        <source>%1 · %2 ← %3</source>
        <translation />
    </message>
    <message numerus="yes">
        <source>%1() took %n byte(s) at once</source>
        <translation><numerusform>%1() took %n byte at once</numerusform><numerusform>%1() took %n bytes at once</numerusform></translation>
    </message>
    <message>
        <source>%1 B (merged)</source>
        <translation />
    </message>
    <message>
        <source>%1 B</source>
        <translation />
    </message>
    <message>
        <source>%1 B untraced</source>
        <translation />
    </message>
    <message numerus="yes">
        <source>next datagram: %n byte(s) (kernel)</source>
        <translation><numerusform>next datagram: %n byte (kernel)</numerusform><numerusform>next datagram: %n bytes (kernel)</numerusform></translation>
    </message>
    <message>
        <source>no datagram waiting (kernel)</source>
        <translation />
    </message>
    <message numerus="yes">
        <source>%n byte(s) waiting (kernel)</source>
        <translation><numerusform>%n byte waiting (kernel)</numerusform><numerusform>%n bytes waiting (kernel)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n datagram(s) traced</source>
        <translation><numerusform>%n datagram traced</numerusform><numerusform>%n datagrams traced</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>from %n traced send(s)</source>
        <translation><numerusform>from %n traced send</numerusform><numerusform>from %n traced sends</numerusform></translation>
    </message>
    <message>
        <source>buffer %1 B</source>
        <translation />
    </message>
    <message>
        <source>one %1() returned %2 bytes that %3 sends had written: the boundaries are gone</source>
        <translation />
    </message>
    <message>
        <source>No bytes waiting in any receive buffer: every recv() has taken what arrived.</source>
        <translation />
    </message>
    <message>
        <source>Bytes that have arrived and wait in the kernel until recv() takes them. The kernel reports only a byte count (for a datagram socket, the size of the next datagram). The lines between segments are the peer's send calls as SocketLab traced them: TCP itself keeps no boundaries, so one recv() can return several sends at once. Hatched bytes arrived without a traced send (another program, or an event on its way).</source>
        <translation />
    </message>
</context>
<context>
    <name>SequenceDiagramView</name>
    <message>
        <source>The sequence diagram fills in as the lab runs: a lifeline for each socket, time flowing down, an arrow for every connection and every message.</source>
        <translation />
    </message>
    <message>
        <source>SocketLab sequence diagram</source>
        <translation />
    </message>
    <message>
        <source>Socket calls of a SocketLab run: lifelines, calls, blocked time and the bytes each message carried.</source>
        <translation />
    </message>
</context>
<context>
    <name>SequenceModel</name>
    <message>
        <source>%1 · fd %2 · %3</source>
        <translation />
    </message>
    <message>
        <source>%1 B</source>
        <translation />
    </message>
    <message>
        <source>%1 → fd %2</source>
        <translation />
    </message>
</context>
<context>
    <name>SequenceRenderer</name>
    <message>
        <source>blocked %1 …</source>
        <translation />
    </message>
    <message>
        <source>%1 s</source>
        <translation />
    </message>
    <message>
        <source>blocked %1</source>
        <translation />
    </message>
    <message>
        <source>%1, truncated</source>
        <translation />
    </message>
    <message>
        <source>time</source>
        <translation />
    </message>
</context>
<context>
    <name>SocketServerFlowView</name>
    <message>
        <source>child process %1</source>
        <translation />
    </message>
    <message>
        <source>thread %1</source>
        <translation />
    </message>
    <message>
        <source>%1 · request %2</source>
        <translation />
    </message>
    <message>
        <source>%1 · request %2 from %3</source>
        <translation />
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation />
    </message>
    <message>
        <source>exited with code %1</source>
        <translation />
    </message>
    <message>
        <source>ended</source>
        <translation />
    </message>
    <message>
        <source>in %1</source>
        <translation />
    </message>
    <message>
        <source>No socketserver in this lab: its stages appear here when a server runs.</source>
        <translation />
    </message>
    <message>
        <source>×%1 · %2 running</source>
        <translation />
    </message>
    <message>
        <source>×%1</source>
        <translation />
    </message>
    <message>
        <source>Request threads and child processes: %1 running</source>
        <translation />
    </message>
    <message>
        <source>none: each request is handled on the server's own thread</source>
        <translation />
    </message>
    <message>
        <source>(%1 earlier ones not listed)</source>
        <translation />
    </message>
    <message>
        <source>The methods socketserver calls for each request, lit as they run: the stage running now is outlined, stages just passed fade out, and the count says how often each ran. With ThreadingMixIn or ForkingMixIn, finish_request onwards runs in the thread or child process listed below.</source>
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
    <message>
        <source>Nothing arrived before the socket's timeout ran out (settimeout): the call gave up waiting.</source>
        <translation />
    </message>
    <message>
        <source>The host name could not be turned into an address: check its spelling, or use 127.0.0.1.</source>
        <translation />
    </message>
    <message>
        <source>The socket was already closed: a closed socket cannot be used again; create a new one.</source>
        <translation />
    </message>
    <message>
        <source>Nobody is listening on that address and port: start the server first, or check the port.</source>
        <translation />
    </message>
    <message>
        <source>Another socket already holds this address and port: an old server may still run, or a closed one lingers in TIME_WAIT. Wait, choose another port, or set SO_REUSEADDR before bind().</source>
        <translation />
    </message>
    <message>
        <source>That address does not belong to this machine, so nothing can bind or connect from it.</source>
        <translation />
    </message>
    <message>
        <source>Ports below 1024 need administrator rights: choose a port from 1024 up.</source>
        <translation />
    </message>
    <message>
        <source>The peer reset the connection: it closed with data unread or crashed. What was in flight is lost.</source>
        <translation />
    </message>
    <message>
        <source>The peer has closed the connection, so nothing more can be sent on it.</source>
        <translation />
    </message>
    <message>
        <source>The peer did not answer in time: the host may be down or unreachable.</source>
        <translation />
    </message>
    <message>
        <source>This socket is not connected: connect() (or accept()) must come first.</source>
        <translation />
    </message>
    <message>
        <source>This socket is already connected: one socket makes one connection.</source>
        <translation />
    </message>
    <message>
        <source>The datagram is larger than the protocol allows: send less in one sendto().</source>
        <translation />
    </message>
    <message>
        <source>The non-blocking socket had nothing to do right now: try again later, or wait with select().</source>
        <translation />
    </message>
    <message>
        <source>The call does not fit the socket's state, e.g. listen() before bind() on some systems, or accept() on a socket that is not listening.</source>
        <translation />
    </message>
    <message>
        <source>There is no route to that network or host from this machine.</source>
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
    <message>
        <source>socketlab: --steps needs a whole number of steps, 0 or more</source>
        <translation />
    </message>
</context>
</TS>
