<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HeadlessRun</name>
    <message>
        <source>socketlab: lab %1 has no pane "%2" (it has: %3)</source>
        <translation>socketlab：实验 %1 中没有窗格“%2”（现有窗格：%3）</translation>
    </message>
    <message>
        <source>write NAME=VALUE, not "%1"</source>
        <translation>请写成 名称=值，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>LabDefinition</name>
    <message>
        <source>%1 must be a whole number, not "%2"</source>
        <translation>%1 必须是整数，而不是“%2”</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3</source>
        <translation>%1 必须在 %2 到 %3 之间</translation>
    </message>
</context>
<context>
    <name>LabLoader</name>
    <message>
        <source>"%1" is missing</source>
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
        <source>must be an object with "en" and "zh_CN" texts</source>
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
        <source>must be an array</source>
        <translation>必须是数组</translation>
    </message>
    <message>
        <source>min is greater than max</source>
        <translation>min 大于 max</translation>
    </message>
    <message>
        <source>must be "int" or "string", not "%1"</source>
        <translation>必须是“int”或“string”，而不是“%1”</translation>
    </message>
    <message>
        <source>"default" is missing</source>
        <translation>缺少“default”</translation>
    </message>
    <message>
        <source>"%1" is declared twice</source>
        <translation>“%1”被声明了两次</translation>
    </message>
    <message>
        <source>"steps" is missing</source>
        <translation>缺少“steps”</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>program "%1" has no step "%2"</source>
        <translation>程序“%1”没有步骤“%2”</translation>
    </message>
    <message>
        <source>line %1 is outside %2 (%3 lines)</source>
        <translation>第 %1 行超出了 %2 的范围（共 %3 行）</translation>
    </message>
    <message>
        <source>line %1 of %2 does not contain "%3": %4</source>
        <translation>%2 的第 %1 行不包含“%3”：%4</translation>
    </message>
    <message>
        <source>step "%1" of program "%2" has no line</source>
        <translation>程序“%2”的步骤“%1”没有对应的行</translation>
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
        <source>"%1" differs from the folder name "%2"</source>
        <translation>“%1”与文件夹名“%2”不一致</translation>
    </message>
    <message>
        <source>a lab needs at least one pane</source>
        <translation>一个实验至少需要一个窗格</translation>
    </message>
    <message>
        <source>pane "%1" is declared twice</source>
        <translation>窗格“%1”被声明了两次</translation>
    </message>
    <message>
        <source>no program is called "%1"</source>
        <translation>没有名为“%1”的程序</translation>
    </message>
    <message>
        <source>the listing could not be read</source>
        <translation>无法读取代码清单</translation>
    </message>
    <message>
        <source>program "%1" needs parameter "%2"</source>
        <translation>程序“%1”需要参数“%2”</translation>
    </message>
    <message>
        <source>"%1" names no pane parameter (write pane.parameter)</source>
        <translation>“%1”没有指向任何窗格参数（请写成 窗格.参数）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sockets</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>Trace of every socket call</source>
        <translation>每次套接字调用的跟踪</translation>
    </message>
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
        <source>SocketLab %1 teaches socket programming on real sockets.</source>
        <translation>SocketLab %1 在真实的套接字上讲授套接字编程。</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>实验</translation>
    </message>
    <message numerus="yes">
        <source>%n socket call event(s) traced, %1 dropped</source>
        <translation><numerusform>已跟踪 %n 个套接字调用事件，丢弃 %1 个</numerusform></translation>
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
        <source>Pause between steps while running: left is full speed, right is slow motion</source>
        <translation>运行时每一步之间的停顿：最左为全速，越往右越慢</translation>
    </message>
    <message>
        <source>Speed: </source>
        <translation>速度：</translation>
    </message>
</context>
<context>
    <name>PaneRunner</name>
    <message>
        <source>this pane has no parameter "%1"</source>
        <translation>这个窗格没有参数“%1”</translation>
    </message>
    <message>
        <source>no program is called "%1"</source>
        <translation>没有名为“%1”的程序</translation>
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
        <source>Input for the program's input(); an empty line ends a client</source>
        <translation>程序 input() 的输入；输入空行会结束客户端</translation>
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
        <source>blocked in %1() — %2</source>
        <translation>阻塞在 %1() 中 — %2</translation>
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
        <source>paused before line %1</source>
        <translation>暂停在第 %1 行之前</translation>
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
        <source>The kernel's TCP state (TCP_INFO), as `ss -tan` prints it</source>
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
        <source>Bytes waiting in the kernel's receive buffer: sent by the peer, not yet taken by recv()</source>
        <translation>内核接收缓冲区中等待的字节：对端已发送，但尚未被 recv() 取走</translation>
    </message>
    <message>
        <source>Bytes in the kernel's send buffer not yet acknowledged by the peer</source>
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
        <translation><numerusform>%1%2 → 发送了 %n 字节</numerusform></translation>
    </message>
    <message>
        <source>%1%2 → b'' (the peer closed its side)</source>
        <translation>%1%2 → b''（对端关闭了它那一侧）</translation>
    </message>
    <message numerus="yes">
        <source>%1%2 → %n byte(s) received</source>
        <translation><numerusform>%1%2 → 收到 %n 字节</numerusform></translation>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>socketlab: no lab "%1"; --list-labs shows them</source>
        <translation>socketlab：没有实验“%1”；用 --list-labs 查看所有实验</translation>
    </message>
    <message>
        <source>socketlab: --run needs --lab ID</source>
        <translation>socketlab：--run 需要与 --lab ID 一起使用</translation>
    </message>
    <message>
        <source>socketlab: no lab could be loaded</source>
        <translation>socketlab：没有任何实验能够加载</translation>
    </message>
    <message>
        <source>write PANE.NAME=VALUE with a pane of lab %1</source>
        <translation>请写成 窗格.名称=值，窗格须属于实验 %1</translation>
    </message>
    <message>
        <source>socketlab: could not write %1</source>
        <translation>socketlab：无法写入 %1</translation>
    </message>
</context>
</TS>