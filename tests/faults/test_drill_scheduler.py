"""Fault drill: the scheduler outlives a PostgreSQL restart, and gives up on a dead one.

A throwaway PostgreSQL cluster, the project migrated into it, ``run_scheduler --interval 1``
as a subprocess. The database is stopped and started again under the running scheduler;
afterwards, without restarting it, a scheduled version must be published and an expired
procedure withdrawn, with their audit entries, and the heartbeat must be fresh again.
When the database stays down longer than the limits, the scheduler must exit non-zero so
that its supervisor notices.
"""

import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest

from tests.faults.services import ROOT
from tests.faults.site import manage, migrated_postgres, shared_dir

#: Seconds from the procedures' creation to their "Obowiązuje od/do".
DUE_IN = 3

# Its own PostgreSQL cluster, whatever DATABASE_URL the suite runs on.
pytestmark = pytest.mark.faults

SETUP = f"""
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page, Revision, Site

from procedures.models import ProcedurePage

from tests.factories import (
    HomePageFactory,
    ProcedureIndexPageFactory,
    ProcedurePageFactory,
)

home = HomePageFactory(parent=Page.get_first_root_node(), slug="strona-glowna")
Site.objects.filter(is_default_site=True).update(root_page=home)
index = ProcedureIndexPageFactory(parent=home)
soon = timezone.now() + timedelta(seconds={DUE_IN})
later = timezone.now() + timedelta(minutes=5)
expiring = ProcedurePageFactory(parent=index, title="Procedura wygasająca")
expiring.save_revision().publish()
scheduled = ProcedurePageFactory(
    parent=index, title="Procedura zaplanowana", live=False, go_live_at=later
)
revision = scheduled.save_revision()
revision.publish()
# Saves round "od"/"do" to the minute; the drill needs them seconds away, so it writes them
# straight to the database (as data from before that rule would hold them).
ProcedurePage.objects.filter(pk=expiring.pk).update(expire_at=soon)
ProcedurePage.objects.filter(pk=scheduled.pk).update(go_live_at=soon)
revision.content["go_live_at"] = soon.isoformat()
Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=soon, content=revision.content)
print(expiring.pk, scheduled.pk)
"""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A migrated PostgreSQL of its own and the environment of a process that uses it."""
    server = migrated_postgres(shared_dir(tmp_path_factory))
    try:
        url = server.url()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": url,
            # Persistent connections, as in production: the one a restart breaks.
            "DB_CONN_MAX_AGE": "60",
            "PYTHONUNBUFFERED": "1",
        }
        yield server, env, url
    finally:
        server.destroy()


@pytest.fixture
def database(cluster):
    """The cluster, running at the start of the test whatever the previous one did."""
    server, env, url = cluster
    try:
        psycopg.connect(url.replace("postgres://", "postgresql://"), connect_timeout=2).close()
    except psycopg.OperationalError:
        server.start()
    return cluster


def query(url, sql, params=()):
    with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        cursor = conn.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def wait_until(condition, timeout, what, step=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(step)
    raise AssertionError(f"waited {timeout} s in vain for {what}")


def heartbeat(url):
    rows = query(url, "SELECT beat_at FROM procedures_schedulerheartbeat")
    return rows[0][0] if rows else None


class Scheduler:
    """``run_scheduler`` as a subprocess, its output in files."""

    def __init__(self, env, output_path, *options):
        self.stdout = open(output_path.with_suffix(".out"), "w+")  # noqa: SIM115
        self.stderr = open(output_path.with_suffix(".err"), "w+")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "run_scheduler", "--interval", "1", *options],
            cwd=ROOT,
            env=env,
            stdout=self.stdout,
            stderr=self.stderr,
        )

    def output(self):
        self.stderr.seek(0)
        return self.stderr.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.stdout.close()
        self.stderr.close()


@pytest.fixture
def start_scheduler(tmp_path):
    started = []

    def start(env, *options):
        scheduler = Scheduler(env, tmp_path / f"scheduler-{len(started)}", *options)
        started.append(scheduler)
        return scheduler

    yield start
    for scheduler in started:
        scheduler.stop()


def test_scheduler_works_again_after_a_database_restart(database, start_scheduler):
    server, env, url = database
    query(url, "DELETE FROM procedures_schedulerheartbeat")
    scheduler = start_scheduler(env, "--max-failures", "60", "--max-silence", "120")
    wait_until(lambda: heartbeat(url) is not None, 60, "the first heartbeat")

    server.stop()  # the scheduler's open connection dies with the server
    time.sleep(3)  # a few rounds fail meanwhile
    server.start()
    restarted_at = query(url, "SELECT now()")[0][0]
    expiring, scheduled = map(int, manage(env, "shell", "-c", SETUP).split()[-2:])

    def done():
        live = dict(query(url, "SELECT id, live FROM wagtailcore_page WHERE id IN (%s, %s)",
                          (expiring, scheduled)))  # fmt: skip
        beat = heartbeat(url)
        return not live[expiring] and live[scheduled] and beat and beat > restarted_at

    wait_until(done, 60, f"the scheduler's work after the restart\n{scheduler.output()}")
    actions = set(
        query(
            url,
            "SELECT page_id, action FROM wagtailcore_pagelogentry WHERE page_id IN (%s, %s)",
            (expiring, scheduled),
        )
    )
    assert (expiring, "wagtail.unpublish.scheduled") in actions
    assert (scheduled, "wagtail.publish.scheduled") in actions
    assert scheduler.process.poll() is None, "the scheduler survived the restart"
    assert "Scheduler round failed" in scheduler.output()  # the outage's rounds, logged

    scheduler.process.send_signal(signal.SIGTERM)
    assert scheduler.process.wait(20) == 0  # a supervisor's stop is a clean exit


#: Each limit of ``run_scheduler`` and what it says when the limit is reached. The rounds of
#: the two come at different intervals, so that neither keeps overwriting the other's
#: heartbeat a moment after it was written.
LIMITS = {
    "max-failures": (("--max-failures", "3", "--max-silence", "0"), "nieudanych rund z rzędu"),
    "max-silence": (
        ("--max-failures", "0", "--max-silence", "4", "--interval", "0.7"),
        "żadna runda się nie powiodła",
    ),
}


def test_scheduler_exits_non_zero_when_the_database_stays_down(database, start_scheduler):
    """Each limit on a scheduler of its own, both through the same outage."""
    server, env, url = database
    query(url, "DELETE FROM procedures_schedulerheartbeat")
    schedulers = {name: start_scheduler(env, *options) for name, (options, _) in LIMITS.items()}
    waiting = {str(scheduler.process.pid) for scheduler in schedulers.values()}

    def every_scheduler_beat():
        """The heartbeat names the process of the last round ("host:pid")."""
        rows = query(url, "SELECT worker FROM procedures_schedulerheartbeat")
        if rows:
            waiting.discard(rows[0][0].rpartition(":")[2])
        return not waiting

    wait_until(every_scheduler_beat, 60, "a heartbeat of each scheduler", step=0.05)

    server.stop()
    try:
        statuses = {name: scheduler.process.wait(60) for name, scheduler in schedulers.items()}
    finally:
        server.start()
    for name, scheduler in schedulers.items():
        assert statuses[name] == 1, name
        output = scheduler.output()
        assert LIMITS[name][1] in output, name
        assert "Traceback" in output and "OperationalError" in output, name  # each failure
