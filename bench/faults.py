"""The production topology under load while Redis fails.

    python bench/faults.py [--fault stop|hang] [--outage 10] [--seconds 30] [--threads 4]

Starts a throwaway PostgreSQL and Redis on spare ports, builds a small public site
(``tests/faults/site.py``), and serves it like the README's production: two gunicorn app
servers with two sync workers each, sharing the database, Redis and media. A Python load
loop asks both servers in turn for a mix of cached pages (home, procedure pages, the list,
a link with ``utm_*`` parameters) and uncached ones (search, the API listing, a page with
another query string, ``/healthz/``). A third of the way in Redis is stopped (``--fault
stop``) or frozen with SIGSTOP (``--fault hang``) for ``--outage`` seconds, then restarted.

Prints, per server and phase (before, during, after the outage), the number of requests,
of 5xx answers and of failed requests (no answer within 10 s), and the slowest answer.
Exits with status 1 when any request got a 5xx or no answer.
"""

import argparse
import itertools
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.faults.services import (  # noqa: E402
    AppServer,
    PostgresServer,
    RedisServer,
    free_port,
)
from tests.faults.site import build_site  # noqa: E402

PHASES = ("before", "during", "after")
FAULTS = {"stop": "stopped", "hang": "hung (SIGSTOP)"}


def urls_of(paths):
    procedures = paths["procedures"]
    return [
        "/",
        *procedures,
        paths["index"],
        procedures[0] + "?utm_source=facebook&fbclid=IwAR0",
        "/szukaj/?q=dow%C3%B3d",
        "/szukaj/?q=meldunek",
        "/api/v2/procedures/",
        procedures[1] + "?wersja=druk",
        "/healthz/",
    ]


def get(url):
    """The status of a GET (0 when nothing answered within 10 s)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


class Load:
    """Threads asking the servers in turn; counts per (server, phase)."""

    def __init__(self, servers, paths, threads):
        self.servers = servers
        self.paths = paths
        self.threads = threads
        self.phase = "before"
        self.counts = Counter()
        self.slowest = Counter()
        self.lock = threading.Lock()
        self.running = True

    def worker(self, offset):
        requests = itertools.cycle(itertools.product(range(len(self.servers)), self.paths))
        for _ in range(offset * 7):
            next(requests)
        while self.running:
            server, path = next(requests)
            started = time.monotonic()
            status = get(self.servers[server].url + path)
            elapsed = time.monotonic() - started
            with self.lock:
                key = (server, self.phase)
                self.counts[key + ("requests",)] += 1
                if status >= 500:
                    self.counts[key + ("5xx",)] += 1
                if status == 0:
                    self.counts[key + ("failed",)] += 1
                self.slowest[key] = max(self.slowest[key], elapsed)

    def start(self):
        self.pool = [
            threading.Thread(target=self.worker, args=(n,), daemon=True)
            for n in range(self.threads)
        ]
        for thread in self.pool:
            thread.start()

    def stop(self):
        self.running = False
        for thread in self.pool:
            thread.join(15)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fault", choices=["stop", "hang"], default="stop")
    parser.add_argument("--outage", type=float, default=10)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="lckzm-faults-bench-"))
    postgres = PostgresServer().init().start()
    redis = RedisServer().start()
    servers = []
    try:
        env, paths = build_site(postgres.create_database(), redis.url, workdir)
        ports = [free_port(), free_port()]
        # The page cache stores only Host spellings it knows (home/page_cache.py).
        env = {**env, "PORTAL_CACHE_HOSTS": ",".join(f"127.0.0.1:{port}" for port in ports)}
        servers = [AppServer(env, port=port, workers=2).start() for port in ports]
        urls = urls_of(paths)
        for server in servers:  # each worker loads everything on its first requests
            for _ in range(3):
                for path in urls:
                    get(server.url + path)

        load = Load(servers, urls, args.threads)
        calm = (args.seconds - args.outage) / 2
        load.start()
        time.sleep(calm)
        load.phase = "during"
        if args.fault == "stop":
            redis.stop()
            time.sleep(args.outage)
            redis.start()
        else:
            redis.hang()
            time.sleep(args.outage)
            redis.resume()
        load.phase = "after"
        time.sleep(calm)
        load.stop()
    finally:
        for server in servers:
            server.stop()
        redis.stop()
        postgres.destroy()

    print(
        f"2 app servers × 2 gunicorn workers, PostgreSQL and Redis shared; {args.threads} "
        f"client threads for {args.seconds:g} s; Redis {FAULTS[args.fault]} "
        f"for {args.outage:g} s in the middle; {len(urls)} URLs (cached and uncached)"
    )
    print(f"{'server':8} {'phase':8} {'requests':>9} {'5xx':>5} {'no answer':>10} {'slowest':>9}")
    bad = 0
    for server, phase in itertools.product(range(len(servers)), PHASES):
        key = (server, phase)
        requests = load.counts[key + ("requests",)]
        errors = load.counts[key + ("5xx",)]
        failed = load.counts[key + ("failed",)]
        bad += errors + failed
        print(
            f"{server + 1:<8} {phase:8} {requests:9d} {errors:5d} {failed:10d} "
            f"{load.slowest[key] * 1000:7.0f} ms"
        )
    for server in range(len(servers)):
        total = sum(load.counts[(server, p, "requests")] for p in PHASES)
        errors = sum(load.counts[(server, p, "5xx")] for p in PHASES)
        print(f"server {server + 1}: {total} requests, {errors} 5xx")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
