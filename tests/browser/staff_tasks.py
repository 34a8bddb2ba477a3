"""A member of staff at work in Chromium, watched: clicks counted, errors and English kept.

:class:`StaffSession` wraps a Playwright page. Each :meth:`~StaffSession.click` counts as
one click of the task; every response of 400 or more, console error, uncaught page error
and failed request is recorded, and the text on screen after each action is checked for
English words (:mod:`tests.english_words`). :meth:`~StaffSession.assert_clean` fails the
test with everything recorded. :func:`record_clicks` keeps the count of each task in
``artifacts/clicks.json`` next to the screenshots.
"""

import json
from pathlib import Path

from django.conf import settings
from playwright.sync_api import Error as PlaywrightError

from tests.english_words import find_english, visible_text

from .conftest import screenshot, settle, track_requests

CLICKS_FILE = Path(settings.BASE_DIR) / "artifacts" / "clicks.json"
PASSWORD = "haslo-testowe-123"  # tests.factories.UserFactory's

# A request cut short because the page navigated away (a form posted while a heartbeat
# was on its way) is the browser's housekeeping, not a failure.
ABORTED = "net::ERR_ABORTED"


class StaffSession:
    """One person's browser tab; ``task`` names the screenshots and the click count."""

    def __init__(self, page, base_url, task):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.task = task
        self.clicks = 0
        self.shots = 0
        self.problems = []
        self.english = {}  # word → the first address it was seen on
        self.in_flight = track_requests(page).in_flight  # requests sent and not yet answered
        page.set_default_timeout(15_000)
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("requestfailed", self._on_request_failed)

    # --- what the browser reports ----------------------------------------------------------

    def _on_response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status} {response.request.method} {response.url}")

    def _on_console(self, message):
        if message.type == "error":
            self.problems.append(f"console error on {self.page.url}: {message.text}")

    def _on_request_failed(self, request):
        failure = request.failure or ""
        if ABORTED not in failure:
            self.problems.append(f"request failed: {request.method} {request.url} ({failure})")

    # --- what the person does ---------------------------------------------------------------

    def url(self, path):
        return path if path.startswith("http") else self.base_url + path

    def goto(self, path):
        """Open an address typed or bookmarked (not a click)."""
        self.page.goto(self.url(path))
        self._settle()

    def click(self, locator):
        """One click of the task."""
        locator.click()
        self.clicks += 1
        self._settle()

    def fill(self, locator, text):
        """Type into a field (typing is not a click)."""
        locator.fill(text)

    def log_in(self, username, password=PASSWORD):
        """Through the admin's login form, as on the first morning; not counted as clicks
        of the task. Lands where the site sends the person after login."""
        self.goto("/admin/login/")
        self.page.get_by_label("Nazwa użytkownika").fill(username)
        # The field by its type: its label is the English check's business, not the login's.
        self.page.locator("input[type=password]").fill(password)
        self.page.get_by_role("button", name="Zaloguj się").click()
        self._settle()

    def shot(self, name):
        """A full-page screenshot in artifacts/screenshots/, numbered in task order."""
        self.shots += 1
        screenshot(self.page, f"{self.task}-{self.shots:02d}-{name}")

    def _settle(self):
        """Let a navigation started by the action finish, then read the screen."""
        settle(self.page)
        self.check_screen()

    def check_screen(self):
        """Record English words on screen now (also called after every action)."""
        try:
            text = visible_text(self.page)
        except PlaywrightError:  # the page navigated while being read: read the next one
            return
        for word in find_english(text):
            self.english.setdefault(word, self.page.url)

    def leave(self, timeout_ms=5_000):
        """Leave the site as a person closes the tab, and wait until the server has
        answered everything the tab sent. Wagtail's editor says goodbye when its page is
        hidden (the editing session's release beacon); answered after the test, it would
        meet the database being emptied for the next test."""
        page = self.page
        try:
            page.goto("about:blank")
        except PlaywrightError:
            return
        waited = 0
        while self.in_flight and waited < timeout_ms:
            page.wait_for_timeout(50)  # lets Playwright deliver the network events
            waited += 50

    # --- the verdict -----------------------------------------------------------------------

    def report(self):
        """Everything wrong seen so far, one line each."""
        lines = list(self.problems)
        lines += [f"English word {word!r} on {url}" for word, url in self.english.items()]
        return lines

    def assert_clean(self):
        """No 4xx/5xx response, console error, page error, failed request or English word
        on any screen of the task."""
        problems = self.report()
        assert not problems, f"{self.task}: " + "\n".join(problems)


def open_session(browser, live_server, task, user=None, *, via_form=False, viewport=None):
    """A new browser context for ``task``: logged in as ``user`` through the login form
    (``via_form``) or with a session cookie, or anonymous."""
    from django.test import Client

    context = browser.new_context(
        viewport=viewport or {"width": 1280, "height": 900}, locale="pl-PL"
    )
    if user is not None and not via_form:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
    session = StaffSession(context.new_page(), live_server.url, task)
    if user is not None and via_form:
        session.log_in(user.get_username())
    return context, session


def record_clicks(task, clicks):
    """Keep ``clicks`` for ``task`` in artifacts/clicks.json (other tasks' counts stay)."""
    CLICKS_FILE.parent.mkdir(parents=True, exist_ok=True)
    try:
        counts = json.loads(CLICKS_FILE.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        counts = {}
    counts[task] = clicks
    CLICKS_FILE.write_text(json.dumps(counts, indent=2, sort_keys=True) + "\n", encoding="utf-8")
