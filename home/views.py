"""Small views of the site itself: liveness and readiness probes, the favicon.

Both answer before any page machinery: the publishing middleware and the page cache
skip their paths, and nothing here imports them.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from procedures.models import SchedulerHeartbeat

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """``ok`` while the application answers: liveness for load balancers and supervisors
    (and the framework-floor benchmark). Touches no database, cache or storage."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """``/favicon.ico``, which browsers ask for whatever a page links to: a redirect to the
    site's icon among the static files (a temporary one, as its hashed name may change)."""
    return HttpResponseRedirect(static("img/favicon.svg"))


class CheckFailed(Exception):
    """A readiness check's short reason for failing."""


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "zapytanie wykonane"


def check_cache():
    # A key of its own per probe: two app servers probing at once never read each other's.
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    read = cache.get(key)
    cache.delete(key)
    if read != value:
        raise CheckFailed("zapisana wartość nie wróciła z pamięci podręcznej")
    return "zapis i odczyt działają"


def check_storage():
    default_storage.exists("readyz-probe.txt")
    return "magazyn plików odpowiada"


def check_scheduler():
    max_age = settings.SCHEDULER_HEARTBEAT_MAX_AGE
    if not max_age:
        return None  # the site runs without run_scheduler by design
    age = SchedulerHeartbeat.age()
    if age is None:
        raise CheckFailed("harmonogram nie zakończył jeszcze żadnej rundy")
    if age > max_age:
        raise CheckFailed(f"ostatnia udana runda harmonogramu {age:.0f} s temu (limit {max_age} s)")
    return f"ostatnia udana runda {age:.0f} s temu"


def check_migrations():
    # Every migration of the code, not only the leaves: one recorded out of order (a leaf
    # applied, an earlier one not) must count too.
    loader = MigrationExecutor(connection).loader
    plan = sorted(key for key in loader.graph.nodes if key not in loader.applied_migrations)
    if plan:
        names = ", ".join(f"{app}.{name}" for app, name in plan[:3])
        more = f" i {len(plan) - 3} innych" if len(plan) > 3 else ""
        raise CheckFailed(f"niezastosowane migracje: {names}{more}")
    return "wszystkie zastosowane"


#: name → check; a check returns a short reason (None: turned off) or raises.
CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "scheduler": check_scheduler,
    "migrations": check_migrations,
}
NEEDS_DATABASE = {"scheduler", "migrations"}


def run_check(check):
    """``{"status": "ok" | "error" | "off", "reason": …}`` for one check; never raises."""
    try:
        reason = check()
    except CheckFailed as failure:
        return {"status": "error", "reason": str(failure)}
    except Exception as error:
        # The details (hosts, addresses) go to the log, not to whoever asked.
        logger.warning("Readiness check %s failed", check.__name__, exc_info=True)
        return {"status": "error", "reason": f"{type(error).__name__}"}
    if reason is None:
        return {"status": "off", "reason": "wyłączone w ustawieniach"}
    return {"status": "ok", "reason": reason}


@never_cache
def readyz(request):
    """Readiness: JSON with each dependency's status and a short reason; 200 when every
    check passes (or is turned off), 503 otherwise. Checks the database (a query), the
    cache (a write and a read), the media storage, the scheduler's heartbeat
    (``SCHEDULER_HEARTBEAT_MAX_AGE``, 0 turns it off) and unapplied migrations."""
    checks = {}
    for name, check in CHECKS.items():
        if name in NEEDS_DATABASE and checks["database"]["status"] != "ok":
            checks[name] = {"status": "error", "reason": "nie sprawdzono: baza danych nie działa"}
        else:
            checks[name] = run_check(check)
    ready = all(result["status"] != "error" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "error", "checks": checks},
        status=200 if ready else 503,
        json_dumps_params={"ensure_ascii": False},
    )
