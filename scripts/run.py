"""``make run``: the development server, the task worker and the scheduler,
started together and stopped together.

    python scripts/run.py [HOST:PORT]

- web: ``manage.py runserver HOST:PORT``
- worker: ``manage.py db_worker --queue-name default,email,newsletter`` (emails,
  PDFs, Stripe follow-ups, the scheduled jobs and the newsletter's batches, on
  the database backend)
- scheduler: ``manage.py crontask --no-heartbeat`` (enqueues the scheduled jobs)

Each runs in a process group of its own, so that Ctrl-C reaches this launcher
only, and the launcher stops each group (the autoreloaders' children included):
SIGINT first, SIGKILL to what is still there after ``GRACE`` seconds; a second
Ctrl-C kills at once. If one of them exits on its own, the others are stopped
too and its exit code is returned. The launcher adopts what its children leave
behind (Linux "child subreaper"), so nothing outlives it. It imports nothing of
Django: the commands are ordinary processes.
"""

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Long enough for a loaded machine to unwind three Django processes.
GRACE = 20.0
POLL = 0.1
PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


LIBC = _libc()


def _die_with_launcher() -> None:
    """Runs in each child before it starts: if the launcher is killed outright
    (no chance to stop anything), the child is told with SIGTERM."""
    if LIBC is not None:
        LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _log(message: str) -> None:
    print(f"[run] {message}", file=sys.stderr, flush=True)


class Launcher:
    def __init__(
        self,
        commands: Mapping[str, Sequence[str]],
        *,
        grace: float = GRACE,
        env: Mapping[str, str] | None = None,
        cwd: Path | str | None = None,
    ):
        self.commands = dict(commands)
        self.grace = grace
        self.env = dict(os.environ if env is None else env)
        self.cwd = cwd
        self.processes: dict[str, subprocess.Popen] = {}
        self.exit_codes: dict[str, int] = {}
        self.signals = 0

    # --- Signals and children ---------------------------------------------------

    def _on_signal(self, signum, frame) -> None:
        self.signals += 1
        if self.signals > 1:
            _log("second interrupt: killing everything now")
            self._kill_groups(signal.SIGKILL)

    def _start(self) -> None:
        for name, argv in self.commands.items():
            self.processes[name] = subprocess.Popen(  # noqa: S603
                list(argv),
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                process_group=0,
                preexec_fn=_die_with_launcher,
            )
            _log(f"{name} started (pid {self.processes[name].pid}): {' '.join(argv)}")

    def _reap(self) -> None:
        """Collect every child that has ended: ours, and the orphans adopted."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            for name, process in self.processes.items():
                if process.pid == pid:
                    process.returncode = os.waitstatus_to_exitcode(status)
                    self.exit_codes[name] = process.returncode

    def _group_alive(self, process: subprocess.Popen) -> bool:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def _kill_groups(self, signum: int) -> None:
        for process in self.processes.values():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signum)

    # --- Running ------------------------------------------------------------------

    def _watch(self) -> int | None:
        """Until an interrupt (None) or a child's own exit (its code)."""
        while not self.signals:
            self._reap()
            for name, code in self.exit_codes.items():
                _log(f"{name} exited with code {code}: stopping the others")
                return code or 1
            time.sleep(POLL)
        return None

    def _stop(self) -> None:
        _log("stopping " + ", ".join(self.processes))
        self._kill_groups(signal.SIGINT)
        deadline = time.monotonic() + self.grace
        while time.monotonic() < deadline:
            self._reap()
            if not any(map(self._group_alive, self.processes.values())):
                return
            time.sleep(POLL / 2)
        late = [n for n, p in self.processes.items() if self._group_alive(p)]
        _log(f"{', '.join(late)} did not stop within {self.grace:g} s: killed")
        self._kill_groups(signal.SIGKILL)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            self._reap()
            if not any(map(self._group_alive, self.processes.values())):
                return
            time.sleep(POLL / 2)

    def run(self) -> int:
        if LIBC is not None:
            LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1)
        previous = {
            signum: signal.signal(signum, self._on_signal)
            for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
        }
        try:
            self._start()
            code = self._watch()
        finally:
            self._stop()
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        return 0 if code is None else code


def commands(address: str, *, python: str = sys.executable) -> dict[str, list[str]]:
    manage = [python, str(ROOT / "manage.py")]
    return {
        "web": [*manage, "runserver", address],
        "worker": [
            *manage,
            "db_worker",
            "--queue-name",
            "default,email,newsletter",
        ],
        "scheduler": [*manage, "crontask", "--no-heartbeat"],
    }


def main(argv: Sequence[str]) -> int:
    address = argv[0] if argv else "127.0.0.1:8000"
    # The worker needs the tasks in the database, whatever the shell says.
    env = {**os.environ, "TASKS_BACKEND": "database", "PYTHONUNBUFFERED": "1"}
    return Launcher(commands(address), env=env, cwd=ROOT).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
