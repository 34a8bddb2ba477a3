"""Throwaway Redis and PostgreSQL servers on spare loopback ports, for fault drills.

The drills stop, hang and restart these servers; they never touch the machine's shared
services on 6379 and 5432. Both come from the machine's own packages (``redis-server``,
PostgreSQL's ``initdb``/``pg_ctl``). PostgreSQL refuses to run as root, so as root its
commands run as the ``postgres`` system user.

The benchmarks use them too (``bench/faults.py``).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from glob import glob
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port():
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=30.0, up=True):
    """Wait until ``port`` accepts connections (or, with ``up=False``, refuses them)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            if up:
                return
        except OSError:
            if not up:
                return
        time.sleep(0.1)
    raise TimeoutError(f"port {port} did not {'open' if up else 'close'} in {timeout} s")


class RedisServer:
    """``redis-server`` on a port of its own, keeping nothing on disk."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(  # noqa: S603
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(10)
        wait_for_port(self.port, up=False)

    def hang(self):
        """Freeze the server (SIGSTOP): connections open, nothing answered."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)


def _pg_bin(name):
    found = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name) or name


class PostgresServer:
    """A PostgreSQL cluster of its own in a temporary directory (trust auth, user postgres)."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="lckzm-pg-"))
        self.data = self.directory / "data"
        self.as_postgres = os.geteuid() == 0

    def url(self, database="lckzm"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *command):
        if self.as_postgres:
            command = ("runuser", "-u", "postgres", "--", *command)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603

    def init(self):
        if self.as_postgres:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run(
            _pg_bin("initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale",
            "C.UTF-8",
        )
        return self

    def adopt(self, data):
        """Take a copy of another (stopped) cluster's files as this one's."""
        if self.as_postgres:
            shutil.chown(self.directory, "postgres", "postgres")
        # cp -a keeps the owner (postgres) and the mode PostgreSQL insists on (0700).
        subprocess.run(["cp", "-a", str(data), str(self.data)], check=True)  # noqa: S603, S607
        return self

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            _pg_bin("pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.directory / "log"),
            "-w",
            "-t",
            "60",
            "start",
        )
        return self

    def stop(self):
        self._run(_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self, name="lckzm"):
        self._run(
            _pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name
        )
        return self.url(name)

    def destroy(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.directory, ignore_errors=True)


class AppServer:
    """gunicorn serving the project with the given environment, like a production host."""

    def __init__(self, env, port=None, workers=2):
        self.env = env
        self.port = port or free_port()
        self.workers = workers
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=self.env,
        )
        wait_for_port(self.port)
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(20)
