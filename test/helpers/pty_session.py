"""pty_session.py: runs a command on a pseudo-terminal, as a person at a
terminal would (Ctrl-C is a keypress there, not a signal), and follows a
script of steps given as JSON on stdin:

  ["expect", REGEX]     wait until the screen matches (10 s at most)
  ["send", TEXT]        type TEXT ("\\u0003" is Ctrl-C, "\\u0004" Ctrl-D)
  ["kill", SIGNAL]      send a signal (e.g. "SIGINT") to the process

then waits for it to end (20 s at most) and prints one JSON line:
{"code", "signal", "timedOut", "failedStep", "screen"} (screen: the last
4000 characters).  Usage: python3 pty_session.py COMMAND ARGS... < steps
"""
import json
import os
import pty
import re
import select
import signal
import sys
import time


def main():
    steps = json.load(sys.stdin)
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[1], sys.argv[1:])
    screen = ""
    failed = None

    def read_for(seconds):
        nonlocal screen
        ready, _, _ = select.select([fd], [], [], seconds)
        if not ready:
            return False
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return None
        if not chunk:
            return None
        screen += chunk.decode("utf-8", "replace")
        return True

    for index, (kind, value) in enumerate(steps):
        if kind == "expect":
            deadline = time.time() + 10
            pattern = re.compile(value, re.M)
            while not pattern.search(screen):
                if time.time() > deadline or read_for(0.1) is None:
                    failed = index
                    break
        elif kind == "send":
            os.write(fd, value.encode())
        elif kind == "kill":
            os.kill(pid, getattr(signal, value))
        if failed is not None:
            break

    deadline = time.time() + 20
    status = None
    while status is None and time.time() < deadline:
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done:
            status = raw
            break
        read_for(0.05)
    timed_out = status is None
    if timed_out:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    # What is left on the terminal after the end.
    while read_for(0) is True:
        pass
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = (signal.Signals(os.WTERMSIG(status)).name
           if os.WIFSIGNALED(status) else None)
    print(json.dumps({"code": code, "signal": sig, "timedOut": timed_out,
                      "failedStep": failed, "screen": screen[-4000:]}))


main()
