"""Log records as one JSON object a line, each carrying the id of the request it belongs to.

``RequestIdMiddleware`` (cms/middleware.py) sets ``request_id`` for the duration of a
request; ``RequestIdFilter`` copies it onto every record logged meanwhile, from any logger,
and ``JsonFormatter`` writes the record. ``logging_config()`` is the LOGGING setting
production uses; ``LOG_FORMAT=text`` gives readable lines for a terminal instead.

gunicorn's access log goes through the same formatter when gunicorn is started with
``-c python:cms.gunicorn``: each request becomes one JSON line with its method, path
(without the query string, which may hold personal data), status, size, duration and the
request id the application answered with.
"""

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime

#: The id of the request being handled in this thread or task, "-" outside a request.
request_id = ContextVar("request_id", default="-")

# gunicorn's access-log atoms worth a field of their own; the query string ("q"), the
# full request line ("r") and the referrer ("f") are left out: they may hold personal data.
ACCESS_FIELDS = {
    "h": "remote_addr",
    "m": "method",
    "U": "path",
    "s": "status",
    "B": "bytes",
    "D": "duration_us",
    "a": "user_agent",
}


class RequestIdFilter(logging.Filter):
    """Adds ``record.request_id``: the current request's id, "-" outside a request."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, request_id.

    A record with an exception adds ``exception`` (the traceback text); Django's request
    records add ``status_code``; gunicorn's access records add the fields of ACCESS_FIELDS.
    Non-ASCII text (Polish titles) is written as is, in UTF-8.
    """

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            atoms = record.args
            entry["message"] = "access"
            entry.update({field: atoms.get(atom) for atom, field in ACCESS_FIELDS.items()})
            if str(entry["status"]).isdigit():
                entry["status"] = int(entry["status"])
            # The application's answer carries the id it used, incoming or generated.
            entry["request_id"] = atoms.get("{x-request-id}o") or entry["request_id"]
        else:
            entry["message"] = record.getMessage()
        status_code = getattr(record, "status_code", None)
        if isinstance(status_code, int):
            entry["status_code"] = status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


LOG_LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
LOG_FORMATS = ["json", "text"]
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def logging_config(level="INFO", fmt="json"):
    """The LOGGING setting: everything to standard error, as JSON lines or (``text``) plain."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "cms.log.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "cms.log.JsonFormatter"},
            "text": {"format": TEXT_FORMAT},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": fmt,
            }
        },
        "root": {"handlers": ["console"], "level": level},
        # Django's own loggers keep their handlers unless told otherwise; send them to ours.
        "loggers": {
            "django": {"handlers": ["console"], "level": level, "propagate": False},
        },
    }
