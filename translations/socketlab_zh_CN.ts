<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>SocketLab — TCP timestamp server and client</source>
        <translation>SocketLab — TCP 时间戳服务器与客户端</translation>
    </message>
    <message>
        <source>Type a message for the client to send; an empty line ends the client</source>
        <translation>输入一条消息，由客户端发送；输入空行结束客户端</translation>
    </message>
    <message>
        <source>Server — tsTserv</source>
        <translation>服务器 — tsTserv</translation>
    </message>
    <message>
        <source>Client — tsTclnt</source>
        <translation>客户端 — tsTclnt</translation>
    </message>
    <message>
        <source>Start runs the tutorial's TCP timestamp server and client on real sockets on 127.0.0.1. Type at the client's prompt: the server answers with the time. Watch accept() and recv() block in the socket table.</source>
        <translation>“开始”会在 127.0.0.1 上用真实的套接字运行教程中的 TCP 时间戳服务器和客户端。在客户端的提示符处输入消息，服务器会加上时间戳返回。请在套接字表中观察 accept() 和 recv() 如何阻塞。</translation>
    </message>
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
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Start the server and the client (F5)</source>
        <translation>启动服务器和客户端 (F5)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop both programs, even while they are blocked (Shift+F5)</source>
        <translation>停止两个程序，即使它们正阻塞在调用中 (Shift+F5)</translation>
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
</TS>