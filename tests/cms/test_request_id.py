"""Every request has an id: in its response header and on every log line it writes."""

import io
import json
import logging
import re
import sys

import pytest

from cms.log import JsonFormatter, RequestIdFilter, logging_config, request_id

GENERATED = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def json_log():
    """The JSON lines Django's request logger writes during the test."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_the_proxys_id_comes_back_and_is_on_the_log_line(client, home_page, json_log):
    response = client.get("/nie-ma-takiej-strony/", headers={"X-Request-ID": "lb-7f3a.42:1"})
    assert response.status_code == 404
    assert response["X-Request-ID"] == "lb-7f3a.42:1"
    (line,) = json_log()
    assert line["request_id"] == "lb-7f3a.42:1"
    assert line["level"] == "WARNING"
    assert line["logger"] == "django.request"
    assert line["message"] == "Not Found: /nie-ma-takiej-strony/"
    assert line["status_code"] == 404


def test_an_id_is_generated_when_the_proxy_sends_none(client, home_page, json_log):
    response = client.get("/nie-ma-takiej-strony/")
    assert GENERATED.fullmatch(response["X-Request-ID"])
    assert json_log()[0]["request_id"] == response["X-Request-ID"]
    assert client.get("/")["X-Request-ID"] != response["X-Request-ID"]


@pytest.mark.parametrize(
    "unsafe",
    [
        "x" * 65,
        "two words",
        'quote"',
        "<script>",
        "line\\nbreak",
        "zażółć",
        "a/b",
    ],
)
def test_an_unsafe_incoming_id_is_replaced(client, home_page, json_log, unsafe):
    response = client.get("/nie-ma-takiej-strony/", headers={"X-Request-ID": unsafe})
    assert GENERATED.fullmatch(response["X-Request-ID"])
    assert json_log()[0]["request_id"] == response["X-Request-ID"]


def test_outside_a_request_the_id_is_a_dash(json_log):
    logging.getLogger("django.request").warning("poza żądaniem")
    (line,) = json_log()
    assert line["request_id"] == "-"
    assert line["message"] == "poza żądaniem"
    assert request_id.get() == "-"


def test_text_format_for_a_terminal():
    config = logging_config(level="INFO", fmt="text")
    assert config["handlers"]["console"]["formatter"] == "text"
    record = logging.LogRecord(
        "procedures", logging.INFO, "f", 1, "Opublikowano KA-01001", (), None
    )
    token = request_id.set("abc")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    line = logging.Formatter(config["formatters"]["text"]["format"]).format(record)
    assert line.endswith("INFO procedures [abc] Opublikowano KA-01001")


def test_a_json_line_carries_the_traceback():
    try:
        raise ValueError("zły rekord")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("x", logging.ERROR, "f", 1, "błąd %s", ("KA-1",), exc_info)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "błąd KA-1"
    assert entry["level"] == "ERROR"
    assert "ValueError: zły rekord" in entry["exception"]


def test_a_gunicorn_access_line_has_fields_and_no_query_string():
    atoms = {
        "h": "10.0.0.5",
        "m": "GET",
        "U": "/szukaj/",
        "q": "q=jan.kowalski@example.com",
        "r": "GET /szukaj/?q=jan.kowalski@example.com HTTP/1.1",
        "s": "200",
        "B": 5120,
        "D": 15300,
        "a": "Mozilla/5.0",
        "{x-request-id}o": "lb-1",
    }
    record = logging.LogRecord("gunicorn.access", logging.INFO, "f", 1, "%(r)s", (), None)
    record.args = atoms
    line = JsonFormatter().format(record)
    assert "kowalski" not in line
    entry = json.loads(line)
    assert entry["request_id"] == "lb-1"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/szukaj/", 200)
    assert entry["duration_us"] == 15300
