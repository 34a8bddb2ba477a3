"""Error reports leave the server without cookies, secrets or residents' personal data."""

import json

from cms.sentry import before_send, init_sentry, scrub_query
from tests.processes import PRODUCTION_ENV, run_python


def event():
    """An event shaped like the Django integration's, with personal data everywhere."""
    return {
        "event_id": "0123456789a12345678901bcdef01234",
        "message": "Nie znaleziono wnioskodawcy 90010112345 (jan.kowalski@example.com)",
        "request": {
            "url": "https://procedury.uml.lodz.pl/szukaj/?q=Jan+Kowalski",
            "method": "POST",
            "query_string": "q=Jan+Kowalski&pesel=90010112345&page=2",
            "cookies": {"sessionid": "s3cr3t", "csrftoken": "t0k3n"},
            "headers": {
                "Cookie": "sessionid=s3cr3t",
                "Authorization": "Bearer abc.def",
                "User-Agent": "Mozilla/5.0",
                "X-Request-ID": "lb-1",
            },
            "data": {"email": "anna@example.com"},
            "env": {"REMOTE_ADDR": "10.0.0.5"},
        },
        "user": {"id": 7, "email": "redaktor@uml.lodz.pl", "ip_address": "10.0.0.5"},
        "exception": {
            "values": [
                {
                    "type": "ValueError",
                    "value": "PESEL 90010112345 nie pasuje do ewa@example.org",
                    "stacktrace": {
                        "frames": [
                            {
                                "function": "clean",
                                "lineno": 12,
                                "vars": {"pesel": "'90010112345'", "count": 3},
                            }
                        ]
                    },
                }
            ]
        },
        "breadcrumbs": {
            "values": [
                {
                    "category": "httplib",
                    "data": {"url": "https://api.example/osoby?email=a@b.pl", "status_code": 200},
                },
                {"category": "query", "message": "SELECT … WHERE email = 'ola@example.com'"},
            ]
        },
    }


def test_cookies_and_authorisation_are_dropped():
    request = before_send(event())["request"]
    assert request["cookies"] == "[Filtered]"
    assert request["headers"]["Cookie"] == "[Filtered]"
    assert request["headers"]["Authorization"] == "[Filtered]"
    assert request["headers"]["User-Agent"] == "Mozilla/5.0"
    assert request["headers"]["X-Request-ID"] == "lb-1"
    assert request["data"] == "[Filtered]"


def test_query_strings_keep_their_names_not_their_values():
    request = before_send(event())["request"]
    assert request["query_string"] == "q=[Filtered]&pesel=[Filtered]&page=[Filtered]"
    assert request["url"] == "https://procedury.uml.lodz.pl/szukaj/?q=[Filtered]"
    assert scrub_query("") == ""


def test_emails_and_pesel_numbers_are_masked_everywhere():
    scrubbed = before_send(event())
    text = json.dumps(scrubbed, ensure_ascii=False)
    for personal in ["90010112345", "@example.com", "@example.org", "a@b.pl", "Kowalski"]:
        assert personal not in text
    assert scrubbed["message"] == "Nie znaleziono wnioskodawcy [PESEL] ([e-mail])"
    value = scrubbed["exception"]["values"][0]
    assert value["value"] == "PESEL [PESEL] nie pasuje do [e-mail]"
    assert value["stacktrace"]["frames"][0]["vars"] == {"pesel": "'[PESEL]'", "count": 3}
    crumbs = scrubbed["breadcrumbs"]["values"]
    assert crumbs[0]["data"] == {
        "url": "https://api.example/osoby?email=[Filtered]",
        "status_code": 200,
    }
    assert crumbs[1]["message"] == "SELECT … WHERE email = '[e-mail]'"


def test_ids_that_are_not_personal_data_survive():
    scrubbed = before_send(event())
    assert scrubbed["event_id"] == "0123456789a12345678901bcdef01234"
    assert scrubbed["user"] == {"id": 7}
    assert scrubbed["exception"]["values"][0]["stacktrace"]["frames"][0]["lineno"] == 12


def test_sentry_is_off_without_a_dsn():
    assert init_sentry("") is False


def test_production_starts_sentry_when_a_dsn_is_set():
    code = (
        "import cms.settings.production, sentry_sdk; o = sentry_sdk.get_client().options; "
        "print(o['dsn'], o['send_default_pii'], o['before_send'].__module__, "
        "o['max_request_body_size'])"
    )
    # Nothing listens there and no event is sent: the test only reads the options.
    result = run_python(code, {**PRODUCTION_ENV, "SENTRY_DSN": "http://public@127.0.0.1:9/1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["http://public@127.0.0.1:9/1", "False", "cms.sentry", "never"]
