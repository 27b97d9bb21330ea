<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptQueueGauge</name>
    <message>
        <source>%1 · listening on port %2</source>
        <translation>%1 · 在端口 %2 上监听</translation>
    </message>
    <message>
        <source>%1 · listening on %2</source>
        <translation>%1 · 在 %2 上监听</translation>
    </message>
    <message>
        <source>%1 / %2 waiting for accept()</source>
        <translation>%1 / %2 等待 accept()</translation>
    </message>
    <message>
        <source>the program is in accept(): it takes the next connection at once</source>
        <translation>程序正在 accept() 中：下一个连接会被立即取走</translation>
    </message>
    <message>
        <source>not in accept() now: new connections wait in the queue</source>
        <translation>程序此刻不在 accept() 中：新连接在队列中等待</translation>
    </message>
    <message>
        <source>queue full</source>
        <translation>队列已满</translation>
    </message>
    <message numerus="yes">
        <source>%n connect() call(s) still waiting for room</source>
        <translation>
            <numerusform>还有 %n 个 connect() 调用在等待队列空位</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections the kernel has already completed (the handshake is done) and queued until the program calls accept(), against the limit listen(backlog) set. The kernel reports both numbers (ss -ltn: Recv-Q / Send-Q). When the queue is full, new clients&apos; connection requests wait unanswered.</source>
        <translation>内核已完成握手、正排队等待程序调用 accept() 的连接数，以及 listen(backlog) 设定的上限。这两个数都由内核报告（ss -ltn：Recv-Q / Send-Q）。队列满时，新客户端的连接请求得不到应答，只能等待。</translation>
    </message>
    <message>
        <source>No listening socket yet: a TCP server&apos;s listen() makes one. UDP sockets have no accept queue.</source>
        <translation>还没有监听套接字：TCP 服务器调用 listen() 才会有。UDP 套接字没有 accept 队列。</translation>
    </message>
    <message>
        <source>%1 · listening on port %2: %3 / %4 waiting for accept()</source>
        <translation>%1 · 在端口 %2 上监听：%3 / %4 个连接等待 accept()</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) already sent into them</source>
        <translation>
            <numerusform>已有 %n 字节发送到其中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>their clients already sent %n byte(s) into them</source>
        <translation>
            <numerusform>它们的客户端已经发送了 %n 字节进去</numerusform>
        </translation>
    </message>
    <message>
        <source>its program&apos;s calls are not seen from outside: the queue is what the kernel holds for it</source>
        <translation>从外部看不到它所属程序的调用：这里的队列就是内核为它保存的连接</translation>
    </message>
</context>
<context>
    <name>BufferGauge</name>
    <message>
        <source>%1 · %2 → %3</source>
        <translation>%1 · %2 → %3</translation>
    </message>
    <message>
        <source>send queue %1 B of SO_SNDBUF %2</source>
        <translation>发送队列 %1 字节，SO_SNDBUF 为 %2</translation>
    </message>
    <message>
        <source>receive queue %1 B of SO_RCVBUF %2</source>
        <translation>接收队列 %1 字节，SO_RCVBUF 为 %2</translation>
    </message>
    <message>
        <source>the program waits in send() for room in its send buffer</source>
        <translation>程序阻塞在 send() 中，等待发送缓冲区腾出空间</translation>
    </message>
    <message>
        <source>the program waits in recv() for bytes</source>
        <translation>程序阻塞在 recv() 中，等待数据到达</translation>
    </message>
    <message>
        <source>bytes wait for recv(): the program is not reading now</source>
        <translation>数据在等待 recv()：程序此刻没有在读</translation>
    </message>
    <message>
        <source>No TCP connection yet: connect() and accept() make them.</source>
        <translation>还没有 TCP 连接：connect() 和 accept() 会建立连接。</translation>
    </message>
</context>
<context>
    <name>CheckRun</name>
    <message>
        <source>socketlab: lab %1 has no exercises</source>
        <translation>socketlab：实验 %1 没有练习</translation>
    </message>
    <message>
        <source>socketlab: lab %1 has no exercise &quot;%2&quot; (it has: %3)</source>
        <translation>socketlab：实验 %1 没有练习“%2”（现有练习：%3）</translation>
    </message>
    <message>
        <source>socketlab: --set: write PANE.NAME=VALUE, not &quot;%1&quot;</source>
        <translation>socketlab：--set：请写成 窗格.名称=值，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>SocketLab: socket programming lessons on real sockets. Without options it opens the window on the lab used last.</source>
        <translation>SocketLab：在真实的套接字上学习套接字编程。不带选项时，打开窗口并回到上次使用的实验。</translation>
    </message>
    <message>
        <source>Language of the window and of these messages: en or zh_CN (default: the one used last, else the system&apos;s).</source>
        <translation>窗口和这些提示信息使用的语言：en 或 zh_CN（默认：上次使用的语言，没有则跟随系统）。</translation>
    </message>
    <message>
        <source>Print one line per lab, its id and title; then exit.</source>
        <translation>每个实验打印一行（编号和标题），然后退出。</translation>
    </message>
    <message>
        <source>Open the lab ID (--list-labs shows them).</source>
        <translation>打开编号为 ID 的实验（用 --list-labs 查看所有实验）。</translation>
    </message>
    <message>
        <source>With --lab: run the pane PANE in this terminal, without a window: its console on stdout, its input from stdin, errors on stderr; exit status 0 when it ends well.</source>
        <translation>与 --lab 一起使用：不打开窗口，在这个终端里运行窗格 PANE：它的输出写到标准输出，输入来自标准输入，错误写到标准错误；正常结束时退出状态为 0。</translation>
    </message>
    <message>
        <source>Also load labs from DIR (one folder per lab), after the built-in ones and the user&apos;s folder (%1).</source>
        <translation>在内置实验和用户文件夹（%1）之后，再从 DIR 加载实验（每个实验一个文件夹）。</translation>
    </message>
    <message>
        <source>Render the window to FILE (PNG) and exit, once the --steps are taken and every --send line has its answer. If that cannot happen (a pane ended, or %1 s passed), the picture is saved all the same, the reason printed, and the exit status is 1.</source>
        <translation>等 --steps 指定的步数走完、每一行 --send 都得到回应之后，把窗口渲染成 FILE（PNG）并退出。如果等不到（某个窗格已经结束，或者已过了 %1 秒），仍然保存图片并打印原因，退出状态为 1。</translation>
    </message>
    <message>
        <source>Run every pane of the lab at once.</source>
        <translation>同时运行实验的所有窗格。</translation>
    </message>
    <message>
        <source>Type a line into a pane as if typed in its input box: PANE:LINE into that pane (--send client2:hello), a plain LINE into the first pane that reads input; :LINE sends a LINE that itself has a colon. Repeatable; implies --start unless --steps is given.</source>
        <translation>向窗格输入一行，就像在它的输入框里键入一样：PANE:LINE 输入到该窗格（--send client2:hello），只写 LINE 则输入到第一个读取输入的窗格；这一行本身含有冒号时，写成 :LINE。可以重复使用；除非给出 --steps，否则隐含 --start。</translation>
    </message>
    <message>
        <source>Advance the lab N steps, as pressing Step (F10) N times: the server first until it blocks, then the clients. With --screenshot, the picture is taken after them.</source>
        <translation>让实验前进 N 步，相当于按 N 次“单步”（F10）：先运行服务器直到它阻塞，再轮到客户端。配合 --screenshot 时，在这些步骤之后截图。</translation>
    </message>
    <message>
        <source>With --screenshot: also save the sequence diagram to FILE (.svg as SVG, else PNG), for slides.</source>
        <translation>配合 --screenshot 使用：同时把时序图保存到 FILE（.svg 存为 SVG，其他存为 PNG），方便放进幻灯片。</translation>
    </message>
    <message>
        <source>socketlab: unknown language &quot;%1&quot; (use en or zh_CN)</source>
        <translation>socketlab：未知的语言“%1”（请用 en 或 zh_CN）</translation>
    </message>
    <message>
        <source>socketlab: --steps needs a whole number of steps, 0 or more</source>
        <translation>socketlab：--steps 需要一个大于或等于 0 的整数步数</translation>
    </message>
    <message>
        <source>socketlab: --run needs --lab ID</source>
        <translation>socketlab：--run 需要与 --lab ID 一起使用</translation>
    </message>
    <message>
        <source>socketlab: --diagram needs --screenshot (the diagram is saved with the picture)</source>
        <translation>socketlab：--diagram 需要与 --screenshot 一起使用（时序图随截图一起保存）</translation>
    </message>
    <message>
        <source>Run the check of the lab&apos;s exercise ID in the terminal, with the answer given by --set PANE.NAME=VALUE: one line per property, PASS or FAIL; exit status 0 only when all pass.</source>
        <translation>在终端里运行实验中练习 ID 的检查，答案用 --set 窗格.名称=值 给出：每个检查项输出一行 PASS 或 FAIL；只有全部通过时退出状态才是 0。</translation>
    </message>
    <message>
        <source>socketlab: --check needs --lab ID</source>
        <translation>socketlab：--check 需要 --lab ID</translation>
    </message>
    <message>
        <source>Open a saved run (File → Save run) in the window without running anything: its timeline shows any moment of it.</source>
        <translation>在窗口中打开一次保存的运行（文件 → 保存运行），不运行任何程序：用它的时间线可以查看其中任意时刻。</translation>
    </message>
    <message>
        <source>With --replay: show the moment SECONDS after the run&apos;s start (default: its end); with --screenshot, render that moment.</source>
        <translation>与 --replay 一起使用：显示运行开始后 SECONDS 秒的时刻（默认：运行结束时）；与 --screenshot 一起使用时，把这一时刻渲染成图片。</translation>
    </message>
    <message>
        <source>With --steps or --send: save the run to FILE once the steps are taken and the lines answered, then exit (open it with --replay).</source>
        <translation>与 --steps 或 --send 一起使用：走完这些步、每行输入都得到回答后，把这次运行保存到 FILE，然后退出（用 --replay 打开）。</translation>
    </message>
    <message>
        <source>socketlab: --at needs a number of seconds, 0 or more</source>
        <translation>socketlab：--at 需要一个秒数，0 或更大</translation>
    </message>
    <message>
        <source>socketlab: --at needs --replay FILE</source>
        <translation>socketlab：--at 需要与 --replay FILE 一起使用</translation>
    </message>
    <message>
        <source>socketlab: --replay shows a saved run and runs nothing: --lab, --send, --steps, --start and --record do not go with it</source>
        <translation>socketlab：--replay 只显示保存的运行，不运行任何程序：不能与 --lab、--send、--steps、--start 和 --record 一起使用</translation>
    </message>
    <message>
        <source>socketlab: --record needs --steps or --send (what to run before saving)</source>
        <translation>socketlab：--record 需要 --steps 或 --send（保存之前要运行什么）</translation>
    </message>
    <message>
        <source>Set a parameter: with --run, NAME=VALUE of that pane (--set port=21567); in the window and with --check, PANE.NAME=VALUE (--set server.port=0), where NAME may also be an injected fault (--set server.recvMax=4). Repeatable.</source>
        <translation>设置参数：与 --run 一起用时写该窗格的 NAME=VALUE（--set port=21567）；在窗口中和与 --check 一起用时写 PANE.NAME=VALUE（--set server.port=0），其中 NAME 也可以是一种注入的故障（--set server.recvMax=4）。可重复使用。</translation>
    </message>
    <message>
        <source>Open the window at this size, WIDTHxHEIGHT in pixels (--size 1920x1080), e.g. for a picture of it.</source>
        <translation>以此尺寸打开窗口，格式为 宽x高（像素，如 --size 1920x1080），例如用于截图。</translation>
    </message>
    <message>
        <source>Open the window in its classroom layout: large text, the listings and one live view filling the screen.</source>
        <translation>以课堂布局打开窗口：大号字体，程序清单和一个实时视图占满屏幕。</translation>
    </message>
    <message>
        <source>socketlab: --size needs WIDTHxHEIGHT in pixels, from 320x240 to %1x%1, such as 1920x1080</source>
        <translation>socketlab：--size 需要 宽x高（像素），范围从 320x240 到 %1x%1，例如 1920x1080</translation>
    </message>
    <message>
        <source>With --run: run your own Python 3 program FILE in the pane&apos;s place, traced (python3 runs it). Else PANE=FILE: your program in that pane of the window, or checked by --check. Repeatable.</source>
        <translation>与 --run 一起使用：用你自己的 Python 3 程序 FILE 代替该窗格的程序运行，并跟踪它的每一行和每次套接字调用（由 python3 运行）。否则写成 PANE=FILE：在窗口的该窗格中运行你的程序，或由 --check 检查它。可重复使用。</translation>
    </message>
    <message>
        <source>With --program: write one JSON line per socket call of the program to FILE (pane, thread, line, call, arguments, result or error, bytes, time blocked).</source>
        <translation>与 --program 一起使用：程序每调用一次套接字方法，就向 FILE 写一行 JSON（窗格、线程、行号、调用、参数、结果或错误、字节数、阻塞时间）。</translation>
    </message>
    <message>
        <source>socketlab: --program needs --lab ID</source>
        <translation>socketlab：--program 需要与 --lab ID 一起使用</translation>
    </message>
    <message>
        <source>socketlab: without --run, write --program PANE=FILE.py, not &quot;%1&quot;</source>
        <translation>socketlab：不与 --run 一起使用时，请写成 --program PANE=FILE.py，而不是“%1”</translation>
    </message>
    <message>
        <source>socketlab: --trace-out needs --program FILE</source>
        <translation>socketlab：--trace-out 需要与 --program FILE 一起使用</translation>
    </message>
    <message>
        <source>Observe every socket on a local PORT (either end, TCP and UDP), or held by a process (pid:PID), of any process on this machine: the window shows them live, read-only (SocketLab never touches them).</source>
        <translation>观察本机任意进程在本地端口 PORT 上的每个套接字（连接的任一端，TCP 和 UDP），或某个进程（pid:PID）持有的全部套接字：窗口实时显示它们，只读（SocketLab 从不碰这些套接字）。</translation>
    </message>
    <message>
        <source>With --observe: print the observed sockets once, as ss -tuxanp would (state, Recv-Q, Send-Q, local and peer address, process), and exit.</source>
        <translation>与 --observe 一起用：像 ss -tuxanp 那样把观察到的套接字打印一次（状态、Recv-Q、Send-Q、本地和对端地址、进程），然后退出。</translation>
    </message>
    <message>
        <source>socketlab: --list needs --observe PORT or --observe pid:PID</source>
        <translation>socketlab：--list 需要 --observe PORT 或 --observe pid:PID</translation>
    </message>
    <message>
        <source>socketlab: --observe watches sockets and runs nothing: --lab, --replay, --send, --steps, --start, --record and --program do not go with it</source>
        <translation>socketlab：--observe 只观察套接字，不运行任何程序：不能和 --lab、--replay、--send、--steps、--start、--record、--program 一起用</translation>
    </message>
    <message>
        <source>socketlab: --observe: %1</source>
        <translation>socketlab：--observe：%1</translation>
    </message>
</context>
<context>
    <name>Condition</name>
    <message>
        <source>waiting for input</source>
        <translation>在等待输入</translation>
    </message>
    <message>
        <source>blocked in a call</source>
        <translation>阻塞在某个调用中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>ended with an error</source>
        <translation>因错误而结束</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>%1 prints a line matching /%2/</source>
        <translation>%1 打印出一行匹配 /%2/ 的内容</translation>
    </message>
    <message>
        <source>%1 prints no line matching /%2/</source>
        <translation>%1 没有打印任何匹配 /%2/ 的行</translation>
    </message>
    <message>
        <source>%1 reports an error matching /%2/</source>
        <translation>%1 报告了匹配 /%2/ 的错误</translation>
    </message>
    <message>
        <source>%1 reports no error</source>
        <translation>%1 没有报告错误</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 处于“%2”状态</translation>
    </message>
    <message>
        <source>%1 is blocked in %2()</source>
        <translation>%1 阻塞在 %2() 中</translation>
    </message>
    <message>
        <source>%1 publishes %2</source>
        <translation>%1 发布了 %2</translation>
    </message>
    <message>
        <source>%1&apos;s %2() %3 (%4 time(s) or more)</source>
        <translation>%1 的 %2() 调用%3（至少 %4 次）</translation>
    </message>
    <message>
        <source>%1&apos;s %2() %3 with %4 (%5 time(s) or more)</source>
        <translation>%1 的 %2() 调用%3，错误为 %4（至少 %5 次）</translation>
    </message>
    <message>
        <source>%1&apos;s accept queue fills up</source>
        <translation>%1 的 accept 队列被填满</translation>
    </message>
    <message>
        <source>%1 connections wait in %2&apos;s accept queue</source>
        <translation>%2 的 accept 队列中有 %1 个连接在等待</translation>
    </message>
</context>
<context>
    <name>EditedListing</name>
    <message>
        <source>cannot make the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot save your edit to %1: %2</source>
        <translation>无法把你的修改保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>ExerciseBox</name>
    <message>
        <source>Check my answer</source>
        <translation>检查我的答案</translation>
    </message>
    <message>
        <source>Runs the lab on real sockets with your parameters (and the faults you set on the panes), apart from the lab in the window, and checks what happened</source>
        <translation>用你的参数（以及你在窗格上设置的故障）在真实套接字上另外运行一遍本实验（不影响窗口中的实验），并检查实际发生了什么</translation>
    </message>
    <message>
        <source>Each hint says more than the one before; the hints you use are counted in your progress</source>
        <translation>每条提示都比上一条说得更多；你用过的提示会计入学习进度</translation>
    </message>
    <message>
        <source>the lab&apos;s own values (you changed none)</source>
        <translation>实验自带的取值（你没有改动）</translation>
    </message>
    <message>
        <source>Checking on real sockets with %1 …</source>
        <translation>正在真实套接字上检查，取值：%1 …</translation>
    </message>
    <message>
        <source>as it runs</source>
        <translation>不注入故障</translation>
    </message>
    <message>
        <source>%1 holds</source>
        <translation>%1 成立</translation>
    </message>
    <message>
        <source>what happened: %1</source>
        <translation>实际情况：%1</translation>
    </message>
    <message>
        <source>run with injected faults: %1</source>
        <translation>在注入故障的情况下运行：%1</translation>
    </message>
    <message>
        <source>Checked with %1: %2 of %3 hold.</source>
        <translation>取值 %1 的检查结果：%3 项中 %2 项成立。</translation>
    </message>
    <message>
        <source>Hint %1:</source>
        <translation>提示 %1：</translation>
    </message>
    <message>
        <source>Show a hint (%1 available)</source>
        <translation>显示一条提示（共 %1 条）</translation>
    </message>
    <message>
        <source>Next hint (%1 of %2 shown)</source>
        <translation>下一条提示（已显示 %1 / %2 条）</translation>
    </message>
    <message>
        <source>All %1 hints shown</source>
        <translation>%1 条提示已全部显示</translation>
    </message>
    <message>
        <source>✓ %1 — passed</source>
        <translation>✓ %1 — 已通过</translation>
    </message>
    <message>
        <source>Passed. You may check again with other values.</source>
        <translation>已通过。你可以换一组取值再检查一次。</translation>
    </message>
    <message>
        <source>Not passed yet.</source>
        <translation>尚未通过。</translation>
    </message>
</context>
<context>
    <name>ExerciseCheck</name>
    <message>
        <source>the lab has no pane parameter %1</source>
        <translation>本实验没有窗格参数 %1</translation>
    </message>
    <message>
        <source>The answer cannot be used: %1</source>
        <translation>这个答案无法使用：%1</translation>
    </message>
    <message>
        <source>The check could not start %1: what it follows was never published</source>
        <translation>检查无法启动 %1：它所跟随的值一直没有被发布</translation>
    </message>
    <message>
        <source>The run never reached this point: %1</source>
        <translation>运行始终没有到达这一步：%1</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>没有执行到</translation>
    </message>
    <message>
        <source>The check&apos;s script acts on %1, which is not running: add it first</source>
        <translation>检查脚本要操作 %1，但它没有在运行：请先添加它</translation>
    </message>
    <message>
        <source>The check could not add another %1: the lab allows no more</source>
        <translation>检查无法再添加一个 %1：本实验不允许更多了</translation>
    </message>
    <message>
        <source>This exercise checks your own program for the pane %1: give it (--program %1=FILE.py).</source>
        <translation>这个练习检查你为窗格 %1 编写的程序：请提供它（--program %1=FILE.py）。</translation>
    </message>
</context>
<context>
    <name>ExercisePanel</name>
    <message>
        <source>Exercises</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>This lab has no exercises.</source>
        <translation>本实验没有练习。</translation>
    </message>
</context>
<context>
    <name>FaultControl</name>
    <message>
        <source>What the network does to this pane&apos;s sockets. Each call a fault changes is marked &quot;injected&quot; in the trace. 0: off.</source>
        <translation>网络对这个窗格的套接字做些什么。凡是被故障改变的调用，在跟踪记录中都会标为“注入”。0 表示关闭。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No faults</source>
        <translation>清除故障</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>⚡ Faults: %1</source>
        <translation>⚡ 故障：%1</translation>
    </message>
    <message>
        <source>Inject faults into this pane&apos;s sockets: short reads, split or delayed sends, refused connects, lost datagrams</source>
        <translation>向这个窗格的套接字注入故障：短读、拆分或延迟发送、拒绝连接、丢失数据报</translation>
    </message>
    <message>
        <source>Injected now: %1</source>
        <translation>当前注入：%1</translation>
    </message>
</context>
<context>
    <name>FaultFields</name>
    <message>
        <source>&quot;%1&quot; is not a fault SocketLab knows (%2)</source>
        <translation>“%1”不是 SocketLab 认识的故障（可用：%2）</translation>
    </message>
    <message>
        <source>%1 must be a whole number from 0 to %2</source>
        <translation>%1 必须是 0 到 %2 之间的整数</translation>
    </message>
</context>
<context>
    <name>FaultText</name>
    <message>
        <source>Every recv() returns at most</source>
        <translation>每次 recv() 最多返回</translation>
    </message>
    <message>
        <source>The next recv() returns at most</source>
        <translation>下一次 recv() 最多返回</translation>
    </message>
    <message>
        <source>Every send() takes at most (a short send)</source>
        <translation>每次 send() 最多发出（短写）</translation>
    </message>
    <message>
        <source>Every recv() first waits, so sends arrive together</source>
        <translation>每次 recv() 先等待，让几次发送合并到达</translation>
    </message>
    <message>
        <source>Every send() and sendto() is delayed by</source>
        <translation>每次 send() 和 sendto() 延迟</translation>
    </message>
    <message>
        <source>The next connect() calls are refused</source>
        <translation>接下来的 connect() 调用被拒绝</translation>
    </message>
    <message>
        <source>The next datagrams sent are lost</source>
        <translation>接下来发送的数据报丢失</translation>
    </message>
    <message>
        <source> B</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> 次</translation>
    </message>
</context>
<context>
    <name>HeadlessRun</name>
    <message>
        <source>socketlab: lab %1 has no pane &quot;%2&quot; (it has: %3)</source>
        <translation>socketlab：实验 %1 中没有窗格“%2”（现有窗格：%3）</translation>
    </message>
    <message>
        <source>write NAME=VALUE, not &quot;%1&quot;</source>
        <translation>请写成 名称=值，而不是“%1”</translation>
    </message>
    <message>
        <source>socketlab: --trace-out: cannot write %1: %2</source>
        <translation>socketlab：--trace-out：无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>LabDefinition</name>
    <message>
        <source>%1 must be a whole number, not &quot;%2&quot;</source>
        <translation>%1 必须是整数，而不是“%2”</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3</source>
        <translation>%1 必须在 %2 到 %3 之间</translation>
    </message>
    <message>
        <source>%1 must be one of %2, not &quot;%3&quot;</source>
        <translation>%1 必须是 %2 之一，而不是“%3”</translation>
    </message>
</context>
<context>
    <name>LabLoader</name>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation>缺少“%1”</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>必须是非空字符串</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be an object with &quot;en&quot; and &quot;zh_CN&quot; texts</source>
        <translation>必须是包含“en”和“zh_CN”文本的对象</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>is too large (%1 bytes; at most %2)</source>
        <translation>文件过大（%1 字节；最多 %2）</translation>
    </message>
    <message>
        <source>is not valid UTF-8 text</source>
        <translation>不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>must hold a JSON object</source>
        <translation>必须包含一个 JSON 对象</translation>
    </message>
    <message>
        <source>%1: replaces the lab &quot;%2&quot; loaded from %3</source>
        <translation>%1：替换了从 %3 加载的实验“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be the name of a file in the lab&apos;s folder, not an absolute path</source>
        <translation>“%1”必须是实验文件夹里的文件名，不能是绝对路径</translation>
    </message>
    <message>
        <source>cannot be read: no such file in the lab&apos;s folder</source>
        <translation>无法读取：实验文件夹里没有这个文件</translation>
    </message>
    <message>
        <source>&quot;%1&quot; lies outside the lab&apos;s folder (through &quot;..&quot; or a link): a lab may only use its own files</source>
        <translation>“%1”位于实验文件夹之外（经由“..”或符号链接）：实验只能使用自己文件夹里的文件</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>refers to &quot;%1&quot;, which is not a file of the lab&apos;s folder</source>
        <translation>引用了“%1”，它不是实验文件夹里的文件</translation>
    </message>
    <message>
        <source>no line of %1 contains &quot;%2&quot;</source>
        <translation>%1 中没有任何一行包含“%2”</translation>
    </message>
    <message>
        <source>no line of %1 makes the call &quot;%2&quot; this step stands for</source>
        <translation>%1 中没有任何一行做了这一步所代表的调用“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is on lines %2 of %3: make &quot;at&quot; text that only this step&apos;s line has</source>
        <translation>“%1”出现在 %3 的第 %2 行：请让“at”的文字只出现在这一步所在的行</translation>
    </message>
    <message>
        <source>the call &quot;%1&quot; is on lines %2 of %3: give &quot;at&quot; with text that only this step&apos;s line has</source>
        <translation>调用“%1”出现在 %3 的第 %2 行：请用“at”给出只有这一步所在行才有的文字</translation>
    </message>
    <message>
        <source>line %1 of %2 (&quot;%3&quot;) does not make the call &quot;%4&quot; this step stands for</source>
        <translation>%2 的第 %1 行（“%3”）没有做这一步所代表的调用“%4”</translation>
    </message>
    <message>
        <source>must be an object of faults, e.g. {&quot;recvMax&quot;: 5}</source>
        <translation>必须是一个描述故障的对象，例如 {&quot;recvMax&quot;: 5}</translation>
    </message>
    <message>
        <source>is not a fault SocketLab knows (%1)</source>
        <translation>不是 SocketLab 认识的故障（可用的有：%1）</translation>
    </message>
    <message>
        <source>must be from 0 to %1</source>
        <translation>必须在 0 到 %1 之间</translation>
    </message>
    <message>
        <source>the lab has no pane &quot;%1&quot;</source>
        <translation>本实验没有窗格“%1”</translation>
    </message>
    <message>
        <source>is not a valid regular expression: %1</source>
        <translation>不是有效的正则表达式：%1</translation>
    </message>
    <message>
        <source>&quot;input&quot; needs &quot;line&quot;: the text typed (&quot;&quot; is an empty line)</source>
        <translation>“input”需要“line”：要输入的文字（&quot;&quot; 表示空行）</translation>
    </message>
    <message>
        <source>must be a condition, e.g. {&quot;pane&quot;: &quot;client&quot;, &quot;printed&quot;: &quot;hello&quot;}</source>
        <translation>必须是一个条件，例如 {&quot;pane&quot;: &quot;client&quot;, &quot;printed&quot;: &quot;hello&quot;}</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a call SocketLab traces</source>
        <translation>“%1”不是 SocketLab 跟踪的调用</translation>
    </message>
    <message>
        <source>must be &quot;full&quot; or a number of connections, 1 or more</source>
        <translation>必须是 &quot;full&quot;，或者 1 以上的连接数</translation>
    </message>
    <message>
        <source>says nothing to check: give printed, notPrinted, error, noError, state, published, call or acceptQueue</source>
        <translation>没有说明要检查什么：请给出 printed、notPrinted、error、noError、state、published、call 或 acceptQueue</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is declared twice</source>
        <translation>“%1”被声明了两次</translation>
    </message>
    <message>
        <source>names no pane parameter (write pane.parameter)</source>
        <translation>没有指向任何窗格参数（请写成 窗格.参数）</translation>
    </message>
    <message>
        <source>&quot;script&quot; is missing: the actions the check takes on the panes</source>
        <translation>缺少“script”：检查要对各窗格执行的操作</translation>
    </message>
    <message>
        <source>checks nothing: give &quot;properties&quot;, or &quot;expect&quot; actions in the script</source>
        <translation>什么也没有检查：请给出“properties”，或在 script 中写“expect”操作</translation>
    </message>
    <message>
        <source>two properties have the same id</source>
        <translation>有两个检查项使用了同一个 id</translation>
    </message>
    <message>
        <source>give at least two hints, each saying more than the one before</source>
        <translation>请至少给出两条提示，每一条都比前一条说得更多</translation>
    </message>
    <message>
        <source>min is greater than max</source>
        <translation>min 大于 max</translation>
    </message>
    <message>
        <source>must be &quot;int&quot; or &quot;string&quot;, not &quot;%1&quot;</source>
        <translation>必须是“int”或“string”，而不是“%1”</translation>
    </message>
    <message>
        <source>only a string parameter can have choices</source>
        <translation>只有字符串参数才能有 choices</translation>
    </message>
    <message>
        <source>must be a non-empty array of strings</source>
        <translation>必须是非空的字符串数组</translation>
    </message>
    <message>
        <source>&quot;default&quot; is missing</source>
        <translation>缺少“default”</translation>
    </message>
    <message>
        <source>&quot;steps&quot; is missing</source>
        <translation>缺少“steps”</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be an object with &quot;explain&quot; (and &quot;at&quot; where the call is not unique)</source>
        <translation>必须是一个对象，包含“explain”（调用在代码清单中不唯一时，还要有“at”）</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>line numbers are not used: anchor the step with &quot;at&quot;: text of its line (or nothing, when the call appears once)</source>
        <translation>不使用行号：请用“at”给出该行的一段文字来定位这一步（如果这个调用在代码清单中只出现一次，可以不写）</translation>
    </message>
    <message>
        <source>program &quot;%1&quot; has no step &quot;%2&quot;</source>
        <translation>程序“%1”没有步骤“%2”</translation>
    </message>
    <message>
        <source>step &quot;%1&quot; of program &quot;%2&quot; is missing: every step needs an explanation</source>
        <translation>缺少程序“%2”的步骤“%1”：每一步都需要一段讲解</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is itself like another pane: name that one</source>
        <translation>“%1”本身也是仿照另一个窗格的：请直接写那个窗格</translation>
    </message>
    <message>
        <source>no pane declared before this one is called &quot;%1&quot;</source>
        <translation>在这个窗格之前没有声明名为“%1”的窗格</translation>
    </message>
    <message>
        <source>&quot;%1&quot; differs from the folder name &quot;%2&quot;</source>
        <translation>“%1”与文件夹名“%2”不一致</translation>
    </message>
    <message>
        <source>a lab needs at least one pane</source>
        <translation>一个实验至少需要一个窗格</translation>
    </message>
    <message>
        <source>pane &quot;%1&quot; is declared twice</source>
        <translation>窗格“%1”被声明了两次</translation>
    </message>
    <message>
        <source>no program is called &quot;%1&quot;</source>
        <translation>没有名为“%1”的程序</translation>
    </message>
    <message>
        <source>program &quot;%1&quot; needs parameter &quot;%2&quot;</source>
        <translation>程序“%1”需要参数“%2”</translation>
    </message>
    <message>
        <source>copies must be from 1 to %1</source>
        <translation>copies 必须在 1 到 %1 之间</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no pane parameter (write pane.parameter)</source>
        <translation>“%1”没有指向任何窗格参数（请写成 窗格.参数）</translation>
    </message>
    <message>
        <source>pane &quot;%1&quot; has no step &quot;%2&quot;</source>
        <translation>窗格“%1”没有步骤“%2”</translation>
    </message>
    <message>
        <source>must be from 1 to %1</source>
        <translation>必须在 1 到 %1 之间</translation>
    </message>
    <message>
        <source>a question with choices needs two or more</source>
        <translation>有选项的问题至少需要两个选项</translation>
    </message>
    <message>
        <source>an observed answer needs the value each choice stands for</source>
        <translation>根据运行结果判定的答案，需要给出每个选项所代表的值</translation>
    </message>
    <message>
        <source>must be the index of a choice, 0 to %1</source>
        <translation>必须是某个选项的序号，0 到 %1</translation>
    </message>
    <message>
        <source>must have exactly one of start, stop, input, endInput, waitFor, expect, settle, add</source>
        <translation>必须恰好包含 start、stop、input、endInput、waitFor、expect、settle、add 之一</translation>
    </message>
    <message>
        <source>the lab has no pane &quot;%1&quot; that a learner may add</source>
        <translation>本实验没有学习者可以添加的窗格“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; lies outside the lab&apos;s folder and not in a lab beside it: a listing may only be a file of this lab or of a lab in the same folder</source>
        <translation>“%1”位于实验文件夹之外，也不在旁边的另一个实验里：代码清单只能是本实验的文件，或同一文件夹中另一个实验的文件</translation>
    </message>
</context>
<context>
    <name>LabNavigator</name>
    <message>
        <source>Lessons</source>
        <translation>课文列表</translation>
    </message>
    <message>
        <source>could not be loaded</source>
        <translation>无法加载</translation>
    </message>
    <message>
        <source>could not be loaded: %1: %2</source>
        <translation>无法加载：%1：%2</translation>
    </message>
    <message>
        <source>%1 could not be loaded from %2:
%3</source>
        <translation>%1 无法从 %2 加载：
%3</translation>
    </message>
    <message>
        <source>Open this lesson</source>
        <translation>打开这一课</translation>
    </message>
    <message>
        <source>your lab, in place of the built-in one</source>
        <translation>你自己的实验，替换了内置的同名实验</translation>
    </message>
    <message>
        <source>Loaded from %1, in place of the lab with the same id from %2</source>
        <translation>从 %1 加载，替换了 %2 中同一 id 的实验</translation>
    </message>
</context>
<context>
    <name>LabProgress</name>
    <message>
        <source># SocketLab progress: %1</source>
        <translation># SocketLab 学习进度：%1</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Predictions right</source>
        <translation>预测正确</translation>
    </message>
    <message>
        <source>Exercises passed</source>
        <translation>练习通过</translation>
    </message>
    <message>
        <source>Hints used</source>
        <translation>使用的提示</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>LearnerExplanation</name>
    <message>
        <source>This process has used every file descriptor it may have (ulimit -n), and every socket takes one. The server pauses accept() and tries again; the clients wait in the listen queue until a connection closes.</source>
        <translation>这个进程已经用完了它能打开的全部文件描述符（ulimit -n），而每个套接字都要占用一个。服务器暂停 accept() 片刻后再试；在有连接关闭之前，客户端在监听队列里等待。</translation>
    </message>
    <message>
        <source>The whole system has run out of file descriptors. The server pauses accept() and tries again; the clients wait in the listen queue.</source>
        <translation>整个系统的文件描述符都已用完。服务器暂停 accept() 片刻后再试；客户端在监听队列里等待。</translation>
    </message>
    <message>
        <source>The kernel has no memory left for another connection. The server pauses accept() and tries again.</source>
        <translation>内核已经没有内存再建立一个连接。服务器暂停 accept() 片刻后再试。</translation>
    </message>
</context>
<context>
    <name>LearnerRun</name>
    <message>
        <source>Cannot open %1: there is no readable file there.</source>
        <translation>无法打开 %1：那里没有可读的文件。</translation>
    </message>
    <message>
        <source>Cannot prepare the tracer that runs your program: %1</source>
        <translation>无法准备用来运行你的程序的跟踪器：%1</translation>
    </message>
    <message>
        <source>%1 was not found. SocketLab runs your program with Python 3: install it (on Debian or Ubuntu: sudo apt install python3) and run again.</source>
        <translation>找不到 %1。SocketLab 用 Python 3 运行你的程序：请先安装它（在 Debian 或 Ubuntu 上：sudo apt install python3），然后再运行。</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>socketlab: warning: your program bound a socket to %1, which other machines on the network can reach: a server there serves anyone who connects. Bind to 127.0.0.1 unless you mean to.</source>
        <translation>socketlab：警告：你的程序把套接字绑定到了 %1，网络上的其他机器都能连到这个地址：在这里监听的服务器会为任何连上来的人服务。除非你确实有意如此，否则请绑定到 127.0.0.1。</translation>
    </message>
</context>
<context>
    <name>ListingView</name>
    <message>
        <source>line %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
</context>
<context>
    <name>LiveViews</name>
    <message>
        <source>Sockets</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>Trace of every socket call</source>
        <translation>每次套接字调用的跟踪</translation>
    </message>
    <message>
        <source>Accept queue</source>
        <translation>accept 队列</translation>
    </message>
    <message>
        <source>Connections waiting for accept(), per listening socket</source>
        <translation>每个监听套接字上等待 accept() 的连接</translation>
    </message>
    <message>
        <source>Receive buffers</source>
        <translation>接收缓冲区</translation>
    </message>
    <message>
        <source>Bytes waiting in the kernel until recv() takes them, split by the sends that wrote them</source>
        <translation>在内核中等待 recv() 取走的字节，按写入它们的 send 调用分段</translation>
    </message>
    <message>
        <source>SocketServer</source>
        <translation>SocketServer</translation>
    </message>
    <message>
        <source>The socketserver stages as they run, and its request threads or processes</source>
        <translation>socketserver 运行时经过的各个阶段，以及它的请求线程或进程</translation>
    </message>
    <message>
        <source>Kernel buffers</source>
        <translation>内核缓冲区</translation>
    </message>
    <message>
        <source>Each TCP connection&apos;s send and receive queues against SO_SNDBUF and SO_RCVBUF</source>
        <translation>每个 TCP 连接的发送队列和接收队列，对照 SO_SNDBUF 和 SO_RCVBUF</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation>实验(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About SocketLab</source>
        <translation>关于 SocketLab(&amp;A)</translation>
    </message>
    <message>
        <source>About SocketLab</source>
        <translation>关于 SocketLab</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>实验</translation>
    </message>
    <message numerus="yes">
        <source>%n socket call event(s) traced, %1 dropped</source>
        <translation>
            <numerusform>已跟踪 %n 个套接字调用事件，丢弃 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>SocketLab — %1</source>
        <translation>SocketLab — %1</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课文</translation>
    </message>
    <message>
        <source>&amp;Run all</source>
        <translation>全部运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run every pane; clients start once the server has its port (F5)</source>
        <translation>运行所有窗格；服务器拿到端口后客户端才启动 (F5)</translation>
    </message>
    <message>
        <source>&amp;Pause all</source>
        <translation>全部暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause every pane before its next step (F6)</source>
        <translation>让所有窗格在下一步之前暂停 (F6)</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>重置(&amp;E)</translation>
    </message>
    <message>
        <source>Stop every pane, even in a blocked call, close every socket and start afresh (Ctrl+R)</source>
        <translation>停止所有窗格（即使正阻塞在调用中），关闭所有套接字，从头开始 (Ctrl+R)</translation>
    </message>
    <message>
        <source>SocketLab</source>
        <translation>SocketLab</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课文列表</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>One step: the selected pane, or else the first pane that can move (F10)</source>
        <translation>执行一步：选中的窗格走一步；若无法走，则由第一个能继续的窗格走一步 (F10)</translation>
    </message>
    <message>
        <source>E&amp;xport sequence diagram…</source>
        <translation>导出时序图(&amp;X)…</translation>
    </message>
    <message>
        <source>Export sequence diagram</source>
        <translation>导出时序图</translation>
    </message>
    <message>
        <source>SVG for slides (*.svg);;PNG image (*.png)</source>
        <translation>SVG 矢量图，适合幻灯片 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation>课文(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <source>Sequence diagram saved to %1</source>
        <translation>时序图已保存到 %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>No pane can step: each is blocked in a call, waiting for your input, or finished</source>
        <translation>没有窗格可以单步执行：每个窗格都正阻塞在调用中、在等待你的输入，或已结束</translation>
    </message>
    <message>
        <source>Run one more &quot;%1&quot; beside the others, on its own socket (Ctrl+N)</source>
        <translation>在旁边再运行一个“%1”，使用它自己的套接字（Ctrl+N）</translation>
    </message>
    <message>
        <source>This lab has no pane that can run more than once</source>
        <translation>本实验没有可以同时运行多个的窗格</translation>
    </message>
    <message>
        <source>&amp;Add client</source>
        <translation>添加客户端(&amp;A)</translation>
    </message>
    <message>
        <source>|◀ Start</source>
        <translation>|◀ 开头</translation>
    </message>
    <message>
        <source>The run&apos;s first moment</source>
        <translation>这次运行的第一个时刻</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>The moment before the last change: calls, sockets and panes as they were then (Shift+F10). Nothing runs again and no socket is touched.</source>
        <translation>上一次变化之前的时刻：调用、套接字和各窗格都显示当时的样子（Shift+F10）。不会重新运行任何程序，也不会触碰任何套接字。</translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation>前进 ▶</translation>
    </message>
    <message>
        <source>The next change of the run (F10 while looking back)</source>
        <translation>运行的下一次变化（回看时按 F10）</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Back to the live run (Ctrl+F10)</source>
        <translation>回到正在进行的运行（Ctrl+F10）</translation>
    </message>
    <message>
        <source>&amp;Save run…</source>
        <translation>保存运行(&amp;S)…</translation>
    </message>
    <message>
        <source>Save this run to a file, to show it again later or elsewhere without running it</source>
        <translation>把这次运行保存到文件，以后或在别的机器上不必再运行就能重新展示</translation>
    </message>
    <message>
        <source>Save run</source>
        <translation>保存运行</translation>
    </message>
    <message>
        <source>SocketLab runs (*.socketlab-run)</source>
        <translation>SocketLab 运行记录 (*.socketlab-run)</translation>
    </message>
    <message>
        <source>The run was not saved.
%1</source>
        <translation>运行没有保存。
%1</translation>
    </message>
    <message>
        <source>&amp;Open run…</source>
        <translation>打开运行(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved run: every moment of it, without running anything</source>
        <translation>打开保存的运行：可以查看其中每个时刻，不运行任何程序</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>打开运行</translation>
    </message>
    <message>
        <source>SocketLab runs (*.socketlab-run);;All files (*)</source>
        <translation>SocketLab 运行记录 (*.socketlab-run);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 was not opened.
%2</source>
        <translation>没有打开 %1。
%2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Looking back: the panes and views show an earlier moment; nothing runs again and no socket is touched. Forward (F10) or Now returns to the live run.</source>
        <translation>正在回看：各窗格和视图显示的是较早的时刻；不会重新运行任何程序，也不会触碰任何套接字。按“前进”（F10）或“现在”回到正在进行的运行。</translation>
    </message>
    <message>
        <source>Back to the live run</source>
        <translation>已回到正在进行的运行</translation>
    </message>
    <message>
        <source>SocketLab — %1 (saved run %2)</source>
        <translation>SocketLab — %1（保存的运行 %2）</translation>
    </message>
    <message>
        <source>A saved run: nothing runs. The timeline, Back (Shift+F10) and Forward (F10) show any moment of it; a lesson opens the live lab again.</source>
        <translation>这是保存的运行：不运行任何程序。用时间线、后退（Shift+F10）和前进（F10）查看其中任意时刻；选择一课会重新打开真实运行的实验。</translation>
    </message>
    <message>
        <source>Nothing has been recorded yet.</source>
        <translation>还没有记录到任何内容。</translation>
    </message>
    <message>
        <source>Only web links open from a lesson (%1 is not one)</source>
        <translation>课文中只能打开网页链接（%1 不是网页链接）</translation>
    </message>
    <message>
        <source>Not yet in Chinese, shown in English: %1</source>
        <translation>还没有中文，以英文显示：%1</translation>
    </message>
    <message>
        <source>&amp;Open my labs folder</source>
        <translation>打开我的实验文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>The folder where your own labs go: each lab a folder with its lab.json (%1)</source>
        <translation>存放你自己的实验的文件夹：每个实验一个文件夹，内含它的 lab.json（%1）</translation>
    </message>
    <message>
        <source>Re&amp;load labs</source>
        <translation>重新加载实验(&amp;L)</translation>
    </message>
    <message>
        <source>Read every lab folder again: a lab you are writing appears without a restart (Ctrl+Shift+R)</source>
        <translation>重新读取所有实验文件夹：你正在编写的实验无需重启即可出现（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>&amp;Classroom layout</source>
        <translation>课堂布局(&amp;C)</translation>
    </message>
    <message>
        <source>For a projector: large text, high contrast, the lesson text folded away, the listings and one live view of your choice filling the screen (Ctrl+Shift+P)</source>
        <translation>用于投影：大号字体、高对比度，课文收起，程序清单和你选择的一个实时视图占满屏幕（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Lessons and lesson &amp;text</source>
        <translation>课程列表和课文(&amp;T)</translation>
    </message>
    <message>
        <source>Show or fold away the list of lessons and the lesson text (Ctrl+L)</source>
        <translation>显示或收起课程列表和课文（Ctrl+L）</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Speed: slow </source>
        <translation>速度：慢 </translation>
    </message>
    <message>
        <source> fast</source>
        <translation> 快</translation>
    </message>
    <message>
        <source>How fast the panes run: left is slow motion (a pause before every step), right is full speed</source>
        <translation>各窗格的运行速度：左边是慢动作（每一步前停顿一下），右边是全速</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source> Live view: </source>
        <translation> 实时视图：</translation>
    </message>
    <message>
        <source>The live view the classroom layout shows beside or under the listings</source>
        <translation>课堂布局在程序清单旁边或下方显示的实时视图</translation>
    </message>
    <message>
        <source>Live view</source>
        <translation>实时视图</translation>
    </message>
    <message>
        <source>Classroom</source>
        <translation>课堂</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>课文</translation>
    </message>
    <message>
        <source>A parameter was refused (its reason is shown in its pane): the pane uses its last good value</source>
        <translation>有一个参数被拒绝了（原因显示在它的窗格里）：该窗格沿用上一个有效值</translation>
    </message>
    <message>
        <source>Language: English</source>
        <translation>语言：中文</translation>
    </message>
    <message numerus="yes">
        <source>Labs read again: %n lab(s)</source>
        <translation>
            <numerusform>已重新读取实验：%n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Labs read again: %n lab(s); %1 could not be loaded (greyed in the list of lessons)</source>
        <translation>
            <numerusform>已重新读取实验：%n 个；%1 个无法加载（在课程列表中显示为灰色）</numerusform>
        </translation>
    </message>
    <message>
        <source>No file manager could open %1: put your lab folders there</source>
        <translation>没有文件管理器能打开 %1：请把你的实验文件夹放在那里</translation>
    </message>
    <message>
        <source>the labs built into SocketLab</source>
        <translation>SocketLab 内置的实验</translation>
    </message>
    <message>
        <source>SocketLab teaches socket programming on real sockets: the lessons of Python&apos;s socket and socketserver modules run side by side, and you watch what accept(), recv(), listen() and socketserver do, in the kernel too.</source>
        <translation>SocketLab 在真实的套接字上教授套接字编程：Python 的 socket 和 socketserver 模块的课程并排运行，你能看到 accept()、recv()、listen() 和 socketserver 在做什么，包括内核里发生的事。</translation>
    </message>
    <message>
        <source>Labs are loaded from, in this order (a later lab with the same id replaces an earlier one):</source>
        <translation>实验按以下顺序加载（后加载的实验若 id 相同，会替换先加载的）：</translation>
    </message>
    <message numerus="yes">
        <source>%n lab(s) loaded, %1 could not be.</source>
        <translation>
            <numerusform>已加载 %n 个实验，%1 个无法加载。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your own labs go in %1 (Lab → Open my labs folder); Lab → Reload labs reads them again.</source>
        <translation>你自己的实验放在 %1（实验 → 打开我的实验文件夹）；实验 → 重新加载实验 会重新读取它们。</translation>
    </message>
    <message>
        <source>Ob&amp;serve a port or process…</source>
        <translation>观察端口或进程(&amp;S)…</translation>
    </message>
    <message>
        <source>Watch the sockets on a port or of a process of this machine, read-only</source>
        <translation>只读地观察本机某个端口上或某个进程的套接字</translation>
    </message>
    <message>
        <source>SocketLab — observing %1</source>
        <translation>SocketLab — 正在观察%1</translation>
    </message>
    <message>
        <source>Observing %1: read-only</source>
        <translation>正在观察%1：只读</translation>
    </message>
</context>
<context>
    <name>ObserveBanner</name>
    <message>
        <source>&lt;b&gt;Observing %1&lt;/b&gt;: its sockets, of any process on this machine, live. SocketLab only reads their state from the kernel; it does not open, connect to, read or write these sockets.&lt;br&gt;The sequence diagram and the trace stay empty here: SocketLab sees the calls only of the programs it runs, and shows no call it did not see.</source>
        <translation>&lt;b&gt;正在观察%1&lt;/b&gt;：实时显示本机任意进程在这里的套接字。SocketLab 只从内核读取它们的状态，不会打开、连接、读取或写入这些套接字。&lt;br&gt;这里的时序图和调用跟踪是空的：SocketLab 只能看到它自己运行的程序发出的调用，没看到的调用一个也不会画出来。</translation>
    </message>
    <message>
        <source>The process has exited: its sockets are closed.</source>
        <translation>进程已经退出：它的套接字都已关闭。</translation>
    </message>
    <message numerus="yes">
        <source>%n socket(s) open now.</source>
        <translation>
            <numerusform>现在有 %n 个套接字打开着。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop observing</source>
        <translation>停止观察</translation>
    </message>
    <message>
        <source>Back to the lessons</source>
        <translation>回到课程</translation>
    </message>
</context>
<context>
    <name>ObserveDialog</name>
    <message>
        <source>Observe a port or process</source>
        <translation>观察端口或进程</translation>
    </message>
    <message>
        <source>Give a local port (1–65535) to watch every socket on it, or pid:PID to watch every socket of one process. Any process on this machine can be observed, read-only.</source>
        <translation>输入一个本地端口（1–65535），观察这个端口上的每个套接字；或输入 pid:PID，观察一个进程的全部套接字。本机的任何进程都可以观察，只读。</translation>
    </message>
    <message>
        <source>8080 or pid:1234</source>
        <translation>8080 或 pid:1234</translation>
    </message>
    <message>
        <source>%1 — listened on by %2</source>
        <translation>%1 — 由 %2 监听</translation>
    </message>
    <message>
        <source>The ports something listens on now, or type a port or pid:PID</source>
        <translation>现在有程序在监听的端口；也可以直接输入端口或 pid:PID</translation>
    </message>
</context>
<context>
    <name>ObserveList</name>
    <message>
        <source>socketlab: --observe: %1</source>
        <translation>socketlab：--observe：%1</translation>
    </message>
    <message>
        <source>socketlab: nothing to observe: no socket a process holds uses port %1</source>
        <translation>socketlab：没有可观察的套接字：没有哪个进程持有使用端口 %1 的套接字</translation>
    </message>
    <message>
        <source>socketlab: nothing to observe: process %1 holds no socket</source>
        <translation>socketlab：没有可观察的套接字：进程 %1 没有持有任何套接字</translation>
    </message>
    <message>
        <source>Netid</source>
        <translation>Netid</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Recv-Q</source>
        <translation>Recv-Q</translation>
    </message>
    <message>
        <source>Send-Q</source>
        <translation>Send-Q</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>本地地址</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>对端地址</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
</context>
<context>
    <name>ObserveTarget</name>
    <message>
        <source>“%1” is not a process number: write pid: and the number, as in pid:1234.</source>
        <translation>“%1”不是进程号：请写 pid: 加数字，例如 pid:1234。</translation>
    </message>
    <message>
        <source>No process %1 runs on this machine.</source>
        <translation>本机没有正在运行的进程 %1。</translation>
    </message>
    <message>
        <source>“%1” is not a port: give a number from 1 to 65535, or pid:NUMBER for a process.</source>
        <translation>“%1”不是端口：请给出 1 到 65535 之间的数字，或用 pid:进程号 指定进程。</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>端口 %1</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>process %1 (%2)</source>
        <translation>进程 %1（%2）</translation>
    </message>
</context>
<context>
    <name>PaneAssignments</name>
    <message>
        <source>write PANE.NAME=VALUE with a pane of lab %1</source>
        <translation>请写成 窗格.名称=值，窗格须属于实验 %1</translation>
    </message>
    <message>
        <source>socketlab: --program: lab %1 has no pane &quot;%2&quot;</source>
        <translation>socketlab：--program：实验 %1 没有窗格“%2”</translation>
    </message>
</context>
<context>
    <name>PaneFilterButton</name>
    <message numerus="yes">
        <source>%1 — %n open socket(s)</source>
        <translation>
            <numerusform>%1 — %n 个打开的套接字</numerusform>
        </translation>
    </message>
    <message>
        <source>No sockets yet</source>
        <translation>还没有套接字</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>窗格</translation>
    </message>
    <message numerus="yes">
        <source>Panes (%n hidden)</source>
        <translation>
            <numerusform>窗格（隐藏了 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose whose sockets the views show</source>
        <translation>选择视图里显示哪些窗格的套接字</translation>
    </message>
    <message>
        <source>The views leave out the sockets of %1, and the connections to them</source>
        <translation>视图中不显示 %1 的套接字，也不显示与它们相连的套接字</translation>
    </message>
</context>
<context>
    <name>PaneRunner</name>
    <message>
        <source>this pane has no parameter &quot;%1&quot;</source>
        <translation>这个窗格没有参数“%1”</translation>
    </message>
    <message>
        <source>no program is called &quot;%1&quot;</source>
        <translation>没有名为“%1”的程序</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is longer than 1 MiB: not a program to step through</source>
        <translation>%1 超过 1 MiB：这不是一个适合逐行单步执行的程序</translation>
    </message>
</context>
<context>
    <name>PaneThreads</name>
    <message>
        <source>main thread</source>
        <translation>主线程</translation>
    </message>
    <message>
        <source>a new thread</source>
        <translation>一个新线程</translation>
    </message>
    <message>
        <source>request %1&apos;s thread</source>
        <translation>请求 %1 的线程</translation>
    </message>
    <message>
        <source>blocked in %1() — %2</source>
        <translation>阻塞在 %1() 中 — %2</translation>
    </message>
    <message>
        <source>waiting for a request in serve_forever() — %1</source>
        <translation>在 serve_forever() 中等待请求 — %1</translation>
    </message>
    <message>
        <source>waiting for your input</source>
        <translation>等待你的输入</translation>
    </message>
    <message>
        <source>paused before line %1</source>
        <translation>暂停在第 %1 行之前</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>ended here</source>
        <translation>在此结束</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>waiting for a request</source>
        <translation>等待请求</translation>
    </message>
    <message>
        <source>waiting for input</source>
        <translation>在等待输入</translation>
    </message>
    <message>
        <source>next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>PaneToolRow</name>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>%1: more of this pane&apos;s controls (the pane is too narrow to show them all in its row)</source>
        <translation>%1：这个窗格的更多控件（窗格太窄，一行放不下全部按钮）</translation>
    </message>
</context>
<context>
    <name>PaneView</name>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Run one step of this pane, then pause</source>
        <translation>让这个窗格执行一步，然后暂停</translation>
    </message>
    <message>
        <source>Let this pane run</source>
        <translation>让这个窗格运行</translation>
    </message>
    <message>
        <source>Pause this pane before its next step</source>
        <translation>让这个窗格在下一步之前暂停</translation>
    </message>
    <message>
        <source>Stop this pane, even while a call is blocked</source>
        <translation>停止这个窗格，即使某个调用正在阻塞</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>waiting for your input</source>
        <translation>等待你的输入</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Show or hide this pane&apos;s parameters (editable before it starts)</source>
        <translation>显示或隐藏这个窗格的参数（启动前可以修改）</translation>
    </message>
    <message>
        <source>Input for the program&apos;s input(); an empty line ends a client. Type ahead: it waits.</source>
        <translation>程序 input() 的输入；空行会结束客户端。可以提前输入：它会排队等待。</translation>
    </message>
    <message>
        <source>Listing of %1</source>
        <translation>%1 的程序清单</translation>
    </message>
    <message>
        <source>Console of %1</source>
        <translation>%1 的控制台</translation>
    </message>
    <message>
        <source>Input for %1</source>
        <translation>%1 的输入</translation>
    </message>
    <message>
        <source>What %1 is doing</source>
        <translation>%1 正在做什么</translation>
    </message>
    <message>
        <source>Explanation of the marked line</source>
        <translation>标记行的解释</translation>
    </message>
    <message>
        <source>Lines waiting for %1&apos;s input()</source>
        <translation>等待 %1 的 input() 读取的行</translation>
    </message>
    <message>
        <source>%1: the pane the lab&apos;s Step moves first</source>
        <translation>%1：实验的“单步”首先推进的窗格</translation>
    </message>
    <message numerus="yes">
        <source>and %n more thread(s)</source>
        <translation>
            <numerusform>以及另外 %n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>main</source>
        <translation>主线程</translation>
    </message>
    <message>
        <source>new thread</source>
        <translation>新线程</translation>
    </message>
    <message>
        <source>request %1</source>
        <translation>请求 %1</translation>
    </message>
    <message>
        <source>(an empty line)</source>
        <translation>（空行）</translation>
    </message>
    <message>
        <source>Queued for this program&apos;s input(): %1</source>
        <translation>排队等待本程序的 input()：%1</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Run your own Python program in this pane, or the lesson&apos;s again</source>
        <translation>在这个窗格中运行你自己的 Python 程序，或者换回课程的程序</translation>
    </message>
    <message>
        <source>Open your own .py file…</source>
        <translation>打开你自己的 .py 文件…</translation>
    </message>
    <message>
        <source>Restore the lesson&apos;s program</source>
        <translation>恢复课程的程序</translation>
    </message>
    <message>
        <source>Your own program for this pane</source>
        <translation>你为这个窗格编写的程序</translation>
    </message>
    <message>
        <source>Python programs (*.py);;All files (*)</source>
        <translation>Python 程序 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Your own program</source>
        <translation>你自己的程序</translation>
    </message>
    <message>
        <source>%1 — your program %2</source>
        <translation>%1 — 你的程序 %2</translation>
    </message>
    <message>
        <source>Edit this listing</source>
        <translation>编辑这段程序清单</translation>
    </message>
    <message>
        <source>Change the listing in place; Step or Run then runs your text as Python, and it is kept for this lab</source>
        <translation>直接修改清单；之后按单步或运行，就会用 Python 运行你写的代码，修改会为本实验保存下来</translation>
    </message>
    <message>
        <source>%1 — your edited listing, run as Python</source>
        <translation>%1 — 你修改过的清单，用 Python 运行</translation>
    </message>
    <message>
        <source>%1 — editing: Step or Run runs it as Python</source>
        <translation>%1 — 编辑中：按单步或运行即用 Python 运行</translation>
    </message>
    <message>
        <source>Your program %1 was not opened again: %2</source>
        <translation>你的程序 %1 未能再次打开：%2</translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <source>The pane is running: stop it (or Reset) to change its parameters.</source>
        <translation>窗格正在运行：请先停止它（或重置），再修改参数。</translation>
    </message>
    <message>
        <source>A whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>This pane has no parameters.</source>
        <translation>这个窗格没有参数。</translation>
    </message>
    <message>
        <source>↳ follows %1: set by that pane, read-only while it is</source>
        <translation>↳ 跟随 %1：由那个窗格设定，跟随期间只读</translation>
    </message>
    <message>
        <source>↳ your value, used instead of %1</source>
        <translation>↳ 使用你设定的值，而不是 %1</translation>
    </message>
    <message>
        <source>↳ will follow %1 once that pane publishes it</source>
        <translation>↳ 那个窗格发布 %1 后，将跟随它</translation>
    </message>
    <message>
        <source>Goes into line %1 of the listing: %2</source>
        <translation>填入程序清单第 %1 行：%2</translation>
    </message>
    <message>
        <source>A value the program uses</source>
        <translation>程序使用的一个值</translation>
    </message>
</context>
<context>
    <name>PlaygroundDock</name>
    <message>
        <source>Playground</source>
        <translation>试验场</translation>
    </message>
</context>
<context>
    <name>PlaygroundEngine</name>
    <message>
        <source>socket() takes a family and a type.</source>
        <translation>socket() 需要一个地址家族和一个类型。</translation>
    </message>
    <message>
        <source>Make a socket first: there is no socket &quot;%1&quot;.</source>
        <translation>请先创建套接字：没有名为“%1”的套接字。</translation>
    </message>
    <message>
        <source>This lab has no playground pane.</source>
        <translation>这个实验没有试验场窗格。</translation>
    </message>
    <message>
        <source>The peers are starting: call again once their ports show in their panes.</source>
        <translation>对端正在启动：等它们的窗格里显示出端口后，再调用一次。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>New socket</source>
        <translation>新建套接字</translation>
    </message>
    <message>
        <source>Save as Python…</source>
        <translation>另存为 Python…</translation>
    </message>
    <message>
        <source>Ends a call that waits (accept, recv): the playground&apos;s sockets close with it</source>
        <translation>结束正在等待的调用（accept、recv）：试验场的套接字会随之关闭</translation>
    </message>
    <message>
        <source>Make a socket first (New socket).</source>
        <translation>请先创建一个套接字（新建套接字）。</translation>
    </message>
    <message>
        <source>… running (it may be waiting: Stop ends it)</source>
        <translation>…… 正在运行（可能在等待：按“停止”结束）</translation>
    </message>
    <message>
        <source>stopped: the playground ended, its sockets closed</source>
        <translation>已停止：试验场程序结束，它的套接字都已关闭</translation>
    </message>
    <message>
        <source>C: %1</source>
        <translation>C：%1</translation>
    </message>
    <message>
        <source>no system call</source>
        <translation>没有系统调用</translation>
    </message>
    <message>
        <source>Saved %1: run it with python3.</source>
        <translation>已保存 %1：用 python3 运行它。</translation>
    </message>
    <message>
        <source>Save the calls as a Python script</source>
        <translation>把这些调用保存为 Python 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>no socket yet</source>
        <translation>还没有套接字</translation>
    </message>
    <message numerus="yes">
        <source>bytes: %1 (%n byte(s))</source>
        <translation>
            <numerusform>字节：%1（%n 个字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1（已关闭）</translation>
    </message>
    <message>
        <source>decode(): %1
decode(errors=&apos;replace&apos;): %2</source>
        <translation>decode()：%1
decode(errors=&apos;replace&apos;)：%2</translation>
    </message>
    <message>
        <source>decode(): %1</source>
        <translation>decode()：%1</translation>
    </message>
</context>
<context>
    <name>PredictionCard</name>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Vote first. Then the teacher picks the class&apos;s answer and commits it: the step runs and the card shows what really happened.</source>
        <translation>先投票。然后老师选定全班的答案并提交：这一步随即运行，卡片上会显示实际发生了什么。</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>你的答案：</translation>
    </message>
    <message>
        <source>Commit the class&apos;s answer</source>
        <translation>提交全班的答案</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Lock in this answer: the step runs, and the card shows what really happened</source>
        <translation>锁定这个答案：这一步随即运行，卡片上会显示实际发生了什么</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Run the step without answering (recorded as skipped)</source>
        <translation>不作答直接运行这一步（记为跳过）</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Your answer: %1. The step runs now…</source>
        <translation>你的答案：%1。这一步正在运行…</translation>
    </message>
    <message>
        <source>Skipped. The step runs now…</source>
        <translation>已跳过。这一步正在运行…</translation>
    </message>
    <message>
        <source>the run did not show it (the step made no call to watch)</source>
        <translation>运行中看不出来（这一步没有可观察的调用）</translation>
    </message>
    <message>
        <source>Skipped — here is what happened</source>
        <translation>已跳过——实际情况如下</translation>
    </message>
    <message>
        <source>✓ Right: the class predicted it</source>
        <translation>✓ 答对了：全班预测正确</translation>
    </message>
    <message>
        <source>✓ Right</source>
        <translation>✓ 答对了</translation>
    </message>
    <message>
        <source>✗ Not this time: the run did something else</source>
        <translation>✗ 这次没猜中：实际运行的结果不同</translation>
    </message>
    <message>
        <source>✗ Not this time</source>
        <translation>✗ 这次没猜中</translation>
    </message>
    <message>
        <source>You said: %1</source>
        <translation>你的答案：%1</translation>
    </message>
    <message>
        <source>What happened: %1</source>
        <translation>实际情况：%1</translation>
    </message>
</context>
<context>
    <name>PredictionPresenter</name>
    <message>
        <source>%1 · line %2, before it runs: %3</source>
        <translation>%1 · 第 %2 行，运行之前：%3</translation>
    </message>
</context>
<context>
    <name>Programs</name>
    <message>
        <source>child %1 exited %2</source>
        <translation>子进程 %1 已退出，退出码 %2</translation>
    </message>
    <message>
        <source>child %1 started</source>
        <translation>子进程 %1 已启动</translation>
    </message>
</context>
<context>
    <name>ProgressActions</name>
    <message>
        <source>Reset progress</source>
        <translation>重置进度</translation>
    </message>
    <message>
        <source>Forget your progress in &quot;%1&quot;: the steps reached, your predictions, the exercises passed and the hints used? This cannot be undone.</source>
        <translation>要清除你在“%1”中的进度吗？包括到达过的步骤、你的预测、通过的练习和用过的提示。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Reset all progress</source>
        <translation>重置全部进度</translation>
    </message>
    <message>
        <source>Forget your progress in every lab: the steps reached, your predictions, the exercises passed and the hints used? This cannot be undone.</source>
        <translation>要清除你在所有实验中的进度吗？包括到达过的步骤、你的预测、通过的练习和用过的提示。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Your name, as your teacher knows you:</source>
        <translation>你的姓名（老师认得的那个）：</translation>
    </message>
    <message>
        <source>Web page (*.html);;Markdown (*.md);;JSON (*.json)</source>
        <translation>网页 (*.html);;Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>SocketLab progress: %1</source>
        <translation>SocketLab 学习进度：%1</translation>
    </message>
</context>
<context>
    <name>ProgressText</name>
    <message>
        <source>✓ completed</source>
        <translation>✓ 已完成</translation>
    </message>
    <message>
        <source>%1 / %2 exercises</source>
        <translation>练习 %1 / %2</translation>
    </message>
    <message>
        <source>✓ completed — all %1 steps</source>
        <translation>✓ 已完成 —— 全部 %1 步</translation>
    </message>
    <message>
        <source>%1 / %2 steps</source>
        <translation>%1 / %2 步</translation>
    </message>
    <message>
        <source>Steps reached: %1 of %2</source>
        <translation>到达的步骤：%1 / %2</translation>
    </message>
    <message>
        <source>Predictions: %1 of %2 answered, %3 right, %4 skipped</source>
        <translation>预测：%2 题中作答 %1 题，答对 %3 题，跳过 %4 题</translation>
    </message>
    <message>
        <source>Exercises passed: %1 of %2</source>
        <translation>通过的练习：%1 / %2</translation>
    </message>
    <message>
        <source>Hints used: %1</source>
        <translation>用过的提示：%1</translation>
    </message>
    <message>
        <source>Completed: every exercise passed</source>
        <translation>已完成：所有练习均已通过</translation>
    </message>
    <message>
        <source>Completed: every step reached</source>
        <translation>已完成：所有步骤均已到达</translation>
    </message>
    <message>
        <source>Completed once every exercise passes</source>
        <translation>所有练习通过后即为完成</translation>
    </message>
    <message>
        <source>Completed once every step is reached</source>
        <translation>到达所有步骤后即为完成</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[选项]</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>显示命令行选项的帮助。</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>显示帮助，包括 Qt 特有的选项。</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>显示版本信息。</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>未知选项“%1”。</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>未知选项：%1。</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>“%1”后面缺少值。</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>“%1”后面不应该有值。</translation>
    </message>
</context>
<context>
    <name>ReceiveBufferView</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 ← %3</source>
        <translation>%1 · %2 ← %3</translation>
    </message>
    <message numerus="yes">
        <source>%1() took %n byte(s) at once</source>
        <translation>
            <numerusform>%1() 一次取走了 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 B (merged)</source>
        <translation>%1 字节（已合并）</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 B untraced</source>
        <translation>%1 字节（未跟踪）</translation>
    </message>
    <message numerus="yes">
        <source>next datagram: %n byte(s) (kernel)</source>
        <translation>
            <numerusform>下一个数据报：%n 字节（内核）</numerusform>
        </translation>
    </message>
    <message>
        <source>no datagram waiting (kernel)</source>
        <translation>没有等待的数据报（内核）</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) waiting (kernel)</source>
        <translation>
            <numerusform>%n 字节等待中（内核）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n datagram(s) traced</source>
        <translation>
            <numerusform>已跟踪 %n 个数据报</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n traced send(s)</source>
        <translation>
            <numerusform>来自已跟踪的 %n 次 send 调用</numerusform>
        </translation>
    </message>
    <message>
        <source>buffer %1 B</source>
        <translation>缓冲区 %1 字节</translation>
    </message>
    <message>
        <source>one %1() returned %2 bytes that %3 sends had written: the boundaries are gone</source>
        <translation>一次 %1() 返回了由 %3 次 send 写入的 %2 字节：边界已经消失</translation>
    </message>
    <message>
        <source>No bytes waiting in any receive buffer: every recv() has taken what arrived.</source>
        <translation>所有接收缓冲区中都没有等待的字节：到达的数据都已被 recv() 取走。</translation>
    </message>
    <message>
        <source>Bytes that have arrived and wait in the kernel until recv() takes them. The kernel reports only a byte count (for a datagram socket, the size of the next datagram). The lines between segments are the peer&apos;s send calls as SocketLab traced them: TCP itself keeps no boundaries, so one recv() can return several sends at once. Hatched bytes arrived without a traced send (another program, or an event on its way).</source>
        <translation>已经到达、在内核中等待 recv() 取走的字节。内核只报告字节数（对数据报套接字而言，是下一个数据报的大小）。各段之间的分隔线是 SocketLab 跟踪到的对端 send 调用：TCP 本身不保留边界，所以一次 recv() 可能一并返回多次 send 的数据。带斜线阴影的字节没有对应的已跟踪 send（来自其他程序，或相应事件尚在途中）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2: %n byte(s) waiting</source>
        <translation>
            <numerusform>%1 · %2：%n 字节在等待</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 ← %3, not accepted yet: %n byte(s) waiting</source>
        <translation>
            <numerusform>%1 · %2 ← %3，尚未 accept：%n 字节在等待</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (not accepted yet)</source>
        <translation>%1（尚未 accept）</translation>
    </message>
    <message>
        <source>the connection waits in the accept queue; its bytes wait with it</source>
        <translation>连接在 accept 队列中等待；它的字节也随之等待</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / 共 %2</translation>
    </message>
    <message>
        <source>A saved run: the moment shown, of the whole run</source>
        <translation>保存的运行：当前显示的时刻 / 整次运行的长度</translation>
    </message>
    <message>
        <source>An earlier moment of the run: nothing runs again and no socket is touched; Now returns</source>
        <translation>运行中较早的时刻：不会重新运行任何程序，也不会触碰任何套接字；按“现在”返回</translation>
    </message>
    <message>
        <source>live · %1</source>
        <translation>实时 · %1</translation>
    </message>
    <message>
        <source>The run as it happens; Back (Shift+F10) shows an earlier moment</source>
        <translation>正在进行的运行；按“后退”（Shift+F10）查看较早的时刻</translation>
    </message>
</context>
<context>
    <name>RunFile</name>
    <message>
        <source>the file is damaged: %1 (%2)</source>
        <translation>文件已损坏：%1（%2）</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>缺少一个值</translation>
    </message>
    <message>
        <source>a number was expected</source>
        <translation>这里应该是一个数字</translation>
    </message>
    <message>
        <source>a text was expected</source>
        <translation>这里应该是一段文字</translation>
    </message>
    <message>
        <source>an address that is none</source>
        <translation>不是有效的地址</translation>
    </message>
    <message>
        <source>a call SocketLab does not know</source>
        <translation>SocketLab 不认识的调用</translation>
    </message>
    <message>
        <source>a value out of range</source>
        <translation>取值超出范围</translation>
    </message>
    <message>
        <source>this is not a SocketLab run</source>
        <translation>这不是 SocketLab 保存的运行记录</translation>
    </message>
    <message>
        <source>this run was saved by a newer SocketLab (format %1; this one reads up to %2)</source>
        <translation>这份运行记录由更新版本的 SocketLab 保存（格式 %1；当前版本最多能读取格式 %2）</translation>
    </message>
    <message>
        <source>the file is damaged: its content does not match its checksum (cut short, or edited)</source>
        <translation>文件已损坏：内容与校验和不符（被截断，或被修改过）</translation>
    </message>
    <message>
        <source>the file is damaged: no content</source>
        <translation>文件已损坏：没有内容</translation>
    </message>
    <message>
        <source>the file is damaged: it claims %1 bytes of content</source>
        <translation>文件已损坏：它声称内容有 %1 字节</translation>
    </message>
    <message>
        <source>the file is damaged: its content cannot be unpacked</source>
        <translation>文件已损坏：内容无法解压</translation>
    </message>
    <message>
        <source>the file is damaged: %1</source>
        <translation>文件已损坏：%1</translation>
    </message>
    <message>
        <source>frames out of time order</source>
        <translation>帧的时间顺序错乱</translation>
    </message>
    <message>
        <source>reports out of time order</source>
        <translation>报告的时间顺序错乱</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a SocketLab run (%2 bytes)</source>
        <translation>%1 太大，不可能是 SocketLab 的运行记录（%2 字节）</translation>
    </message>
</context>
<context>
    <name>RunRecord</name>
    <message>
        <source>nothing</source>
        <translation>什么也没有</translation>
    </message>
    <message>
        <source>%1 printed %2</source>
        <translation>%1 打印了 %2</translation>
    </message>
    <message>
        <source>%1 reported %2</source>
        <translation>%1 报告了 %2</translation>
    </message>
    <message>
        <source>blocked in %1()</source>
        <translation>阻塞在 %1() 中</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 处于“%2”状态</translation>
    </message>
    <message>
        <source>%1 published nothing called %2</source>
        <translation>%1 没有发布名为 %2 的值</translation>
    </message>
    <message>
        <source>%1 made %2 such %3() calls</source>
        <translation>%1 进行了 %2 次这样的 %3() 调用</translation>
    </message>
    <message>
        <source>at most %1 connections waited for %2&apos;s accept()</source>
        <translation>最多只有 %1 个连接在等待 %2 的 accept()</translation>
    </message>
</context>
<context>
    <name>RunTimeline</name>
    <message>
        <source>The run so far. Click or drag to see any earlier moment: nothing runs again and no socket is touched.
Blue: socket calls · green: console lines · red: errors · hatched: history dropped to stay within memory</source>
        <translation>到目前为止的运行。单击或拖动可查看任意较早的时刻：不会重新运行任何程序，也不会触碰任何套接字。
蓝色：套接字调用 · 绿色：控制台输出 · 红色：错误 · 斜线：为了不超出内存而丢弃的早期记录</translation>
    </message>
    <message>
        <source>Run timeline</source>
        <translation>运行时间线</translation>
    </message>
</context>
<context>
    <name>SavedRunWindow</name>
    <message>
        <source>socketlab: %1 was not opened: %2</source>
        <translation>socketlab：没有打开 %1：%2</translation>
    </message>
    <message>
        <source>socketlab: --at %1: the run lasts %2 s</source>
        <translation>socketlab：--at %1：这次运行只有 %2 秒</translation>
    </message>
    <message>
        <source>socketlab: could not write %1</source>
        <translation>socketlab：无法写入 %1</translation>
    </message>
</context>
<context>
    <name>ScriptedRun</name>
    <message>
        <source>socketlab: --send %1: pane %2 does not read input (these do: %3)</source>
        <translation>socketlab：--send %1：窗格 %2 不读取输入（读取输入的窗格：%3）</translation>
    </message>
    <message>
        <source>socketlab: --send %1: lab %2 has no pane &quot;%3&quot; (it has: %4); to send a line that itself has a colon, put one in front: --send &quot;:%1&quot;</source>
        <translation>socketlab：--send %1：实验 %2 没有窗格“%3”（它的窗格：%4）；要发送本身含有冒号的一行，请在前面再加一个冒号：--send &quot;:%1&quot;</translation>
    </message>
    <message>
        <source>socketlab: --send %1: no pane of lab %2 reads input</source>
        <translation>socketlab：--send %1：实验 %2 中没有读取输入的窗格</translation>
    </message>
    <message>
        <source>pane %1: %2 of %3 typed lines answered</source>
        <translation>窗格 %1：输入的 %3 行中有 %2 行得到了回应</translation>
    </message>
    <message>
        <source>pane %1 ended before answering its lines (%2)</source>
        <translation>窗格 %1 还没回应输入的行就结束了（%2）</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>退出状态 %1</translation>
    </message>
    <message>
        <source>the lab took %1 of the %2 steps asked</source>
        <translation>实验只走了要求的 %2 步中的 %1 步</translation>
    </message>
    <message>
        <source>gave up after %1 s: %2</source>
        <translation>等了 %1 秒后放弃：%2</translation>
    </message>
    <message>
        <source>socketlab: could not write %1</source>
        <translation>socketlab：无法写入 %1</translation>
    </message>
    <message>
        <source>socketlab: the run was not saved to %1: %2</source>
        <translation>socketlab：运行没有保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>SelfStudy</name>
    <message>
        <source>Exercises</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Ask &amp;predictions before key steps</source>
        <translation>关键步骤前先预测(&amp;P)</translation>
    </message>
    <message>
        <source>Before a key step runs, the pane stops and asks what you expect; then it shows what happened</source>
        <translation>关键步骤运行前，窗格会停下来问你预期会发生什么；运行后再显示实际情况</translation>
    </message>
    <message>
        <source>Reset progress of this lab…</source>
        <translation>重置本实验的进度…</translation>
    </message>
    <message>
        <source>Reset all progress…</source>
        <translation>重置全部进度…</translation>
    </message>
    <message>
        <source>E&amp;xport progress…</source>
        <translation>导出进度(&amp;X)…</translation>
    </message>
    <message>
        <source>Save a report of your progress in every lab, for your teacher (HTML, Markdown or JSON)</source>
        <translation>把你在各个实验中的进度保存为报告，交给老师（HTML、Markdown 或 JSON）</translation>
    </message>
    <message>
        <source>Show or hide the lab&apos;s exercises: tasks checked on real sockets, with hints</source>
        <translation>显示或隐藏本实验的练习：在真实套接字上检查的任务，附有提示</translation>
    </message>
    <message>
        <source>Exercises (%1)</source>
        <translation>练习（%1）</translation>
    </message>
    <message>
        <source>Reset progress of &quot;%1&quot;…</source>
        <translation>重置“%1”的进度…</translation>
    </message>
</context>
<context>
    <name>SequenceDiagramView</name>
    <message>
        <source>The sequence diagram fills in as the lab runs: a lifeline for each socket, time flowing down, an arrow for every connection and every message.</source>
        <translation>时序图会随着实验的运行逐步绘出：每个套接字一条生命线，时间自上而下推进，每个连接和每条消息各画一支箭头。</translation>
    </message>
    <message>
        <source>SocketLab sequence diagram</source>
        <translation>SocketLab 时序图</translation>
    </message>
    <message>
        <source>Socket calls of a SocketLab run: lifelines, calls, blocked time and the bytes each message carried.</source>
        <translation>一次 SocketLab 运行中的套接字调用：生命线、调用、阻塞时间，以及每条消息携带的字节数。</translation>
    </message>
    <message numerus="yes">
        <source>%n lifeline(s): %1.</source>
        <translation>
            <numerusform>%n 条生命线：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest calls: %1.</source>
        <translation>最近的调用：%1。</translation>
    </message>
</context>
<context>
    <name>SequenceModel</name>
    <message>
        <source>%1 · fd %2 · %3</source>
        <translation>%1 · fd %2 · %3</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 → fd %2</source>
        <translation>%1 → fd %2</translation>
    </message>
</context>
<context>
    <name>SequenceRenderer</name>
    <message>
        <source>blocked %1 …</source>
        <translation>阻塞 %1 …</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>blocked %1</source>
        <translation>阻塞 %1</translation>
    </message>
    <message>
        <source>%1, truncated</source>
        <translation>%1，已截断</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>in the accept queue</source>
        <translation>在 accept 队列中</translation>
    </message>
    <message>
        <source>waiting for room in the accept queue</source>
        <translation>等待 accept 队列腾出空位</translation>
    </message>
</context>
<context>
    <name>SocketObserver</name>
    <message>
        <source>another user&apos;s process</source>
        <translation>其他用户的进程</translation>
    </message>
    <message>
        <source>The kernel&apos;s socket tables cannot be read here (sock_diag): %1</source>
        <translation>这里无法读取内核的套接字表（sock_diag）：%1</translation>
    </message>
</context>
<context>
    <name>SocketServerFlowView</name>
    <message>
        <source>child process %1</source>
        <translation>子进程 %1</translation>
    </message>
    <message>
        <source>thread %1</source>
        <translation>线程 %1</translation>
    </message>
    <message>
        <source>%1 · request %2</source>
        <translation>%1 · 请求 %2</translation>
    </message>
    <message>
        <source>%1 · request %2 from %3</source>
        <translation>%1 · 请求 %2，来自 %3</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>被信号 %1 终止</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>已退出，退出码 %1</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>正在 %1 中</translation>
    </message>
    <message>
        <source>No socketserver in this lab: its stages appear here when a server runs.</source>
        <translation>这个实验中没有 socketserver：socketserver 服务器运行时，它的各个阶段会显示在这里。</translation>
    </message>
    <message>
        <source>×%1 · %2 running</source>
        <translation>×%1 · %2 个运行中</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>Request threads and child processes: %1 running</source>
        <translation>请求线程和子进程：%1 个运行中</translation>
    </message>
    <message>
        <source>none: each request is handled on the server&apos;s own thread</source>
        <translation>无：每个请求都在服务器自己的线程中处理</translation>
    </message>
    <message>
        <source>(%1 earlier ones not listed)</source>
        <translation>（更早的 %1 个未列出）</translation>
    </message>
    <message>
        <source>The methods socketserver calls for each request, lit as they run: the stage running now is outlined, stages just passed fade out, and the count says how often each ran. With ThreadingMixIn or ForkingMixIn, finish_request onwards runs in the thread or child process listed below.</source>
        <translation>socketserver 为每个请求调用的方法，运行到哪个就点亮哪个：正在运行的阶段带有边框，刚经过的阶段逐渐淡出，计数表示每个阶段运行了多少次。使用 ThreadingMixIn 或 ForkingMixIn 时，从 finish_request 开始的阶段在下方列出的线程或子进程中运行。</translation>
    </message>
    <message>
        <source>No stage running now</source>
        <translation>现在没有阶段在运行</translation>
    </message>
    <message>
        <source>Running now: %1</source>
        <translation>正在运行：%1</translation>
    </message>
    <message>
        <source>%1 · raised</source>
        <translation>%1 · 抛出了异常</translation>
    </message>
</context>
<context>
    <name>SocketTableModel</name>
    <message>
        <source>%1 B / %2</source>
        <translation>%1 字节 / %2 次</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>What the program is doing with this socket, as SocketLab sees it</source>
        <translation>程序正在用这个套接字做什么（SocketLab 所见）</translation>
    </message>
    <message>
        <source>The kernel&apos;s TCP state (TCP_INFO), as `ss -tan` prints it</source>
        <translation>内核中的 TCP 状态（TCP_INFO），与 `ss -tan` 显示的一致</translation>
    </message>
    <message>
        <source>Bytes sent / number of send calls that moved data</source>
        <translation>已发送字节数 / 实际发送了数据的 send 调用次数</translation>
    </message>
    <message>
        <source>Bytes received / number of recv calls that returned data</source>
        <translation>已接收字节数 / 返回了数据的 recv 调用次数</translation>
    </message>
    <message>
        <source>Bytes waiting in the kernel&apos;s receive buffer: sent by the peer, not yet taken by recv()</source>
        <translation>内核接收缓冲区中等待的字节：对端已发送，但尚未被 recv() 取走</translation>
    </message>
    <message>
        <source>Bytes in the kernel&apos;s send buffer not yet acknowledged by the peer</source>
        <translation>内核发送缓冲区中尚未被对端确认的字节</translation>
    </message>
    <message>
        <source>Connections completed by the kernel and waiting for accept() / the limit set by listen(backlog)</source>
        <translation>内核已完成握手、正等待 accept() 的连接数 / listen(backlog) 设定的上限</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>fd</source>
        <translation>描述符</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>本地地址</translation>
    </message>
    <message>
        <source>Peer address</source>
        <translation>对端地址</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>TCP state</source>
        <translation>TCP 状态</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Recv-Q</source>
        <translation>接收队列</translation>
    </message>
    <message>
        <source>Send-Q</source>
        <translation>发送队列</translation>
    </message>
    <message>
        <source>Accept queue</source>
        <translation>accept 队列</translation>
    </message>
    <message>
        <source>blocked in %1() — %2</source>
        <translation>阻塞在 %1() 中 — %2</translation>
    </message>
    <message>
        <source>waiting for a request in serve_forever() — %1</source>
        <translation>在 serve_forever() 中等待请求 — %1</translation>
    </message>
    <message>
        <source>waiting for a request in serve_forever()</source>
        <translation>在 serve_forever() 中等待请求</translation>
    </message>
    <message>
        <source>%1 / %2 full</source>
        <translation>%1 / %2 已满</translation>
    </message>
    <message>
        <source>The connection a ForkingMixIn child handles: the parent closed its copy, the child process holds the other. Read from the kernel (sock_diag), as ss shows it.</source>
        <translation>由 ForkingMixIn 子进程处理的连接：父进程关闭了自己的副本，子进程持有另一份。从内核读取（sock_diag），与 ss 显示的一致。</translation>
    </message>
    <message>
        <source>This end closed first: the kernel keeps the connection in TIME_WAIT after every program let go of it, so late segments die here, and binding its address fails with Errno 98 until it ends (SO_REUSEADDR lets a listener bind past it)</source>
        <translation>这一端先关闭：即使所有程序都已放手，内核仍把这个连接留在 TIME_WAIT 状态，让迟到的报文段在这里消亡；在它结束之前，绑定这个地址会失败，报 Errno 98（设置 SO_REUSEADDR 后，监听套接字可以绕过它完成绑定）</translation>
    </message>
    <message>
        <source>Its program closed it; the kernel finishes the connection alone</source>
        <translation>它的程序已经关闭了它；内核独自把连接收尾</translation>
    </message>
    <message>
        <source>The kernel answered this client&apos;s SYN for the listener and waits for the last ACK</source>
        <translation>内核替监听套接字回应了这个客户端的 SYN，正在等待最后一个 ACK</translation>
    </message>
    <message>
        <source>The kernel completed this connection and queued it: accept() will make its socket; bytes the client sends wait in it already</source>
        <translation>内核已经完成了这个连接并把它放进队列：accept() 才会为它创建套接字；客户端发来的字节已经在里面等着了</translation>
    </message>
    <message>
        <source>A socket another process holds on an address this lab used</source>
        <translation>另一个进程持有的套接字，用的是本实验用过的地址</translation>
    </message>
    <message>
        <source>%1 · child %2</source>
        <translation>%1 · 子进程 %2</translation>
    </message>
    <message>
        <source>(another process)</source>
        <translation>（其他进程）</translation>
    </message>
    <message>
        <source>(kernel)</source>
        <translation>（内核）</translation>
    </message>
    <message>
        <source>held by child process %1</source>
        <translation>由子进程 %1 持有</translation>
    </message>
    <message>
        <source>no program: gone in %1</source>
        <translation>无程序持有：%1 后消失</translation>
    </message>
    <message numerus="yes">
        <source>no program: resent %n time(s)</source>
        <translation>
            <numerusform>无程序持有：已重传 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>queued, not accepted yet</source>
        <translation>已排队，尚未 accept</translation>
    </message>
    <message>
        <source>handshake: waits for the last ACK</source>
        <translation>握手中：等待最后一个 ACK</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>其他进程</translation>
    </message>
    <message>
        <source>no program</source>
        <translation>无程序持有</translation>
    </message>
</context>
<context>
    <name>SocketText</name>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>已绑定</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>监听中</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>peer closed</source>
        <translation>对端已关闭</translation>
    </message>
    <message>
        <source>shut down</source>
        <translation>已关闭读写(shutdown)</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>TCP/IPv6</source>
        <translation>TCP/IPv6</translation>
    </message>
    <message>
        <source>UDP/IPv6</source>
        <translation>UDP/IPv6</translation>
    </message>
    <message>
        <source>Unix stream</source>
        <translation>Unix 流</translation>
    </message>
    <message>
        <source>Unix datagram</source>
        <translation>Unix 数据报</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1%2 to %3 …</source>
        <translation>%1%2 目标 %3 …</translation>
    </message>
    <message>
        <source>%1%2 …</source>
        <translation>%1%2 …</translation>
    </message>
    <message>
        <source>%1%2 blocks: waiting</source>
        <translation>%1%2 阻塞：等待中</translation>
    </message>
    <message numerus="yes">
        <source>%1%2 → %n byte(s) sent</source>
        <translation>
            <numerusform>%1%2 → 发送了 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>%1%2 → b&apos;&apos; (the peer closed its side)</source>
        <translation>%1%2 → b&apos;&apos;（对端关闭了它那一侧）</translation>
    </message>
    <message numerus="yes">
        <source>%1%2 → %n byte(s) received</source>
        <translation>
            <numerusform>%1%2 → 收到 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source> (datagram truncated)</source>
        <translation>（数据报被截断）</translation>
    </message>
    <message>
        <source>%1%2 → new socket fd %3 from %4</source>
        <translation>%1%2 → 新套接字 fd %3，来自 %4</translation>
    </message>
    <message>
        <source>%1%2 → fd %3</source>
        <translation>%1%2 → fd %3</translation>
    </message>
    <message>
        <source>%1%2 → ok</source>
        <translation>%1%2 → 成功</translation>
    </message>
    <message>
        <source>%1%2 failed: %3</source>
        <translation>%1%2 失败：%3</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>, blocked %1</source>
        <translation>，阻塞 %1</translation>
    </message>
    <message>
        <source>Nothing arrived before the socket&apos;s timeout ran out (settimeout): the call gave up waiting.</source>
        <translation>套接字的超时时间（settimeout）已到，仍没有收到任何数据：调用放弃了等待。</translation>
    </message>
    <message>
        <source>The host name could not be turned into an address: check its spelling, or use 127.0.0.1.</source>
        <translation>无法把主机名解析为地址：请检查拼写，或改用 127.0.0.1。</translation>
    </message>
    <message>
        <source>The socket was already closed: a closed socket cannot be used again; create a new one.</source>
        <translation>套接字已经关闭：关闭的套接字不能再使用，请新建一个。</translation>
    </message>
    <message>
        <source>Nobody is listening on that address and port: start the server first, or check the port.</source>
        <translation>没有程序在该地址和端口上监听：请先启动服务器，或检查端口。</translation>
    </message>
    <message>
        <source>Another socket already holds this address and port: an old server may still run, or a closed one lingers in TIME_WAIT. Wait, choose another port, or set SO_REUSEADDR before bind().</source>
        <translation>另一个套接字已占用这个地址和端口：可能旧的服务器仍在运行，或已关闭的套接字还停留在 TIME_WAIT 状态。请稍候、换一个端口，或在 bind() 之前设置 SO_REUSEADDR。</translation>
    </message>
    <message>
        <source>That address does not belong to this machine, so nothing can bind or connect from it.</source>
        <translation>该地址不属于本机，因此既不能绑定到它，也不能从它发起连接。</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights: choose a port from 1024 up.</source>
        <translation>1024 以下的端口需要管理员权限：请选择 1024 及以上的端口。</translation>
    </message>
    <message>
        <source>The peer reset the connection: it closed with data unread or crashed. What was in flight is lost.</source>
        <translation>对端重置了连接：它在还有未读数据时关闭了连接，或者崩溃了。传输途中的数据已丢失。</translation>
    </message>
    <message>
        <source>The peer has closed the connection, so nothing more can be sent on it.</source>
        <translation>对端已关闭连接，不能再通过它发送数据。</translation>
    </message>
    <message>
        <source>The peer did not answer in time: the host may be down or unreachable.</source>
        <translation>对端没有及时响应：主机可能已关机或无法访问。</translation>
    </message>
    <message>
        <source>This socket is not connected: connect() (or accept()) must come first.</source>
        <translation>这个套接字尚未连接：必须先调用 connect()（或 accept()）。</translation>
    </message>
    <message>
        <source>This socket is already connected: one socket makes one connection.</source>
        <translation>这个套接字已经连接：一个套接字只能建立一个连接。</translation>
    </message>
    <message>
        <source>The datagram is larger than the protocol allows: send less in one sendto().</source>
        <translation>数据报超出了协议允许的大小：请减少单次 sendto() 发送的数据量。</translation>
    </message>
    <message>
        <source>The non-blocking socket had nothing to do right now: try again later, or wait with select().</source>
        <translation>非阻塞套接字此刻无事可做：请稍后重试，或用 select() 等待。</translation>
    </message>
    <message>
        <source>The call does not fit the socket&apos;s state, e.g. listen() before bind() on some systems, or accept() on a socket that is not listening.</source>
        <translation>该调用与套接字当前的状态不符，例如在某些系统上未 bind() 就 listen()，或对没有在监听的套接字调用 accept()。</translation>
    </message>
    <message>
        <source>There is no route to that network or host from this machine.</source>
        <translation>本机没有通往该网络或主机的路由。</translation>
    </message>
    <message numerus="yes">
        <source>%1%2 → %n socket(s) ready</source>
        <translation>
            <numerusform>%1%2 → %n 个套接字就绪</numerusform>
        </translation>
    </message>
    <message>
        <source>  ⚡ injected fault</source>
        <translation>  ⚡ 注入的故障</translation>
    </message>
</context>
<context>
    <name>TraceLogView</name>
    <message>
        <source> ×%1 (once per poll_interval while serve_forever() waits)</source>
        <translation> ×%1（serve_forever() 等待期间，每个 poll_interval 一次）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>socketlab: no lab &quot;%1&quot;; --list-labs shows them</source>
        <translation>socketlab：没有实验“%1”；用 --list-labs 查看所有实验</translation>
    </message>
    <message>
        <source>socketlab: no lab could be loaded</source>
        <translation>socketlab：没有任何实验能够加载</translation>
    </message>
    <message>
        <source>socketlab: no display found (DISPLAY and WAYLAND_DISPLAY are unset).
Run it under a virtual display:   xvfb-run -a socketlab
or render without one, e.g.:      QT_QPA_PLATFORM=offscreen socketlab --screenshot window.png
Labs also run in the terminal:    socketlab --list-labs; socketlab --lab tcp-timestamp --run server</source>
        <translation>socketlab：找不到图形显示（DISPLAY 和 WAYLAND_DISPLAY 都没有设置）。
在虚拟显示中运行：      xvfb-run -a socketlab
或者不用显示直接渲染，例如：QT_QPA_PLATFORM=offscreen socketlab --screenshot window.png
实验也可以在终端里运行：  socketlab --list-labs; socketlab --lab tcp-timestamp --run server</translation>
    </message>
    <message>
        <source>socketlab: no temporary folder for this run&apos;s settings: %1</source>
        <translation>socketlab：无法为本次运行的设置创建临时文件夹：%1</translation>
    </message>
</context>
<context>
    <name>playground</name>
    <message>
        <source>&quot;%1&quot; is no address here. Write (&apos;127.0.0.1&apos;, 0), (&apos;::1&apos;, 0), &apos;name.sock&apos; (a file in the playground&apos;s folder), peer_tcp, peer_udp or s1.getsockname().</source>
        <translation>“%1”在这里不是地址。请写 (&apos;127.0.0.1&apos;, 0)、(&apos;::1&apos;, 0)、&apos;name.sock&apos;（试验场文件夹里的一个文件）、peer_tcp、peer_udp 或 s1.getsockname()。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number from %2 to %3.</source>
        <translation>“%1”不是 %2 到 %3 之间的整数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2.</source>
        <translation>“%1”不是 %2 中的一个。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an option the playground knows.</source>
        <translation>试验场不认识选项“%1”。</translation>
    </message>
    <message>
        <source>A timeout is None (block) or a number of seconds from 0 to 3600, not &quot;%1&quot;.</source>
        <translation>超时应为 None（阻塞）或 0 到 3600 之间的秒数，而不是“%1”。</translation>
    </message>
</context>
<context>
    <name>playground::Call</name>
    <message>
        <source>The socket object has no method &quot;%1&quot; in the playground.</source>
        <translation>在试验场里，套接字对象没有“%1”这个方法。</translation>
    </message>
    <message>
        <source>%1() takes %2 argument(s) here, not %3.</source>
        <translation>%1() 在这里需要 %2 个参数，而不是 %3 个。</translation>
    </message>
</context>
</TS>
