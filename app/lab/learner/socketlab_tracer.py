# SocketLab's tracer: runs the learner's own Python program (argv[1]) and tells the app,
# on a channel of its own, which line of that file each thread is about to run and every
# call it makes on a socket object, with arguments, result or exception, bytes and time.
#
#   python3 -X utf8 -I socketlab_tracer.py [--recv-max N] [--coalesce-ms MS] [--send-piece N] LEARNER.py
#
# The options are faults an exercise injects into the learner's stream sockets, so that
# loopback's luck cannot pass a program that would fail on a real network: every recv returns
# at most N bytes; every recv first waits MS so what is sent meanwhile arrives together; every
# send and sendall goes out in pieces of N bytes with a short pause between. A call a fault
# changed is reported with "injected": true.
#
# Descriptor 3 carries the reports (one JSON object a line), descriptor 4 the app's answers:
#   "go PID TID"  let that thread run its line        "run"   run freely, lines rarely reported
#   "wait"        report every line and wait again
# stdin, stdout and stderr stay the learner's console. Only the standard library is used,
# and the only file read is the learner's. When the app goes away (descriptor 4 reaches its
# end), the tracer ends its whole process group: nothing the learner started outlives it.
import _socket
import _thread
import builtins
import json
import os
import signal
import socket
import sys
import threading
import time
import traceback

REPORT_FD = 3
CONTROL_FD = 4
FREE_LINE_INTERVAL = 0.05  # while running freely, a thread's line is reported at most this often
TRACER_FILE = os.path.abspath(__file__)


def end_everything():
    try:
        os.killpg(os.getpgrp(), signal.SIGKILL)
    finally:
        os._exit(1)


class Channel:
    """The report channel: whole JSON lines, from any thread, never interleaved."""

    def __init__(self):
        self.lock = _thread.allocate_lock()

    def after_fork(self):
        self.lock = _thread.allocate_lock()  # another thread may have held it at fork()

    def report(self, **fields):
        fields["pid"] = os.getpid()
        data = (json.dumps(fields) + "\n").encode("ascii")
        with self.lock:
            try:
                while data:
                    data = data[os.write(REPORT_FD, data):]
            except OSError:
                end_everything()  # the app is gone


channel = Channel()


class Gate:
    """Where each line of the learner's file waits for the app, as built-in panes wait at steps."""

    def __init__(self):
        self.changed = threading.Condition(_thread.allocate_lock())
        self.free = False
        self.grants = {}  # (pid, thread id) -> lines the app let through
        self.last_free_report = {}

    def after_fork(self):
        # The forked child has no reader of the app's answers: it runs freely, still reported.
        self.changed = threading.Condition(_thread.allocate_lock())
        self.free = True

    def read_commands(self):
        pending = b""
        while True:
            try:
                chunk = os.read(CONTROL_FD, 4096)
            except InterruptedError:
                continue
            except OSError:
                chunk = b""
            if not chunk:
                end_everything()
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                self.command(line.decode("ascii", "replace").split())

    def command(self, words):
        with self.changed:
            if words == ["run"]:
                self.free = True
            elif words == ["wait"]:
                self.free = False
            elif len(words) == 3 and words[0] == "go":
                key = (int(words[1]), int(words[2]))
                self.grants[key] = self.grants.get(key, 0) + 1
            self.changed.notify_all()

    def at_line(self, line):
        thread = threading.current_thread()
        key = (os.getpid(), threading.get_ident())
        if self.free:
            now = time.monotonic()
            if now - self.last_free_report.get(key, 0.0) >= FREE_LINE_INTERVAL:
                self.last_free_report[key] = now
                channel.report(ev="line", thread=thread.name, tid=key[1], line=line, wait=False)
            return
        channel.report(ev="line", thread=thread.name, tid=key[1], line=line, wait=True)
        with self.changed:
            while not self.free and self.grants.get(key, 0) == 0:
                self.changed.wait()
            if self.grants.get(key, 0) > 0:
                self.grants[key] -= 1


gate = Gate()
learner_file = None


def learner_line():
    """The line of the learner's file the current thread is in: the innermost frame of that file."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename == learner_file:
            return frame.f_lineno
        frame = frame.f_back
    return 0


def local_trace(frame, event, arg):
    if event == "line":
        gate.at_line(frame.f_lineno)
    return local_trace


def global_trace(frame, event, arg):
    if frame.f_code.co_filename == learner_file:
        return local_trace
    return None


def short(value, limit=120):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def endpoints(sock):
    """(local, peer), asked of the kernel until a stream is connected and then remembered."""
    known = getattr(sock, "_socketlab_ends", None)
    if known is not None:
        return known
    ends = (endpoint(sock, "local"), endpoint(sock, "peer"))
    if ends[1] is not None and raw_type(sock) == socket.SOCK_STREAM and isinstance(sock, TracedSocket):
        sock._socketlab_ends = ends
    return ends


def endpoint(sock, which):
    try:
        address = sock.getsockname() if which == "local" else sock.getpeername()
    except OSError:
        return None
    return plain_address(address)


def plain_address(address):
    """An address as JSON can carry it: [host, port, ...] or a Unix path ("" when unnamed)."""
    if isinstance(address, tuple):
        return [a if isinstance(a, (str, int)) else repr(a) for a in address]
    if isinstance(address, bytes):  # a Linux abstract Unix address
        return address.decode("utf-8", "backslashreplace")
    return address if isinstance(address, str) else repr(address)


def moved_bytes(name, args, result):
    """Bytes a call moved: what recv returned, what send accepted, what sendall sent."""
    if name in ("recv",):
        return len(result)
    if name == "recvfrom":
        return len(result[0])
    if name in ("recv_into", "send", "sendto"):
        return result
    if name == "recvfrom_into":
        return result[0]
    if name == "sendall":
        return len(memoryview(args[0]))
    return None


RealSocket = socket.socket
# A socket's family and type as plain ints: socket.socket's properties make enums of them,
# which costs more than the call itself once the learner's program makes thousands.
raw_family = _socket.socket.family.__get__
raw_type = _socket.socket.type.__get__


class TracedSocket(RealSocket):
    """socket.socket with every method the lessons teach reported; nothing else changes."""

    __slots__ = ("_socketlab_ends",)  # a connected stream's endpoints, which no longer change

    def __repr__(self):
        return call(self, "repr", lambda: RealSocket.__repr__(self), (), quiet=True)

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is not None:  # accept(), fromfd(): reported by the call that made it
            RealSocket.__init__(self, family, type, proto, fileno)
            return
        names = (named(socket.AddressFamily, family, "AF_INET"), named(socket.SocketKind, type, "SOCK_STREAM"))
        call(self, "socket", lambda *a: RealSocket.__init__(self, family, type, proto), names, precreated=False)


class Named(str):
    def __repr__(self):
        return str(self)  # AF_INET as the learner wrote it, not "'AF_INET'"


def named(enum, value, default):
    try:
        return Named(default if value == -1 else enum(value).name)
    except ValueError:
        return Named(str(value))


inside_call = threading.local()  # the tracer's own use of a socket (repr, getsockname) is not reported


def call(sock, name, method, args, precreated=True, quiet=False, injected=False):
    if getattr(inside_call, "active", False):
        return method(*args)
    inside_call.active = True
    try:
        return method(*args) if quiet else reported_call(sock, name, method, args, precreated, injected)
    finally:
        inside_call.active = False


def reported_call(sock, name, method, args, precreated, injected):
    fd = sock.fileno() if precreated else -1
    thread = threading.current_thread()
    common = dict(thread=thread.name, tid=threading.get_ident(), line=learner_line(), call=name,
                  args=[short(a) for a in args])
    if precreated:
        common.update(fd=fd, inode=inode_of(fd), family=raw_family(sock), type=raw_type(sock))
    if injected:
        common["injected"] = True
    channel.report(ev="begin", **common)
    start = time.monotonic()
    try:
        result = method(*args)
    except BaseException as error:
        blocked = (time.monotonic() - start) * 1000.0
        channel.report(ev="call", blocked_ms=blocked, error="%s: %s" % (type(error).__name__, error),
                       local=endpoint(sock, "local") if fd >= 0 else None, **common)
        raise
    blocked = (time.monotonic() - start) * 1000.0
    extra = {}
    if not precreated:
        fd = sock.fileno()
        common.update(fd=fd, inode=inode_of(fd), family=raw_family(sock), type=raw_type(sock))
    if name == "accept":
        connection = result[0]
        extra.update(new_fd=connection.fileno(), new_inode=inode_of(connection.fileno()),
                     new_local=endpoint(connection, "local"), new_peer=endpoint(connection, "peer"))
    if name in ("recvfrom", "recvfrom_into", "accept"):
        extra["peer"] = plain_address(result[1])
    elif name != "close" and sock.fileno() >= 0:
        extra["local"], extra["peer"] = endpoints(sock)
    channel.report(ev="call", blocked_ms=blocked, result=None if name == "socket" else short(result),
                   bytes=moved_bytes(name, args, result), **extra, **common)
    return result


def inode_of(fd):
    try:
        return os.fstat(fd).st_ino if fd >= 0 else 0
    except OSError:
        return 0


class Faults:
    recv_max = 0
    coalesce_ms = 0
    send_piece = 0
    split_pause = 0.03  # between the pieces of a split send, as the app's own FaultPlan


faults = Faults()
RECEIVES = ("recv", "recv_into")
SENDS = ("send", "sendall")


def with_faults(sock, name, method, args):
    """method with the exercise's faults applied, and whether one changed the call."""
    if raw_type(sock) != socket.SOCK_STREAM:
        return method, False
    if name in RECEIVES and (faults.recv_max or faults.coalesce_ms):
        def faulty(*a):
            if faults.coalesce_ms:
                time.sleep(faults.coalesce_ms / 1000.0)
            if faults.recv_max and a:
                if name == "recv":
                    a = (min(a[0], faults.recv_max),) + tuple(a[1:])
                else:
                    size = a[1] if len(a) > 1 and a[1] else len(memoryview(a[0]))
                    a = (a[0], min(size, faults.recv_max)) + tuple(a[2:])
            return method(*a)
        return faulty, True
    if name in SENDS and faults.send_piece and args and len(memoryview(args[0])) > faults.send_piece:
        def split(*a):
            data = memoryview(a[0]).cast("B")
            if name == "send":
                return method(data[: faults.send_piece], *a[1:])
            for start in range(0, len(data), faults.send_piece):
                if start:
                    time.sleep(faults.split_pause)
                method(data[start:start + faults.send_piece], *a[1:])
            return None
        return split, True
    return method, False


def traced(name):
    method = getattr(RealSocket, name)

    def wrapper(self, *args):
        faulty, injected = with_faults(self, name, lambda *a: method(self, *a), args)
        return call(self, name, faulty, args, injected=injected)

    wrapper.__name__ = name
    wrapper.__qualname__ = "socket." + name
    return wrapper


for _name in ("bind", "listen", "accept", "connect", "connect_ex", "send", "sendall", "sendto", "recv",
              "recv_into", "recvfrom", "recvfrom_into", "close", "shutdown", "setsockopt", "getsockopt",
              "setblocking", "settimeout", "getsockname", "getpeername"):
    setattr(TracedSocket, _name, traced(_name))
TracedSocket.__name__ = TracedSocket.__qualname__ = "socket"
TracedSocket.__module__ = "socket"


def traced_input(prompt=""):
    sys.stdout.flush()
    channel.report(ev="input", thread=threading.current_thread().name, prompt=str(prompt), line=learner_line())
    return real_input()


real_input = builtins.input


def learner_frames(tb):
    return [f for f in traceback.extract_tb(tb) if f.filename != TRACER_FILE]


def report_exception(error, thread_name):
    frames = learner_frames(error.__traceback__)
    line = 0
    for f in frames:
        if f.filename == learner_file:
            line = f.lineno
    text = "".join(traceback.format_exception_only(type(error), error)).strip()
    channel.report(ev="exception", thread=thread_name, line=line, type=type(error).__name__, message=text)
    return frames


def print_exception(error, frames):
    if frames:
        sys.stderr.write("Traceback (most recent call last):\n" + "".join(traceback.format_list(frames)))
    sys.stderr.write("".join(traceback.format_exception_only(type(error), error)))
    sys.stderr.flush()


def thread_excepthook(hook_args):
    """As Python's own hook prints it, without the tracer's frames."""
    if hook_args.exc_type is SystemExit:
        return
    name = hook_args.thread.name if hook_args.thread else "?"
    frames = report_exception(hook_args.exc_value, name)
    sys.stderr.write("Exception in thread %s:\n" % name)
    print_exception(hook_args.exc_value, frames)


def after_fork_in_child():
    channel.after_fork()
    gate.after_fork()


def main():
    global learner_file
    arguments = sys.argv[1:]
    options = {"--recv-max": "recv_max", "--coalesce-ms": "coalesce_ms", "--send-piece": "send_piece"}
    while len(arguments) > 2 and arguments[0] in options:
        setattr(faults, options[arguments[0]], int(arguments[1]))
        arguments = arguments[2:]
    if len(arguments) != 1:
        sys.stderr.write("usage: socketlab_tracer.py [--recv-max N] [--coalesce-ms MS] [--send-piece N] LEARNER.py\n")
        return 2
    learner_file = os.path.abspath(arguments[0])
    os.set_inheritable(REPORT_FD, False)
    os.set_inheritable(CONTROL_FD, False)
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(line_buffering=True, errors="backslashreplace")
    try:
        with open(learner_file, "rb") as f:
            source = f.read()
    except OSError as error:
        sys.stderr.write("%s: %s\n" % (type(error).__name__, error))
        channel.report(ev="exception", thread="MainThread", line=0, type=type(error).__name__, message=str(error))
        return 1
    try:
        code = compile(source, learner_file, "exec")
    except SyntaxError as error:  # also IndentationError, and a file that is not UTF-8
        channel.report(ev="exception", thread="MainThread", line=error.lineno or 0, type=type(error).__name__,
                       message="".join(traceback.format_exception_only(type(error), error)).strip())
        print_exception(error, [])
        return 1

    _thread.start_new_thread(gate.read_commands, ())
    os.register_at_fork(after_in_child=after_fork_in_child)
    socket.socket = TracedSocket
    builtins.input = traced_input
    threading.excepthook = thread_excepthook
    sys.argv = [learner_file]
    sys.path.insert(0, os.path.dirname(learner_file))  # -I left the script folder out
    namespace = {"__name__": "__main__", "__file__": learner_file, "__builtins__": builtins}
    channel.report(ev="start", file=learner_file)
    threading.settrace(global_trace)
    sys.settrace(global_trace)
    try:
        exec(code, namespace)
    except SystemExit as exit_:
        sys.settrace(None)
        raise
    except BaseException as error:
        sys.settrace(None)
        print_exception(error, report_exception(error, "MainThread"))
        return 1
    sys.settrace(None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
