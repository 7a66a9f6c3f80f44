#!/usr/bin/env python3
# reaper.py COMMAND ARGS...: runs COMMAND as a child subreaper would (Linux
# prctl PR_SET_CHILD_SUBREAPER): processes it orphans (a daemon whose
# parent exited) become children of this one, which reaps them when they
# end, as a machine's init does.  A container whose pid 1 reaps nothing
# leaves a killed daemon a zombie, which kill(pid, 0) still finds.  Exits
# with COMMAND's status.
import ctypes
import os
import signal
import sys

PR_SET_CHILD_SUBREAPER = 36


def main(argv):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        sys.stderr.write('reaper.py: prctl(PR_SET_CHILD_SUBREAPER) failed\n')
    child = os.fork()
    if child == 0:
        try:
            os.execvp(argv[0], argv)
        except OSError as error:
            sys.stderr.write('reaper.py: %s: %s\n' % (argv[0], error))
            os._exit(127)
    # The harness's timeout signals this process: pass it on.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda number, frame: os.kill(child, number))
    status = 0
    while True:
        try:
            pid, wait_status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        if pid == child:
            status = os.waitstatus_to_exitcode(wait_status)
            # Orphans still running (a daemon the command left behind) are
            # not waited for.
            break
    return 128 - status if status < 0 else status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
