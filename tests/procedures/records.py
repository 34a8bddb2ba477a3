"""Interchange records for import tests, complete and valid unless a test changes them, and
the import command run on them."""

import json

from django.core.management import call_command
from django.core.management.base import CommandError

NRB = "50 1240 1037 1111 0011 0925 0073"


def valid_record(code, **overrides):
    """A complete record as the city's migration would deliver it."""
    record = {
        "code": code,
        "title": f"Wydanie zaświadczenia {code}",
        "categories": ["sprawy obywatelskie"],
        "summary": "Zaświadczenie wydaje się na wniosek osoby, której dotyczy.",
        "steps": [
            {
                "name": "Złóż wniosek",
                "comment": "elektronicznie lub w urzędzie",
                "electronic": True,
            },
            {"name": "Odbierz zaświadczenie", "comment": None, "electronic": False},
        ],
        "useful_info": ["sprawa załatwiana od ręki"],
        "electronic_actions": ["złożenie wniosku"],
        "how_to": "<p>Złóż wniosek osobiście.</p>",
        "processing_time": {"value": 7, "unit": "dni", "description": None},
        "places": [
            {
                "name": "Sala Obsługi Klienta",
                "address": "ul. Piotrkowska 110",
                "details": "parter",
                "phones": ["+48 (42) 638-44-44"],
            }
        ],
        "appointment": {
            "required": True,
            "methods": [{"kind": "url", "value": "https://wizyty.uml.lodz.pl/", "note": None}],
        },
        "fees": [{"type": "opłata skarbowa", "amount": "17.00", "account": NRB, "remarks": None}],
        "submission_channels": [
            {"kind": "electronic", "details": None, "platforms": ["ePUAP"]},
            {"kind": "in_person", "details": "ul. Piotrkowska 110", "platforms": []},
        ],
        "legal_basis": [
            {"kind": "ustawa", "title": "Ustawa o opłacie skarbowej", "url": None},
        ],
        "appeal": "brak",
        "owner": {"name": "Anna Kowalska", "email": "a.kowalska@uml.lodz.pl", "phone": None},
        "coordinator": {"name": "Jan Nowak", "email": None, "phone": "42 638 40 01"},
        "information_authors": [{"name": "Anna Kowalska", "email": None, "phone": None}],
        "unit": "Urząd Miasta Łodzi",
        "department": "Wydział Spraw Obywatelskich i Komunikacji",
        "handled_in_ezd": True,
        "faq": [{"question": "Czy trzeba zapłacić?", "answer": "<p>Tak, 17 zł.</p>"}],
        "cc_other": "Uwagi agentów.",
    }
    record.update(overrides)
    return record


def documents_with_files():
    """Documents to submit and to inspect, with the files the ``write`` fixture puts in
    ``pliki/``: a form, its sample and an e-form."""
    return {
        "to_submit": [
            {
                "name": "Wniosek",
                "file": "pliki/wniosek.docx",
                "sample_file": "pliki/wniosek.pdf",
                "eforms": [{"platform": "ePUAP", "url": "https://epuap.gov.pl/wniosek"}],
            }
        ],
        "to_inspect": [{"name": "Dowód osobisty", "file": None, "sample_file": None, "eforms": []}],
    }


def write_records(directory, records, name="procedury.json"):
    """``records`` written as the interchange file ``name`` in ``directory``; its path."""
    path = directory / name
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def run_import(path, *args, report=None):
    """Run the command; returns (exit status, report dict)."""
    report_path = path.with_suffix(".report.json")
    status = 0
    try:
        call_command("import_procedures", str(path), "--report", str(report_path), *args)
    except CommandError as error:
        status = error.returncode
    return status, json.loads(report_path.read_text(encoding="utf-8"))


def rejected(report):
    """What the import report rejected: {code: {(field path, message), …}}."""
    return {
        r["code"]: {(e["path"], e["message"]) for e in r["errors"]}
        for r in report["records"]
        if r["status"] == "rejected"
    }
