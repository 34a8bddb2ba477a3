"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright; no browser download."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test import Client
from django.test.testcases import LiveServerThread
from playwright.sync_api import expect

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"

# Playwright's sync API keeps an event loop in this thread; Django's ORM calls from the
# test itself are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class SerialWSGIServer(WSGIServer):
    """The live server answering one request at a time, in its own thread.

    With SQLite in memory, every thread of Django's threaded live server shares the test's
    single connection: the admin's parallel requests (a page, its icon sprite, an
    autosave) then meet inside sqlite3 ("bad parameter or other API misuse") and a request
    thread closes the connection under another. Served one at a time, the connection is
    used by one request at a time (Django answers ``Connection: close`` without threads).
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.connections_override = connections_override


if connection.vendor == "sqlite":
    LiveServerThread.server_class = SerialWSGIServer


class RequestsInFlight:
    """The live server's application, counting the requests it is answering."""

    def __init__(self, app):
        self.app = app
        self.count = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            self.count += 1
        try:
            return self.app(environ, start_response)
        finally:
            with self.changed:
                self.count -= 1
                self.changed.notify_all()

    def wait_until_idle(self, timeout):
        with self.changed:
            return self.changed.wait_for(lambda: self.count == 0, timeout)


@pytest.fixture(autouse=True)
def live_server_idle_when_the_test_ends(request):
    """A test with the live server ends once the server has answered what the browser
    still asked (a save clicked last, a page closing). The server runs in this process: a
    request still running while the next test starts would write into that test's cache
    and database (a purge emptying its cached entries, a transaction of its own)."""
    if "live_server" not in request.fixturenames:
        yield
        return
    httpd = request.getfixturevalue("live_server").thread.httpd
    app = httpd.get_app()
    if not isinstance(app, RequestsInFlight):
        app = RequestsInFlight(app)
        httpd.set_app(app)
    yield
    if not app.wait_until_idle(timeout=60):
        pytest.fail("The live server was still answering a request 60 s after the test.")


# Playwright's assertions wait 5 s by default. A save on a loaded CI machine (PostgreSQL,
# two cores shared with the other suite's processes) can take longer than that; a person
# would wait too. Pages already wait 15 s for their actions (staff_tasks.Session).
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; .ci/run installs Debian's chromium.")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with sync_playwright() as playwright:
        # Playwright runs its event loop in a greenlet with its own context variables, so
        # Django hands the tests new connection objects; give them the serialized test
        # data that transactional tests restore after each flush.
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def logged_in_page(browser, live_server):
    """A browser tab logged in as the given user: ``logged_in_page(user)``."""
    contexts = []

    def open_as(user, width=1280, height=900):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context = browser.new_context(viewport={"width": width, "height": height}, locale="pl-PL")
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
        contexts.append(context)
        return track_requests(context.new_page())

    yield open_as
    for context in contexts:
        context.close()


#: How long no request of a tab may be in flight before its screen counts as settled.
QUIET_MS = 100
STEP_MS = 20


def track_requests(page):
    """Count the tab's requests in flight (``page.in_flight``), for :func:`settle`."""
    if not hasattr(page, "in_flight"):
        in_flight = page.in_flight = set()
        page.on("request", lambda request: in_flight.add(request))
        page.on("requestfinished", lambda request: in_flight.discard(request))
        page.on("requestfailed", lambda request: in_flight.discard(request))
    return page


def settle(page, timeout_ms=5_000):
    """Let what the last action started finish: the page loaded, then no request of the tab
    in flight for ``QUIET_MS`` (at most ``timeout_ms``), then the page it led to loaded.

    Playwright's "networkidle" asks for 500 ms without any request after every action, and
    Wagtail's editor pings the server every few seconds; a form post and its redirect are
    over long before that. Events reach the tab's count while Playwright waits here, and a
    click's request starts within a few milliseconds, well inside ``QUIET_MS``.
    """
    track_requests(page)
    page.wait_for_load_state("load")
    quiet = waited = 0
    while quiet < QUIET_MS and waited < timeout_ms:
        page.wait_for_timeout(STEP_MS)
        waited += STEP_MS
        quiet = quiet + STEP_MS if not page.in_flight else 0
    page.wait_for_load_state("load")


def screenshot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
