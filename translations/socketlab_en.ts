<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptQueueGauge</name>
    <message>
        <source>%1 · listening on port %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · listening on %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 / %2 waiting for accept()</source>
        <translation></translation>
    </message>
    <message>
        <source>the program is in accept(): it takes the next connection at once</source>
        <translation></translation>
    </message>
    <message>
        <source>not in accept() now: new connections wait in the queue</source>
        <translation></translation>
    </message>
    <message>
        <source>queue full</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n connect() call(s) still waiting for room</source>
        <translation>
            <numerusform>%n connect() call still waiting for room</numerusform>
            <numerusform>%n connect() calls still waiting for room</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections the kernel has already completed (the handshake is done) and queued until the program calls accept(), against the limit listen(backlog) set. The kernel reports both numbers (ss -ltn: Recv-Q / Send-Q). When the queue is full, new clients&apos; connection requests wait unanswered.</source>
        <translation></translation>
    </message>
    <message>
        <source>No listening socket yet: a TCP server&apos;s listen() makes one. UDP sockets have no accept queue.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · listening on port %2: %3 / %4 waiting for accept()</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) already sent into them</source>
        <translation>
            <numerusform>%n byte already sent into them</numerusform>
            <numerusform>%n bytes already sent into them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>their clients already sent %n byte(s) into them</source>
        <translation>
            <numerusform>their clients already sent %n byte into them</numerusform>
            <numerusform>their clients already sent %n bytes into them</numerusform>
        </translation>
    </message>
    <message>
        <source>its program&apos;s calls are not seen from outside: the queue is what the kernel holds for it</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>BufferGauge</name>
    <message>
        <source>%1 · %2 → %3</source>
        <translation></translation>
    </message>
    <message>
        <source>send queue %1 B of SO_SNDBUF %2</source>
        <translation></translation>
    </message>
    <message>
        <source>receive queue %1 B of SO_RCVBUF %2</source>
        <translation></translation>
    </message>
    <message>
        <source>the program waits in send() for room in its send buffer</source>
        <translation></translation>
    </message>
    <message>
        <source>the program waits in recv() for bytes</source>
        <translation></translation>
    </message>
    <message>
        <source>bytes wait for recv(): the program is not reading now</source>
        <translation></translation>
    </message>
    <message>
        <source>No TCP connection yet: connect() and accept() make them.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>CheckRun</name>
    <message>
        <source>socketlab: lab %1 has no exercises</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: lab %1 has no exercise &quot;%2&quot; (it has: %3)</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --set: write PANE.NAME=VALUE, not &quot;%1&quot;</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>SocketLab: socket programming lessons on real sockets. Without options it opens the window on the lab used last.</source>
        <translation></translation>
    </message>
    <message>
        <source>Language of the window and of these messages: en or zh_CN (default: the one used last, else the system&apos;s).</source>
        <translation></translation>
    </message>
    <message>
        <source>Print one line per lab, its id and title; then exit.</source>
        <translation></translation>
    </message>
    <message>
        <source>Open the lab ID (--list-labs shows them).</source>
        <translation></translation>
    </message>
    <message>
        <source>With --lab: run the pane PANE in this terminal, without a window: its console on stdout, its input from stdin, errors on stderr; exit status 0 when it ends well.</source>
        <translation></translation>
    </message>
    <message>
        <source>Also load labs from DIR (one folder per lab), after the built-in ones and the user&apos;s folder (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>Render the window to FILE (PNG) and exit, once the --steps are taken and every --send line has its answer. If that cannot happen (a pane ended, or %1 s passed), the picture is saved all the same, the reason printed, and the exit status is 1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Run every pane of the lab at once.</source>
        <translation></translation>
    </message>
    <message>
        <source>Type a line into a pane as if typed in its input box: PANE:LINE into that pane (--send client2:hello), a plain LINE into the first pane that reads input; :LINE sends a LINE that itself has a colon. Repeatable; implies --start unless --steps is given.</source>
        <translation></translation>
    </message>
    <message>
        <source>Advance the lab N steps, as pressing Step (F10) N times: the server first until it blocks, then the clients. With --screenshot, the picture is taken after them.</source>
        <translation></translation>
    </message>
    <message>
        <source>With --screenshot: also save the sequence diagram to FILE (.svg as SVG, else PNG), for slides.</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: unknown language &quot;%1&quot; (use en or zh_CN)</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --steps needs a whole number of steps, 0 or more</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --run needs --lab ID</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --diagram needs --screenshot (the diagram is saved with the picture)</source>
        <translation></translation>
    </message>
    <message>
        <source>Run the check of the lab&apos;s exercise ID in the terminal, with the answer given by --set PANE.NAME=VALUE: one line per property, PASS or FAIL; exit status 0 only when all pass.</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --check needs --lab ID</source>
        <translation></translation>
    </message>
    <message>
        <source>Open a saved run (File → Save run) in the window without running anything: its timeline shows any moment of it.</source>
        <translation></translation>
    </message>
    <message>
        <source>With --replay: show the moment SECONDS after the run&apos;s start (default: its end); with --screenshot, render that moment.</source>
        <translation></translation>
    </message>
    <message>
        <source>With --steps or --send: save the run to FILE once the steps are taken and the lines answered, then exit (open it with --replay).</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --at needs a number of seconds, 0 or more</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --at needs --replay FILE</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --replay shows a saved run and runs nothing: --lab, --send, --steps, --start and --record do not go with it</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --record needs --steps or --send (what to run before saving)</source>
        <translation></translation>
    </message>
    <message>
        <source>Set a parameter: with --run, NAME=VALUE of that pane (--set port=21567); in the window and with --check, PANE.NAME=VALUE (--set server.port=0), where NAME may also be an injected fault (--set server.recvMax=4). Repeatable.</source>
        <translation></translation>
    </message>
    <message>
        <source>Open the window at this size, WIDTHxHEIGHT in pixels (--size 1920x1080), e.g. for a picture of it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Open the window in its classroom layout: large text, the listings and one live view filling the screen.</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --size needs WIDTHxHEIGHT in pixels, from 320x240 to %1x%1, such as 1920x1080</source>
        <translation></translation>
    </message>
    <message>
        <source>With --run: run your own Python 3 program FILE in the pane&apos;s place, traced (python3 runs it). Else PANE=FILE: your program in that pane of the window, or checked by --check. Repeatable.</source>
        <translation></translation>
    </message>
    <message>
        <source>With --program: write one JSON line per socket call of the program to FILE (pane, thread, line, call, arguments, result or error, bytes, time blocked).</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --program needs --lab ID</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: without --run, write --program PANE=FILE.py, not &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --trace-out needs --program FILE</source>
        <translation></translation>
    </message>
    <message>
        <source>Observe every socket on a local PORT (either end, TCP and UDP), or held by a process (pid:PID), of any process on this machine: the window shows them live, read-only (SocketLab never touches them).</source>
        <translation></translation>
    </message>
    <message>
        <source>With --observe: print the observed sockets once, as ss -tuxanp would (state, Recv-Q, Send-Q, local and peer address, process), and exit.</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --list needs --observe PORT or --observe pid:PID</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --observe watches sockets and runs nothing: --lab, --replay, --send, --steps, --start, --record and --program do not go with it</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --observe: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Condition</name>
    <message>
        <source>waiting for input</source>
        <translation></translation>
    </message>
    <message>
        <source>blocked in a call</source>
        <translation></translation>
    </message>
    <message>
        <source>running</source>
        <translation></translation>
    </message>
    <message>
        <source>paused</source>
        <translation></translation>
    </message>
    <message>
        <source>finished</source>
        <translation></translation>
    </message>
    <message>
        <source>ended with an error</source>
        <translation></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation></translation>
    </message>
    <message>
        <source>ended</source>
        <translation></translation>
    </message>
    <message>
        <source>failed</source>
        <translation></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation></translation>
    </message>
    <message>
        <source>returned</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 prints a line matching /%2/</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 prints no line matching /%2/</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 reports an error matching /%2/</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 reports no error</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is blocked in %2()</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 publishes %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1&apos;s %2() %3 (%4 time(s) or more)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1&apos;s %2() %3 with %4 (%5 time(s) or more)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1&apos;s accept queue fills up</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 connections wait in %2&apos;s accept queue</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>EditedListing</name>
    <message>
        <source>cannot make the folder %1</source>
        <translation></translation>
    </message>
    <message>
        <source>cannot save your edit to %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ExerciseBox</name>
    <message>
        <source>Check my answer</source>
        <translation></translation>
    </message>
    <message>
        <source>Runs the lab on real sockets with your parameters (and the faults you set on the panes), apart from the lab in the window, and checks what happened</source>
        <translation></translation>
    </message>
    <message>
        <source>Each hint says more than the one before; the hints you use are counted in your progress</source>
        <translation></translation>
    </message>
    <message>
        <source>the lab&apos;s own values (you changed none)</source>
        <translation></translation>
    </message>
    <message>
        <source>Checking on real sockets with %1 …</source>
        <translation></translation>
    </message>
    <message>
        <source>as it runs</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 holds</source>
        <translation></translation>
    </message>
    <message>
        <source>what happened: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>run with injected faults: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Checked with %1: %2 of %3 hold.</source>
        <translation></translation>
    </message>
    <message>
        <source>Hint %1:</source>
        <translation></translation>
    </message>
    <message>
        <source>Show a hint (%1 available)</source>
        <translation></translation>
    </message>
    <message>
        <source>Next hint (%1 of %2 shown)</source>
        <translation></translation>
    </message>
    <message>
        <source>All %1 hints shown</source>
        <translation></translation>
    </message>
    <message>
        <source>✓ %1 — passed</source>
        <translation></translation>
    </message>
    <message>
        <source>Passed. You may check again with other values.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not passed yet.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ExerciseCheck</name>
    <message>
        <source>the lab has no pane parameter %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The answer cannot be used: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The check could not start %1: what it follows was never published</source>
        <translation></translation>
    </message>
    <message>
        <source>The run never reached this point: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>not reached</source>
        <translation></translation>
    </message>
    <message>
        <source>The check&apos;s script acts on %1, which is not running: add it first</source>
        <translation></translation>
    </message>
    <message>
        <source>The check could not add another %1: the lab allows no more</source>
        <translation></translation>
    </message>
    <message>
        <source>This exercise checks your own program for the pane %1: give it (--program %1=FILE.py).</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ExercisePanel</name>
    <message>
        <source>Exercises</source>
        <translation></translation>
    </message>
    <message>
        <source>This lab has no exercises.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>FaultControl</name>
    <message>
        <source>What the network does to this pane&apos;s sockets. Each call a fault changes is marked &quot;injected&quot; in the trace. 0: off.</source>
        <translation></translation>
    </message>
    <message>
        <source>off</source>
        <translation></translation>
    </message>
    <message>
        <source>No faults</source>
        <translation></translation>
    </message>
    <message>
        <source>Faults</source>
        <translation></translation>
    </message>
    <message>
        <source>⚡ Faults: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Inject faults into this pane&apos;s sockets: short reads, split or delayed sends, refused connects, lost datagrams</source>
        <translation></translation>
    </message>
    <message>
        <source>Injected now: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>FaultFields</name>
    <message>
        <source>&quot;%1&quot; is not a fault SocketLab knows (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 must be a whole number from 0 to %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>FaultText</name>
    <message>
        <source>Every recv() returns at most</source>
        <translation></translation>
    </message>
    <message>
        <source>The next recv() returns at most</source>
        <translation></translation>
    </message>
    <message>
        <source>Every send() takes at most (a short send)</source>
        <translation></translation>
    </message>
    <message>
        <source>Every recv() first waits, so sends arrive together</source>
        <translation></translation>
    </message>
    <message>
        <source>Every send() and sendto() is delayed by</source>
        <translation></translation>
    </message>
    <message>
        <source>The next connect() calls are refused</source>
        <translation></translation>
    </message>
    <message>
        <source>The next datagrams sent are lost</source>
        <translation></translation>
    </message>
    <message>
        <source> B</source>
        <translation></translation>
    </message>
    <message>
        <source> ms</source>
        <translation></translation>
    </message>
    <message>
        <source> ×</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>HeadlessRun</name>
    <message>
        <source>socketlab: lab %1 has no pane &quot;%2&quot; (it has: %3)</source>
        <translation></translation>
    </message>
    <message>
        <source>write NAME=VALUE, not &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --trace-out: cannot write %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LabDefinition</name>
    <message>
        <source>%1 must be a whole number, not &quot;%2&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 must be one of %2, not &quot;%3&quot;</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LabLoader</name>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an object with &quot;en&quot; and &quot;zh_CN&quot; texts</source>
        <translation></translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation></translation>
    </message>
    <message>
        <source>must hold a JSON object</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: replaces the lab &quot;%2&quot; loaded from %3</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be the name of a file in the lab&apos;s folder, not an absolute path</source>
        <translation></translation>
    </message>
    <message>
        <source>cannot be read: no such file in the lab&apos;s folder</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; lies outside the lab&apos;s folder (through &quot;..&quot; or a link): a lab may only use its own files</source>
        <translation></translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>is too large (%1 bytes; at most %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>is not valid UTF-8 text</source>
        <translation></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation></translation>
    </message>
    <message>
        <source>refers to &quot;%1&quot;, which is not a file of the lab&apos;s folder</source>
        <translation></translation>
    </message>
    <message>
        <source>no line of %1 contains &quot;%2&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>no line of %1 makes the call &quot;%2&quot; this step stands for</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is on lines %2 of %3: make &quot;at&quot; text that only this step&apos;s line has</source>
        <translation></translation>
    </message>
    <message>
        <source>the call &quot;%1&quot; is on lines %2 of %3: give &quot;at&quot; with text that only this step&apos;s line has</source>
        <translation></translation>
    </message>
    <message>
        <source>line %1 of %2 (&quot;%3&quot;) does not make the call &quot;%4&quot; this step stands for</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an object of faults, e.g. {&quot;recvMax&quot;: 5}</source>
        <translation></translation>
    </message>
    <message>
        <source>is not a fault SocketLab knows (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>must be from 0 to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the lab has no pane &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>is not a valid regular expression: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;input&quot; needs &quot;line&quot;: the text typed (&quot;&quot; is an empty line)</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a condition, e.g. {&quot;pane&quot;: &quot;client&quot;, &quot;printed&quot;: &quot;hello&quot;}</source>
        <translation></translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a call SocketLab traces</source>
        <translation></translation>
    </message>
    <message>
        <source>must be &quot;full&quot; or a number of connections, 1 or more</source>
        <translation></translation>
    </message>
    <message>
        <source>says nothing to check: give printed, notPrinted, error, noError, state, published, call or acceptQueue</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is declared twice</source>
        <translation></translation>
    </message>
    <message>
        <source>names no pane parameter (write pane.parameter)</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;script&quot; is missing: the actions the check takes on the panes</source>
        <translation></translation>
    </message>
    <message>
        <source>checks nothing: give &quot;properties&quot;, or &quot;expect&quot; actions in the script</source>
        <translation></translation>
    </message>
    <message>
        <source>two properties have the same id</source>
        <translation></translation>
    </message>
    <message>
        <source>give at least two hints, each saying more than the one before</source>
        <translation></translation>
    </message>
    <message>
        <source>min is greater than max</source>
        <translation></translation>
    </message>
    <message>
        <source>must be &quot;int&quot; or &quot;string&quot;, not &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>only a string parameter can have choices</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a non-empty array of strings</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;default&quot; is missing</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;steps&quot; is missing</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an object with &quot;explain&quot; (and &quot;at&quot; where the call is not unique)</source>
        <translation></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation></translation>
    </message>
    <message>
        <source>line numbers are not used: anchor the step with &quot;at&quot;: text of its line (or nothing, when the call appears once)</source>
        <translation></translation>
    </message>
    <message>
        <source>program &quot;%1&quot; has no step &quot;%2&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>step &quot;%1&quot; of program &quot;%2&quot; is missing: every step needs an explanation</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is itself like another pane: name that one</source>
        <translation></translation>
    </message>
    <message>
        <source>no pane declared before this one is called &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; differs from the folder name &quot;%2&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>a lab needs at least one pane</source>
        <translation></translation>
    </message>
    <message>
        <source>pane &quot;%1&quot; is declared twice</source>
        <translation></translation>
    </message>
    <message>
        <source>no program is called &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>program &quot;%1&quot; needs parameter &quot;%2&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>copies must be from 1 to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no pane parameter (write pane.parameter)</source>
        <translation></translation>
    </message>
    <message>
        <source>pane &quot;%1&quot; has no step &quot;%2&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>must be from 1 to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>a question with choices needs two or more</source>
        <translation></translation>
    </message>
    <message>
        <source>an observed answer needs the value each choice stands for</source>
        <translation></translation>
    </message>
    <message>
        <source>must be the index of a choice, 0 to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>must have exactly one of start, stop, input, endInput, waitFor, expect, settle, add</source>
        <translation></translation>
    </message>
    <message>
        <source>the lab has no pane &quot;%1&quot; that a learner may add</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; lies outside the lab&apos;s folder and not in a lab beside it: a listing may only be a file of this lab or of a lab in the same folder</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LabNavigator</name>
    <message>
        <source>Lessons</source>
        <translation></translation>
    </message>
    <message>
        <source>could not be loaded</source>
        <translation></translation>
    </message>
    <message>
        <source>could not be loaded: %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 could not be loaded from %2:
%3</source>
        <translation></translation>
    </message>
    <message>
        <source>Open this lesson</source>
        <translation></translation>
    </message>
    <message>
        <source>your lab, in place of the built-in one</source>
        <translation></translation>
    </message>
    <message>
        <source>Loaded from %1, in place of the lab with the same id from %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LabProgress</name>
    <message>
        <source># SocketLab progress: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Lab</source>
        <translation></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation></translation>
    </message>
    <message>
        <source>Predictions right</source>
        <translation></translation>
    </message>
    <message>
        <source>Exercises passed</source>
        <translation></translation>
    </message>
    <message>
        <source>Hints used</source>
        <translation></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation></translation>
    </message>
    <message>
        <source>yes</source>
        <translation></translation>
    </message>
    <message>
        <source>no</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LearnerExplanation</name>
    <message>
        <source>This process has used every file descriptor it may have (ulimit -n), and every socket takes one. The server pauses accept() and tries again; the clients wait in the listen queue until a connection closes.</source>
        <translation></translation>
    </message>
    <message>
        <source>The whole system has run out of file descriptors. The server pauses accept() and tries again; the clients wait in the listen queue.</source>
        <translation></translation>
    </message>
    <message>
        <source>The kernel has no memory left for another connection. The server pauses accept() and tries again.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LearnerRun</name>
    <message>
        <source>Cannot open %1: there is no readable file there.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot prepare the tracer that runs your program: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 was not found. SocketLab runs your program with Python 3: install it (on Debian or Ubuntu: sudo apt install python3) and run again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: warning: your program bound a socket to %1, which other machines on the network can reach: a server there serves anyone who connects. Bind to 127.0.0.1 unless you mean to.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ListingView</name>
    <message>
        <source>line %1, %2: %3</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LiveViews</name>
    <message>
        <source>Sockets</source>
        <translation></translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation></translation>
    </message>
    <message>
        <source>Trace of every socket call</source>
        <translation></translation>
    </message>
    <message>
        <source>Accept queue</source>
        <translation></translation>
    </message>
    <message>
        <source>Connections waiting for accept(), per listening socket</source>
        <translation></translation>
    </message>
    <message>
        <source>Receive buffers</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes waiting in the kernel until recv() takes them, split by the sends that wrote them</source>
        <translation></translation>
    </message>
    <message>
        <source>SocketServer</source>
        <translation></translation>
    </message>
    <message>
        <source>The socketserver stages as they run, and its request threads or processes</source>
        <translation></translation>
    </message>
    <message>
        <source>Kernel buffers</source>
        <translation></translation>
    </message>
    <message>
        <source>Each TCP connection&apos;s send and receive queues against SO_SNDBUF and SO_RCVBUF</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ready</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;About SocketLab</source>
        <translation></translation>
    </message>
    <message>
        <source>About SocketLab</source>
        <translation></translation>
    </message>
    <message>
        <source>Lab</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n socket call event(s) traced, %1 dropped</source>
        <translation>
            <numerusform>%n socket call event traced, %1 dropped</numerusform>
            <numerusform>%n socket call events traced, %1 dropped</numerusform>
        </translation>
    </message>
    <message>
        <source>SocketLab — %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Run all</source>
        <translation></translation>
    </message>
    <message>
        <source>Run every pane; clients start once the server has its port (F5)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Pause all</source>
        <translation></translation>
    </message>
    <message>
        <source>Pause every pane before its next step (F6)</source>
        <translation></translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop every pane, even in a blocked call, close every socket and start afresh (Ctrl+R)</source>
        <translation></translation>
    </message>
    <message>
        <source>SocketLab</source>
        <translation></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation></translation>
    </message>
    <message>
        <source>One step: the selected pane, or else the first pane that can move (F10)</source>
        <translation></translation>
    </message>
    <message>
        <source>E&amp;xport sequence diagram…</source>
        <translation></translation>
    </message>
    <message>
        <source>Export sequence diagram</source>
        <translation></translation>
    </message>
    <message>
        <source>SVG for slides (*.svg);;PNG image (*.png)</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation></translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation></translation>
    </message>
    <message>
        <source>Sequence diagram saved to %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation></translation>
    </message>
    <message>
        <source>No pane can step: each is blocked in a call, waiting for your input, or finished</source>
        <translation></translation>
    </message>
    <message>
        <source>Run one more &quot;%1&quot; beside the others, on its own socket (Ctrl+N)</source>
        <translation></translation>
    </message>
    <message>
        <source>This lab has no pane that can run more than once</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Add client</source>
        <translation></translation>
    </message>
    <message>
        <source>|◀ Start</source>
        <translation></translation>
    </message>
    <message>
        <source>The run&apos;s first moment</source>
        <translation></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation></translation>
    </message>
    <message>
        <source>The moment before the last change: calls, sockets and panes as they were then (Shift+F10). Nothing runs again and no socket is touched.</source>
        <translation></translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation></translation>
    </message>
    <message>
        <source>The next change of the run (F10 while looking back)</source>
        <translation></translation>
    </message>
    <message>
        <source>Now</source>
        <translation></translation>
    </message>
    <message>
        <source>Back to the live run (Ctrl+F10)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Save run…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save this run to a file, to show it again later or elsewhere without running it</source>
        <translation></translation>
    </message>
    <message>
        <source>Save run</source>
        <translation></translation>
    </message>
    <message>
        <source>SocketLab runs (*.socketlab-run)</source>
        <translation></translation>
    </message>
    <message>
        <source>The run was not saved.
%1</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Open run…</source>
        <translation></translation>
    </message>
    <message>
        <source>Open a saved run: every moment of it, without running anything</source>
        <translation></translation>
    </message>
    <message>
        <source>Open run</source>
        <translation></translation>
    </message>
    <message>
        <source>SocketLab runs (*.socketlab-run);;All files (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 was not opened.
%2</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation></translation>
    </message>
    <message>
        <source>Looking back: the panes and views show an earlier moment; nothing runs again and no socket is touched. Forward (F10) or Now returns to the live run.</source>
        <translation></translation>
    </message>
    <message>
        <source>Back to the live run</source>
        <translation></translation>
    </message>
    <message>
        <source>SocketLab — %1 (saved run %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>A saved run: nothing runs. The timeline, Back (Shift+F10) and Forward (F10) show any moment of it; a lesson opens the live lab again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing has been recorded yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>Only web links open from a lesson (%1 is not one)</source>
        <translation></translation>
    </message>
    <message>
        <source>Not yet in Chinese, shown in English: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Open my labs folder</source>
        <translation></translation>
    </message>
    <message>
        <source>The folder where your own labs go: each lab a folder with its lab.json (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Re&amp;load labs</source>
        <translation></translation>
    </message>
    <message>
        <source>Read every lab folder again: a lab you are writing appears without a restart (Ctrl+Shift+R)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Classroom layout</source>
        <translation></translation>
    </message>
    <message>
        <source>For a projector: large text, high contrast, the lesson text folded away, the listings and one live view of your choice filling the screen (Ctrl+Shift+P)</source>
        <translation></translation>
    </message>
    <message>
        <source>Lessons and lesson &amp;text</source>
        <translation></translation>
    </message>
    <message>
        <source>Show or fold away the list of lessons and the lesson text (Ctrl+L)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation></translation>
    </message>
    <message>
        <source>Speed: slow </source>
        <translation></translation>
    </message>
    <message>
        <source> fast</source>
        <translation></translation>
    </message>
    <message>
        <source>How fast the panes run: left is slow motion (a pause before every step), right is full speed</source>
        <translation></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation></translation>
    </message>
    <message>
        <source> Live view: </source>
        <translation></translation>
    </message>
    <message>
        <source>The live view the classroom layout shows beside or under the listings</source>
        <translation></translation>
    </message>
    <message>
        <source>Live view</source>
        <translation></translation>
    </message>
    <message>
        <source>Classroom</source>
        <translation></translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation></translation>
    </message>
    <message>
        <source>A parameter was refused (its reason is shown in its pane): the pane uses its last good value</source>
        <translation></translation>
    </message>
    <message>
        <source>Language: English</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Labs read again: %n lab(s)</source>
        <translation>
            <numerusform>Labs read again: %n lab</numerusform>
            <numerusform>Labs read again: %n labs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Labs read again: %n lab(s); %1 could not be loaded (greyed in the list of lessons)</source>
        <translation>
            <numerusform>Labs read again: %n lab; %1 could not be loaded (greyed in the list of lessons)</numerusform>
            <numerusform>Labs read again: %n labs; %1 could not be loaded (greyed in the list of lessons)</numerusform>
        </translation>
    </message>
    <message>
        <source>No file manager could open %1: put your lab folders there</source>
        <translation></translation>
    </message>
    <message>
        <source>the labs built into SocketLab</source>
        <translation></translation>
    </message>
    <message>
        <source>SocketLab teaches socket programming on real sockets: the lessons of Python&apos;s socket and socketserver modules run side by side, and you watch what accept(), recv(), listen() and socketserver do, in the kernel too.</source>
        <translation></translation>
    </message>
    <message>
        <source>Labs are loaded from, in this order (a later lab with the same id replaces an earlier one):</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n lab(s) loaded, %1 could not be.</source>
        <translation>
            <numerusform>%n lab loaded, %1 could not be.</numerusform>
            <numerusform>%n labs loaded, %1 could not be.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your own labs go in %1 (Lab → Open my labs folder); Lab → Reload labs reads them again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Ob&amp;serve a port or process…</source>
        <translation></translation>
    </message>
    <message>
        <source>Watch the sockets on a port or of a process of this machine, read-only</source>
        <translation></translation>
    </message>
    <message>
        <source>SocketLab — observing %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Observing %1: read-only</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ObserveBanner</name>
    <message>
        <source>&lt;b&gt;Observing %1&lt;/b&gt;: its sockets, of any process on this machine, live. SocketLab only reads their state from the kernel; it does not open, connect to, read or write these sockets.&lt;br&gt;The sequence diagram and the trace stay empty here: SocketLab sees the calls only of the programs it runs, and shows no call it did not see.</source>
        <translation></translation>
    </message>
    <message>
        <source>The process has exited: its sockets are closed.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n socket(s) open now.</source>
        <translation>
            <numerusform>%n socket open now.</numerusform>
            <numerusform>%n sockets open now.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop observing</source>
        <translation></translation>
    </message>
    <message>
        <source>Back to the lessons</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ObserveDialog</name>
    <message>
        <source>Observe a port or process</source>
        <translation></translation>
    </message>
    <message>
        <source>Give a local port (1–65535) to watch every socket on it, or pid:PID to watch every socket of one process. Any process on this machine can be observed, read-only.</source>
        <translation></translation>
    </message>
    <message>
        <source>8080 or pid:1234</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 — listened on by %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The ports something listens on now, or type a port or pid:PID</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ObserveList</name>
    <message>
        <source>socketlab: --observe: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: nothing to observe: no socket a process holds uses port %1</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: nothing to observe: process %1 holds no socket</source>
        <translation></translation>
    </message>
    <message>
        <source>Netid</source>
        <translation></translation>
    </message>
    <message>
        <source>State</source>
        <translation></translation>
    </message>
    <message>
        <source>Recv-Q</source>
        <translation></translation>
    </message>
    <message>
        <source>Send-Q</source>
        <translation></translation>
    </message>
    <message>
        <source>Local address</source>
        <translation></translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation></translation>
    </message>
    <message>
        <source>Process</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ObserveTarget</name>
    <message>
        <source>“%1” is not a process number: write pid: and the number, as in pid:1234.</source>
        <translation></translation>
    </message>
    <message>
        <source>No process %1 runs on this machine.</source>
        <translation></translation>
    </message>
    <message>
        <source>“%1” is not a port: give a number from 1 to 65535, or pid:NUMBER for a process.</source>
        <translation></translation>
    </message>
    <message>
        <source>port %1</source>
        <translation></translation>
    </message>
    <message>
        <source>process %1</source>
        <translation></translation>
    </message>
    <message>
        <source>process %1 (%2)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PaneAssignments</name>
    <message>
        <source>write PANE.NAME=VALUE with a pane of lab %1</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --program: lab %1 has no pane &quot;%2&quot;</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PaneFilterButton</name>
    <message numerus="yes">
        <source>%1 — %n open socket(s)</source>
        <translation>
            <numerusform>%1 — %n open socket</numerusform>
            <numerusform>%1 — %n open sockets</numerusform>
        </translation>
    </message>
    <message>
        <source>No sockets yet</source>
        <translation></translation>
    </message>
    <message>
        <source>Panes</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Panes (%n hidden)</source>
        <translation>
            <numerusform>Panes (%n hidden)</numerusform>
            <numerusform>Panes (%n hidden)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose whose sockets the views show</source>
        <translation></translation>
    </message>
    <message>
        <source>The views leave out the sockets of %1, and the connections to them</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PaneRunner</name>
    <message>
        <source>this pane has no parameter &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>no program is called &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is longer than 1 MiB: not a program to step through</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PaneThreads</name>
    <message>
        <source>main thread</source>
        <translation></translation>
    </message>
    <message>
        <source>a new thread</source>
        <translation></translation>
    </message>
    <message>
        <source>request %1&apos;s thread</source>
        <translation></translation>
    </message>
    <message>
        <source>blocked in %1() — %2</source>
        <translation></translation>
    </message>
    <message>
        <source>waiting for a request in serve_forever() — %1</source>
        <translation></translation>
    </message>
    <message>
        <source>waiting for your input</source>
        <translation></translation>
    </message>
    <message>
        <source>paused before line %1</source>
        <translation></translation>
    </message>
    <message>
        <source>running</source>
        <translation></translation>
    </message>
    <message>
        <source>ended here</source>
        <translation></translation>
    </message>
    <message>
        <source>blocked</source>
        <translation></translation>
    </message>
    <message>
        <source>waiting for a request</source>
        <translation></translation>
    </message>
    <message>
        <source>waiting for input</source>
        <translation></translation>
    </message>
    <message>
        <source>next</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PaneToolRow</name>
    <message>
        <source>Tools</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: more of this pane&apos;s controls (the pane is too narrow to show them all in its row)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PaneView</name>
    <message>
        <source>Step</source>
        <translation></translation>
    </message>
    <message>
        <source>Run</source>
        <translation></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation></translation>
    </message>
    <message>
        <source>Run one step of this pane, then pause</source>
        <translation></translation>
    </message>
    <message>
        <source>Let this pane run</source>
        <translation></translation>
    </message>
    <message>
        <source>Pause this pane before its next step</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop this pane, even while a call is blocked</source>
        <translation></translation>
    </message>
    <message>
        <source>not started</source>
        <translation></translation>
    </message>
    <message>
        <source>running</source>
        <translation></translation>
    </message>
    <message>
        <source>waiting for your input</source>
        <translation></translation>
    </message>
    <message>
        <source>finished</source>
        <translation></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation></translation>
    </message>
    <message>
        <source>Show or hide this pane&apos;s parameters (editable before it starts)</source>
        <translation></translation>
    </message>
    <message>
        <source>Input for the program&apos;s input(); an empty line ends a client. Type ahead: it waits.</source>
        <translation></translation>
    </message>
    <message>
        <source>Listing of %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Console of %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Input for %1</source>
        <translation></translation>
    </message>
    <message>
        <source>What %1 is doing</source>
        <translation></translation>
    </message>
    <message>
        <source>Explanation of the marked line</source>
        <translation></translation>
    </message>
    <message>
        <source>Lines waiting for %1&apos;s input()</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: the pane the lab&apos;s Step moves first</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>and %n more thread(s)</source>
        <translation>
            <numerusform>and %n more thread</numerusform>
            <numerusform>and %n more threads</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>main</source>
        <translation></translation>
    </message>
    <message>
        <source>new thread</source>
        <translation></translation>
    </message>
    <message>
        <source>request %1</source>
        <translation></translation>
    </message>
    <message>
        <source>(an empty line)</source>
        <translation></translation>
    </message>
    <message>
        <source>Queued for this program&apos;s input(): %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Program</source>
        <translation></translation>
    </message>
    <message>
        <source>Run your own Python program in this pane, or the lesson&apos;s again</source>
        <translation></translation>
    </message>
    <message>
        <source>Open your own .py file…</source>
        <translation></translation>
    </message>
    <message>
        <source>Restore the lesson&apos;s program</source>
        <translation></translation>
    </message>
    <message>
        <source>Your own program for this pane</source>
        <translation></translation>
    </message>
    <message>
        <source>Python programs (*.py);;All files (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>Your own program</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 — your program %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Edit this listing</source>
        <translation></translation>
    </message>
    <message>
        <source>Change the listing in place; Step or Run then runs your text as Python, and it is kept for this lab</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 — your edited listing, run as Python</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 — editing: Step or Run runs it as Python</source>
        <translation></translation>
    </message>
    <message>
        <source>Your program %1 was not opened again: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <source>The pane is running: stop it (or Reset) to change its parameters.</source>
        <translation></translation>
    </message>
    <message>
        <source>A whole number from %1 to %2</source>
        <translation></translation>
    </message>
    <message>
        <source>This pane has no parameters.</source>
        <translation></translation>
    </message>
    <message>
        <source>↳ follows %1: set by that pane, read-only while it is</source>
        <translation></translation>
    </message>
    <message>
        <source>↳ your value, used instead of %1</source>
        <translation></translation>
    </message>
    <message>
        <source>↳ will follow %1 once that pane publishes it</source>
        <translation></translation>
    </message>
    <message>
        <source>Goes into line %1 of the listing: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>A value the program uses</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PlaygroundDock</name>
    <message>
        <source>Playground</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PlaygroundEngine</name>
    <message>
        <source>socket() takes a family and a type.</source>
        <translation></translation>
    </message>
    <message>
        <source>Make a socket first: there is no socket &quot;%1&quot;.</source>
        <translation></translation>
    </message>
    <message>
        <source>This lab has no playground pane.</source>
        <translation></translation>
    </message>
    <message>
        <source>The peers are starting: call again once their ports show in their panes.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <source>Call</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation></translation>
    </message>
    <message>
        <source>New socket</source>
        <translation></translation>
    </message>
    <message>
        <source>Save as Python…</source>
        <translation></translation>
    </message>
    <message>
        <source>Ends a call that waits (accept, recv): the playground&apos;s sockets close with it</source>
        <translation></translation>
    </message>
    <message>
        <source>Make a socket first (New socket).</source>
        <translation></translation>
    </message>
    <message>
        <source>… running (it may be waiting: Stop ends it)</source>
        <translation></translation>
    </message>
    <message>
        <source>stopped: the playground ended, its sockets closed</source>
        <translation></translation>
    </message>
    <message>
        <source>C: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>no system call</source>
        <translation></translation>
    </message>
    <message>
        <source>Saved %1: run it with python3.</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the calls as a Python script</source>
        <translation></translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation></translation>
    </message>
    <message>
        <source>no socket yet</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>bytes: %1 (%n byte(s))</source>
        <translation>
            <numerusform>bytes: %1 (%n byte)</numerusform>
            <numerusform>bytes: %1 (%n bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation></translation>
    </message>
    <message>
        <source>decode(): %1
decode(errors=&apos;replace&apos;): %2</source>
        <translation></translation>
    </message>
    <message>
        <source>decode(): %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PredictionCard</name>
    <message>
        <source>Prediction</source>
        <translation></translation>
    </message>
    <message>
        <source>Vote first. Then the teacher picks the class&apos;s answer and commits it: the step runs and the card shows what really happened.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation></translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation></translation>
    </message>
    <message>
        <source>Commit the class&apos;s answer</source>
        <translation></translation>
    </message>
    <message>
        <source>Commit</source>
        <translation></translation>
    </message>
    <message>
        <source>Lock in this answer: the step runs, and the card shows what really happened</source>
        <translation></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation></translation>
    </message>
    <message>
        <source>Run the step without answering (recorded as skipped)</source>
        <translation></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation></translation>
    </message>
    <message>
        <source>Your answer: %1. The step runs now…</source>
        <translation></translation>
    </message>
    <message>
        <source>Skipped. The step runs now…</source>
        <translation></translation>
    </message>
    <message>
        <source>the run did not show it (the step made no call to watch)</source>
        <translation></translation>
    </message>
    <message>
        <source>Skipped — here is what happened</source>
        <translation></translation>
    </message>
    <message>
        <source>✓ Right: the class predicted it</source>
        <translation></translation>
    </message>
    <message>
        <source>✓ Right</source>
        <translation></translation>
    </message>
    <message>
        <source>✗ Not this time: the run did something else</source>
        <translation></translation>
    </message>
    <message>
        <source>✗ Not this time</source>
        <translation></translation>
    </message>
    <message>
        <source>You said: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>What happened: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>PredictionPresenter</name>
    <message>
        <source>%1 · line %2, before it runs: %3</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>Programs</name>
    <message>
        <source>child %1 exited %2</source>
        <translation></translation>
    </message>
    <message>
        <source>child %1 started</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ProgressActions</name>
    <message>
        <source>Reset progress</source>
        <translation></translation>
    </message>
    <message>
        <source>Forget your progress in &quot;%1&quot;: the steps reached, your predictions, the exercises passed and the hints used? This cannot be undone.</source>
        <translation></translation>
    </message>
    <message>
        <source>Reset all progress</source>
        <translation></translation>
    </message>
    <message>
        <source>Forget your progress in every lab: the steps reached, your predictions, the exercises passed and the hints used? This cannot be undone.</source>
        <translation></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation></translation>
    </message>
    <message>
        <source>Your name, as your teacher knows you:</source>
        <translation></translation>
    </message>
    <message>
        <source>Web page (*.html);;Markdown (*.md);;JSON (*.json)</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>SocketLab progress: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ProgressText</name>
    <message>
        <source>✓ completed</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 / %2 exercises</source>
        <translation></translation>
    </message>
    <message>
        <source>✓ completed — all %1 steps</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 / %2 steps</source>
        <translation></translation>
    </message>
    <message>
        <source>Steps reached: %1 of %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Predictions: %1 of %2 answered, %3 right, %4 skipped</source>
        <translation></translation>
    </message>
    <message>
        <source>Exercises passed: %1 of %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Hints used: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Completed: every exercise passed</source>
        <translation></translation>
    </message>
    <message>
        <source>Completed: every step reached</source>
        <translation></translation>
    </message>
    <message>
        <source>Completed once every exercise passes</source>
        <translation></translation>
    </message>
    <message>
        <source>Completed once every step is reached</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>[options]</source>
        <translation></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation></translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation></translation>
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation></translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation></translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation></translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ReceiveBufferView</name>
    <message>
        <source>%1 · %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · %2 ← %3</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1() took %n byte(s) at once</source>
        <translation>
            <numerusform>%1() took %n byte at once</numerusform>
            <numerusform>%1() took %n bytes at once</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 B (merged)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 B untraced</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>next datagram: %n byte(s) (kernel)</source>
        <translation>
            <numerusform>next datagram: %n byte (kernel)</numerusform>
            <numerusform>next datagram: %n bytes (kernel)</numerusform>
        </translation>
    </message>
    <message>
        <source>no datagram waiting (kernel)</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) waiting (kernel)</source>
        <translation>
            <numerusform>%n byte waiting (kernel)</numerusform>
            <numerusform>%n bytes waiting (kernel)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n datagram(s) traced</source>
        <translation>
            <numerusform>%n datagram traced</numerusform>
            <numerusform>%n datagrams traced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n traced send(s)</source>
        <translation>
            <numerusform>from %n traced send</numerusform>
            <numerusform>from %n traced sends</numerusform>
        </translation>
    </message>
    <message>
        <source>buffer %1 B</source>
        <translation></translation>
    </message>
    <message>
        <source>one %1() returned %2 bytes that %3 sends had written: the boundaries are gone</source>
        <translation></translation>
    </message>
    <message>
        <source>No bytes waiting in any receive buffer: every recv() has taken what arrived.</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes that have arrived and wait in the kernel until recv() takes them. The kernel reports only a byte count (for a datagram socket, the size of the next datagram). The lines between segments are the peer&apos;s send calls as SocketLab traced them: TCP itself keeps no boundaries, so one recv() can return several sends at once. Hatched bytes arrived without a traced send (another program, or an event on its way).</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2: %n byte(s) waiting</source>
        <translation>
            <numerusform>%1 · %2: %n byte waiting</numerusform>
            <numerusform>%1 · %2: %n bytes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 ← %3, not accepted yet: %n byte(s) waiting</source>
        <translation>
            <numerusform>%1 · %2 ← %3, not accepted yet: %n byte waiting</numerusform>
            <numerusform>%1 · %2 ← %3, not accepted yet: %n bytes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (not accepted yet)</source>
        <translation></translation>
    </message>
    <message>
        <source>the connection waits in the accept queue; its bytes wait with it</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>%1 s</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation></translation>
    </message>
    <message>
        <source>A saved run: the moment shown, of the whole run</source>
        <translation></translation>
    </message>
    <message>
        <source>An earlier moment of the run: nothing runs again and no socket is touched; Now returns</source>
        <translation></translation>
    </message>
    <message>
        <source>live · %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The run as it happens; Back (Shift+F10) shows an earlier moment</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RunFile</name>
    <message>
        <source>the file is damaged: %1 (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation></translation>
    </message>
    <message>
        <source>a number was expected</source>
        <translation></translation>
    </message>
    <message>
        <source>a text was expected</source>
        <translation></translation>
    </message>
    <message>
        <source>an address that is none</source>
        <translation></translation>
    </message>
    <message>
        <source>a call SocketLab does not know</source>
        <translation></translation>
    </message>
    <message>
        <source>a value out of range</source>
        <translation></translation>
    </message>
    <message>
        <source>this is not a SocketLab run</source>
        <translation></translation>
    </message>
    <message>
        <source>this run was saved by a newer SocketLab (format %1; this one reads up to %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>the file is damaged: its content does not match its checksum (cut short, or edited)</source>
        <translation></translation>
    </message>
    <message>
        <source>the file is damaged: no content</source>
        <translation></translation>
    </message>
    <message>
        <source>the file is damaged: it claims %1 bytes of content</source>
        <translation></translation>
    </message>
    <message>
        <source>the file is damaged: its content cannot be unpacked</source>
        <translation></translation>
    </message>
    <message>
        <source>the file is damaged: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>frames out of time order</source>
        <translation></translation>
    </message>
    <message>
        <source>reports out of time order</source>
        <translation></translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>could not read %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is too large to be a SocketLab run (%2 bytes)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RunRecord</name>
    <message>
        <source>nothing</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 printed %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 reported %2</source>
        <translation></translation>
    </message>
    <message>
        <source>blocked in %1()</source>
        <translation></translation>
    </message>
    <message>
        <source>not started</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 published nothing called %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 made %2 such %3() calls</source>
        <translation></translation>
    </message>
    <message>
        <source>at most %1 connections waited for %2&apos;s accept()</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RunTimeline</name>
    <message>
        <source>The run so far. Click or drag to see any earlier moment: nothing runs again and no socket is touched.
Blue: socket calls · green: console lines · red: errors · hatched: history dropped to stay within memory</source>
        <translation></translation>
    </message>
    <message>
        <source>Run timeline</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SavedRunWindow</name>
    <message>
        <source>socketlab: %1 was not opened: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --at %1: the run lasts %2 s</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: could not write %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ScriptedRun</name>
    <message>
        <source>socketlab: --send %1: pane %2 does not read input (these do: %3)</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --send %1: lab %2 has no pane &quot;%3&quot; (it has: %4); to send a line that itself has a colon, put one in front: --send &quot;:%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: --send %1: no pane of lab %2 reads input</source>
        <translation></translation>
    </message>
    <message>
        <source>pane %1: %2 of %3 typed lines answered</source>
        <translation></translation>
    </message>
    <message>
        <source>pane %1 ended before answering its lines (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the lab took %1 of the %2 steps asked</source>
        <translation></translation>
    </message>
    <message>
        <source>gave up after %1 s: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: could not write %1</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: the run was not saved to %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SelfStudy</name>
    <message>
        <source>Exercises</source>
        <translation></translation>
    </message>
    <message>
        <source>Ask &amp;predictions before key steps</source>
        <translation></translation>
    </message>
    <message>
        <source>Before a key step runs, the pane stops and asks what you expect; then it shows what happened</source>
        <translation></translation>
    </message>
    <message>
        <source>Reset progress of this lab…</source>
        <translation></translation>
    </message>
    <message>
        <source>Reset all progress…</source>
        <translation></translation>
    </message>
    <message>
        <source>E&amp;xport progress…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save a report of your progress in every lab, for your teacher (HTML, Markdown or JSON)</source>
        <translation></translation>
    </message>
    <message>
        <source>Show or hide the lab&apos;s exercises: tasks checked on real sockets, with hints</source>
        <translation></translation>
    </message>
    <message>
        <source>Exercises (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Reset progress of &quot;%1&quot;…</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SequenceDiagramView</name>
    <message>
        <source>The sequence diagram fills in as the lab runs: a lifeline for each socket, time flowing down, an arrow for every connection and every message.</source>
        <translation></translation>
    </message>
    <message>
        <source>SocketLab sequence diagram</source>
        <translation></translation>
    </message>
    <message>
        <source>Socket calls of a SocketLab run: lifelines, calls, blocked time and the bytes each message carried.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n lifeline(s): %1.</source>
        <translation>
            <numerusform>%n lifeline: %1.</numerusform>
            <numerusform>%n lifelines: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest calls: %1.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SequenceModel</name>
    <message>
        <source>%1 · fd %2 · %3</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 → fd %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SequenceRenderer</name>
    <message>
        <source>blocked %1 …</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation></translation>
    </message>
    <message>
        <source>blocked %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1, truncated</source>
        <translation></translation>
    </message>
    <message>
        <source>time</source>
        <translation></translation>
    </message>
    <message>
        <source>in the accept queue</source>
        <translation></translation>
    </message>
    <message>
        <source>waiting for room in the accept queue</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SocketObserver</name>
    <message>
        <source>another user&apos;s process</source>
        <translation></translation>
    </message>
    <message>
        <source>The kernel&apos;s socket tables cannot be read here (sock_diag): %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SocketServerFlowView</name>
    <message>
        <source>child process %1</source>
        <translation></translation>
    </message>
    <message>
        <source>thread %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · request %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · request %2 from %3</source>
        <translation></translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation></translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation></translation>
    </message>
    <message>
        <source>ended</source>
        <translation></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation></translation>
    </message>
    <message>
        <source>No socketserver in this lab: its stages appear here when a server runs.</source>
        <translation></translation>
    </message>
    <message>
        <source>×%1 · %2 running</source>
        <translation></translation>
    </message>
    <message>
        <source>×%1</source>
        <translation></translation>
    </message>
    <message>
        <source>Request threads and child processes: %1 running</source>
        <translation></translation>
    </message>
    <message>
        <source>none: each request is handled on the server&apos;s own thread</source>
        <translation></translation>
    </message>
    <message>
        <source>(%1 earlier ones not listed)</source>
        <translation></translation>
    </message>
    <message>
        <source>The methods socketserver calls for each request, lit as they run: the stage running now is outlined, stages just passed fade out, and the count says how often each ran. With ThreadingMixIn or ForkingMixIn, finish_request onwards runs in the thread or child process listed below.</source>
        <translation></translation>
    </message>
    <message>
        <source>No stage running now</source>
        <translation></translation>
    </message>
    <message>
        <source>Running now: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · raised</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SocketTableModel</name>
    <message>
        <source>%1 B / %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation></translation>
    </message>
    <message>
        <source>What the program is doing with this socket, as SocketLab sees it</source>
        <translation></translation>
    </message>
    <message>
        <source>The kernel&apos;s TCP state (TCP_INFO), as `ss -tan` prints it</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes sent / number of send calls that moved data</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes received / number of recv calls that returned data</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes waiting in the kernel&apos;s receive buffer: sent by the peer, not yet taken by recv()</source>
        <translation></translation>
    </message>
    <message>
        <source>Bytes in the kernel&apos;s send buffer not yet acknowledged by the peer</source>
        <translation></translation>
    </message>
    <message>
        <source>Connections completed by the kernel and waiting for accept() / the limit set by listen(backlog)</source>
        <translation></translation>
    </message>
    <message>
        <source>Program</source>
        <translation></translation>
    </message>
    <message>
        <source>fd</source>
        <translation></translation>
    </message>
    <message>
        <source>Type</source>
        <translation></translation>
    </message>
    <message>
        <source>Local address</source>
        <translation></translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation></translation>
    </message>
    <message>
        <source>State</source>
        <translation></translation>
    </message>
    <message>
        <source>TCP state</source>
        <translation></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation></translation>
    </message>
    <message>
        <source>Received</source>
        <translation></translation>
    </message>
    <message>
        <source>Recv-Q</source>
        <translation></translation>
    </message>
    <message>
        <source>Send-Q</source>
        <translation></translation>
    </message>
    <message>
        <source>Accept queue</source>
        <translation></translation>
    </message>
    <message>
        <source>blocked in %1() — %2</source>
        <translation></translation>
    </message>
    <message>
        <source>waiting for a request in serve_forever() — %1</source>
        <translation></translation>
    </message>
    <message>
        <source>waiting for a request in serve_forever()</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 / %2 full</source>
        <translation></translation>
    </message>
    <message>
        <source>The connection a ForkingMixIn child handles: the parent closed its copy, the child process holds the other. Read from the kernel (sock_diag), as ss shows it.</source>
        <translation></translation>
    </message>
    <message>
        <source>This end closed first: the kernel keeps the connection in TIME_WAIT after every program let go of it, so late segments die here, and binding its address fails with Errno 98 until it ends (SO_REUSEADDR lets a listener bind past it)</source>
        <translation></translation>
    </message>
    <message>
        <source>Its program closed it; the kernel finishes the connection alone</source>
        <translation></translation>
    </message>
    <message>
        <source>The kernel answered this client&apos;s SYN for the listener and waits for the last ACK</source>
        <translation></translation>
    </message>
    <message>
        <source>The kernel completed this connection and queued it: accept() will make its socket; bytes the client sends wait in it already</source>
        <translation></translation>
    </message>
    <message>
        <source>A socket another process holds on an address this lab used</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · child %2</source>
        <translation></translation>
    </message>
    <message>
        <source>(another process)</source>
        <translation></translation>
    </message>
    <message>
        <source>(kernel)</source>
        <translation></translation>
    </message>
    <message>
        <source>held by child process %1</source>
        <translation></translation>
    </message>
    <message>
        <source>no program: gone in %1</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>no program: resent %n time(s)</source>
        <translation>
            <numerusform>no program: resent %n time</numerusform>
            <numerusform>no program: resent %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>queued, not accepted yet</source>
        <translation></translation>
    </message>
    <message>
        <source>handshake: waits for the last ACK</source>
        <translation></translation>
    </message>
    <message>
        <source>another process</source>
        <translation></translation>
    </message>
    <message>
        <source>no program</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SocketText</name>
    <message>
        <source>created</source>
        <translation></translation>
    </message>
    <message>
        <source>bound</source>
        <translation></translation>
    </message>
    <message>
        <source>listening</source>
        <translation></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation></translation>
    </message>
    <message>
        <source>connected</source>
        <translation></translation>
    </message>
    <message>
        <source>peer closed</source>
        <translation></translation>
    </message>
    <message>
        <source>shut down</source>
        <translation></translation>
    </message>
    <message>
        <source>closed</source>
        <translation></translation>
    </message>
    <message>
        <source>TCP</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP</source>
        <translation></translation>
    </message>
    <message>
        <source>TCP/IPv6</source>
        <translation></translation>
    </message>
    <message>
        <source>UDP/IPv6</source>
        <translation></translation>
    </message>
    <message>
        <source>Unix stream</source>
        <translation></translation>
    </message>
    <message>
        <source>Unix datagram</source>
        <translation></translation>
    </message>
    <message>
        <source>other</source>
        <translation></translation>
    </message>
    <message>
        <source>%1%2 to %3 …</source>
        <translation></translation>
    </message>
    <message>
        <source>%1%2 …</source>
        <translation></translation>
    </message>
    <message>
        <source>%1%2 blocks: waiting</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1%2 → %n byte(s) sent</source>
        <translation>
            <numerusform>%1%2 → %n byte sent</numerusform>
            <numerusform>%1%2 → %n bytes sent</numerusform>
        </translation>
    </message>
    <message>
        <source>%1%2 → b&apos;&apos; (the peer closed its side)</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1%2 → %n byte(s) received</source>
        <translation>
            <numerusform>%1%2 → %n byte received</numerusform>
            <numerusform>%1%2 → %n bytes received</numerusform>
        </translation>
    </message>
    <message>
        <source> (datagram truncated)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1%2 → new socket fd %3 from %4</source>
        <translation></translation>
    </message>
    <message>
        <source>%1%2 → fd %3</source>
        <translation></translation>
    </message>
    <message>
        <source>%1%2 → ok</source>
        <translation></translation>
    </message>
    <message>
        <source>%1%2 failed: %3</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation></translation>
    </message>
    <message>
        <source>, blocked %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing arrived before the socket&apos;s timeout ran out (settimeout): the call gave up waiting.</source>
        <translation></translation>
    </message>
    <message>
        <source>The host name could not be turned into an address: check its spelling, or use 127.0.0.1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The socket was already closed: a closed socket cannot be used again; create a new one.</source>
        <translation></translation>
    </message>
    <message>
        <source>Nobody is listening on that address and port: start the server first, or check the port.</source>
        <translation></translation>
    </message>
    <message>
        <source>Another socket already holds this address and port: an old server may still run, or a closed one lingers in TIME_WAIT. Wait, choose another port, or set SO_REUSEADDR before bind().</source>
        <translation></translation>
    </message>
    <message>
        <source>That address does not belong to this machine, so nothing can bind or connect from it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights: choose a port from 1024 up.</source>
        <translation></translation>
    </message>
    <message>
        <source>The peer reset the connection: it closed with data unread or crashed. What was in flight is lost.</source>
        <translation></translation>
    </message>
    <message>
        <source>The peer has closed the connection, so nothing more can be sent on it.</source>
        <translation></translation>
    </message>
    <message>
        <source>The peer did not answer in time: the host may be down or unreachable.</source>
        <translation></translation>
    </message>
    <message>
        <source>This socket is not connected: connect() (or accept()) must come first.</source>
        <translation></translation>
    </message>
    <message>
        <source>This socket is already connected: one socket makes one connection.</source>
        <translation></translation>
    </message>
    <message>
        <source>The datagram is larger than the protocol allows: send less in one sendto().</source>
        <translation></translation>
    </message>
    <message>
        <source>The non-blocking socket had nothing to do right now: try again later, or wait with select().</source>
        <translation></translation>
    </message>
    <message>
        <source>The call does not fit the socket&apos;s state, e.g. listen() before bind() on some systems, or accept() on a socket that is not listening.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no route to that network or host from this machine.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1%2 → %n socket(s) ready</source>
        <translation>
            <numerusform>%1%2 → %n socket ready</numerusform>
            <numerusform>%1%2 → %n sockets ready</numerusform>
        </translation>
    </message>
    <message>
        <source>  ⚡ injected fault</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>TraceLogView</name>
    <message>
        <source> ×%1 (once per poll_interval while serve_forever() waits)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>socketlab: no lab &quot;%1&quot;; --list-labs shows them</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: no lab could be loaded</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: no display found (DISPLAY and WAYLAND_DISPLAY are unset).
Run it under a virtual display:   xvfb-run -a socketlab
or render without one, e.g.:      QT_QPA_PLATFORM=offscreen socketlab --screenshot window.png
Labs also run in the terminal:    socketlab --list-labs; socketlab --lab tcp-timestamp --run server</source>
        <translation></translation>
    </message>
    <message>
        <source>socketlab: no temporary folder for this run&apos;s settings: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>playground</name>
    <message>
        <source>&quot;%1&quot; is no address here. Write (&apos;127.0.0.1&apos;, 0), (&apos;::1&apos;, 0), &apos;name.sock&apos; (a file in the playground&apos;s folder), peer_tcp, peer_udp or s1.getsockname().</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number from %2 to %3.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an option the playground knows.</source>
        <translation></translation>
    </message>
    <message>
        <source>A timeout is None (block) or a number of seconds from 0 to 3600, not &quot;%1&quot;.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>playground::Call</name>
    <message>
        <source>The socket object has no method &quot;%1&quot; in the playground.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1() takes %2 argument(s) here, not %3.</source>
        <translation></translation>
    </message>
</context>
</TS>
