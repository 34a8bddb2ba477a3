"""gunicorn settings: ``gunicorn -c python:cms.gunicorn cms.wsgi``.

gunicorn's own lines (start-up, worker restarts, and one access line per request) are
written like the application's: JSON (or text with ``LOG_FORMAT=text``) on standard error.
An access line has remote_addr, method, path (no query string), status, bytes,
duration_us, user_agent and the request_id the application answered with. Workers, bind
address and timeouts stay on the command line or in ``GUNICORN_CMD_ARGS``.
"""

from cms.log import LOG_FORMATS, LOG_LEVELS, logging_config
from cms.settings.base import env_choice

_level = env_choice("LOG_LEVEL", "INFO", LOG_LEVELS)
logconfig_dict = logging_config(level=_level, fmt=env_choice("LOG_FORMAT", "json", LOG_FORMATS))
logconfig_dict["loggers"].update(
    {
        "gunicorn.error": {"handlers": ["console"], "level": _level, "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    }
)
