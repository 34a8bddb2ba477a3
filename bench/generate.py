"""Generated procedures in the interchange format, for benchmarks."""

import random

UNITS = ["Urząd Miasta Łodzi", "Zarząd Dróg i Transportu", "Miejski Ośrodek Pomocy Społecznej"]
DEPARTMENTS = [
    "Wydział Spraw Obywatelskich i Komunikacji",
    "Wydział Finansowy",
    "Wydział Zarządzania Kontaktami z Mieszkańcami",
    "Urząd Stanu Cywilnego",
]
NOUNS = [
    "dowodu osobistego",
    "zaświadczenia",
    "zezwolenia",
    "karty parkingowej",
    "decyzji",
    "odpisu aktu",
    "abonamentu",
    "wypisu z rejestru",
    "licencji",
    "legitymacji",
]
VERBS = ["Wydanie", "Przedłużenie", "Unieważnienie", "Zmiana", "Wymiana", "Zwrot"]
CATEGORIES = ["sprawy obywatelskie", "podatki i opłaty", "kierowcy i pojazdy"]
NRB = "50 1240 1037 1111 0011 0925 0073"


def procedure(number, rng=None):
    rng = rng or random.Random(number)
    unit = rng.choice(UNITS)
    department = rng.choice(DEPARTMENTS)
    owner = f"Pracownik {number % 97} ({unit}, {department})"
    title = f"{rng.choice(VERBS)} {rng.choice(NOUNS)} nr {number}"
    return {
        "code": f"BN-{number:05d}",
        "title": title,
        "categories": [
            rng.choice(["sprawy obywatelskie", "podatki i opłaty", "kierowcy i pojazdy"])
        ],
        "summary": ("Procedura dotyczy sprawy mieszkańca Łodzi. " * 10)[:600],
        "steps": [
            {
                "name": "Złóż wniosek",
                "comment": "elektronicznie lub w urzędzie",
                "electronic": True,
            },
            {"name": "Czekaj na decyzję", "comment": None, "electronic": False},
            {
                "name": "Odbierz dokument",
                "comment": "osobiście lub przez pełnomocnika",
                "electronic": False,
            },
        ],
        "useful_info": ["sprawa załatwiana od ręki", "wniosek należy złożyć osobiście"],
        "electronic_actions": ["złożenie wniosku", "wniesienie opłaty"],
        "how_to": "<p>" + "Wniosek składa osoba zainteresowana lub pełnomocnik. " * 20 + "</p>",
        "processing_time": {"value": rng.randint(1, 60), "unit": "dni", "description": None},
        "places": [
            {
                "name": "Sala Obsługi Klienta",
                "address": "ul. Piotrkowska 110",
                "details": "parter",
                "phones": ["+48 (42) 638-44-44"],
            }
        ],
        "appointment": "nie dotyczy",
        "fees": [{"type": "opłata skarbowa", "amount": "17.00", "account": NRB, "remarks": None}],
        "submission_channels": [{"kind": "electronic", "details": None, "platforms": ["ePUAP"]}],
        "legal_basis": [{"kind": "ustawa", "title": "Ustawa o opłacie skarbowej", "url": None}],
        "appeal": "brak",
        "owner": {"name": owner, "email": None, "phone": None},
        "coordinator": {"name": owner, "email": None, "phone": None},
        "information_authors": [{"name": owner, "email": None, "phone": None}],
        "unit": unit,
        "department": department,
        "handled_in_ezd": bool(number % 2),
        "faq": [{"question": "Ile to kosztuje?", "answer": "<p>17 zł.</p>"}],
        "cc_other": "Uwagi.",
    }
