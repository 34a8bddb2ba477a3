"""Raw StreamField data for procedure pages: ``[{"type": ..., "value": ...}]`` entries.

The same shape the database stores; used by the factories and tests.
"""

from decimal import Decimal

STAMP_DUTY_ACCOUNT = "50 1240 1037 1111 0011 0925 0073"


def step(name, comment="", electronic=False):
    return {"type": "step", "value": {"name": name, "comment": comment, "electronic": electronic}}


def fee(fee_type, amount, account=STAMP_DUTY_ACCOUNT, remarks=""):
    return {
        "type": "fee",
        "value": {
            "type": fee_type,
            "amount": str(Decimal(amount)),
            "account": account,
            "remarks": remarks,
        },
    }


def marker(name):
    """An explicit "brak" / "nie dotyczy" entry (``none`` or ``not_applicable``)."""
    return {"type": name, "value": None}


def channel(kind, details="", platforms=()):
    return {
        "type": "channel",
        "value": {"kind": kind, "details": details, "platforms": [p.pk for p in platforms]},
    }


def booking(*methods, required=False):
    """``booking(("phone", "+48 (42) 638-44-44"), ("url", "https://wizyty.uml.lodz.pl/"))``"""
    return {
        "type": "booking",
        "value": {
            "required": required,
            "methods": [{"kind": kind, "value": value, "note": ""} for kind, value in methods],
        },
    }


def appeal_text(html):
    return {"type": "text", "value": html}


def document(name, file=None, sample_file=None, eforms=(), group="to_submit"):
    return {
        "type": group,
        "value": {
            "name": name,
            "file": file.pk if file else None,
            "sample_file": sample_file.pk if sample_file else None,
            "eforms": [{"platform": p.pk, "url": url} for p, url in eforms],
        },
    }


def legal_act(title, kind=None, url=""):
    return {"type": "act", "value": {"kind": kind.pk if kind else None, "title": title, "url": url}}


def faq_item(question, answer_html):
    return {"type": "item", "value": {"question": question, "answer": answer_html}}
