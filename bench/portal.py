"""Portal throughput and latency under gunicorn on loopback, with wrk.

    python bench/portal.py [--db sqlite|postgres] [--seconds 10] [--connections 4]
                           [--rounds 3] [--redis-db 15]

Builds the demo site in a database of its own, starts gunicorn (2 sync workers, production
settings, Redis cache when 127.0.0.1:6379 answers) and loads, in one run:

- a trivial Django view behind Django's default middleware only (``bench/floor.py``): the
  framework's floor on this machine, the unit of the ratios;
- this project's ``/healthz/`` through the project's whole middleware stack;
- the home page of a project just made by ``wagtail start`` (production settings, its own
  SQLite file, Wagtail's default middleware): the stock Wagtail page;
- a plain Wagtail page of this project (``/informacje/``, a StandardPage: routing +
  template, no cache, the project's middleware);
- the procedure page KA-01147 from the portal's page cache (warm);
- the same procedure page with the page cache turned off (``PORTAL_CACHE_SECONDS=0``):
  routing, the page, its fragment read from the cache (``procedures.fragments``) and the
  outer template;
- the same with fragments turned off too (``PROCEDURE_FRAGMENT_SECONDS=0``): the whole
  procedure rendered on every request.

Each row has its gunicorn started once; the rows then take turns for ``--rounds`` rounds
(a busy moment of a shared machine falls on all of them) and the median round is shown,
with every round's requests/s after it.

Prints requests/s, p50/p99 latency and database queries per request for each, the
queries per cached hit (measured on a request answered with ``X-Cache: HIT``), and the
uncached procedure page's throughput as a multiple of the stock Wagtail page's (and of this
project's plain page), and the cached one's as a multiple of the floor.
Needs ``wrk`` (Debian: ``apt-get install wrk``).
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import prepare_database, production_env  # noqa: E402 - needs ROOT on the path

PYTHON = sys.executable


#: The floor: a trivial view behind Django's default middleware only (bench/floor.py).
FLOOR = "trivial Django view, Django's default middleware"
#: The home page of a project just made by ``wagtail start`` (production settings, SQLite).
STOCK = "stock `wagtail start` home page"
STOCK_SETTINGS = "stocksite.settings.production"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def stock_wagtail(workdir):
    """A project made by ``wagtail start`` in ``workdir``, migrated, with production
    settings (DEBUG off, its own SQLite file): its home page is the stock Wagtail page.
    Returns the directory to serve it from."""
    subprocess.run(
        [str(Path(PYTHON).parent / "wagtail"), "start", "stocksite", str(workdir)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (workdir / "stocksite" / "settings" / "local.py").write_text(
        'SECRET_KEY = "bench-only-stock-wagtail-site"\nALLOWED_HOSTS = ["*"]\n'
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": STOCK_SETTINGS}
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=workdir,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return workdir


def start_gunicorn(env, port, app="cms.wsgi", cwd=ROOT, ready="/healthz/"):
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            app,
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=cwd,
        env=env,
    )
    # Ready when the workers answer, not when the master listens: on a busy machine a
    # worker takes seconds to import the project, and wrk would count nothing meanwhile.
    deadline = time.monotonic() + 60
    answered = 0
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{ready}", timeout=5):
                answered += 1
            if answered >= 4:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def wrk(url, seconds, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, latency.get("50"), latency.get("99"), int(non_2xx.group(1)) if non_2xx else 0


def queries_per_request(env, paths):
    """Database queries for one anonymous request to each path (the second one, warm), and
    its ``X-Cache`` header (``HIT`` when the page cache answered)."""
    code = (
        "import django, json, sys\n"
        "django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client(HTTP_HOST='127.0.0.1')\n"
        "result = {}\n"
        "for path in sys.argv[1:]:\n"
        "    client.get(path)\n"
        "    with CaptureQueriesContext(connection) as ctx:\n"
        "        response = client.get(path)\n"
        "    result[path] = [len(ctx.captured_queries), response.get('X-Cache')]\n"
        "print(json.dumps(result))\n"
    )
    import json

    output = subprocess.run(
        [PYTHON, "-c", code, *paths], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3, help="turns each row takes (median)")
    parser.add_argument(
        "--redis-db", type=int, default=15, help="Redis database number, emptied before each row"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="lckzm-portal-bench-"))
    env = {
        **os.environ,
        **production_env(workdir, "127.0.0.1,localhost"),
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": prepare_database(args.db, workdir, "lckzm_portal_bench"),
    }
    if args.db == "postgres":
        env["DB_CONN_MAX_AGE"] = "600"
    redis_db = str(args.redis_db)
    if redis_answers():
        env["REDIS_URL"] = f"redis://127.0.0.1:6379/{redis_db}"
        subprocess.run(["redis-cli", "-n", redis_db, "FLUSHDB"], capture_output=True, check=False)
    else:
        # The bench only reads: no purge has to reach the other worker's cache.
        env["SINGLE_PROCESS"] = "yes"

    stock_dir = stock_wagtail(workdir / "stock")
    # Build the site with development settings (mail to the console), serve it with
    # production ones.
    build_env = {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    manage(build_env, "migrate", "--noinput")
    manage(build_env, "seed_demo")
    manage(env, "collectstatic", "--noinput")
    procedure = (
        subprocess.run(
            [
                PYTHON,
                "-c",
                "import django; django.setup(); from procedures.models import "
                "ProcedurePage; print(ProcedurePage.objects.get(code='KA-01147').url)",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )

    print(
        f"database: {args.db}; cache: {'Redis' if 'REDIS_URL' in env else 'in-process'}; "
        f"gunicorn 2 sync workers per row; wrk 2 threads, {args.connections} connections, "
        f"{args.seconds} s per row and round, {args.rounds} round(s), rows taking turns"
    )
    rows = [
        (FLOOR, "/healthz/", {}),
        ("this project's /healthz/ (its whole middleware)", "/healthz/", {}),
        (STOCK, "/", {}),
        ("plain Wagtail page /informacje/", "/informacje/", {}),
        ("procedure page KA-01147, page cache warm", procedure, {}),
        ("procedure page KA-01147, page cache off", procedure, {"PORTAL_CACHE_SECONDS": "0"}),
        (
            "procedure page KA-01147, page cache and fragment off",
            procedure,
            {"PORTAL_CACHE_SECONDS": "0", "PROCEDURE_FRAGMENT_SECONDS": "0"},
        ),
    ]

    def empty_cache():
        if "REDIS_URL" in env:
            subprocess.run(
                ["redis-cli", "-n", redis_db, "FLUSHDB"], capture_output=True, check=False
            )

    # Queries first, each row from an empty cache (their requests share one Host).
    measured, hit_queries = [], None
    for label, path, extra in rows:
        empty_cache()
        port = free_port()
        # wrk asks for 127.0.0.1:<port>, a Host spelling the page cache must be told of.
        run_env = {**env, **extra, "PORTAL_CACHE_HOSTS": f"127.0.0.1:{port}"}
        if label in (FLOOR, STOCK):  # not this project: its query log is not ours to read
            measured.append((label, f"http://127.0.0.1:{port}{path}", None, run_env, port))
            continue
        queries, x_cache = queries_per_request(run_env, [path])[path]
        if x_cache == "HIT":
            hit_queries = queries
        measured.append((label, f"http://127.0.0.1:{port}{path}", queries, run_env, port))
    empty_cache()
    # Every row has a server of its own, started once; the rows then take turns, round
    # after round, so that a busy moment of this shared machine falls on all of them.
    servers = []
    try:
        for label, url, queries, run_env, port in measured:
            if label == FLOOR:
                server = start_gunicorn(run_env, port, "bench.floor:application")
            elif label == STOCK:
                stock_env = {**os.environ, "DJANGO_SETTINGS_MODULE": STOCK_SETTINGS}
                server = start_gunicorn(stock_env, port, "stocksite.wsgi", stock_dir, ready="/")
            else:
                server = start_gunicorn(run_env, port)
            servers.append((label, url, queries, server))
            wrk(url, 2, args.connections)  # warm up
        runs = {label: [] for label, *_ in servers}
        for _round in range(args.rounds):
            for label, url, *_ in servers:
                runs[label].append(wrk(url, args.seconds, args.connections))
    finally:
        for *_, server in servers:
            server.terminate()
            server.wait(timeout=10)

    print(f"{'endpoint':54} {'req/s':>8} {'p50':>9} {'p99':>9} {'queries':>8}  (each round)")
    throughput = {}
    for label, _url, queries, _server in servers:
        ordered = sorted(runs[label], key=lambda run: run[0])
        rps, p50, p99, _errors = ordered[len(ordered) // 2]  # the median round
        errors = sum(run[3] for run in runs[label])
        note = f"  ({errors} non-2xx)" if errors else ""
        each = " ".join(f"{run[0]:.0f}" for run in runs[label])
        counted = "–" if queries is None else queries  # not counted for other projects
        print(f"{label:54} {rps:8.0f} {p50:>9} {p99:>9} {counted:>8}  ({each}){note}")
        throughput[label] = rps
    # Measured on a request the page cache answered (X-Cache: HIT), not assumed.
    print(f"queries per cached hit = {'no hit measured' if hit_queries is None else hit_queries}")
    plain = throughput["plain Wagtail page /informacje/"]
    stock = throughput[STOCK]
    floor = throughput[FLOOR]
    uncached = throughput["procedure page KA-01147, page cache off"]
    print(
        f"procedure page, page cache off = {uncached / stock:.2f} × the stock Wagtail page "
        f"({uncached / plain:.2f} × this project's plain page); page cache warm = "
        f"{throughput['procedure page KA-01147, page cache warm'] / floor:.2f} × the floor"
    )


if __name__ == "__main__":
    main()
