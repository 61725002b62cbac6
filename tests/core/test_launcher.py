"""``make run``'s launcher (scripts/run.py): the three processes start together,
stop together on Ctrl-C, and leave nothing behind. First with stand-in commands
(each with a child of its own, as the autoreloaders have), then for real: the
server answers, the worker delivers an email to var/mail, the scheduler runs."""

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest
from django.db import connection, transaction

from core import outbox

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 60  # seconds; polling stops as soon as the condition holds
# Three Django processes starting at once on a loaded machine take longer.
STARTUP = 240

STAND_IN = textwrap.dedent(
    """
    import os, signal, subprocess, sys, time
    from pathlib import Path

    folder, name, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    if mode == "stubborn":
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # inherited by its child
    if mode == "exits":  # once the others are up
        while not list(folder.glob("*.ready")):
            time.sleep(0.05)
        sys.exit(3)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    (folder / f"{name}.tmp").write_text(f"{os.getpid()} {child.pid}")
    (folder / f"{name}.tmp").rename(folder / f"{name}.ready")
    time.sleep(120)
    """
)


def until(condition, what: str, *, seconds: float = DEADLINE):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"not within {seconds} s: {what}")


def running(processes) -> list:
    """Those still running (processes, or pids) among ``processes``."""
    alive = []
    for process in processes:
        try:
            if isinstance(process, int):
                process = psutil.Process(process)
            if process.status() != psutil.STATUS_ZOMBIE:
                alive.append(process)
        except psutil.NoSuchProcess:
            pass
    return alive


def launch_stand_ins(folder: Path, modes: dict[str, str], grace: float = 10):
    commands = {
        name: [sys.executable, "-c", STAND_IN, str(folder), name, mode]
        for name, mode in modes.items()
    }
    code = (
        "import json, sys; from scripts.run import Launcher; "
        "sys.exit(Launcher(json.loads(sys.argv[1]), grace=float(sys.argv[2])).run())"
    )
    return subprocess.Popen(  # noqa: S603 - our own commands
        [sys.executable, "-c", code, json.dumps(commands), str(grace)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )


def descendants_once_ready(launcher, folder: Path, names) -> list:
    until(
        lambda: all((folder / f"{name}.ready").exists() for name in names),
        "every stand-in started",
    )
    # Each stand-in and its own child.
    return until(
        lambda: (
            kids
            if len(kids := psutil.Process(launcher.pid).children(recursive=True))
            == 2 * len(names)
            else None
        ),
        "every stand-in's child started",
    )


def test_ctrl_c_stops_every_process_and_their_children(tmp_path):
    names = ["web", "worker", "scheduler"]
    launcher = launch_stand_ins(tmp_path, dict.fromkeys(names, "sleeps"))
    try:
        family = descendants_once_ready(launcher, tmp_path, names)

        launcher.send_signal(signal.SIGINT)
        code = launcher.wait(timeout=DEADLINE)
    finally:
        launcher.kill()
        launcher.communicate()

    assert code == 0
    assert running(family) == []


def test_a_process_that_ignores_ctrl_c_is_killed_after_the_grace(tmp_path):
    launcher = launch_stand_ins(
        tmp_path, {"web": "sleeps", "worker": "stubborn"}, grace=1
    )
    try:
        family = descendants_once_ready(launcher, tmp_path, ["web", "worker"])

        launcher.send_signal(signal.SIGINT)
        code = launcher.wait(timeout=DEADLINE)
        errors = launcher.stderr.read()
    finally:
        launcher.kill()
        launcher.communicate()

    assert code == 0
    assert "worker did not stop within 1 s: killed" in errors
    assert running(family) == []


def test_one_process_ending_stops_the_others_with_its_code(tmp_path):
    launcher = launch_stand_ins(tmp_path, {"web": "sleeps", "worker": "exits"})
    try:
        code = launcher.wait(timeout=DEADLINE)
        errors = launcher.stderr.read()
    finally:
        launcher.kill()
        launcher.communicate()

    assert code == 3
    assert "worker exited with code 3: stopping the others" in errors
    web = [int(pid) for pid in (tmp_path / "web.ready").read_text().split()]
    assert len(web) == 2  # the stand-in and its child
    assert running(web) == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


@pytest.mark.django_db(transaction=True)
def test_make_run_serves_works_and_stops(tmp_path, database_tasks, home_page):
    """The real commands, on a copy of the test database in a scratch VAR_DIR."""
    if connection.vendor != "sqlite":
        pytest.skip("make run uses the embedded database (SQLite)")
    with transaction.atomic():
        outbox.owe_email(
            "tests.core.builders.note",
            to="lea@example.org",
            language="fr",
            address="lea@example.org",
            text="Bonjour du worker",
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(tmp_path / "db.sqlite3")])
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ENV", "TASKS_BACKEND"}
    }
    env["VERSUS_VAR_DIR"] = str(tmp_path)
    port = free_port()
    log = tmp_path / "run.log"
    with log.open("w") as output:  # the children keep their own copy
        launcher = subprocess.Popen(  # noqa: S603 - our own commands
            [sys.executable, "scripts/run.py", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=output,
        )
    try:
        status = until(
            lambda: answers(f"http://127.0.0.1:{port}/"), "the server", seconds=STARTUP
        )
        sent = until(
            lambda: list((tmp_path / "mail").glob("*.eml")),
            "the email",
            seconds=STARTUP,
        )
        family = psutil.Process(launcher.pid).children(recursive=True)
        commands = [" ".join(process.cmdline()) for process in family]

        launcher.send_signal(signal.SIGINT)
        code = launcher.wait(timeout=STARTUP)
    finally:
        launcher.kill()
        launcher.wait()
        errors = log.read_text()

    assert status == 200, errors
    assert "Bonjour du worker" in sent[0].read_text()
    for command in ("runserver", "db_worker", "crontask"):
        assert any(command in line for line in commands), commands
    assert code == 0, errors
    assert running(family) == []


def test_with_redis_a_second_scheduler_gives_up(tmp_path):
    """Two servers each start ``manage.py crontask``: the second finds the lock
    held in Redis and stops, so each job is enqueued once."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("needs REDIS_URL (the lock lives in Redis)")
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "DJANGO_ENV"}
    }
    env.update(
        VERSUS_VAR_DIR=str(tmp_path), TASKS_BACKEND="database", PYTHONUNBUFFERED="1"
    )
    command = [sys.executable, "manage.py", "crontask", "--no-heartbeat"]
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    schedulers = []
    try:
        for log in logs:
            with log.open("w") as output:
                schedulers.append(
                    subprocess.Popen(  # noqa: S603 - our own command
                        command, cwd=ROOT, env=env, stdout=output, stderr=output
                    )
                )
            until(
                lambda log=log: "Acquiring lock" in log.read_text(),
                f"{log.stem} scheduler asks for the lock",
                seconds=STARTUP,
            )
            if log is logs[0]:
                until(
                    lambda: "Starting scheduler" in logs[0].read_text(),
                    "the first scheduler holds the lock",
                    seconds=STARTUP,
                )
        second_code = schedulers[1].wait(timeout=STARTUP)
        first_still_running = schedulers[0].poll() is None
    finally:
        for scheduler in schedulers:
            scheduler.send_signal(signal.SIGINT)
        for scheduler in schedulers:
            try:
                scheduler.wait(timeout=DEADLINE)
            except subprocess.TimeoutExpired:
                scheduler.kill()
                scheduler.wait()

    assert "Another scheduler is already running." in logs[1].read_text()
    assert second_code == 0
    assert first_still_running
    assert "Starting scheduler" not in logs[1].read_text()
