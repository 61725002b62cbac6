"""What any HTTP benchmark of Versus needs: a database of its own, gunicorn started
and stopped, concurrent clients, latency percentiles and a description of the
machine the figures come from.

Nothing here imports Django at module level: the benchmark sets the environment
first, as gunicorn's workers will see it, then sets Django up.
"""

import http.client
import math
import os
import platform
import queue
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


# --- Database -----------------------------------------------------------------------


def recreate_database(url: str) -> str:
    """Drop and create the benchmark's PostgreSQL database; returns its name.

    Refuses a name without "bench" in it, so that a mistyped URL cannot wipe the
    development or test database."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit(f"BENCH_DATABASE_URL must point at PostgreSQL, got {url!r}.")
    name = config["NAME"]
    if "bench" not in name:
        raise SystemExit(
            f"Refusing to drop database {name!r}: the benchmark's database is "
            "dropped on every run, so its name must contain 'bench'."
        )
    with psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as maintenance:
        ident = sql.Identifier(name)
        maintenance.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident)
        )
        maintenance.execute(sql.SQL("CREATE DATABASE {}").format(ident))
    return name


# --- Server -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], *, workers: int, log: Path) -> Iterator[int]:
    """Serve the site as production does (``config/gunicorn_conf.py``), with
    gunicorn's default (sync) workers on a free port;
    yields the port once /healthz answers, stops the server on the way out."""
    with gunicorn_server(env, workers=workers, log=log) as server:
        yield server.port


@dataclass(frozen=True)
class Server:
    port: int
    pid: int  # gunicorn's master; its children are the workers


@contextmanager
def gunicorn_server(
    env: dict[str, str], *, workers: int, log: Path
) -> Iterator[Server]:
    """``gunicorn()``, yielding the master's pid too (to read the workers' memory)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config=config/gunicorn_conf.py",
        f"--workers={workers}",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
    ]
    with log.open("wb") as output:
        # The command is built above from constants and a port number.
        server = subprocess.Popen(  # noqa: S603
            command,
            cwd=BASE_DIR,
            env={**os.environ, **env},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_up(port, server, log)
            yield Server(port=port, pid=server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wait_until_up(
    port: int, server: subprocess.Popen, log: Path, name: str = "gunicorn"
) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"{name} stopped at start-up:\n{log.read_text()}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            connection.close()
        time.sleep(0.2)
    raise SystemExit(f"{name} did not answer /healthz in 60 s:\n{log.read_text()}")


# --- Front, workers, memory ----------------------------------------------------------

NGINX = os.environ.get("BENCH_NGINX", "/usr/sbin/nginx")


def nginx_config(
    *, listen: int, upstreams: list[int], static_root: Path, prefix: Path
) -> str:
    """nginx in front of the app servers, as ``deploy/nginx.conf`` describes, with
    everything it writes kept under ``prefix`` and no TLS: the clients stand for
    the TLS-terminating load balancer and say ``X-Forwarded-Proto: https``, which
    is passed on; nginx appends the client's address to ``X-Forwarded-For``, so
    the site (``TRUSTED_PROXY_COUNT=1``) sees each client's own. Round-robin over the servers; ``X-Served-By`` names the
    server that answered, so that a benchmark can see the requests alternate (it
    is left out of the production sample: it would tell anyone our topology)."""
    user = ""
    if os.geteuid() == 0:
        # Workers would otherwise run as nobody, who cannot read the run's files.
        import pwd

        user = f"user {pwd.getpwuid(0).pw_name};"
    servers = "\n".join(f"        server 127.0.0.1:{port};" for port in upstreams)
    mime = (
        "include /etc/nginx/mime.types;"
        if Path("/etc/nginx/mime.types").exists()
        else ""
    )
    temp = "\n".join(
        f"    {kind}_temp_path {prefix}/{kind}_temp;"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{
    worker_connections 1024;
}}
http {{
    {mime}
    default_type application/octet-stream;
    access_log off;
{temp}
    # TLS ends in front of this nginx: the scheme is the one it was told.
    map $http_x_forwarded_proto $forwarded_proto {{
        default $http_x_forwarded_proto;
        "" $scheme;
    }}
    upstream versus {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{listen};
        server_name _;
        client_max_body_size 10m;
        location /static/ {{
            alias {static_root}/;
            expires max;
            add_header Cache-Control "public, max-age=31536000, immutable";
        }}
        location / {{
            proxy_pass http://versus;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $forwarded_proto;
            proxy_redirect off;
            add_header X-Served-By $upstream_addr always;
        }}
    }}
}}
"""


@contextmanager
def nginx(*, upstreams: list[int], static_root: Path, prefix: Path) -> Iterator[int]:
    """Debian's nginx, as the current user, in front of ``upstreams``; yields its
    port once it proxies /healthz, stops it on the way out."""
    if not Path(NGINX).exists():
        raise SystemExit(
            f"nginx is not installed ({NGINX} is missing): `apt-get install nginx`, "
            "or point BENCH_NGINX at the binary."
        )
    port = free_port()
    prefix.mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(
        nginx_config(
            listen=port, upstreams=upstreams, static_root=static_root, prefix=prefix
        ),
        encoding="utf-8",
    )
    log = prefix / "error.log"
    command = [NGINX, "-p", str(prefix), "-c", str(conf), "-e", str(log)]
    with (prefix / "nginx.out").open("wb") as output:
        # The binary's path comes from this module or the benchmark's environment.
        front = subprocess.Popen(  # noqa: S603
            command, cwd=prefix, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            _wait_until_up(port, front, prefix / "nginx.out", "nginx")
            yield port
        finally:
            front.terminate()
            try:
                front.wait(timeout=30)
            except subprocess.TimeoutExpired:
                front.kill()
                front.wait()


@contextmanager
def task_workers(
    env: dict[str, str], *, log: Path, count: int = 1, name: str = "bench"
) -> Iterator[list[subprocess.Popen]]:
    """``count`` task workers (``manage.py db_worker``), as production runs them."""
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--queue-name",
        "*",
        "--interval",
        "0.2",
        "--no-reload",
        "--no-startup-delay",
    ]
    with log.open("ab") as output:
        workers = [
            subprocess.Popen(  # noqa: S603 (constant command)
                [*command, "--worker-id", f"{name}-worker-{number}"],
                cwd=BASE_DIR,
                env={**os.environ, **env},
                stdout=output,
                stderr=subprocess.STDOUT,
            )
            for number in range(count)
        ]
        try:
            yield workers
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                try:
                    worker.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait()


def worker_memory(master_pid: int) -> dict[int, int]:
    """Resident memory (bytes) of each of gunicorn's workers, by pid."""
    import psutil

    return {
        child.pid: child.memory_info().rss
        for child in psutil.Process(master_pid).children()
    }


# --- Clients ------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    tag: object = None  # lets the caller match each answer to what it sent
    # Given the response, once read, and its body: a task written as a generator
    # learns from it what to send next (a form's token, a redirect to follow).
    on_answer: Callable[[http.client.HTTPResponse, bytes], None] | None = None


@dataclass(frozen=True)
class Exchange:
    request: Request
    status: int  # 0: no HTTP answer (the connection failed)
    location: str
    started: float
    seconds: float


@dataclass(frozen=True)
class Phase:
    exchanges: list[Exchange]
    client_cpu_seconds: float  # this process's CPU time: the clients' share
    machine_busy: float  # share of all cores busy, clients and server together


def _machine_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks since boot, from /proc/stat; (0, 0) elsewhere."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    return sum(ticks) - idle, sum(ticks)


def cores_busy(seconds: float) -> float:
    """Share of the machine's cores busy over a few seconds: other work that
    would weigh on the figures."""
    busy, total = _machine_ticks()
    time.sleep(seconds)
    busy_after, total_after = _machine_ticks()
    return (busy_after - busy) / (total_after - total) if total_after > total else 0.0


def fire(
    port: int,
    tasks: list[Iterable[Request]],
    *,
    clients: int,
    source: str | None = None,
) -> Phase:
    """Send the tasks from ``clients`` threads, each with its own connection.

    A task's requests go in order from one client, the way one reader clicks;
    distinct tasks run concurrently. All clients start together. A connection the
    server closes (gunicorn's sync workers close after each answer) is reopened
    before the next request, as a browser would. A task may be a generator: its
    next request is only asked for once the previous one's ``on_answer`` ran.
    ``source``: the loopback address the clients connect from (127.0.0.2...), so
    that a proxy in front of the site sees them as another reader."""
    pending: queue.SimpleQueue[list[Request]] = queue.SimpleQueue()
    for task in tasks:
        pending.put(task)
    start = threading.Barrier(clients)
    answers: list[list[Exchange]] = [[] for _ in range(clients)]

    def client(mine: list[Exchange]) -> None:
        connection = http.client.HTTPConnection(
            "127.0.0.1",
            port,
            timeout=120,
            source_address=(source, 0) if source else None,
        )
        start.wait()
        while True:
            try:
                task = pending.get_nowait()
            except queue.Empty:
                break
            for request in task:
                began = time.perf_counter()
                try:
                    connection.request(
                        request.method,
                        request.path,
                        body=request.body,
                        headers=request.headers,
                    )
                    response = connection.getresponse()
                    body = response.read()
                    status = response.status
                    location = response.getheader("Location", "")
                except (OSError, http.client.HTTPException) as error:
                    connection.close()
                    status, location = 0, repr(error)
                mine.append(
                    Exchange(
                        request,
                        status,
                        location,
                        began,
                        time.perf_counter() - began,
                    )
                )
                if status and request.on_answer is not None:
                    request.on_answer(response, body)
        connection.close()

    threads = [
        threading.Thread(target=client, args=(answers[n],), daemon=True)
        for n in range(clients)
    ]
    cpu, (busy, total) = time.process_time(), _machine_ticks()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    busy_after, total_after = _machine_ticks()
    return Phase(
        exchanges=[exchange for mine in answers for exchange in mine],
        client_cpu_seconds=time.process_time() - cpu,
        machine_busy=(busy_after - busy) / (total_after - total)
        if total_after > total
        else 0.0,
    )


# --- Figures ------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: a value that was actually observed."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Summary:
    requests: int
    wall_seconds: float
    per_second: float
    p50: float
    p99: float
    slowest: float
    statuses: Counter
    client_cpu: float  # cores' worth of CPU the clients used
    machine_busy: float  # share of all cores busy

    @classmethod
    def of(cls, *phases: Phase) -> "Summary":
        """Figures over one or more phases; the wall time is the phases' own,
        added up, never the time between them."""
        exchanges = [exchange for phase in phases for exchange in phase.exchanges]
        walls = [
            max(e.started + e.seconds for e in phase.exchanges)
            - min(e.started for e in phase.exchanges)
            for phase in phases
        ]
        wall = sum(walls)
        latencies = [e.seconds for e in exchanges]
        return cls(
            requests=len(exchanges),
            wall_seconds=wall,
            per_second=len(exchanges) / wall,
            p50=percentile(latencies, 0.50),
            p99=percentile(latencies, 0.99),
            slowest=max(latencies),
            statuses=Counter(e.status for e in exchanges),
            client_cpu=sum(phase.client_cpu_seconds for phase in phases) / wall,
            machine_busy=sum(
                phase.machine_busy * w for phase, w in zip(phases, walls, strict=True)
            )
            / wall,
        )


# --- Machine ------------------------------------------------------------------------


def _first_line_with(path: str, prefix: str) -> str:
    try:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _git_revision() -> str:
    try:
        # Fixed arguments; git is looked up on the PATH like any developer tool.
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} with uncommitted changes" if dirty else head


def machine(*, postgres_version: str, redis_version: str) -> dict[str, str]:
    import django
    import gunicorn as gunicorn_package
    import wagtail

    memory_kb = _first_line_with("/proc/meminfo", "MemTotal").split()[0]
    memory = (
        f"{int(memory_kb) / 1024 / 1024:.1f} GiB" if memory_kb.isdigit() else "unknown"
    )
    return {
        "CPU": f"{len(os.sched_getaffinity(0))} cores usable, "
        + _first_line_with("/proc/cpuinfo", "model name"),
        "Memory": memory,
        "System": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Django / Wagtail": f"{django.__version__} / {wagtail.__version__}",
        "gunicorn": gunicorn_package.__version__,
        "PostgreSQL": postgres_version,
        "Redis": redis_version,
        "Code": _git_revision(),
    }


# --- Report -------------------------------------------------------------------------


def write_section(path: Path, section: str, start: str, end: str) -> None:
    """Replace one benchmark's section of the report (between its ``start`` and
    ``end`` markers), or add it at the end: each benchmark rewrites only its own."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if start in text and end in text.split(start, 1)[1]:
        head, rest = text.split(start, 1)
        tail = rest.split(end, 1)[1].lstrip("\n")
        text = head + section + ("\n" + tail if tail else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
