"""Demo content for ``manage.py seed_demo``: the city's structure and its procedures.

The procedures are the 20 real descriptions of the city of Łódź (public information from BIP
and the ŁCKzM portal) collected in ``shared/data/real-procedures.json``, transcribed here and
completed where the archived copies were cut short (legal basis, appeal, fees, Call Center
notes), plus one internal procedure of the Call Center. The record without a code got
ZG-01601. People are fictional. Nothing outside the repository is read at run time.

Shapes, kept close to the interchange format:

- ``steps``: ``(name, comment, electronic)``;
- ``appointment``: ``None`` for "nie dotyczy", else ``{"required": …, "methods": [(kind, value)]}``;
- ``fees``: ``[(type, amount, remarks)]``, paid to the stamp-duty account; ``[]`` is "brak opłat";
- ``submission_channels``: ``[(kind, details, [platform names])]``; ``[]`` is "nie dotyczy";
- ``required_documents``: ``[(group, name, [(platform name, url)])]``, group ``to_submit`` or
  ``to_inspect``;
- ``legal_basis``: ``[(kind name, title, url)]``; ``appeal``: HTML, or ``None`` for "brak";
- ``places`` name keys of :data:`OFFICES`, people are names from :data:`EMPLOYEES`,
  ``categories`` are slugs of :data:`CATEGORIES`, ``department`` is ``(unit, department)``;
- ``related``: codes of related procedures, linked once all procedures exist.
"""

from procedures import roles

#: Shared by every demo account and printed by the command; never use it outside a demo.
DEMO_PASSWORD = "demo-lckzm-2026"  # noqa: S105

#: (username, group of procedures.roles or None, superuser): one account per role
ABOUT_TITLE = "Informacje o portalu"
ABOUT_SLUG = "informacje"
ABOUT_BODY = (
    "<p>Portal prezentuje opisy procedur Urzędu Miasta Łodzi i miejskich jednostek "
    "organizacyjnych, przygotowane według wzoru z zarządzenia nr 734/2023 Prezydenta "
    "Miasta Łodzi.</p><p>Opisy przygotowują komórki merytoryczne, a publikuje Oddział ds. "
    "Procedur i Zgłoszeń Interwencyjnych Wydziału Zarządzania Kontaktami z Mieszkańcami. "
    "Pytania: lckm@uml.lodz.pl, infolinia +48 (42) 638-44-44.</p>"
)

#: The demo editor writes for this department (Komórka).
EDITOR_DEPARTMENT = ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji")
#: Workflow states shown by the demo: submitted by the editor, scheduled, withdrawn.
IN_REVIEW_CODE = "KA-01305"
SCHEDULED_CODE = "KA-01147"
SCHEDULED_NOTE = (
    "<p>Od przyszłego tygodnia wniosek można złożyć także w nowym punkcie obsługi "
    "przy ul. Piotrkowskiej 110.</p>"
)
WITHDRAWN_CODE = "KA-01351"

USERS = [
    ("redaktor", roles.EDITORS, False),
    ("moderator", roles.MODERATORS, False),
    ("agent", roles.CALL_CENTER, False),
    ("admin", None, True),
]

SITE_NAME = "Łódzkie Centrum Kontaktu z Mieszkańcami"
HOME_TITLE = "Łódzkie Centrum Kontaktu z Mieszkańcami"
HOME_SLUG = "strona-glowna"
HOME_INTRO = (
    "<p>Sprawdź, jak załatwić sprawę w Urzędzie Miasta Łodzi i miejskich jednostkach: jakie "
    "dokumenty przygotować, ile to kosztuje, gdzie i jak złożyć wniosek. Pomoc telefoniczna: "
    "<b>+48 (42) 638-44-44</b>.</p>"
)
INDEX_TITLE = "Procedury"
INDEX_SLUG = "procedury"
INDEX_INTRO = (
    "<p>Opisy spraw urzędowych, krok po kroku. Przy etapach oznaczonych „@” nie musisz "
    "przychodzić do urzędu.</p>"
)

#: (slug, name, description), in the order shown on the portal
CATEGORIES = [
    (
        "sprawy-obywatelskie",
        "Sprawy obywatelskie",
        "Dowody osobiste, meldunki, akty stanu cywilnego, dostęp do informacji publicznej.",
    ),
    (
        "kierowcy-i-pojazdy",
        "Kierowcy i pojazdy",
        "Prawa jazdy, rejestracja pojazdów, parkowanie i drogi.",
    ),
    (
        "nieruchomosci-lokale-geodezja",
        "Nieruchomości, lokale, geodezja",
        "Ewidencja gruntów i budynków, numeracja porządkowa, lokale miejskie.",
    ),
    ("podatki-i-oplaty", "Podatki i opłaty", "Podatki lokalne i opłaty pobierane przez miasto."),
    (
        "sprawy-elektroniczne",
        "Sprawy elektroniczne",
        "Sprawy, które załatwisz w całości lub w części przez internet.",
    ),
    (
        "zdrowie-i-sprawy-spoleczne",
        "Zdrowie i sprawy społeczne",
        "Wsparcie dla rodzin, osób bezrobotnych i potrzebujących pomocy.",
    ),
    (
        "odpady-woda-i-kanalizacja",
        "Odpady, woda i kanalizacja",
        "Gospodarka odpadami komunalnymi i utrzymanie czystości w mieście.",
    ),
    ("praca-i-biznes", "Praca i biznes", "Zezwolenia dla przedsiębiorców, rynek pracy."),
    ("edukacja-i-nauka", "Edukacja i nauka", "Żłobki, przedszkola i szkoły."),
]

#: (name, short name): the city hall and the municipal units
UNITS = [
    ("Urząd Miasta Łodzi", "UMŁ"),
    ("Centrum Świadczeń Socjalnych", "CŚS"),
    ("Łódzki Ośrodek Geodezji", "ŁOG"),
    ("Miejski Ośrodek Pomocy Społecznej", "MOPS"),
    ("Miejski Zespół Żłobków", "MZŻ"),
    ("Powiatowy Urząd Pracy", "PUP"),
    ("Schronisko dla Zwierząt", "Schronisko"),
    ("Zarząd Dróg i Transportu", "ZDiT"),
    ("Zarząd Gospodarowania Odpadami", "ZGO"),
    ("Zarząd Lokali Miejskich", "ZLM"),
    ("Zarząd Zieleni Miejskiej", "ZZM"),
]

#: (unit, name, short name)
DEPARTMENTS = [
    ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji", "WSOiK"),
    ("Urząd Miasta Łodzi", "Wydział Zarządzania Kontaktami z Mieszkańcami", "WZKM"),
    ("Urząd Miasta Łodzi", "Wydział Finansowy", "WF"),
    ("Urząd Miasta Łodzi", "Wydział Ewidencji Pojazdów i Kierowców", "WEPiK"),
    ("Urząd Miasta Łodzi", "Urząd Stanu Cywilnego", "USC"),
    ("Urząd Miasta Łodzi", "Biuro Rzeczy Znalezionych", "BRZ"),
    (
        "Urząd Miasta Łodzi",
        "Biuro Promocji Zatrudnienia i Obsługi Działalności Gospodarczej",
        "BPZiODG",
    ),
    ("Urząd Miasta Łodzi", "Wydział Gospodarki Komunalnej", "WGK"),
    ("Urząd Miasta Łodzi", "Wydział Zdrowia i Spraw Społecznych", "WZiSS"),
    ("Centrum Świadczeń Socjalnych", "Dział Świadczeń Rodzinnych", "DŚR"),
    ("Łódzki Ośrodek Geodezji", "Dział Ewidencji Gruntów i Budynków", "DEGiB"),
    ("Łódzki Ośrodek Geodezji", "Dział Geodezji", "DG"),
    ("Miejski Ośrodek Pomocy Społecznej", "Dział Pomocy Środowiskowej", "DPŚ"),
    ("Miejski Zespół Żłobków", "Dział Organizacji Opieki nad Dziećmi", "DOOnD"),
    ("Powiatowy Urząd Pracy", "Dział Ewidencji i Świadczeń", "DEiŚ"),
    ("Schronisko dla Zwierząt", "Dział Adopcji i Opieki nad Zwierzętami", "DAiO"),
    ("Zarząd Dróg i Transportu", "Wydział Uzgodnień Infrastruktury Niedrogowej", "WUIN"),
    ("Zarząd Dróg i Transportu", "Wydział Parkowania", "WP"),
    ("Zarząd Gospodarowania Odpadami", "Dział Obsługi Opłat za Odpady", "DOO"),
    ("Zarząd Lokali Miejskich", "Dział Obsługi Najemców", "DON"),
    ("Zarząd Zieleni Miejskiej", "Dział Utrzymania Terenów Zieleni", "DUTZ"),
]

#: Places where residents handle matters, by a key the procedures use.
OFFICES = {
    "lckzm": {
        "name": "Łódzkie Centrum Kontaktu z Mieszkańcami – sala obsługi",
        "department": ("Urząd Miasta Łodzi", "Wydział Zarządzania Kontaktami z Mieszkańcami"),
        "address": "ul. Piotrkowska 110 (wejście od al. Schillera), Łódź",
        "details": "Parter, stanowiska obsługi mieszkańców.",
        "phones": "+48 (42) 638-44-44",
    },
    "kancelaria": {
        "name": "Urząd Miasta Łodzi – Kancelaria Ogólna",
        "department": ("Urząd Miasta Łodzi", "Wydział Zarządzania Kontaktami z Mieszkańcami"),
        "address": "ul. Piotrkowska 104, 90-926 Łódź",
        "details": (
            "Parter. E-mail: lckm@uml.lodz.pl. Elektroniczna Skrzynka Podawcza UMŁ na platformie "
            "ePUAP."
        ),
        "phones": "+48 (42) 638-44-44",
    },
    "call-center": {
        "name": "Telefoniczna informacja UMŁ – Call Center",
        "department": ("Urząd Miasta Łodzi", "Wydział Zarządzania Kontaktami z Mieszkańcami"),
        "address": "",
        "details": (
            "Konsultanci udzielają informacji o sprawach załatwianych w Urzędzie Miasta Łodzi i "
            "miejskich jednostkach."
        ),
        "phones": "+48 (42) 638-44-44",
    },
    "procedures-office": {
        "name": "Oddział ds. Procedur i Zgłoszeń Interwencyjnych",
        "department": ("Urząd Miasta Łodzi", "Wydział Zarządzania Kontaktami z Mieszkańcami"),
        "address": "ul. Piotrkowska 110, Łódź",
        "details": "Komórka wewnętrzna; obsługuje wnioski o aktualizację opisów procedur.",
        "phones": "",
    },
    "odo-zachodnia": {
        "name": "Oddział Dowodów Osobistych i Ewidencji Ludności",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "address": "ul. Zachodnia 47, 91-065 Łódź",
        "details": "II piętro, okienka 1, 2 i 6.",
        "phones": "+48 (42) 638-44-44",
    },
    "odo-politechniki": {
        "name": "Oddział Dowodów Osobistych i Ewidencji Ludności",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "address": "al. Politechniki 32, 93-590 Łódź",
        "details": "I piętro, pok. 101 i 102.",
        "phones": "+48 (42) 638-44-44",
    },
    "odo-krzemieniecka": {
        "name": "Oddział Dowodów Osobistych i Ewidencji Ludności",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "address": "ul. Krzemieniecka 2B, 94-030 Łódź",
        "details": "Parter, stanowiska 1–4 oraz 8–9.",
        "phones": "+48 (42) 638-44-44",
    },
    "odo-piotrkowska-153": {
        "name": "Oddział Dowodów Osobistych i Ewidencji Ludności",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "address": "ul. Piotrkowska 153, Łódź",
        "details": "Parter, pok. 001 i 005.",
        "phones": "+48 (42) 638-44-44",
    },
    "odo-pilsudskiego": {
        "name": "Oddział Dowodów Osobistych i Ewidencji Ludności",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "address": "al. Piłsudskiego 100, 92-326 Łódź",
        "details": "Parter, stanowiska 3–5 oraz 8–10.",
        "phones": "+48 (42) 638-44-44",
    },
    "odo-piotrkowska-110": {
        "name": "Oddział Dowodów Osobistych i Ewidencji Ludności",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "address": "ul. Piotrkowska 110 (wejście od al. Schillera), Łódź",
        "details": "Parter, stanowiska 1 i 2 w sali obsługi ŁCKzM.",
        "phones": "+48 (42) 638-44-44",
    },
    "odo-smugowa": {
        "name": "Oddział Dowodów Osobistych i Ewidencji Ludności",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "address": "ul. Smugowa 26a i 30/32, 91-043 Łódź",
        "details": "I piętro, sala obsługi.",
        "phones": "+48 (42) 638-44-44",
    },
    "prawa-jazdy": {
        "name": "Oddział Uprawnień do Kierowania Pojazdami",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "address": "ul. Smugowa 26a i 30/32, 91-043 Łódź",
        "details": "I piętro, sala obsługi; wizyta po umówieniu (sprawy grupy „T”).",
        "phones": "+48 (42) 638-44-44",
    },
    "usc": {
        "name": "Urząd Stanu Cywilnego w Łodzi",
        "department": ("Urząd Miasta Łodzi", "Urząd Stanu Cywilnego"),
        "address": "al. Piłsudskiego 100, 92-326 Łódź",
        "details": "Sala obsługi na parterze; w siedzibie działa opłatomat.",
        "phones": "+48 (42) 638-54-77",
    },
    "alkohol": {
        "name": "Oddział ds. Zezwoleń na Sprzedaż Napojów Alkoholowych",
        "department": (
            "Urząd Miasta Łodzi",
            "Biuro Promocji Zatrudnienia i Obsługi Działalności Gospodarczej",
        ),
        "address": "al. Politechniki 32, 93-590 Łódź",
        "details": "Pok. 217. E-mail: licencje.zezwolenia@uml.lodz.pl.",
        "phones": "+48 (42) 638-56-29",
    },
    "wgk": {
        "name": "Wydział Gospodarki Komunalnej – Oddział Usług Komunalnych",
        "department": ("Urząd Miasta Łodzi", "Wydział Gospodarki Komunalnej"),
        "address": "ul. Piotrkowska 175, Łódź",
        "details": "Sekretariat – pok. 112; sprawy szaletów miejskich – pok. 210.",
        "phones": "+48 (42) 638-44-44",
    },
    "wf": {
        "name": "Wydział Finansowy – sala obsługi podatników",
        "department": ("Urząd Miasta Łodzi", "Wydział Finansowy"),
        "address": "ul. Piotrkowska 104, 90-926 Łódź",
        "details": (
            "Parter; urna na deklaracje i informacje podatkowe dostępna w godzinach pracy Urzędu."
        ),
        "phones": "+48 (42) 638-44-44",
    },
    "log-sok": {
        "name": "Łódzki Ośrodek Geodezji – Sala Obsługi Klienta",
        "department": ("Łódzki Ośrodek Geodezji", "Dział Ewidencji Gruntów i Budynków"),
        "address": "ul. Traugutta 21/23, 90-113 Łódź",
        "details": "Parter; Zespół udostępniania danych ewidencyjnych.",
        "phones": "",
    },
    "log-podawcze": {
        "name": "Łódzki Ośrodek Geodezji – Biuro podawcze i Dział Geodezji",
        "department": ("Łódzki Ośrodek Geodezji", "Dział Geodezji"),
        "address": "ul. Traugutta 21/23, 90-113 Łódź",
        "details": "Biuro podawcze – parter; Dział Geodezji – IX piętro, pok. 912, 913 i 915.",
        "phones": "+48 (42) 272-68-92, +48 (42) 272-68-93, +48 (42) 272-68-95",
    },
    "zdit-wuin": {
        "name": "Zarząd Dróg i Transportu – Wydział Uzgodnień Infrastruktury Niedrogowej",
        "department": ("Zarząd Dróg i Transportu", "Wydział Uzgodnień Infrastruktury Niedrogowej"),
        "address": "ul. Piotrkowska 173, 90-447 Łódź",
        "details": (
            "Prowadzenie spraw – pok. 206, 313, 314; naczelnik wydziału – pok. 309; zastępca "
            "naczelnika – pok. 313."
        ),
        "phones": "+48 (42) 272-63-20, +48 (42) 638-49-70",
    },
    "zdit-abonamenty": {
        "name": "Zarząd Dróg i Transportu – Punkt Obsługi (abonamenty parkingowe)",
        "department": ("Zarząd Dróg i Transportu", "Wydział Parkowania"),
        "address": "ul. Tuwima 36, Łódź",
        "details": (
            "Parter, wejście z ulicy obok głównego wejścia. Pn., śr., czw., pt.: 8:00–15:00; wt.: "
            "9:00–16:30."
        ),
        "phones": "+48 (42) 638-58-41, +48 (42) 638-58-51",
    },
    "pup-milionowa": {
        "name": "Powiatowy Urząd Pracy w Łodzi – siedziba przy ul. Milionowej",
        "department": ("Powiatowy Urząd Pracy", "Dział Ewidencji i Świadczeń"),
        "address": "ul. Milionowa 91, Łódź",
        "details": (
            "Rejestracja osób zameldowanych w dzielnicach Widzew, Górna i Śródmieście oraz osób "
            "bez adresu zameldowania."
        ),
        "phones": "",
    },
    "pup-kilinskiego": {
        "name": "Powiatowy Urząd Pracy w Łodzi – siedziba przy ul. Kilińskiego",
        "department": ("Powiatowy Urząd Pracy", "Dział Ewidencji i Świadczeń"),
        "address": "ul. Kilińskiego 102/102a, Łódź",
        "details": "Rejestracja osób zameldowanych w dzielnicach Bałuty i Polesie.",
        "phones": "",
    },
    "zlobki": {
        "name": "Żłobki Miejskiego Zespołu Żłobków w Łodzi",
        "department": ("Miejski Zespół Żłobków", "Dział Organizacji Opieki nad Dziećmi"),
        "address": "",
        "details": (
            "Kartę zgłoszenia składa się w wybranym żłobku; adresy i telefony żłobków podaje "
            "Miejski Zespół Żłobków."
        ),
        "phones": "",
    },
}

#: Fictional staff: (name, position, unit, department, phone)
EMPLOYEES = [
    (
        "Katarzyna Wojciechowska",
        "Dyrektor Wydziału Spraw Obywatelskich i Komunikacji",
        "Urząd Miasta Łodzi",
        "Wydział Spraw Obywatelskich i Komunikacji",
        "+48 (42) 638-41-10",
    ),
    (
        "Tomasz Jabłoński",
        "główny specjalista – koordynator opisów procedur",
        "Urząd Miasta Łodzi",
        "Wydział Spraw Obywatelskich i Komunikacji",
        "+48 (42) 638-41-12",
    ),
    (
        "Agnieszka Pawlak",
        "kierownik Oddziału Dowodów Osobistych i Ewidencji Ludności",
        "Urząd Miasta Łodzi",
        "Wydział Spraw Obywatelskich i Komunikacji",
        "+48 (42) 638-41-20",
    ),
    (
        "Michał Sikora",
        "kierownik Oddziału Uprawnień do Kierowania Pojazdami",
        "Urząd Miasta Łodzi",
        "Wydział Spraw Obywatelskich i Komunikacji",
        "+48 (42) 638-41-30",
    ),
    (
        "Ewa Głowacka",
        "inspektor, Oddział Dowodów Osobistych i Ewidencji Ludności",
        "Urząd Miasta Łodzi",
        "Wydział Spraw Obywatelskich i Komunikacji",
        "+48 (42) 638-41-24",
    ),
    (
        "Marta Lewandowska",
        "Dyrektor Wydziału Zarządzania Kontaktami z Mieszkańcami",
        "Urząd Miasta Łodzi",
        "Wydział Zarządzania Kontaktami z Mieszkańcami",
        "+48 (42) 638-40-10",
    ),
    (
        "Paweł Kaczmarek",
        "kierownik Oddziału ds. Procedur i Zgłoszeń Interwencyjnych",
        "Urząd Miasta Łodzi",
        "Wydział Zarządzania Kontaktami z Mieszkańcami",
        "+48 (42) 638-40-20",
    ),
    (
        "Joanna Zielińska",
        "główny specjalista, Oddział ds. Procedur i Zgłoszeń Interwencyjnych",
        "Urząd Miasta Łodzi",
        "Wydział Zarządzania Kontaktami z Mieszkańcami",
        "+48 (42) 638-40-22",
    ),
    (
        "Krzysztof Mazur",
        "kierownik Oddziału Call Center",
        "Urząd Miasta Łodzi",
        "Wydział Zarządzania Kontaktami z Mieszkańcami",
        "+48 (42) 638-40-30",
    ),
    (
        "Natalia Kubiak",
        "konsultant, Oddział Call Center",
        "Urząd Miasta Łodzi",
        "Wydział Zarządzania Kontaktami z Mieszkańcami",
        "+48 (42) 638-40-31",
    ),
    (
        "Dawid Szewczyk",
        "konsultant, Oddział Call Center",
        "Urząd Miasta Łodzi",
        "Wydział Zarządzania Kontaktami z Mieszkańcami",
        "+48 (42) 638-40-32",
    ),
    (
        "Barbara Wróblewska",
        "Dyrektor Wydziału Finansowego",
        "Urząd Miasta Łodzi",
        "Wydział Finansowy",
        "+48 (42) 638-42-10",
    ),
    (
        "Grzegorz Kowalczyk",
        "kierownik Oddziału Wymiaru Podatków od Osób Fizycznych",
        "Urząd Miasta Łodzi",
        "Wydział Finansowy",
        "+48 (42) 638-42-20",
    ),
    (
        "Monika Adamczyk",
        "inspektor, Oddział Wymiaru Podatków od Osób Fizycznych",
        "Urząd Miasta Łodzi",
        "Wydział Finansowy",
        "+48 (42) 638-42-24",
    ),
    (
        "Rafał Dudek",
        "Dyrektor Wydziału Ewidencji Pojazdów i Kierowców",
        "Urząd Miasta Łodzi",
        "Wydział Ewidencji Pojazdów i Kierowców",
        "+48 (42) 638-43-10",
    ),
    (
        "Iwona Baran",
        "główny specjalista",
        "Urząd Miasta Łodzi",
        "Wydział Ewidencji Pojazdów i Kierowców",
        "+48 (42) 638-43-12",
    ),
    (
        "Elżbieta Nowicka",
        "Kierownik Urzędu Stanu Cywilnego",
        "Urząd Miasta Łodzi",
        "Urząd Stanu Cywilnego",
        "+48 (42) 638-54-70",
    ),
    (
        "Magdalena Król",
        "zastępca Kierownika Urzędu Stanu Cywilnego",
        "Urząd Miasta Łodzi",
        "Urząd Stanu Cywilnego",
        "+48 (42) 638-54-71",
    ),
    (
        "Anna Wieczorek",
        "inspektor, Urząd Stanu Cywilnego",
        "Urząd Miasta Łodzi",
        "Urząd Stanu Cywilnego",
        "+48 (42) 638-54-77",
    ),
    (
        "Jerzy Ostrowski",
        "kierownik Biura Rzeczy Znalezionych",
        "Urząd Miasta Łodzi",
        "Biuro Rzeczy Znalezionych",
        "+48 (42) 638-44-90",
    ),
    (
        "Sylwia Jaworska",
        "Dyrektor Biura Promocji Zatrudnienia i Obsługi Działalności Gospodarczej",
        "Urząd Miasta Łodzi",
        "Biuro Promocji Zatrudnienia i Obsługi Działalności Gospodarczej",
        "+48 (42) 638-56-10",
    ),
    (
        "Marcin Walczak",
        "kierownik Oddziału ds. Zezwoleń na Sprzedaż Napojów Alkoholowych",
        "Urząd Miasta Łodzi",
        "Biuro Promocji Zatrudnienia i Obsługi Działalności Gospodarczej",
        "+48 (42) 638-56-20",
    ),
    (
        "Beata Michalak",
        "inspektor, Oddział ds. Zezwoleń na Sprzedaż Napojów Alkoholowych",
        "Urząd Miasta Łodzi",
        "Biuro Promocji Zatrudnienia i Obsługi Działalności Gospodarczej",
        "+48 (42) 638-56-29",
    ),
    (
        "Andrzej Zając",
        "Dyrektor Wydziału Gospodarki Komunalnej",
        "Urząd Miasta Łodzi",
        "Wydział Gospodarki Komunalnej",
        "+48 (42) 638-45-10",
    ),
    (
        "Robert Krawczyk",
        "kierownik Oddziału Usług Komunalnych",
        "Urząd Miasta Łodzi",
        "Wydział Gospodarki Komunalnej",
        "+48 (42) 638-45-20",
    ),
    (
        "Dorota Piątek",
        "podinspektor, Oddział Usług Komunalnych",
        "Urząd Miasta Łodzi",
        "Wydział Gospodarki Komunalnej",
        "+48 (42) 638-45-22",
    ),
    (
        "Małgorzata Sadowska",
        "Dyrektor Wydziału Zdrowia i Spraw Społecznych",
        "Urząd Miasta Łodzi",
        "Wydział Zdrowia i Spraw Społecznych",
        "+48 (42) 638-47-10",
    ),
    (
        "Łukasz Wysocki",
        "kierownik Oddziału ds. Rodziny",
        "Urząd Miasta Łodzi",
        "Wydział Zdrowia i Spraw Społecznych",
        "+48 (42) 638-47-30",
    ),
    (
        "Karolina Grabowska",
        "inspektor, Oddział ds. Rodziny",
        "Urząd Miasta Łodzi",
        "Wydział Zdrowia i Spraw Społecznych",
        "+48 (42) 638-47-37",
    ),
    (
        "Bożena Mróz",
        "kierownik Działu Świadczeń Rodzinnych",
        "Centrum Świadczeń Socjalnych",
        "Dział Świadczeń Rodzinnych",
        "+48 (42) 253-10-10",
    ),
    (
        "Renata Witkowska",
        "kierownik Działu Ewidencji Gruntów i Budynków",
        "Łódzki Ośrodek Geodezji",
        "Dział Ewidencji Gruntów i Budynków",
        "+48 (42) 272-68-10",
    ),
    (
        "Marek Kozłowski",
        "koordynator Zespołu udostępniania danych ewidencyjnych",
        "Łódzki Ośrodek Geodezji",
        "Dział Ewidencji Gruntów i Budynków",
        "+48 (42) 272-68-12",
    ),
    (
        "Izabela Tomaszewska",
        "specjalista, Zespół udostępniania danych ewidencyjnych",
        "Łódzki Ośrodek Geodezji",
        "Dział Ewidencji Gruntów i Budynków",
        "+48 (42) 272-68-14",
    ),
    (
        "Zbigniew Czarnecki",
        "kierownik Działu Geodezji",
        "Łódzki Ośrodek Geodezji",
        "Dział Geodezji",
        "+48 (42) 272-68-90",
    ),
    (
        "Halina Pietrzak",
        "starszy specjalista, Dział Geodezji",
        "Łódzki Ośrodek Geodezji",
        "Dział Geodezji",
        "+48 (42) 272-68-92",
    ),
    (
        "Bartosz Nowakowski",
        "specjalista, Dział Geodezji",
        "Łódzki Ośrodek Geodezji",
        "Dział Geodezji",
        "+48 (42) 272-68-93",
    ),
    (
        "Ryszard Wilk",
        "kierownik Działu Pomocy Środowiskowej",
        "Miejski Ośrodek Pomocy Społecznej",
        "Dział Pomocy Środowiskowej",
        "+48 (42) 207-10-10",
    ),
    (
        "Urszula Michalska",
        "kierownik Działu Organizacji Opieki nad Dziećmi",
        "Miejski Zespół Żłobków",
        "Dział Organizacji Opieki nad Dziećmi",
        "+48 (42) 640-10-10",
    ),
    (
        "Kinga Zawadzka",
        "specjalista ds. naboru do żłobków",
        "Miejski Zespół Żłobków",
        "Dział Organizacji Opieki nad Dziećmi",
        "+48 (42) 640-10-12",
    ),
    (
        "Teresa Jakubowska",
        "inspektor, Dział Organizacji Opieki nad Dziećmi",
        "Miejski Zespół Żłobków",
        "Dział Organizacji Opieki nad Dziećmi",
        "+48 (42) 640-10-14",
    ),
    (
        "Jolanta Borkowska",
        "kierownik Działu Ewidencji i Świadczeń",
        "Powiatowy Urząd Pracy",
        "Dział Ewidencji i Świadczeń",
        "+48 (42) 251-10-10",
    ),
    (
        "Adam Sobczak",
        "zastępca kierownika Działu Ewidencji i Świadczeń",
        "Powiatowy Urząd Pracy",
        "Dział Ewidencji i Świadczeń",
        "+48 (42) 251-10-12",
    ),
    (
        "Paulina Czerwińska",
        "specjalista ds. rejestracji",
        "Powiatowy Urząd Pracy",
        "Dział Ewidencji i Świadczeń",
        "+48 (42) 251-10-14",
    ),
    (
        "Alicja Kamińska",
        "kierownik Działu Adopcji i Opieki nad Zwierzętami",
        "Schronisko dla Zwierząt",
        "Dział Adopcji i Opieki nad Zwierzętami",
        "+48 (42) 640-20-10",
    ),
    (
        "Piotr Olszewski",
        "Naczelnik Wydziału Uzgodnień Infrastruktury Niedrogowej",
        "Zarząd Dróg i Transportu",
        "Wydział Uzgodnień Infrastruktury Niedrogowej",
        "+48 (42) 272-63-09",
    ),
    (
        "Aleksandra Jasińska",
        "zastępca Naczelnika Wydziału Uzgodnień Infrastruktury Niedrogowej",
        "Zarząd Dróg i Transportu",
        "Wydział Uzgodnień Infrastruktury Niedrogowej",
        "+48 (42) 272-63-13",
    ),
    (
        "Wojciech Kołodziej",
        "specjalista, Zespół Uzgodnień Dokumentacji",
        "Zarząd Dróg i Transportu",
        "Wydział Uzgodnień Infrastruktury Niedrogowej",
        "+48 (42) 272-63-20",
    ),
    (
        "Jacek Stępień",
        "Naczelnik Wydziału Parkowania",
        "Zarząd Dróg i Transportu",
        "Wydział Parkowania",
        "+48 (42) 638-58-40",
    ),
    (
        "Justyna Górska",
        "koordynator Punktu Obsługi",
        "Zarząd Dróg i Transportu",
        "Wydział Parkowania",
        "+48 (42) 638-58-41",
    ),
    (
        "Kamil Malinowski",
        "referent, Punkt Obsługi",
        "Zarząd Dróg i Transportu",
        "Wydział Parkowania",
        "+48 (42) 638-58-51",
    ),
    (
        "Sławomir Kalinowski",
        "kierownik Działu Obsługi Opłat za Odpady",
        "Zarząd Gospodarowania Odpadami",
        "Dział Obsługi Opłat za Odpady",
        "+48 (42) 638-60-10",
    ),
    (
        "Edyta Szymańska",
        "koordynator ds. deklaracji",
        "Zarząd Gospodarowania Odpadami",
        "Dział Obsługi Opłat za Odpady",
        "+48 (42) 638-60-12",
    ),
    (
        "Maciej Lis",
        "inspektor, Dział Obsługi Opłat za Odpady",
        "Zarząd Gospodarowania Odpadami",
        "Dział Obsługi Opłat za Odpady",
        "+48 (42) 638-60-14",
    ),
    (
        "Stanisław Wójcik",
        "kierownik Działu Obsługi Najemców",
        "Zarząd Lokali Miejskich",
        "Dział Obsługi Najemców",
        "+48 (42) 272-62-10",
    ),
    (
        "Grażyna Lewicka",
        "kierownik Działu Utrzymania Terenów Zieleni",
        "Zarząd Zieleni Miejskiej",
        "Dział Utrzymania Terenów Zieleni",
        "+48 (42) 272-64-10",
    ),
]

#: E-service platforms the procedures need beyond those seeded by migration
EFORM_PLATFORMS = [("praca.gov.pl", "https://praca.gov.pl/"), ("e-sklep", "")]

PROCEDURES = [
    {
        "code": "KA-01147",
        "title": "Wydanie dowodu osobistego osobie pełnoletniej",
        "categories": ["sprawy-obywatelskie"],
        "information_date": "2025-02-10",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "owner": "Katarzyna Wojciechowska",
        "coordinator": "Tomasz Jabłoński",
        "authors": ["Agnieszka Pawlak"],
        "summary": (
            "Dowód osobisty potwierdza tożsamość i obywatelstwo polskie. Pełnoletni obywatel "
            "polski, który mieszka w kraju ma obowiązek posiadać dowód osobisty. Każdy obywatel RP "
            "ma prawo posiadać dowód osobisty. Wydanie dowodu osobistego jest bezpłatne. Wniosek o "
            "wydanie dowodu osobistego należy złożyć osobiście w dowolnym urzędzie gminy na "
            "terenie Polski. Wniosek można złożyć też elektronicznie, nie będzie on jednak "
            "zawierał odwzorowania własnoręcznego podpisu oraz odcisków palców. Wnioskodawca ma 30 "
            "dni od dnia przesłania elektronicznego wniosku na zgłoszenie się do Urzędu (po "
            "uprzednim umówieniu się na wizytę) w celu uzupełnienia tych braków."
        ),
        "steps": [
            (
                "Złóż wniosek i załączniki",
                "elektronicznie lub w dowolnej lokalizacji Oddziału (po umówieniu wizyty)",
                True,
            ),
            ("Czekaj na SMS", "lub sprawdź samodzielnie", False),
            ("Umów się na wizytę", "jeśli dowód jest gotowy do odbioru", False),
            ("Odbierz dowód osobisty", "osobiście lub przez pełnomocnika", False),
        ],
        "useful_info": [
            "wizyta w urzędzie wymaga umówienia się",
            "wniosek należy złożyć osobiście",
            "dowód odbiera się osobiście lub przez pełnomocnika",
            "sprawa nie wymaga opłat",
        ],
        "electronic_actions": ["złożenie wniosku", "umówienie wizyty"],
        "how_to": (
            "<p>Obywatel polski ma obowiązek posiadać dowód osobisty od ukończenia 18 roku życia. "
            "Wymiana dowodu na nowy z warstwą elektroniczną, z odciskami palców i podpisem "
            "posiadacza dowodu nie jest obowiązkowa, dowody wydane przed dniem wejścia w życie "
            "zmienionej ustawy o dowodach osobistych to jest od 8 listopada 2021 r., zachowują "
            "swoją ważność do upływu terminów w nich określonych. To samo dotyczy dowodów "
            "osobistych wydanych na czas nieokreślony.</p>"
            "<p>Wniosek składasz osobiście w dowolnej lokalizacji Oddziału Dowodów Osobistych i "
            "Ewidencji Ludności, po umówieniu wizyty. Podczas wizyty pracownik pobiera odciski "
            "palców i wzór podpisu. Do wniosku dołącz jedną aktualną, kolorową fotografię o "
            "wymiarach 35 × 45 mm.</p>"
            "<p>Jeżeli złożysz wniosek elektronicznie, w ciągu 30 dni umów się na wizytę i przyjdź "
            "do urzędu, aby uzupełnić odciski palców i podpis.</p>"
        ),
        "additional_info": (
            "<p>O tym, że dowód jest gotowy do odbioru, poinformujemy Cię SMS-em, jeżeli podasz we "
            "wniosku numer telefonu. Stan realizacji wniosku możesz też sprawdzić samodzielnie w "
            "serwisie gov.pl.</p>"
        ),
        "processing_time": (
            30,
            "dni",
            "Dowód osobisty wydaje się w terminie do 30 dni od dnia złożenia kompletnego wniosku.",
        ),
        "places": [
            "odo-zachodnia",
            "odo-politechniki",
            "odo-krzemieniecka",
            "odo-piotrkowska-153",
            "odo-pilsudskiego",
            "odo-piotrkowska-110",
        ],
        "appointment": {
            "required": True,
            "methods": [("url", "https://wizyty.uml.lodz.pl/"), ("phone", "+48 (42) 638-44-44")],
        },
        "fees": [],
        "submission_channels": [
            (
                "in_person",
                (
                    "W dowolnej lokalizacji Oddziału Dowodów Osobistych i Ewidencji Ludności, po "
                    "umówieniu wizyty."
                ),
                [],
            ),
            (
                "electronic",
                "Wymagany profil zaufany, podpis osobisty lub kwalifikowany podpis elektroniczny.",
                ["gov.pl"],
            ),
        ],
        "submission_deadline": (
            "Wniosek o wymianę dowodu osobistego złóż nie później niż 30 dni przed upływem terminu "
            "jego ważności."
        ),
        "required_documents": [
            ("to_submit", "Wniosek o wydanie dowodu osobistego", [("gov.pl", "")]),
            ("to_submit", "Kolorowa fotografia o wymiarach 35 × 45 mm", []),
            ("to_inspect", "Dotychczasowy dowód osobisty (jeżeli go posiadasz)", []),
        ],
        "other_documents": [],
        "legal_basis": [("ustawa", "Ustawa z dnia 6 sierpnia 2010 r. o dowodach osobistych", "")],
        "appeal": (
            "<p>Odmowa następuje w drodze decyzji administracyjnej. Od decyzji przysługuje "
            "odwołanie do Wojewody Łódzkiego, wnoszone za pośrednictwem Prezydenta Miasta Łodzi, w "
            "terminie 14 dni od dnia jej doręczenia.</p>"
        ),
        "cc_contacts": ["Agnieszka Pawlak", "Ewa Głowacka"],
        "cc_description": (
            "<p>Najczęściej dzwonią osoby, które nie mogą znaleźć wolnego terminu wizyty. Wolne "
            "terminy są publikowane codziennie rano; zaproponuj mieszkańcowi inną lokalizację "
            "Oddziału – każda przyjmuje wnioski od mieszkańców całego kraju.</p>"
        ),
        "faq": [
            (
                "Czy mogę złożyć wniosek w innej dzielnicy niż ta, w której mieszkam?",
                (
                    "<p>Tak. Wniosek można złożyć w dowolnej lokalizacji Oddziału, a także w "
                    "dowolnym urzędzie gminy w Polsce.</p>"
                ),
            ),
            (
                "Czy za wydanie dowodu trzeba zapłacić?",
                (
                    "<p>Nie, wydanie dowodu osobistego jest bezpłatne. Opłata skarbowa dotyczy "
                    "tylko pełnomocnictwa do odbioru, gdy pełnomocnikiem nie jest osoba "
                    "bliska.</p>"
                ),
            ),
            (
                "Jak sprawdzić, czy dowód jest gotowy?",
                (
                    "<p>Wnioskodawca dostaje SMS, jeśli podał numer telefonu. Stan sprawy można "
                    "też sprawdzić w serwisie gov.pl, wpisując numer wniosku.</p>"
                ),
            ),
        ],
        "cc_other": (
            "Przy zgłoszeniu utraty dowodu przypomnij, że dowód można unieważnić od ręki w "
            "serwisie gov.pl albo w dowolnym urzędzie gminy."
        ),
        "handled_in_ezd": False,
        "related": ["KA-01432", "KA-01305"],
    },
    {
        "code": "KA-01305",
        "title": "Zameldowanie obywatela RP na pobyt stały",
        "categories": ["sprawy-obywatelskie", "sprawy-elektroniczne"],
        "information_date": "2025-01-20",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "owner": "Katarzyna Wojciechowska",
        "coordinator": "Tomasz Jabłoński",
        "authors": ["Agnieszka Pawlak"],
        "summary": (
            "Każdy, kto ma polskie obywatelstwo i mieszka w Polsce, powinien pamiętać o obowiązku "
            "meldunkowym. Masz 30 dni na zgłoszenie nowego miejsca zamieszkania (licząc od dnia "
            "przybycia do tego miejsca). Jeśli mieszkasz pod konkretnym adresem z zamiarem stałego "
            "pobytu – zamelduj się tam na pobyt stały. W tym samym czasie można mieć tylko jedno "
            "miejsce pobytu stałego. Meldując się na pobyt stały nie musisz się wymeldowywać z "
            "dotychczasowego miejsca pobytu – wymeldowanie następuje na podstawie formularza "
            "zgłoszenia zameldowania."
        ),
        "steps": [
            (
                "Złóż wniosek i załączniki",
                "w Urzędzie (wymaga umówienia wizyty) lub elektronicznie",
                True,
            ),
            (
                "Odbierz zaświadczenie",
                "potwierdzenie zameldowania na pobyt stały wydawane jest bezpłatnie",
                False,
            ),
        ],
        "useful_info": [
            "możliwość złożenia wniosku online",
            "sprawa możliwa do załatwienia przez pełnomocnika",
            "wizyta w urzędzie wymaga umówienia się",
            "sprawa nie wymaga opłat, za wyjątkiem pełnomocnictwa",
            "sprawa załatwiana od ręki",
            "zaświadczenie może mieć formę elektroniczną",
        ],
        "electronic_actions": ["złożenie wniosku", "umówienie wizyty"],
        "how_to": (
            "<p>1. Jeżeli posiadasz obywatelstwo polskie i przebywasz na terytorium "
            "Rzeczypospolitej Polskiej zamelduj się w miejscu pobytu stałego najpóźniej w 30. "
            "dniu, licząc od dnia przybycia do tego miejsca. Równocześnie możesz mieć tylko jedno "
            "miejsce pobytu stałego.</p>"
            "<p>2. Jeżeli meldujesz się na pobyt stały nie musisz wymeldowywać się w "
            "dotychczasowym miejscu pobytu (stałego, czasowego). Wymeldowanie z poprzedniego "
            "miejsca pobytu następuje na podstawie formularza zgłoszenia zameldowania na pobyt "
            "stały.</p>"
            "<p>3. Aby się zameldować w urzędzie przygotuj: dokładnie wypełniony formularz "
            "zgłoszenia zameldowania na pobyt stały. Formularz musi być potwierdzony czytelnym "
            "podpisem wraz z datą przez właściciela lokalu lub osobę, która ma do niego inne prawo "
            "(np. najemcę). Okaż też dokument potwierdzający to prawo, np. umowę najmu lub akt "
            "notarialny.</p>"
        ),
        "additional_info": (
            "<p>Zameldowania możesz dokonać także elektronicznie, przez serwis gov.pl, jeżeli masz "
            "profil zaufany, podpis osobisty lub kwalifikowany podpis elektroniczny.</p>"
        ),
        "processing_time": (None, "", "Od ręki – w dniu złożenia kompletnego formularza."),
        "places": [
            "odo-zachodnia",
            "odo-politechniki",
            "odo-krzemieniecka",
            "odo-piotrkowska-153",
            "odo-pilsudskiego",
            "odo-piotrkowska-110",
        ],
        "appointment": {
            "required": True,
            "methods": [("url", "https://wizyty.uml.lodz.pl/"), ("phone", "+48 (42) 638-44-44")],
        },
        "fees": [
            (
                "opłata skarbowa za złożenie dokumentu stwierdzającego udzielenie pełnomocnictwa",
                "17.00",
                (
                    "Zwolnione z opłaty jest pełnomocnictwo udzielone małżonkowi, wstępnemu, "
                    "zstępnemu lub rodzeństwu."
                ),
            ),
        ],
        "submission_channels": [
            (
                "in_person",
                (
                    "W dowolnej lokalizacji Oddziału Dowodów Osobistych i Ewidencji Ludności, po "
                    "umówieniu wizyty; osobiście lub przez pełnomocnika."
                ),
                [],
            ),
            (
                "electronic",
                "Wymagany profil zaufany, podpis osobisty lub kwalifikowany podpis elektroniczny.",
                ["gov.pl"],
            ),
        ],
        "submission_deadline": "Najpóźniej w 30. dniu od dnia przybycia do nowego miejsca pobytu.",
        "required_documents": [
            (
                "to_submit",
                (
                    "Formularz zgłoszenia zameldowania na pobyt stały (potwierdzony czytelnym "
                    "podpisem wraz z datą)"
                ),
                [("gov.pl", "")],
            ),
            ("to_inspect", "Dowód osobisty lub paszport", []),
            (
                "to_inspect",
                "Dokument potwierdzający tytuł prawny do lokalu (np. umowa najmu, akt notarialny)",
                [],
            ),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 24 września 2010 r. o ewidencji ludności", ""),
            (
                "rozporządzenie",
                (
                    "Rozporządzenie Ministra Spraw Wewnętrznych i Administracji w sprawie "
                    "określenia wzorów i sposobu wypełniania formularzy stosowanych przy "
                    "wykonywaniu obowiązku meldunkowego"
                ),
                "",
            ),
            ("ustawa", "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej", ""),
        ],
        "appeal": (
            "<p>Odmowa następuje w drodze decyzji administracyjnej. Od decyzji przysługuje "
            "odwołanie do Wojewody Łódzkiego, wnoszone za pośrednictwem Prezydenta Miasta Łodzi, w "
            "terminie 14 dni od dnia jej doręczenia.</p>"
        ),
        "cc_contacts": ["Agnieszka Pawlak", "Ewa Głowacka"],
        "cc_description": (
            "<p>Zameldowanie jest czynnością materialno-techniczną i odbywa się od ręki. Decyzja "
            "wydawana jest tylko wtedy, gdy urząd odmawia zameldowania – wtedy przysługuje "
            "odwołanie.</p>"
        ),
        "faq": [
            (
                "Czy muszę się najpierw wymeldować z poprzedniego adresu?",
                (
                    "<p>Nie. Wymeldowanie z poprzedniego miejsca pobytu następuje automatycznie na "
                    "podstawie formularza zameldowania.</p>"
                ),
            ),
            (
                "Czy właściciel mieszkania musi przyjść do urzędu?",
                (
                    "<p>Nie musi, jeżeli podpisze formularz zgłoszenia zameldowania. Wnioskodawca "
                    "okazuje wtedy dokument potwierdzający prawo właściciela do lokalu.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": False,
        "related": ["KA-01734", "KA-01907"],
    },
    {
        "code": "KA-01907",
        "title": "Zameldowanie cudzoziemca na pobyt stały",
        "categories": ["sprawy-obywatelskie"],
        "information_date": "2025-01-20",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "owner": "Katarzyna Wojciechowska",
        "coordinator": "Tomasz Jabłoński",
        "authors": ["Agnieszka Pawlak"],
        "summary": (
            "Jeśli jesteś obywatelem państwa członkowskiego Unii Europejskiej, państwa EFTA - "
            "strony umowy o Europejskim Obszarze Gospodarczym lub obywatelem Konfederacji "
            "Szwajcarii albo członkiem rodziny takiego cudzoziemca – a Twój pobyt w Polsce trwa "
            "dłużej niż 3 miesiące, masz obowiązek zameldować się najpóźniej w 30 dniu Twojego "
            "pobytu w Polsce. Jeśli jesteś obywatelem innego państwa np. spoza Unii Europejskiej - "
            "na zgłoszenie pobytu masz 4 dni. Dodatkowo przy zameldowaniu musisz przedstawić w "
            "urzędzie oryginały dokumentów potwierdzające prawo pobytu w Polsce oraz paszport. Nie "
            "możesz dokonać zameldowania elektronicznie."
        ),
        "steps": [
            (
                "Złóż wniosek i załączniki",
                "elektronicznie lub w Urzędzie (wymaga umówienia wizyty)",
                True,
            ),
            (
                "Odbierz zaświadczenie",
                "potwierdzenie zameldowania na pobyt stały wydawane jest bezpłatnie",
                False,
            ),
        ],
        "useful_info": [
            "możliwość złożenia wniosku online",
            "wizyta w urzędzie wymaga umówienia się",
            "sprawa możliwa do załatwienia przez pełnomocnika",
            "sprawa załatwiana od ręki",
            "zaświadczenie może mieć formę elektroniczną",
        ],
        "electronic_actions": ["złożenie wniosku"],
        "how_to": (
            "<p>1. Zgłoszenia zameldowania na pobyt stały można dokonać na kilka sposobów: "
            "osobiście w urzędzie lub przez pełnomocnika oraz bez wychodzenia z domu – "
            "elektronicznie korzystając z platformy ePUAP. Aby zameldować się elektronicznie "
            "musisz posiadać Profil Zaufany, podpis osobisty lub bezpieczny podpis "
            "elektroniczny.</p>"
            "<p>Aby zameldować się przygotuj:</p>"
            "<ol>"
            "<li>dokładnie wypełniony formularz zgłoszenia zameldowania na pobyt stały. Formularz "
            "musi być potwierdzony czytelnym podpisem wraz z datą jego złożenia przez właściciela "
            "lokalu/domu lub osobę, która posiada inne prawo do lokalu np. najemcę,</li>"
            "<li>dowód osobisty lub paszport,</li>"
            "<li>oryginał dokumentu potwierdzającego prawo pobytu w Polsce (np. karta pobytu, "
            "zaświadczenie o zarejestrowaniu pobytu obywatela UE).</li>"
            "</ol><p>Obywatele państw spoza Unii Europejskiej zgłaszają się do urzędu osobiście – "
            "elektroniczne zameldowanie dotyczy obywateli UE, EFTA i Szwajcarii oraz członków ich "
            "rodzin.</p>"
        ),
        "additional_info": "",
        "processing_time": (None, "", "Od ręki – w dniu złożenia kompletnego formularza."),
        "places": [
            "odo-zachodnia",
            "odo-politechniki",
            "odo-krzemieniecka",
            "odo-piotrkowska-153",
            "odo-pilsudskiego",
            "odo-piotrkowska-110",
        ],
        "appointment": {
            "required": True,
            "methods": [("url", "https://wizyty.uml.lodz.pl/"), ("phone", "+48 (42) 638-44-44")],
        },
        "fees": [
            (
                "opłata skarbowa za złożenie dokumentu stwierdzającego udzielenie pełnomocnictwa",
                "17.00",
                (
                    "Zwolnione z opłaty jest pełnomocnictwo udzielone małżonkowi, wstępnemu, "
                    "zstępnemu lub rodzeństwu."
                ),
            ),
        ],
        "submission_channels": [
            (
                "in_person",
                (
                    "Osobiście albo przez pełnomocnika, w dowolnej lokalizacji Oddziału Dowodów "
                    "Osobistych i Ewidencji Ludności, po umówieniu wizyty."
                ),
                [],
            ),
            (
                "electronic",
                (
                    "Przez platformę ePUAP; wymagany profil zaufany, podpis osobisty lub "
                    "kwalifikowany podpis elektroniczny."
                ),
                ["ePUAP"],
            ),
        ],
        "submission_deadline": (
            "Obywatele UE, EFTA i Szwajcarii oraz członkowie ich rodzin – najpóźniej w 30. dniu "
            "pobytu w Polsce; pozostali cudzoziemcy – najpóźniej w 4. dniu od przybycia do miejsca "
            "pobytu."
        ),
        "required_documents": [
            ("to_submit", "Formularz zgłoszenia zameldowania na pobyt stały", [("ePUAP", "")]),
            ("to_inspect", "Dowód osobisty lub paszport", []),
            ("to_inspect", "Dokument potwierdzający prawo pobytu w Polsce", []),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 24 września 2010 r. o ewidencji ludności", ""),
            ("ustawa", "Ustawa z dnia 12 grudnia 2013 r. o cudzoziemcach", ""),
            (
                "ustawa",
                (
                    "Ustawa z dnia 14 lipca 2006 r. o wjeździe na terytorium Rzeczypospolitej "
                    "Polskiej, pobycie oraz wyjeździe z tego terytorium obywateli państw "
                    "członkowskich Unii Europejskiej i członków ich rodzin"
                ),
                "",
            ),
        ],
        "appeal": (
            "<p>Odmowa następuje w drodze decyzji administracyjnej. Od decyzji przysługuje "
            "odwołanie do Wojewody Łódzkiego, wnoszone za pośrednictwem Prezydenta Miasta Łodzi, w "
            "terminie 14 dni od dnia jej doręczenia.</p>"
        ),
        "cc_contacts": ["Agnieszka Pawlak", "Ewa Głowacka"],
        "cc_description": (
            "<p>Uwaga na niespójność na stronie: skrócony opis mówi, że nie można zameldować się "
            "elektronicznie – dotyczy to obywateli państw spoza UE. Obywatele UE, EFTA i "
            "Szwajcarii mogą zameldować się przez ePUAP.</p>"
        ),
        "faq": [
            (
                "Ile czasu ma obywatel Ukrainy na zameldowanie?",
                (
                    "<p>Cudzoziemiec spoza Unii Europejskiej zgłasza pobyt najpóźniej w 4. dniu od "
                    "przybycia do miejsca pobytu, osobiście w urzędzie.</p>"
                ),
            ),
            (
                "Czy cudzoziemiec może zameldować się przez pełnomocnika?",
                (
                    "<p>Tak. Pełnomocnik okazuje pełnomocnictwo, a za pełnomocnictwo udzielone "
                    "osobie spoza rodziny pobiera się 17 zł opłaty skarbowej.</p>"
                ),
            ),
        ],
        "cc_other": (
            "Konsultacje w języku angielskim i ukraińskim – przekaż połączenie do kierownika "
            "zmiany."
        ),
        "handled_in_ezd": False,
        "related": ["KA-01305"],
    },
    {
        "code": "KA-01734",
        "title": (
            "Wydanie wielojęzycznego formularza do zaświadczenia z rejestru mieszkańców "
            "(potwierdzającego zameldowanie na pobyt stały lub pobyt czasowy)"
        ),
        "categories": ["sprawy-obywatelskie"],
        "information_date": "2024-11-04",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "owner": "Katarzyna Wojciechowska",
        "coordinator": "Tomasz Jabłoński",
        "authors": ["Agnieszka Pawlak", "Tomasz Jabłoński"],
        "summary": (
            "Na wniosek do zaświadczenia z rejestru mieszkańców o zameldowaniu na pobyt stały lub "
            "pobyt czasowy wydaje się wielojęzyczny formularz."
        ),
        "steps": [
            (
                "Wnieś opłatę",
                "w przypadku działania przez pełnomocnika, także opłatę za jego ustanowienie",
                False,
            ),
            (
                "Złóż wniosek",
                "elektronicznie, w Urzędzie (wymaga umówienia wizyty) lub pocztą",
                True,
            ),
            (
                "Odbierz zaświadczenie",
                "elektronicznie, w Urzędzie (wymaga umówienia wizyty) lub pocztą",
                True,
            ),
        ],
        "useful_info": [
            "wizyta w urzędzie wymaga umówienia się",
            "możliwość złożenia wniosku online",
            "możliwość przesłania wniosku pocztą",
            "sprawa możliwa do załatwienia przez pełnomocnika",
            "odpowiedź może mieć formę elektroniczną",
        ],
        "electronic_actions": ["złożenie wniosku", "wniesienie opłaty"],
        "how_to": (
            "<p>Wniosek o wydanie wielojęzycznego formularza składa się:</p>"
            "<ol>"
            "<li>Jednocześnie z wnioskiem o wydanie zaświadczenia z rejestru mieszkańców "
            "potwierdzającego zameldowanie na pobyt stały lub pobyt czasowy.</li>"
            "<li>Po wydaniu zaświadczenia z rejestru mieszkańców potwierdzającego zameldowanie na "
            "pobyt stały lub pobyt czasowy. W tym przypadku należy załączyć do wniosku oryginał "
            "dokumentu, do którego ma zostać sporządzony wielojęzyczny formularz.</li>"
            "</ol>"
        ),
        "additional_info": "<p>Wniosek może zostać złożony za pośrednictwem platformy ePUAP.</p>",
        "processing_time": (
            7,
            "dni",
            (
                "Wydanie zaświadczenia następuje niezwłocznie, nie później niż w terminie 7 dni od "
                "daty złożenia wymaganych dokumentów."
            ),
        ),
        "places": ["odo-smugowa", "odo-pilsudskiego"],
        "appointment": {
            "required": True,
            "methods": [("url", "https://wizyty.uml.lodz.pl/"), ("phone", "+48 (42) 638-44-44")],
        },
        "fees": [
            (
                "opłata za wydanie wielojęzycznego formularza",
                "17.00",
                (
                    "Opłatę wnosi się w kasie urzędu lub bezgotówkowo na rachunek Urzędu Miasta "
                    "Łodzi (Bank Pekao S.A.)."
                ),
            ),
            (
                "opłata skarbowa za złożenie dokumentu stwierdzającego udzielenie pełnomocnictwa",
                "17.00",
                (
                    "Zwolnione z opłaty jest pełnomocnictwo udzielone małżonkowi, wstępnemu, "
                    "zstępnemu lub rodzeństwu."
                ),
            ),
        ],
        "submission_channels": [
            (
                "in_person",
                (
                    "Oddział Dowodów Osobistych i Ewidencji Ludności, ul. Smugowa 26a i 30/32 (I "
                    "piętro) lub al. Piłsudskiego 100 (parter), po umówieniu wizyty."
                ),
                [],
            ),
            (
                "post",
                (
                    "Urząd Miasta Łodzi, Wydział Spraw Obywatelskich i Komunikacji, ul. Smugowa "
                    "26a, 91-043 Łódź."
                ),
                [],
            ),
            ("electronic", "Elektroniczna Skrzynka Podawcza UMŁ.", ["ePUAP"]),
        ],
        "submission_deadline": "",
        "required_documents": [
            ("to_submit", "Wniosek o wydanie wielojęzycznego formularza", [("ePUAP", "")]),
            (
                "to_submit",
                (
                    "Oryginał zaświadczenia z rejestru mieszkańców (gdy wniosek składasz po jego "
                    "wydaniu)"
                ),
                [],
            ),
            ("to_submit", "Dowód wniesienia opłaty", []),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 24 września 2010 r. o ewidencji ludności", ""),
            (
                "rozporządzenie",
                (
                    "Rozporządzenie Parlamentu Europejskiego i Rady (UE) 2016/1191 z dnia 6 lipca "
                    "2016 r. w sprawie promowania swobodnego przepływu obywateli poprzez "
                    "uproszczenie wymogów dotyczących przedkładania określonych dokumentów "
                    "urzędowych w Unii Europejskiej"
                ),
                "",
            ),
            ("ustawa", "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej", ""),
        ],
        "appeal": (
            "<p>Odmowa wydania zaświadczenia albo wydanie zaświadczenia o treści innej niż żądana "
            "następuje w drodze postanowienia, na które przysługuje zażalenie do Samorządowego "
            "Kolegium Odwoławczego w Łodzi, wnoszone za pośrednictwem Prezydenta Miasta Łodzi, w "
            "terminie 7 dni od dnia jego doręczenia.</p>"
        ),
        "cc_contacts": ["Agnieszka Pawlak"],
        "cc_description": (
            "<p>Formularz wielojęzyczny zastępuje tłumaczenie przysięgłe zaświadczenia w innym "
            "państwie UE. Nie jest samodzielnym dokumentem – zawsze towarzyszy zaświadczeniu.</p>"
        ),
        "faq": [
            (
                "Do czego służy formularz wielojęzyczny?",
                (
                    "<p>Dołącza się go do zaświadczenia o zameldowaniu, aby urząd w innym państwie "
                    "UE przyjął zaświadczenie bez tłumaczenia przysięgłego.</p>"
                ),
            ),
            (
                "Czy mogę złożyć wniosek pocztą?",
                (
                    "<p>Tak. Do wniosku dołącz dowód wniesienia opłaty; zaświadczenie z "
                    "formularzem zostanie odesłane pocztą.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": True,
        "related": ["KA-01305"],
    },
    {
        "code": "KA-01520",
        "title": "Udostępnianie informacji publicznej na wniosek",
        "categories": ["sprawy-obywatelskie", "sprawy-elektroniczne"],
        "information_date": "2024-10-01",
        "department": ("Urząd Miasta Łodzi", "Wydział Zarządzania Kontaktami z Mieszkańcami"),
        "owner": "Marta Lewandowska",
        "coordinator": "Joanna Zielińska",
        "authors": ["Joanna Zielińska"],
        "summary": (
            "Każdemu przysługuje prawo dostępu do informacji publicznej. Podstawowym publikatorem "
            "informacji publicznej jest Biuletyn Informacji Publicznej (BIP). Informacja "
            "publiczna, która nie została udostępniona w BIP, jest udostępniana na wniosek."
        ),
        "steps": [
            (
                "Złóż wniosek lub zapytaj o informację",
                "wniosek można złożyć w formie papierowej lub elektronicznej",
                True,
            ),
            ("Czekaj na odpowiedź", "", False),
        ],
        "useful_info": [
            (
                "wniosek może zostać złożony w dowolnej formie, nie musi zawierać podpisu "
                "odręcznego ani elektronicznego"
            ),
            "sprawa nie wymaga opłat",
        ],
        "electronic_actions": ["złożenie wniosku"],
        "how_to": (
            "<p>Każdemu przysługuje prawo dostępu do informacji publicznej. Podstawowym "
            "publikatorem informacji publicznej jest Biuletyn Informacji Publicznej (BIP). "
            "Informacja publiczna, która nie została udostępniona w BIP, jest udostępniana na "
            "wniosek.</p>"
            "<ol>"
            "<li>Procedura zostaje wszczęta na podstawie wniosku złożonego do Urzędu Miasta Łodzi "
            "w dowolnej formie (np. papier, dokument elektroniczny, forma ustna).</li>"
            "<li>Odpowiedzi na ww. wniosek udziela właściwa merytorycznie komórka organizacyjna "
            "Urzędu Miasta Łodzi.</li>"
            "<li>Informacja publiczna, która może być udostępniona niezwłocznie, jest udostępniana "
            "w formie ustnej lub pisemnej bez pisemnego wniosku.</li>"
            "</ol>"
        ),
        "additional_info": (
            "<p>Jeżeli przygotowanie informacji we wskazanej formie wymaga dodatkowych kosztów, "
            "urząd w terminie 14 dni powiadomi o ich wysokości.</p>"
        ),
        "processing_time": (
            14,
            "dni",
            (
                "Bez zbędnej zwłoki, nie później jednak niż w terminie 14 dni od dnia złożenia "
                "wniosku. Jeżeli informacja publiczna nie może być udostępniona w ww. terminie, "
                "powiadamia się wnioskodawcę o powodach opóźnienia oraz o terminie, w jakim "
                "informacja zostanie udostępniona, nie dłuższym jednak niż 2 miesiące od dnia "
                "złożenia wniosku."
            ),
        ),
        "places": ["kancelaria", "call-center"],
        "appointment": None,
        "fees": [],
        "submission_channels": [
            ("post", "Urząd Miasta Łodzi, ul. Piotrkowska 104, 90-926 Łódź.", []),
            (
                "in_person",
                "Kancelaria Ogólna UMŁ, ul. Piotrkowska 104 – w dowolnej formie, także ustnie.",
                [],
            ),
            ("email", "lckm@uml.lodz.pl", []),
            (
                "phone",
                (
                    "Call Center: +48 (42) 638-44-44 – informacje, które można udostępnić "
                    "niezwłocznie."
                ),
                [],
            ),
            ("electronic", "Elektroniczna Skrzynka Podawcza UMŁ.", ["ePUAP"]),
        ],
        "submission_deadline": "",
        "required_documents": [
            (
                "to_submit",
                "Wniosek o udostępnienie informacji publicznej (w dowolnej formie)",
                [("ePUAP", "")],
            ),
        ],
        "other_documents": ["Informacja dotycząca przetwarzania danych osobowych"],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 6 września 2001 r. o dostępie do informacji publicznej", ""),
        ],
        "appeal": (
            "<p>Odmowa udostępnienia informacji publicznej następuje w drodze decyzji. Od decyzji "
            "przysługuje odwołanie do Samorządowego Kolegium Odwoławczego w Łodzi, wnoszone za "
            "pośrednictwem Prezydenta Miasta Łodzi, w terminie 14 dni od dnia jej doręczenia.</p>"
        ),
        "cc_contacts": ["Joanna Zielińska", "Paweł Kaczmarek"],
        "cc_description": (
            "<p>Pytania o informację dostępną w BIP kieruj od razu do odpowiedniej strony BIP. "
            "Wnioski przyjęte telefonicznie rejestruj jako zgłoszenie i przekaż do Oddziału ds. "
            "Procedur i Zgłoszeń Interwencyjnych.</p>"
        ),
        "faq": [
            (
                "Czy wniosek musi być podpisany?",
                (
                    "<p>Nie. Wniosek może mieć dowolną formę i nie musi zawierać podpisu "
                    "odręcznego ani elektronicznego.</p>"
                ),
            ),
            (
                "Czy muszę podać, do czego potrzebuję informacji?",
                (
                    "<p>Nie. Uzasadnienie jest potrzebne tylko przy wniosku o informację "
                    "przetworzoną.</p>"
                ),
            ),
        ],
        "cc_other": (
            "Najczęstsze pytania dotyczą wydatków miasta – dane o umowach są w rejestrze umów w "
            "BIP."
        ),
        "handled_in_ezd": True,
        "related": [],
    },
    {
        "code": "KA-01137",
        "title": "Wydawanie odpisów aktów stanu cywilnego",
        "categories": ["sprawy-obywatelskie"],
        "information_date": "2025-03-03",
        "department": ("Urząd Miasta Łodzi", "Urząd Stanu Cywilnego"),
        "owner": "Elżbieta Nowicka",
        "coordinator": "Magdalena Król",
        "authors": ["Magdalena Król"],
        "summary": (
            "W Urzędzie Stanu Cywilnego w Łodzi przy al. Piłsudskiego 100 można uzyskać odpis aktu "
            "urodzenia, małżeństwa lub zgonu. Odpis może być zupełny albo skrócony. O odpis aktu "
            "może wystąpić osoba, której akt dotyczy, małżonek, rodzeństwo, wstępni (rodzice, "
            "dziadkowie, pradziadkowie), zstępni (dzieci, wnuki, prawnuki) bądź osoba, która "
            "wykaże interes prawny np. posiada wezwanie z sądu do złożenia konkretnego odpisu aktu "
            "stanu cywilnego. W przypadku gdy akt nie zostanie odnaleziony, można uzyskać "
            "zaświadczenie o braku aktu."
        ),
        "steps": [
            ("Umów się na wizytę", "", False),
            ("Wnieś opłatę", "przelewem na konto lub w siedzibie USC w Łodzi w opłatomacie", False),
            (
                "Złóż wniosek i załączniki",
                "w Urzędzie, elektronicznie lub za pośrednictwem poczty",
                True,
            ),
            ("Odbierz dokument", "odpis aktu stanu cywilnego", False),
        ],
        "useful_info": [
            "wniosek można składać do wybranego urzędu stanu cywilnego",
            "sprawa możliwa do załatwienia przez pełnomocnika",
            (
                "w urzędzie stanu cywilnego można uzyskać odpisy aktów urodzeń z ostatnich 100 "
                "lat, małżeństw i zgonów z ostatnich 80 lat"
            ),
            (
                "odpis aktu stanu cywilnego może być wydany od ręki jeżeli jest sporządzony po 1 "
                "marca 2015 roku"
            ),
            "możliwość złożenia wniosku online",
            "możliwość przesłania wniosku pocztą",
        ],
        "electronic_actions": ["złożenie wniosku", "umówienie wizyty", "wniesienie opłaty"],
        "how_to": (
            "<p>1. Wnioski o wydanie odpisów akt stanu cywilnego można składać do wybranego Urzędu "
            "Stanu Cywilnego. We wniosku należy określić ilość odpisów oraz jaki rodzaj dokumentu "
            "jest potrzebny: odpis aktu urodzenia, małżeństwa, zgonu, w przypadku gdy akt nie "
            "zostanie odnaleziony można uzyskać zaświadczenie o braku aktu. We wniosku należy "
            "wskazać rodzaj odpisu: skrócony, zupełny, wielojęzyczny oraz czy odpis ma być: "
            "papierowy, elektroniczny.</p>"
        ),
        "additional_info": (
            "<p>We wniosku należy wpisać cel, do jakiego niezbędny jest odpis. Przykładowe cele "
            "pobrania odpisu: alimentacyjny, spadkowy, majątkowy, meldunkowy, paszportowy, dowód "
            "osobisty, ubezpieczenie społeczne: ZUS, KRUS, ubezpieczenie zdrowotne, zatrudnienie, "
            "szkolnictwo, świadczenia socjalne, PZU.</p>"
        ),
        "processing_time": (
            7,
            "dni",
            (
                "Odpis aktu sporządzonego po 1 marca 2015 r. wydaje się od ręki; pozostałe odpisy "
                "– niezwłocznie, nie później niż w terminie 7 dni."
            ),
        ),
        "places": ["usc"],
        "appointment": {
            "required": True,
            "methods": [("url", "https://wizyty.uml.lodz.pl/"), ("phone", "+48 (42) 638-54-77")],
        },
        "fees": [
            ("opłata skarbowa za odpis skrócony aktu stanu cywilnego", "22.00", ""),
            ("opłata skarbowa za odpis zupełny aktu stanu cywilnego", "33.00", ""),
            (
                (
                    "opłata skarbowa za zaświadczenie o niezamieszczeniu danych w rejestrze stanu "
                    "cywilnego"
                ),
                "24.00",
                "",
            ),
            (
                "opłata skarbowa za pełnomocnictwo",
                "17.00",
                (
                    "Chyba że pełnomocnictwo udzielone zostanie m.in. małżonkowi, wstępnemu, "
                    "zstępnemu lub rodzeństwu – zgodnie z częścią IV załącznika do ustawy o "
                    "opłacie skarbowej."
                ),
            ),
        ],
        "submission_channels": [
            (
                "in_person",
                (
                    "USC w Łodzi, al. Piłsudskiego 100, po uprzednim umówieniu się na wizytę; "
                    "także przez pełnomocnika."
                ),
                [],
            ),
            ("post", "Urząd Stanu Cywilnego w Łodzi, al. Piłsudskiego 100, 92-326 Łódź.", []),
            (
                "electronic",
                (
                    "Elektroniczna Skrzynka Podawcza UMŁ; wniosek podpisany kwalifikowanym "
                    "podpisem elektronicznym lub profilem zaufanym."
                ),
                ["ePUAP", "gov.pl"],
            ),
        ],
        "submission_deadline": "",
        "required_documents": [
            ("to_submit", "Wniosek o wydanie odpisu aktu stanu cywilnego", [("gov.pl", "")]),
            ("to_submit", "Dowód wniesienia opłaty skarbowej", []),
            ("to_inspect", "Dokument tożsamości", []),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 28 listopada 2014 r. – Prawo o aktach stanu cywilnego", ""),
            ("ustawa", "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej", ""),
        ],
        "appeal": (
            "<p>Odmowa następuje w drodze decyzji administracyjnej. Od decyzji przysługuje "
            "odwołanie do Wojewody Łódzkiego, wnoszone za pośrednictwem Prezydenta Miasta Łodzi, w "
            "terminie 14 dni od dnia jej doręczenia.</p>"
        ),
        "cc_contacts": ["Anna Wieczorek"],
        "cc_description": (
            "<p>Akty starsze niż 100 lat (urodzenia) i 80 lat (małżeństwa, zgony) są w Archiwum "
            "Państwowym w Łodzi – nie w USC.</p>"
        ),
        "faq": [
            (
                "Czy mogę zamówić odpis przez internet?",
                (
                    "<p>Tak, przez serwis gov.pl. Odpis elektroniczny trafi na skrzynkę "
                    "wnioskodawcy, a papierowy zostanie wysłany pocztą.</p>"
                ),
            ),
            (
                "Gdzie szukać aktu urodzenia sprzed 100 lat?",
                (
                    "<p>W Archiwum Państwowym w Łodzi – USC przechowuje akty urodzeń z ostatnich "
                    "100 lat.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": False,
        "related": ["KA-01150"],
    },
    {
        "code": "KA-01150",
        "title": "Zgłoszenie urodzenia dziecka",
        "categories": ["sprawy-obywatelskie", "sprawy-elektroniczne"],
        "information_date": "2025-03-03",
        "department": ("Urząd Miasta Łodzi", "Urząd Stanu Cywilnego"),
        "owner": "Elżbieta Nowicka",
        "coordinator": "Magdalena Król",
        "authors": ["Magdalena Król", "Anna Wieczorek"],
        "summary": (
            "Zgłoszenia urodzenia dziecka dokonuje matka lub ojciec dziecka, którego ojcostwo jest "
            "prawnie ustalone, osobiście albo drogą elektroniczną, w urzędzie stanu cywilnego "
            "według miejsca urodzenia dziecka, w przeciągu 21 dni od narodzin. W efekcie "
            "sporządzony zostaje akt urodzenia, nadawany jest dziecku numer PESEL oraz zostaje ono "
            "zameldowane."
        ),
        "steps": [
            (
                "Zgłoś urodzenie dziecka",
                "elektronicznie lub w USC (zaleca się umówienie wizyty)",
                True,
            ),
            (
                "Odbierz dokumenty",
                "odpis aktu urodzenia, zaświadczenie o PESEL, poświadczenie zameldowania",
                False,
            ),
        ],
        "useful_info": [
            "zgłoszenia dokonuje się w urzędzie stanu cywilnego według miejsca urodzenia dziecka",
            (
                "zgłoszenia może dokonać matka, ojciec dziecka (ojcostwo musi być prawnie "
                "ustalone) albo ich pełnomocnik"
            ),
            "pełnomocnictwo powinno zawierać wybrane dla dziecka imię (imiona)",
            "sprawa nie wymaga opłat",
        ],
        "electronic_actions": ["złożenie wniosku"],
        "how_to": (
            "<p>1. Zgłoszenie urodzenia dziecka dokonuje się w Urzędzie Stanu Cywilnego według "
            "miejsca urodzenia dziecka. Jeżeli dziecko urodziło się w Łodzi, zgłosić urodzenie "
            "należy w Urzędzie Stanu Cywilnego w Łodzi. Zgłosić urodzenie dziecka można:</p>"
            "<ul>"
            "<li>osobiście – zgłasza matka lub ojciec dziecka (ojcostwo musi być prawnie "
            "ustalone!) albo ich pełnomocnik. Podają imię/imiona wybrane dla dziecka (nie więcej "
            "niż dwa), sprawdzają i podpisują przygotowany przez pracownika protokół zgłoszenia "
            "urodzenia. Na podstawie protokołu oraz karty zgłoszenia urodzenia przygotowywanej i "
            "przekazywanej przez szpital, sporządzany jest akt urodzenia. Po sporządzeniu aktu "
            "urodzenia wydawany jest jeden odpis skrócony, a także zaświadczenie o numerze PESEL "
            "dziecka i o jego zameldowaniu,</li>"
            "<li>albo drogą elektroniczną – do skorzystania z niej konieczne jest posiadanie "
            "profilu zaufanego.</li>"
            "</ul>"
        ),
        "additional_info": (
            "<p>Zgłoszenie elektroniczne przebiega w pięciu krokach:</p>"
            "<ol>"
            "<li>wnioskodawca oświadcza, że jest matką/ojcem dziecka,</li>"
            "<li>sprawdza poprawność swoich danych i wprowadza dane drugiego rodzica,</li>"
            "<li>wpisuje dane dziecka,</li>"
            "<li>wybiera adres zameldowania dziecka i sposób, w który chce odebrać dokumenty "
            "(elektronicznie, osobiście, pocztą tradycyjną),</li>"
            "<li>przegląda wniosek i składa podpis.</li>"
            "</ol>"
        ),
        "processing_time": (
            None,
            "",
            (
                "Niezwłocznie – akt urodzenia sporządza się po wpłynięciu karty zgłoszenia "
                "urodzenia ze szpitala."
            ),
        ),
        "places": ["usc"],
        "appointment": {
            "required": False,
            "methods": [("url", "https://wizyty.uml.lodz.pl/"), ("phone", "+48 (42) 638-54-77")],
        },
        "fees": [],
        "submission_channels": [
            ("in_person", "USC w Łodzi, al. Piłsudskiego 100; zaleca się umówienie wizyty.", []),
            ("electronic", "Wymagany profil zaufany.", ["gov.pl", "ePUAP"]),
        ],
        "submission_deadline": (
            "W terminie 21 dni od dnia sporządzenia karty urodzenia; gdy dziecko urodziło się "
            "martwe – w terminie 3 dni."
        ),
        "required_documents": [
            (
                "to_submit",
                "Zgłoszenie urodzenia dziecka (formularz elektroniczny)",
                [
                    (
                        "ePUAP",
                        (
                            "https://epuap.gov.pl/wps/portal/strefa-klienta/katalog-spraw/"
                            "narodziny/narodziny-dziecka-2/zgloszenie-urodzenia-dziecka-2"
                        ),
                    ),
                    ("gov.pl", ""),
                ],
            ),
            ("to_inspect", "Dokument tożsamości rodzica", []),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 28 listopada 2014 r. – Prawo o aktach stanu cywilnego", ""),
            ("ustawa", "Ustawa z dnia 25 lutego 1964 r. – Kodeks rodzinny i opiekuńczy", ""),
        ],
        "appeal": None,
        "cc_contacts": ["Anna Wieczorek"],
        "cc_description": (
            "<p>Jeżeli rodzice nie są małżeństwem, ojciec może uznać dziecko w USC przy zgłoszeniu "
            "urodzenia – wtedy muszą przyjść oboje rodzice.</p>"
        ),
        "faq": [
            (
                "Co jeśli nie zgłoszę urodzenia w terminie 21 dni?",
                (
                    "<p>Kierownik USC sporządzi akt urodzenia z urzędu i nada dziecku imię. "
                    "Rodzice mogą później zmienić imię w ciągu 6 miesięcy.</p>"
                ),
            ),
            (
                "Czy dziecko zostanie zameldowane automatycznie?",
                (
                    "<p>Tak, przy zgłoszeniu urodzenia dziecko zostaje zameldowane pod wskazanym "
                    "adresem.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": False,
        "related": ["KA-01137", "KA-01432"],
    },
    {
        "code": "KA-01432",
        "title": "Potwierdzanie, przedłużanie lub unieważnianie profilu zaufanego",
        "categories": ["sprawy-obywatelskie", "sprawy-elektroniczne"],
        "information_date": "2024-12-02",
        "department": ("Urząd Miasta Łodzi", "Wydział Zarządzania Kontaktami z Mieszkańcami"),
        "owner": "Marta Lewandowska",
        "coordinator": "Joanna Zielińska",
        "authors": ["Paweł Kaczmarek"],
        "summary": (
            "Profil zaufany to bezpłatne narzędzie, dzięki któremu można załatwiać sprawy urzędowe "
            "online w serwisach administracji publicznej. Wykorzystywany jest jako metoda "
            "potwierdzania tożsamości w tym podpisywania podań na platformie ePUAP. Osoba "
            "wnioskująca o potwierdzenie profilu zaufanego musi zarejestrować własne konto na "
            "stronie pz.gov.pl"
        ),
        "steps": [
            ("Zarejestruj się na stronie pz.gov.pl", "", True),
            ("Zarezerwuj wizytę w UMŁ", "", False),
            ("Przyjdź do urzędu", "z dokumentem tożsamości", False),
        ],
        "useful_info": [
            "wizyta w urzędzie wymaga umówienia się",
            "sprawa nie wymaga opłat",
            "sprawa załatwiana od ręki",
            "wymagany dokument tożsamości",
        ],
        "electronic_actions": ["złożenie wniosku", "umówienie wizyty"],
        "how_to": (
            "<p>1. Potwierdzenie profilu zaufanego: w terminie 30 dni od rejestracji konta na "
            "stronie pz.gov.pl i jednoczesnego złożenia wniosku osoba wnioskująca zgłasza się z "
            "dokumentem tożsamości do wybranego przez siebie punktu potwierdzającego w celu "
            "potwierdzenia tożsamości i profilu zaufanego.</p>"
            "<p>Uwaga: Jeżeli w okresie 30 dni od daty rejestracji nie dokonano potwierdzenia "
            "profilu zaufanego, wniosek ten traci ważność. Celem potwierdzenia profilu zaufanego "
            "należy wtedy zalogować się na konto i złożyć wniosek ponownie, po pozytywnej "
            "weryfikacji danych osoby pracownik punktu potwierdzającego potwierdza profil "
            "zaufany.</p>"
            "<p>2. Przedłużenie lub unieważnienie profilu zaufanego: zgłoś się z dokumentem "
            "tożsamości do punktu potwierdzającego albo zrób to samodzielnie po zalogowaniu na "
            "stronie pz.gov.pl.</p>"
        ),
        "additional_info": (
            "<p>Potwierdzenie profilu zaufanego jest także możliwe w inny sposób niż poprzez "
            "przyjście do punktu potwierdzającego, tj. przy pomocy banku lub innego dostawcy "
            "tożsamości, poprzez rozmowę wideo z urzędnikiem, z wykorzystaniem e-dowodu – "
            "informacje na stronie pz.gov.pl. Profil zaufany może zostać potwierdzony samodzielnie "
            "przez osobę wnioskującą za pomocą kwalifikowanego podpisu elektronicznego.</p>"
        ),
        "processing_time": (None, "", "Od ręki, podczas wizyty w punkcie potwierdzającym."),
        "places": ["lckzm"],
        "appointment": {
            "required": True,
            "methods": [("url", "https://wizyty.uml.lodz.pl/"), ("phone", "+48 (42) 638-44-44")],
        },
        "fees": [],
        "submission_channels": [
            (
                "electronic",
                "Rejestracja konta i złożenie wniosku na stronie pz.gov.pl.",
                ["gov.pl"],
            ),
            (
                "in_person",
                (
                    "Łódzkie Centrum Kontaktu z Mieszkańcami, ul. Piotrkowska 110, po umówieniu "
                    "wizyty."
                ),
                [],
            ),
        ],
        "submission_deadline": (
            "Do punktu potwierdzającego zgłoś się w ciągu 30 dni od złożenia wniosku na stronie "
            "pz.gov.pl."
        ),
        "required_documents": [
            (
                "to_submit",
                "Wniosek o założenie profilu zaufanego (składany na stronie pz.gov.pl)",
                [("gov.pl", "https://pz.gov.pl/")],
            ),
            ("to_inspect", "Dokument tożsamości", []),
        ],
        "other_documents": [],
        "legal_basis": [
            (
                "ustawa",
                (
                    "Ustawa z dnia 17 lutego 2005 r. o informatyzacji działalności podmiotów "
                    "realizujących zadania publiczne"
                ),
                "",
            ),
            (
                "rozporządzenie",
                (
                    "Rozporządzenie Ministra Cyfryzacji w sprawie profilu zaufanego i podpisu "
                    "zaufanego"
                ),
                "",
            ),
        ],
        "appeal": None,
        "cc_contacts": ["Paweł Kaczmarek"],
        "cc_description": (
            "<p>Przypominaj, że najszybciej profil potwierdza się przez bankowość elektroniczną – "
            "bez wizyty w urzędzie.</p>"
        ),
        "faq": [
            (
                "Nie pamiętam hasła do profilu zaufanego. Co zrobić?",
                (
                    "<p>Hasło można zresetować na stronie pz.gov.pl; wizyta w urzędzie nie jest "
                    "potrzebna.</p>"
                ),
            ),
            (
                "Czy mogę potwierdzić profil bez wizyty w urzędzie?",
                (
                    "<p>Tak: przez bank, e-dowód, rozmowę wideo z urzędnikiem lub kwalifikowany "
                    "podpis elektroniczny.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": False,
        "related": ["KA-01147"],
    },
    {
        "code": "KA-01373",
        "title": "Wypis z rejestru gruntów oraz wyrys z mapy ewidencyjnej",
        "categories": ["sprawy-elektroniczne", "nieruchomosci-lokale-geodezja"],
        "information_date": "2024-09-16",
        "department": ("Łódzki Ośrodek Geodezji", "Dział Ewidencji Gruntów i Budynków"),
        "owner": "Renata Witkowska",
        "coordinator": "Marek Kozłowski",
        "authors": ["Marek Kozłowski"],
        "summary": (
            "Wypis z rejestru gruntów wydawany jest właścicielowi bądź osobie legitymującej się "
            "pełnomocnictwem od właściciela, lub jeśli wykaże interes prawny. Opłaty pobierane są "
            "przy składaniu wniosku w ramach jednego wykonanego dokumentu, zgodnie z załącznikiem, "
            "tabela nr 11 do ustawy z dnia 17 maja 1989 roku Prawo geodezyjne i kartograficzne. "
            "Wyrys z mapy ewidencyjnej wydawany jest każdemu zainteresowanemu (nie wymaga "
            "pełnomocnictwa)."
        ),
        "steps": [
            ("Złóż wniosek (formularz EGiB)", "elektronicznie, w urzędzie lub pocztą", True),
            (
                "Wnieś opłatę",
                "podstawą do opłaty jest wystawiony Dokument Obliczenia Opłaty",
                False,
            ),
            ("Odbierz dokumenty", "w urzędzie (postać papierowa), pocztą lub elektronicznie", True),
        ],
        "useful_info": [
            "możliwość złożenia wniosku online",
            "możliwość przesłania wniosku pocztą",
            "wizyta w urzędzie nie wymaga umówienia się",
            "dokumenty można odebrać drogą elektroniczną",
            "sprawa możliwa do załatwienia przez pełnomocnika",
        ],
        "electronic_actions": ["złożenie wniosku", "wniesienie opłaty"],
        "how_to": (
            "<ol>"
            "<li>Należy złożyć wniosek o wydanie wypisu lub wyrysu z operatu ewidencyjnego "
            "(formularz EGiB). Wniosek może złożyć właściciel, osoba legitymująca się "
            "pełnomocnictwem od właściciela lub osoba, która wykaże interes prawny w dostępie do "
            "danych podmiotowych.</li>"
            "<li>Pracownik załatwiający sprawę sprawdza wniosek pod względem formalno-prawnym "
            "(ewentualnie wzywa do usunięcia braków).</li>"
            "<li>Jeśli wniosek jest kompletny zostaje wystawiony Dokument Obliczenia Opłaty.</li>"
            "<li>Po wniesieniu opłaty wypis i wyrys są wydawane w wybranej postaci.</li>"
            "</ol>"
        ),
        "additional_info": (
            "<p>Właściciele zamieszkali poza Łodzią mogą otrzymać wypis za pośrednictwem poczty po "
            "wypełnieniu stosownego wniosku i wniesieniu opłaty. Wypis oraz wyrys w postaci "
            "elektronicznej można uzyskać za pośrednictwem elektronicznej Platformy Usług "
            "Administracji Publicznej ePUAP po złożeniu tą drogą stosownego wniosku i wniesieniu "
            "opłaty.</p>"
        ),
        "processing_time": (
            None,
            "",
            (
                "Niezwłocznie, w przypadku przesłania dokumentu pocztą termin zależny jest od "
                "czasu dostarczenia wniosku, przesłania Dokumentu Obliczenia Opłaty, dokonania "
                "wpłaty sporządzenia wypisu oraz wyrysu i przygotowania wysyłki."
            ),
        ),
        "places": ["log-sok"],
        "appointment": None,
        "fees": [
            (
                (
                    "wydanie wypisu oraz wyrysu za jednostkę rejestrową gruntów w postaci "
                    "dokumentu drukowanego"
                ),
                "150.00",
                (
                    "Opłaty pobierane są przy składaniu wniosku w ramach jednego wykonanego "
                    "dokumentu, zgodnie z załącznikiem, tabela nr 11 do ustawy z dnia 17 maja 1989 "
                    "roku Prawo geodezyjne i kartograficzne."
                ),
            ),
            (
                (
                    "wydanie wypisu oraz wyrysu za jednostkę rejestrową gruntów w postaci "
                    "dokumentu elektronicznego"
                ),
                "140.00",
                "",
            ),
        ],
        "submission_channels": [
            (
                "in_person",
                "Sala Obsługi Klienta albo Biuro podawcze Łódzkiego Ośrodka Geodezji – parter.",
                [],
            ),
            ("post", "Łódzki Ośrodek Geodezji, ul. Traugutta 21/23, 90-113 Łódź.", []),
            (
                "electronic",
                "Elektroniczna skrzynka podawcza Łódzkiego Ośrodka Geodezji.",
                ["ePUAP"],
            ),
        ],
        "submission_deadline": "",
        "required_documents": [
            (
                "to_submit",
                "Wniosek o wydanie wypisu lub wyrysu z operatu ewidencyjnego (formularz EGiB)",
                [("ePUAP", "")],
            ),
            ("to_submit", "Pełnomocnictwo – gdy wniosek składa pełnomocnik właściciela", []),
        ],
        "other_documents": [],
        "legal_basis": [
            (
                "ustawa",
                (
                    "Ustawa z dnia 17 maja 1989 roku Prawo geodezyjne i kartograficzne (załącznik, "
                    "tabela nr 11)"
                ),
                "",
            ),
        ],
        "appeal": (
            "<p>Odmowa udostępnienia danych z ewidencji gruntów i budynków następuje w drodze "
            "decyzji. Od decyzji przysługuje odwołanie do Łódzkiego Wojewódzkiego Inspektora "
            "Nadzoru Geodezyjnego i Kartograficznego, wnoszone za pośrednictwem Prezydenta Miasta "
            "Łodzi, w terminie 14 dni od dnia jej doręczenia.</p>"
        ),
        "cc_contacts": ["Izabela Tomaszewska"],
        "cc_description": (
            "<p>Wyrys z mapy może dostać każdy; wypis z danymi właściciela – tylko właściciel, "
            "pełnomocnik albo osoba z interesem prawnym.</p>"
        ),
        "faq": [
            (
                "Czy mogę dostać wypis dla działki sąsiada?",
                (
                    "<p>Tylko wtedy, gdy wykażesz interes prawny. Wyrys z mapy ewidencyjnej wydaje "
                    "się każdemu.</p>"
                ),
            ),
            (
                "Ile kosztuje wypis z wyrysem?",
                (
                    "<p>150 zł za dokument drukowany i 140 zł za dokument elektroniczny, za każdą "
                    "jednostkę rejestrową.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": True,
        "related": ["KA-01351"],
    },
    {
        "code": "KA-01351",
        "title": "Wydanie kserokopii zawiadomienia ustalającego lub zmieniającego numer porządkowy",
        "categories": ["nieruchomosci-lokale-geodezja"],
        "information_date": "2024-09-16",
        "department": ("Łódzki Ośrodek Geodezji", "Dział Geodezji"),
        "owner": "Zbigniew Czarnecki",
        "coordinator": "Halina Pietrzak",
        "authors": ["Halina Pietrzak"],
        "summary": (
            "Wniosek o wydanie kserokopii zawiadomienia składa osoba, która otrzymała w "
            "przeszłości takie zawiadomienia ale potrzebuje jego kopię."
        ),
        "steps": [
            ("Wnieś opłatę", "", False),
            ("Złóż wniosek i załączniki", "elektronicznie, w urzędzie lub pocztą", True),
            ("Czekaj na kopię zawiadomienia", "", False),
            (
                "Odbierz kopię zawiadomienia",
                "elektronicznie pocztą lub w urzędzie po telefonicznym uzgodnieniu terminu",
                True,
            ),
        ],
        "useful_info": [
            "możliwość złożenia wniosku online",
            "możliwość przesłania wniosku pocztą",
            "sprawa możliwa do załatwienia przez pełnomocnika",
            "złożenie wniosku nie wymaga umówienia się na wizytę",
            "odbiór kserokopii zawiadomienia w urzędzie wymaga umówienia się na wizytę",
            "kserokopia zawiadomienia może mieć formę elektroniczną",
        ],
        "electronic_actions": ["złożenie wniosku"],
        "how_to": (
            "<ol>"
            "<li>Złożenie wniosku (wniosek składa się w Biurze podawczym Łódzkiego Ośrodka "
            "Geodezji lub korespondencyjnie).</li>"
            "<li>Analiza wniosku pod względem formalnym (ewentualne wezwanie do usunięcia "
            "braków).</li>"
            "<li>Analiza posiadanych danych i na ich podstawie odszukanie w archiwum zakładowym "
            "oryginału zawiadomienia.</li>"
            "<li>Wykonanie kserokopii dokumentu nadającego lub zmieniającego numer "
            "porządkowy.</li>"
            "<li>Poświadczenie wykonanej kserokopii za zgodność z oryginałem.</li>"
            "</ol>"
        ),
        "additional_info": "",
        "processing_time": (
            30,
            "dni",
            (
                "Do 30 dni. Dłuższy termin realizacji spowodowany jest koniecznością "
                "przeprowadzenia postępowania wyjaśniającego, zgodnie z art. 35 KPA."
            ),
        ),
        "places": ["log-podawcze", "call-center"],
        "appointment": {
            "required": False,
            "methods": [
                ("phone", "+48 (42) 272-68-92"),
                ("phone", "+48 (42) 272-68-93"),
                ("phone", "+48 (42) 272-68-95"),
            ],
        },
        "fees": [
            (
                (
                    "opłata skarbowa za uwierzytelnienie kopii – od każdej pełnej lub zaczętej "
                    "stronicy"
                ),
                "5.00",
                "",
            ),
            (
                "opłata skarbowa za złożenie dokumentu stwierdzającego udzielenie pełnomocnictwa",
                "17.00",
                (
                    "Zwolnione z opłaty jest pełnomocnictwo udzielone małżonkowi, wstępnemu, "
                    "zstępnemu lub rodzeństwu."
                ),
            ),
        ],
        "submission_channels": [
            (
                "in_person",
                "Biuro podawcze Łódzkiego Ośrodka Geodezji, ul. Traugutta 21/23 – parter.",
                [],
            ),
            ("post", "Łódzki Ośrodek Geodezji, ul. Traugutta 21/23, 90-113 Łódź.", []),
            (
                "electronic",
                "Elektroniczna skrzynka podawcza Łódzkiego Ośrodka Geodezji.",
                ["ePUAP"],
            ),
        ],
        "submission_deadline": "",
        "required_documents": [
            (
                "to_submit",
                (
                    "Wniosek o wydanie kserokopii zawiadomienia o ustaleniu lub zmianie numeru "
                    "porządkowego"
                ),
                [("ePUAP", "")],
            ),
            ("to_submit", "Dowód wniesienia opłaty skarbowej", []),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 17 maja 1989 r. – Prawo geodezyjne i kartograficzne", ""),
            (
                "ustawa",
                "Ustawa z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
                "",
            ),
            ("ustawa", "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej", ""),
        ],
        "appeal": None,
        "cc_contacts": ["Bartosz Nowakowski"],
        "cc_description": (
            "<p>Kopię wydaje się tylko wtedy, gdy oryginał zawiadomienia jest w archiwum ŁOG; nowy "
            "numer porządkowy to inna procedura.</p>"
        ),
        "faq": [
            (
                "Ile trwa wydanie kopii?",
                "<p>Zwykle kilka dni; gdy trzeba odszukać dokument w archiwum, do 30 dni.</p>",
            ),
            (
                "Czy mogę odebrać kopię bez umawiania się?",
                (
                    "<p>Nie – termin odbioru w urzędzie uzgadnia się telefonicznie z Działem "
                    "Geodezji.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": True,
        "related": ["KA-01373"],
    },
    {
        "code": "KA-01555",
        "title": (
            "Wydawanie zezwoleń na lokalizację i przebudowę zjazdów z drogi publicznej lub dojazdu "
            "z drogi wewnętrznej"
        ),
        "categories": ["kierowcy-i-pojazdy", "nieruchomosci-lokale-geodezja"],
        "information_date": "2024-06-24",
        "department": ("Zarząd Dróg i Transportu", "Wydział Uzgodnień Infrastruktury Niedrogowej"),
        "owner": "Piotr Olszewski",
        "coordinator": "Aleksandra Jasińska",
        "authors": ["Aleksandra Jasińska"],
        "summary": (
            "Zezwolenie na lokalizację lub przebudowę zjazdu z drogi publicznej (albo dojazdu z "
            "drogi wewnętrznej) wydaje Zarząd Dróg i Transportu na wniosek właściciela lub "
            "użytkownika nieruchomości przyległej do drogi albo jego pełnomocnika. Do wniosku "
            "dołącza się mapę z naniesionym zjazdem. Zezwolenie wydawane jest w formie decyzji "
            "administracyjnej; decyzje na zjazdy dla celów mieszkaniowych są zwolnione z opłaty "
            "skarbowej."
        ),
        "steps": [
            (
                "Przygotuj mapę z naniesionym zjazdem",
                "mapa do celów projektowych w skali 1:500, 2 egzemplarze",
                False,
            ),
            ("Złóż wniosek i załączniki", "elektronicznie, pocztą lub w siedzibie ZDiT", True),
            ("Wnieś opłatę", "jeśli zjazd nie służy celom mieszkaniowym", False),
            ("Odbierz decyzję", "pocztą, elektronicznie lub w siedzibie ZDiT", True),
        ],
        "useful_info": [
            "możliwość złożenia wniosku online",
            "możliwość przesłania wniosku pocztą",
            "sprawa możliwa do załatwienia przez pełnomocnika",
            "decyzja może mieć formę elektroniczną",
        ],
        "electronic_actions": ["złożenie wniosku", "otrzymanie decyzji"],
        "how_to": (
            "<p>Złożenie pisma wszczynającego sprawę - wniosek właściciela lub użytkownika "
            "nieruchomości przyległej do drogi publicznej lub do działki, na której zlokalizowana "
            "jest droga wewnętrzna lub pełnomocnika o uzgodnienie lokalizacji lub przebudowy "
            "zjazdu z drogi publicznej lub dojazdu z działki, na której zlokalizowana jest droga "
            "wewnętrzna.</p>"
            "<p>Wydział Uzgodnień Infrastruktury Niedrogowej sprawdza wniosek i załączoną mapę, a "
            "następnie wydaje decyzję zezwalającą na lokalizację lub przebudowę zjazdu albo "
            "odmawiającą zezwolenia.</p>"
        ),
        "additional_info": (
            "<p>Zezwolenie na lokalizację zjazdu wygasa, jeżeli w ciągu 3 lat od jego wydania nie "
            "rozpoczęto budowy zjazdu.</p>"
        ),
        "processing_time": (
            30,
            "dni",
            "30 dni; w sprawach szczególnie skomplikowanych do 2 miesięcy.",
        ),
        "places": ["zdit-wuin"],
        "appointment": None,
        "fees": [
            (
                "opłata skarbowa za wydanie decyzji",
                "82.00",
                "Zwolnione z opłat są decyzje na zjazdy dla celów mieszkaniowych.",
            ),
            (
                "opłata skarbowa za pełnomocnictwo",
                "17.00",
                (
                    "Opłata nie dotyczy, gdy pełnomocnikiem jest wstępny, zstępny, rodzeństwo, "
                    "jednostka budżetowa lub samorządowa lub gdy sprawa dotyczy działki, na której "
                    "zlokalizowana jest droga wewnętrzna."
                ),
            ),
        ],
        "submission_channels": [
            (
                "in_person",
                "Zarząd Dróg i Transportu, ul. Piotrkowska 173, 90-447 Łódź – kancelaria.",
                [],
            ),
            ("post", "Zarząd Dróg i Transportu, ul. Piotrkowska 173, 90-447 Łódź.", []),
            ("electronic", "Elektroniczna skrzynka podawcza ZDiT.", ["ePUAP"]),
        ],
        "submission_deadline": "",
        "required_documents": [
            (
                "to_submit",
                (
                    "Wniosek o wydanie zezwolenia na lokalizację i przebudowę zjazdów z drogi "
                    "publicznej lub dojazdu z drogi wewnętrznej"
                ),
                [("ePUAP", "")],
            ),
            (
                "to_submit",
                (
                    "Mapa do celów projektowych lub lokalizacyjnych (2 egz.) w skali 1:500 z "
                    "naniesionym zjazdem (zjazd wrysowany w dowiązaniu do krawędzi jezdni i "
                    "zwymiarowany) oraz w przypadku dróg gminnych i powiatowych rysunki techniczne "
                    "z parametrami zjazdu"
                ),
                [],
            ),
            ("to_submit", "Pełnomocnictwo – gdy wniosek składa pełnomocnik", []),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 21 marca 1985 r. o drogach publicznych (art. 29)", ""),
            (
                "ustawa",
                "Ustawa z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
                "",
            ),
            ("ustawa", "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej", ""),
        ],
        "appeal": (
            "<p>Od decyzji przysługuje odwołanie do Samorządowego Kolegium Odwoławczego w Łodzi, "
            "wnoszone za pośrednictwem Prezydenta Miasta Łodzi, w terminie 14 dni od dnia jej "
            "doręczenia.</p>"
        ),
        "cc_contacts": ["Wojciech Kołodziej"],
        "cc_description": (
            "<p>Sprawy zjazdów prowadzi ZDiT, nie UMŁ. Przy pytaniach o zajęcie pasa drogowego na "
            "czas budowy zjazdu kieruj do Zespołu Uzgodnień Dokumentacji.</p>"
        ),
        "faq": [
            (
                "Czy za zjazd do domu jednorodzinnego trzeba zapłacić?",
                (
                    "<p>Nie – decyzje na zjazdy dla celów mieszkaniowych są zwolnione z opłaty "
                    "skarbowej.</p>"
                ),
            ),
            (
                "Ile egzemplarzy mapy trzeba złożyć?",
                "<p>Dwa egzemplarze mapy w skali 1:500 z naniesionym i zwymiarowanym zjazdem.</p>",
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": True,
        "related": [],
    },
    {
        "code": "KA-01098",
        "title": "Wydanie prawa jazdy po egzaminie państwowym",
        "categories": ["kierowcy-i-pojazdy"],
        "information_date": "2025-02-17",
        "department": ("Urząd Miasta Łodzi", "Wydział Spraw Obywatelskich i Komunikacji"),
        "owner": "Katarzyna Wojciechowska",
        "coordinator": "Michał Sikora",
        "authors": ["Michał Sikora"],
        "summary": (
            "Informacja o pozytywnym egzaminie przekazywana jest przez ośrodek egzaminowania w "
            "terminie 3 dni roboczych do urzędu. W tym czasie należy dostarczyć do organu dowód "
            "uiszczenia opłaty w wysokości 100,00 zł. Wytworzenie dokumentu odbywa się w ciągu 2 "
            "dni roboczych po otrzymaniu dowodu wpłaty. Odbiór prawa jazdy odbywa się w siedzibie "
            "organu ul. Smugowa 26a i 30/32 – I piętro po wyznaczeniu wizyty za pośrednictwem "
            "strony internetowej."
        ),
        "steps": [
            (
                "Wnieś opłatę",
                "przelewem lub podczas wizyty w Urzędzie (wymaga umówienia wizyty)",
                False,
            ),
            (
                "Doręcz potwierdzenie",
                "w Urzędzie (wymaga umówienia wizyty – sprawy grupy „T”) lub mailem",
                True,
            ),
            (
                "Czekaj na informację SMS lub email",
                "(dot. odbioru w Urzędzie) lub sprawdź samodzielnie stan realizacji sprawy",
                False,
            ),
            (
                "Odbierz prawo jazdy",
                "w Urzędzie (wymaga umówienia wizyty – sprawy grupy „T”) lub pocztą",
                False,
            ),
        ],
        "useful_info": [
            "zamówienie prawa jazdy w PWPW wymaga doręczenia dowodu uiszczenia opłaty",
            (
                "zamówienie wysłane zostanie pod warunkiem ukończenia wieku wymaganego dla danej "
                "kategorii prawa jazdy"
            ),
            "wizyta w urzędzie wymaga umówienia się",
        ],
        "electronic_actions": ["umówienie wizyty", "wniesienie opłaty"],
        "how_to": (
            "<p>1. Wysłanie do Polskiej Wytwórni Papierów Wartościowych zamówienia na wytworzenie "
            "prawa jazdy po ukończeniu wymaganego wieku dla danej kategorii uzależnione jest od "
            "otrzymania przez Wydział Spraw Obywatelskich i Komunikacji informacji o pozytywnym "
            "wyniku egzaminu państwowego oraz dowodu uiszczenia opłaty za wydanie prawa jazdy.</p>"
            "<p>2. Dowód wpłaty doręcz osobiście (po umówieniu wizyty w sprawach grupy „T”) albo "
            "e-mailem.</p>"
            "<p>3. Gotowe prawo jazdy odbierzesz osobiście w siedzibie Wydziału przy ul. Smugowej "
            "26a i 30/32 albo – jeśli tak wskażesz – zostanie wysłane pocztą.</p>"
        ),
        "additional_info": (
            "<p>Osoby, które uzyskały profil kandydata na kierowcę za pośrednictwem ESP PWPW, "
            "przed wydaniem prawa jazdy mają obowiązek dostarczyć osobiście lub pocztą oryginały "
            "dokumentów załączonych do wniosku o wydanie profilu kandydata na kierowcę (PKK).</p>"
        ),
        "processing_time": (
            2,
            "dni",
            "Wytworzenie dokumentu odbywa się w ciągu 2 dni roboczych po otrzymaniu dowodu wpłaty.",
        ),
        "places": ["prawa-jazdy"],
        "appointment": {"required": True, "methods": [("url", "https://wizyty.uml.lodz.pl/")]},
        "fees": [
            (
                "opłata za wydanie prawa jazdy",
                "100.00",
                (
                    "Opłatę wnosi się przelewem na rachunek Urzędu Miasta Łodzi albo podczas "
                    "wizyty w Urzędzie."
                ),
            ),
            ("opłata ewidencyjna", "0.50", ""),
            (
                "opłata skarbowa za złożenie dokumentu stwierdzającego udzielenie pełnomocnictwa",
                "17.00",
                (
                    "Zwolnione z opłaty jest pełnomocnictwo udzielone małżonkowi, wstępnemu, "
                    "zstępnemu lub rodzeństwu."
                ),
            ),
        ],
        "submission_channels": [
            (
                "in_person",
                "ul. Smugowa 26a i 30/32 – I piętro, po umówieniu wizyty (sprawy grupy „T”).",
                [],
            ),
            (
                "email",
                "Skan dowodu wpłaty na adres e-mail Oddziału Uprawnień do Kierowania Pojazdami.",
                [],
            ),
        ],
        "submission_deadline": "",
        "required_documents": [
            ("to_submit", "Dowód uiszczenia opłaty za wydanie prawa jazdy", []),
            ("to_inspect", "Dokument tożsamości (przy odbiorze)", []),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 5 stycznia 2011 r. o kierujących pojazdami", ""),
            (
                "rozporządzenie",
                (
                    "Rozporządzenie Ministra Infrastruktury i Budownictwa w sprawie wysokości "
                    "opłat za wydanie dokumentów stwierdzających uprawnienia do kierowania "
                    "pojazdami"
                ),
                "",
            ),
        ],
        "appeal": (
            "<p>Od decyzji przysługuje odwołanie do Samorządowego Kolegium Odwoławczego w Łodzi, "
            "wnoszone za pośrednictwem Prezydenta Miasta Łodzi, w terminie 14 dni od dnia jej "
            "doręczenia.</p>"
        ),
        "cc_contacts": ["Michał Sikora"],
        "cc_description": (
            "<p>Status zamówienia w PWPW można sprawdzić w serwisie info-car.pl. Jeżeli od "
            "egzaminu minęło ponad 5 dni roboczych, a status się nie zmienił, przekaż sprawę do "
            "Oddziału.</p>"
        ),
        "faq": [
            (
                "Kiedy dostanę prawo jazdy po zdanym egzaminie?",
                (
                    "<p>Ośrodek egzaminowania przekazuje wynik w ciągu 3 dni roboczych; dokument "
                    "powstaje w ciągu 2 dni roboczych od otrzymania dowodu wpłaty.</p>"
                ),
            ),
            (
                "Czy prawo jazdy może odebrać ktoś inny?",
                (
                    "<p>Tak, pełnomocnik z pełnomocnictwem; za pełnomocnictwo udzielone osobie "
                    "spoza rodziny pobiera się 17 zł opłaty skarbowej.</p>"
                ),
            ),
            (
                "Czy mogę dostać prawo jazdy pocztą?",
                (
                    "<p>Tak, jeśli wskazano taką formę odbioru – dokument zostanie wysłany listem "
                    "poleconym.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": False,
        "related": [],
    },
    {
        "code": "KA-01828",
        "title": "Rejestracja osób bezrobotnych",
        "categories": ["zdrowie-i-sprawy-spoleczne", "praca-i-biznes"],
        "information_date": "2025-06-02",
        "department": ("Powiatowy Urząd Pracy", "Dział Ewidencji i Świadczeń"),
        "owner": "Jolanta Borkowska",
        "coordinator": "Adam Sobczak",
        "authors": ["Adam Sobczak"],
        "summary": (
            "Osoby, które nie są zatrudnione i nie wykonują innej pracy zarobkowej, ale są zdolne "
            "i gotowe do podjęcia zatrudnienia oraz spełniają pozostałe warunki, mogą nabyć status "
            "osoby bezrobotnej. Osoby bezrobotne zarejestrowane w urzędzie mają dostęp do ofert "
            "pracy, a także mogą otrzymać wsparcie w formie zasiłków, staży, bonów na zasiedlenie "
            "i środków na uruchomienie działalności gospodarczej. Osoby bezrobotne mogą także "
            "liczyć na indywidualne formy wsparcia w postaci sfinansowania kosztów szkoleń oraz "
            "egzaminów pozwalających na zdobycie dodatkowych kwalifikacji oraz studiów "
            "podyplomowych."
        ),
        "steps": [
            ("Złóż wniosek i załączniki", "elektronicznie lub w urzędzie", True),
            ("Odbierz decyzję i dokumenty", "elektronicznie, w urzędzie lub pocztą", True),
        ],
        "useful_info": [
            "wizyta w urzędzie nie wymaga umówienia się",
            "możliwość złożenia wniosku online",
            "decyzja może mieć formę elektroniczną",
            "sprawa w całości możliwa do załatwienia online",
        ],
        "electronic_actions": ["złożenie wniosku", "umówienie wizyty", "otrzymanie decyzji"],
        "how_to": (
            "<p>W celu zarejestrowania się jako osoba bezrobotna, można:</p>"
            "<p>1. Zgłosić się do Powiatowego Urzędu Pracy w Łodzi. Łódź jest miejscem "
            "rejestracji, jeśli jest miejscem zameldowania stałego lub czasowego, a w przypadku "
            "braku zameldowania, miejscem przebywania. (Osoby zameldowane poza Łodzią mogą "
            "zarejestrować się w wybranej siedzibie PUP w Łodzi tylko jako osoby poszukujące "
            "pracy.) Rejestracja osób zameldowanych na dzielnicach: Widzew, Górna, Śródmieście "
            "oraz osób bez adresu zameldowania odbywa się w siedzibie budynku przy ul. Milionowej "
            "91, a osób zameldowanych na dzielnicach Bałuty i Polesie – przy ul. Kilińskiego "
            "102/102a.</p>"
            "<p>2. Zarejestrować się elektronicznie w serwisie praca.gov.pl – w pełni online albo "
            "w sposób uproszczony, z wizytą w urzędzie w wyznaczonym terminie.</p>"
        ),
        "additional_info": (
            "<p>Uproszczony sposób elektronicznej rejestracji polega na wypełnieniu wniosku o "
            "dokonanie rejestracji jako osoba bezrobotna w serwisie praca.gov.pl (lub na "
            "platformie ePUAP), przesłaniu go do właściwego powiatowego urzędu pracy i umówieniu "
            "się na wizytę w urzędzie.</p>"
            "<p>W pełni elektroniczna rejestracja jest dostępna w serwisie praca.gov.pl, w module "
            "„Zgłoszenia do rejestracji”.</p>"
        ),
        "processing_time": (
            None,
            "",
            (
                "Rejestracja następuje w dniu złożenia kompletnego wniosku; decyzję o uznaniu za "
                "osobę bezrobotną wydaje się niezwłocznie."
            ),
        ),
        "places": ["pup-milionowa", "pup-kilinskiego"],
        "appointment": {
            "required": False,
            "methods": [
                ("url", "https://praca.gov.pl/"),
                ("other", "w siedzibie PUP przy rejestracji uproszczonej"),
            ],
        },
        "fees": [],
        "submission_channels": [
            (
                "in_person",
                (
                    "Powiatowy Urząd Pracy w Łodzi, ul. Milionowa 91 albo ul. Kilińskiego 102/102a "
                    "– według dzielnicy zameldowania."
                ),
                [],
            ),
            (
                "electronic",
                (
                    "Wniosek w serwisie praca.gov.pl; wymagany profil zaufany lub kwalifikowany "
                    "podpis elektroniczny."
                ),
                ["praca.gov.pl", "ePUAP"],
            ),
        ],
        "submission_deadline": "",
        "required_documents": [
            (
                "to_submit",
                "Wniosek o dokonanie rejestracji jako osoba bezrobotna",
                [("praca.gov.pl", "https://praca.gov.pl")],
            ),
            ("to_inspect", "Dokument tożsamości", []),
            ("to_inspect", "Świadectwa pracy i dokumenty potwierdzające wykształcenie", []),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 20 marca 2025 r. o rynku pracy i służbach zatrudnienia", ""),
        ],
        "appeal": (
            "<p>Od decyzji w sprawie uznania za osobę bezrobotną przysługuje odwołanie do Wojewody "
            "Łódzkiego, wnoszone za pośrednictwem Dyrektora Powiatowego Urzędu Pracy w Łodzi, w "
            "terminie 14 dni od dnia jej doręczenia.</p>"
        ),
        "cc_contacts": ["Paulina Czerwińska"],
        "cc_description": (
            "<p>Procedurę prowadzi Powiatowy Urząd Pracy, nie UMŁ. Osoby zameldowane poza Łodzią "
            "mogą się zarejestrować tylko jako poszukujące pracy.</p>"
        ),
        "faq": [
            (
                "Gdzie mam się zarejestrować, jeśli mieszkam na Bałutach?",
                "<p>W siedzibie PUP przy ul. Kilińskiego 102/102a.</p>",
            ),
            (
                "Czy muszę przyjść do urzędu?",
                (
                    "<p>Nie, jeśli wybierzesz w pełni elektroniczną rejestrację w serwisie "
                    "praca.gov.pl.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": False,
        "related": [],
    },
    {
        "code": "KA-01379",
        "title": "Wydawanie Łódzkiej Karty Dużej Rodziny",
        "categories": ["zdrowie-i-sprawy-spoleczne"],
        "information_date": "2024-08-19",
        "department": ("Urząd Miasta Łodzi", "Wydział Zdrowia i Spraw Społecznych"),
        "owner": "Małgorzata Sadowska",
        "coordinator": "Łukasz Wysocki",
        "authors": ["Łukasz Wysocki"],
        "summary": (
            "Posiadanie Łódzkiej Karty Dużej Rodziny ułatwia dostęp do dóbr kultury, sportu, "
            "rekreacji oraz do usług i towarów oferowanych przez jednostki i instytucje Miasta "
            "Łódź i inne podmioty. Karta wydawana jest rodzinom mieszkającym pod wspólnym adresem "
            "w Łodzi, w których rodzice/opiekunowie prawni rozliczają się z podatku dochodowego w "
            "Łodzi i w których wychowuje się troje lub więcej dzieci w wieku do 18 r. życia lub do "
            "25 r. życia, w przypadku gdy dziecko uczy się/studiuje lub bez ograniczenia wieku w "
            "przypadku dzieci posiadających orzeczenie o znacznym stopniu niepełnosprawności bądź "
            "całkowitej niezdolności do pracy i samodzielnej egzystencji."
        ),
        "steps": [
            (
                "Złóż wniosek",
                "elektronicznie, listownie, w sali obsługi ŁCKzM (zalecane umówienie wizyty)",
                True,
            ),
            ("Odbierz karty", "odbiór w sali obsługi ŁCKzM (zalecane umówienie wizyty)", False),
        ],
        "useful_info": [
            "zalecane umówienie wizyty",
            "możliwość złożenia wniosku online",
            "sprawa nie wymaga opłat",
        ],
        "electronic_actions": ["złożenie wniosku", "umówienie wizyty"],
        "how_to": (
            "<p>W celu otrzymania Łódzkiej Karty Dużej Rodziny wnioskodawca (matka, ojciec lub "
            "opiekun prawny) zgłasza się do Łódzkiego Centrum Kontaktu z Mieszkańcami (Piotrkowska "
            "110, wejście od al. Schillera) wraz z wymaganymi dokumentami, w tym wnioskiem z "
            "podpisami pozostałych pełnoletnich członków rodziny.</p>"
        ),
        "additional_info": (
            "<p>O Łódzką Kartę Dużej Rodziny mogą ubiegać się rodziny mieszkające pod wspólnym "
            "adresem w Łodzi, rozliczające się z podatków w Łodzi i wychowujące co najmniej troje "
            "dzieci w wieku do lat 18 lub 25, jeśli kontynuują one naukę lub bez ograniczenia "
            "wieku w przypadku dzieci posiadających orzeczenie o znacznym stopniu "
            "niepełnosprawności bądź całkowitej niezdolności do pracy i samodzielnej egzystencji. "
            "Kartę otrzymuje każdy członek rodziny tzn. rodzice lub opiekunowie oraz dzieci w "
            "wieku do 18 roku życia lub do 25 roku życia, jeśli się uczą.</p>"
            "<p>Wydanie karty jest bezpłatne; opłata dotyczy tylko duplikatu.</p>"
        ),
        "processing_time": (
            30,
            "dni",
            "Karty są gotowe do odbioru w ciągu 30 dni od złożenia kompletnego wniosku.",
        ),
        "places": ["lckzm"],
        "appointment": {
            "required": False,
            "methods": [("url", "https://wizyty.uml.lodz.pl/"), ("phone", "+48 (42) 638-44-44")],
        },
        "fees": [
            (
                "wydanie duplikatu Karty",
                "10.00",
                "Opłata tylko za duplikat utraconej lub zniszczonej karty.",
            ),
        ],
        "submission_channels": [
            ("electronic", "Elektroniczna Skrzynka Podawcza UMŁ.", ["ePUAP"]),
            (
                "post",
                (
                    "Urząd Miasta Łodzi, Wydział Zdrowia i Spraw Społecznych, ul. Piotrkowska 104, "
                    "90-926 Łódź."
                ),
                [],
            ),
            (
                "in_person",
                (
                    "Sala obsługi ŁCKzM, ul. Piotrkowska 110 (wejście od al. Schillera); zalecane "
                    "umówienie wizyty."
                ),
                [],
            ),
        ],
        "submission_deadline": "",
        "required_documents": [
            (
                "to_submit",
                "Wniosek z podpisami pozostałych pełnoletnich członków rodziny",
                [("ePUAP", "")],
            ),
            ("to_inspect", "Dokumenty tożsamości członków rodziny", []),
            ("to_inspect", "Legitymacja szkolna lub studencka – dla dzieci w wieku 18–25 lat", []),
        ],
        "other_documents": ["Regulamin Łódzkiej Karty Dużej Rodziny", "Wykaz partnerów programu"],
        "legal_basis": [
            (
                "uchwała Rady Miejskiej w Łodzi",
                (
                    "Uchwała Rady Miejskiej w Łodzi w sprawie przyjęcia programu „Łódzka Karta "
                    "Dużej Rodziny”"
                ),
                "",
            ),
        ],
        "appeal": None,
        "cc_contacts": ["Karolina Grabowska"],
        "cc_description": (
            "<p>Łódzka Karta Dużej Rodziny to program miejski – nie myl jej z ogólnopolską Kartą "
            "Dużej Rodziny, o którą wnioskuje się w Centrum Świadczeń Socjalnych.</p>"
        ),
        "faq": [
            (
                "Czy mogę mieć jednocześnie łódzką i ogólnopolską Kartę Dużej Rodziny?",
                "<p>Tak. To dwa niezależne programy z innymi partnerami i zniżkami.</p>",
            ),
            (
                "Co zrobić, gdy karta się zgubi?",
                "<p>Złożyć wniosek o duplikat i wnieść opłatę 10 zł.</p>",
            ),
        ],
        "cc_other": (
            "Wykaz partnerów programu zmienia się często – zawsze odsyłaj do aktualnej listy na "
            "stronie miasta."
        ),
        "handled_in_ezd": True,
        "related": ["KA-01672"],
    },
    {
        "code": "KA-01180",
        "title": "Opłata za gospodarowanie odpadami komunalnymi",
        "categories": ["odpady-woda-i-kanalizacja", "podatki-i-oplaty"],
        "information_date": "2025-01-07",
        "department": ("Zarząd Gospodarowania Odpadami", "Dział Obsługi Opłat za Odpady"),
        "owner": "Sławomir Kalinowski",
        "coordinator": "Edyta Szymańska",
        "authors": ["Edyta Szymańska"],
        "summary": (
            "Do składania deklaracji i ponoszenia opłaty obowiązani są właściciele nieruchomości: "
            "zabudowanych budynkami mieszkalnymi jednorodzinnymi, na których zamieszkują "
            "mieszkańcy (deklaracja DO-J), zabudowanych budynkami wielolokalowymi, na których "
            "zamieszkują mieszkańcy (deklaracja DO-W), zabudowanych budynkami wielolokalowymi, "
            "które w części stanowią nieruchomość, na której zamieszkują mieszkańcy, a w części "
            "nieruchomość, na której nie zamieszkują mieszkańcy, a powstają odpady komunalne "
            "(deklaracja DO-W), na których znajdują się domki letniskowe lub innych nieruchomości "
            "wykorzystywanych na cele rekreacyjno-wypoczynkowe (deklaracja DO-L)."
        ),
        "steps": [
            ("Złóż deklarację", "elektronicznie, pocztą, w urzędzie", True),
            (
                "Wnoś terminowo zadeklarowaną opłatę",
                "na indywidualny rachunek bankowy, a przed jego otrzymaniem na konto ogólne",
                False,
            ),
        ],
        "useful_info": [
            "możliwość złożenia deklaracji online",
            "możliwość przesłania deklaracji pocztą",
            "złożenie deklaracji w kancelarii urzędu nie wymaga umówienia się",
            "sprawa możliwa do załatwienia przez pełnomocnika",
            "zawiadomienie/decyzja wysyłana pocztą",
        ],
        "electronic_actions": ["złożenie deklaracji", "wniesienie opłaty"],
        "how_to": (
            "<p>1. Gmina jest obowiązana do zorganizowania odbierania odpadów komunalnych od "
            "właścicieli nieruchomości, na których zamieszkują mieszkańcy.</p>"
            "<p>2. Właściciel nieruchomości składa deklarację o wysokości opłaty za gospodarowanie "
            "odpadami komunalnymi – DO-J, DO-W albo DO-L, w zależności od rodzaju nieruchomości – "
            "i wnosi opłatę bez wezwania, w terminach określonych uchwałą Rady Miejskiej w "
            "Łodzi.</p>"
            "<p>3. Po złożeniu pierwszej deklaracji właściciel otrzymuje indywidualny numer "
            "rachunku bankowego do wnoszenia opłaty.</p>"
        ),
        "additional_info": (
            "<p>Nową deklarację składa się w razie zmiany danych będących podstawą ustalenia "
            "wysokości opłaty, np. liczby mieszkańców nieruchomości.</p>"
            "<p>Złożenie deklaracji jest bezpłatne. Wysokość opłaty za gospodarowanie odpadami "
            "wynika ze stawki ustalonej uchwałą Rady Miejskiej w Łodzi; po złożeniu pierwszej "
            "deklaracji opłatę wnosi się na indywidualny rachunek bankowy.</p>"
        ),
        "processing_time": (
            None,
            "",
            (
                "Deklaracja nie wymaga rozpatrzenia; decyzję określającą wysokość opłaty wydaje "
                "się tylko w razie niezłożenia deklaracji albo uzasadnionych wątpliwości co do jej "
                "danych."
            ),
        ),
        "places": ["lckzm", "kancelaria"],
        "appointment": None,
        "fees": [
            (
                "opłata skarbowa za złożenie dokumentu stwierdzającego udzielenie pełnomocnictwa",
                "17.00",
                (
                    "Zwolnione z opłaty jest pełnomocnictwo udzielone małżonkowi, wstępnemu, "
                    "zstępnemu lub rodzeństwu."
                ),
            ),
        ],
        "submission_channels": [
            ("electronic", "Elektroniczna Skrzynka Podawcza UMŁ.", ["ePUAP"]),
            ("post", "Urząd Miasta Łodzi, ul. Piotrkowska 104, 90-926 Łódź.", []),
            (
                "in_person",
                (
                    "Kancelaria Ogólna UMŁ, ul. Piotrkowska 104, albo sala obsługi ŁCKzM, ul. "
                    "Piotrkowska 110."
                ),
                [],
            ),
        ],
        "submission_deadline": (
            "Pierwszą deklarację składa się w terminie 14 dni od dnia zamieszkania na "
            "nieruchomości pierwszego mieszkańca; deklarację zmieniającą – do 10. dnia miesiąca "
            "następującego po miesiącu, w którym nastąpiła zmiana."
        ),
        "required_documents": [
            (
                "to_submit",
                "Deklaracja DO-J (nieruchomości zabudowane budynkami mieszkalnymi jednorodzinnymi)",
                [("ePUAP", "")],
            ),
            (
                "to_submit",
                "Deklaracja DO-W (nieruchomości zabudowane budynkami wielolokalowymi)",
                [("ePUAP", "")],
            ),
            (
                "to_submit",
                "Deklaracja DO-L (domki letniskowe i nieruchomości rekreacyjno-wypoczynkowe)",
                [("ePUAP", "")],
            ),
        ],
        "other_documents": [],
        "legal_basis": [
            (
                "ustawa",
                "Ustawa z dnia 13 września 1996 r. o utrzymaniu czystości i porządku w gminach",
                "",
            ),
            (
                "uchwała Rady Miejskiej w Łodzi",
                (
                    "Uchwała Rady Miejskiej w Łodzi w sprawie wyboru metody ustalenia opłaty za "
                    "gospodarowanie odpadami komunalnymi oraz ustalenia stawki tej opłaty"
                ),
                "",
            ),
            ("ustawa", "Ustawa z dnia 29 sierpnia 1997 r. – Ordynacja podatkowa", ""),
        ],
        "appeal": (
            "<p>Od decyzji przysługuje odwołanie do Samorządowego Kolegium Odwoławczego w Łodzi, "
            "wnoszone za pośrednictwem Prezydenta Miasta Łodzi, w terminie 14 dni od dnia jej "
            "doręczenia. Wniesienie odwołania nie wstrzymuje obowiązku zapłaty.</p>"
        ),
        "cc_contacts": ["Maciej Lis"],
        "cc_description": (
            "<p>Mieszkańcy budynków wielolokalowych nie składają deklaracji sami – robi to "
            "zarządca (wspólnota, spółdzielnia). Pytania o harmonogram odbioru odpadów kieruj do "
            "zakładki „Odpady” na stronie miasta.</p>"
        ),
        "faq": [
            (
                "Mieszkam w bloku. Czy muszę złożyć deklarację?",
                (
                    "<p>Nie. W budynkach wielolokalowych deklarację DO-W składa zarządca "
                    "nieruchomości.</p>"
                ),
            ),
            (
                "Nie mam jeszcze indywidualnego numeru konta. Gdzie płacić?",
                (
                    "<p>Do czasu otrzymania indywidualnego rachunku opłatę wnosi się na rachunek "
                    "ogólny Urzędu Miasta Łodzi.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": True,
        "related": ["KA-01215"],
    },
    {
        "code": "KA-01215",
        "title": "Podatek od nieruchomości – naliczenie (osoby fizyczne)",
        "categories": ["podatki-i-oplaty", "sprawy-elektroniczne"],
        "information_date": "2025-01-13",
        "department": ("Urząd Miasta Łodzi", "Wydział Finansowy"),
        "owner": "Barbara Wróblewska",
        "coordinator": "Grzegorz Kowalczyk",
        "authors": ["Grzegorz Kowalczyk"],
        "summary": (
            "Osoby fizyczne, które posiadają nieruchomość zobowiązane są do zgłoszenia obowiązku "
            "podatkowego i do opłacania podatku od nieruchomości na podstawie otrzymywanej "
            "corocznie decyzji. Podatek w kwocie poniżej 100 zł płatny jest w jednej racie do 15 "
            "marca danego roku, a w przypadku kwoty podatku powyżej 100 zł w 4 ratach: do 15 "
            "marca, 15 maja, 15 września i 15 listopada lub w terminie 14 dni od daty odebrania "
            "decyzji."
        ),
        "steps": [
            (
                "Złóż deklarację i załączniki",
                "elektronicznie, pocztą lub w Urzędzie (wymagana jeśli nastąpiły zmiany)",
                True,
            ),
            ("Czekaj na decyzję", "wysyłana w ciągu 30 dni", False),
            ("Odbierz decyzję", "elektronicznie, pocztą, w Urzędzie", True),
            ("Wnieś opłatę", "w terminach wskazanych w decyzji", False),
        ],
        "useful_info": [
            "możliwość złożenia deklaracji online",
            "możliwość przesłania deklaracji pocztą",
            "możliwość wrzucenia deklaracji do urny (bez konieczności umawiania się)",
            "wyjaśnienie spraw podatkowych w urzędzie wymaga umówienia się",
            "sprawa możliwa do załatwienia przez pełnomocnika",
            "decyzja może mieć formę elektroniczną",
        ],
        "electronic_actions": ["złożenie deklaracji", "otrzymanie decyzji", "wniesienie opłaty"],
        "how_to": (
            "<p>Podatek od nieruchomości powstaje od pierwszego dnia miesiąca następującego po "
            "miesiącu, w którym powstały okoliczności uzasadniające powstanie tego obowiązku. "
            "Osoby fizyczne są obowiązane złożyć właściwemu organowi podatkowemu: dokument "
            "potwierdzający tytuł prawny do nieruchomości (np. umowa kupna-sprzedaży, odpis księgi "
            "wieczystej, wypis z ewidencji gruntów, umowa dzierżawy).</p>"
            "<p>Deklaracje obowiązujące od 01.07.2019 r.:</p>"
            "<ul>"
            "<li>IN-1 „Informacja o nieruchomościach i obiektach budowlanych”,</li>"
            "<li>ZIN-1 „Dane o przedmiotach opodatkowania podlegających opodatkowaniu”,</li>"
            "<li>ZIN-2 „Dane o przedmiotach opodatkowania zwolnionych z opodatkowania”,</li>"
            "<li>ZIN-3 „Dane pozostałych podatników”.</li>"
            "</ul>"
        ),
        "additional_info": (
            "<p>Informację IN-1 możesz przygotować i złożyć online w kilka minut, korzystając z "
            "formularza elektronicznego na platformie ePUAP.</p>"
            "<p>Złożenie informacji jest bezpłatne. Wysokość podatku określa decyzja, a stawki – "
            "uchwała Rady Miejskiej w Łodzi; podatek wpłaca się na rachunek wskazany w "
            "decyzji.</p>"
        ),
        "processing_time": (
            30,
            "dni",
            (
                "Decyzja ustalająca wysokość podatku jest wysyłana w ciągu 30 dni od złożenia "
                "informacji."
            ),
        ),
        "places": ["wf"],
        "appointment": {
            "required": False,
            "methods": [("url", "https://wizyty.uml.lodz.pl/"), ("phone", "+48 (42) 638-44-44")],
        },
        "fees": [
            (
                "opłata skarbowa za złożenie dokumentu stwierdzającego udzielenie pełnomocnictwa",
                "17.00",
                (
                    "Zwolnione z opłaty jest pełnomocnictwo udzielone małżonkowi, wstępnemu, "
                    "zstępnemu lub rodzeństwu."
                ),
            ),
        ],
        "submission_channels": [
            ("electronic", "Formularz IN-1 online.", ["ePUAP"]),
            (
                "post",
                "Urząd Miasta Łodzi, Wydział Finansowy, ul. Piotrkowska 104, 90-926 Łódź.",
                [],
            ),
            (
                "in_person",
                "Urna na deklaracje w budynku UMŁ, ul. Piotrkowska 104 – bez umawiania wizyty.",
                [],
            ),
        ],
        "submission_deadline": (
            "Dokumenty składa się w formie papierowej lub elektronicznej w terminie 14 dni od dnia "
            "wystąpienia okoliczności uzasadniających powstanie albo wygaśnięcie obowiązku "
            "podatkowego w zakresie podatku od nieruchomości lub od dnia zaistnienia zdarzenia "
            "mającego wpływ na wysokość podatku."
        ),
        "required_documents": [
            (
                "to_submit",
                "IN-1 „Informacja o nieruchomościach i obiektach budowlanych”",
                [("ePUAP", "")],
            ),
            (
                "to_submit",
                "ZIN-1 „Dane o przedmiotach opodatkowania podlegających opodatkowaniu”",
                [],
            ),
            (
                "to_submit",
                "ZIN-2 „Dane o przedmiotach opodatkowania zwolnionych z opodatkowania”",
                [],
            ),
            ("to_submit", "ZIN-3 „Dane pozostałych podatników”", []),
            (
                "to_submit",
                (
                    "Dokument potwierdzający tytuł prawny do nieruchomości (np. umowa "
                    "kupna-sprzedaży, odpis księgi wieczystej, wypis z ewidencji gruntów, umowa "
                    "dzierżawy)"
                ),
                [],
            ),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 12 stycznia 1991 r. o podatkach i opłatach lokalnych", ""),
            ("ustawa", "Ustawa z dnia 29 sierpnia 1997 r. – Ordynacja podatkowa", ""),
            (
                "uchwała Rady Miejskiej w Łodzi",
                (
                    "Uchwała Rady Miejskiej w Łodzi w sprawie określenia wysokości stawek podatku "
                    "od nieruchomości"
                ),
                "",
            ),
        ],
        "appeal": (
            "<p>Od decyzji przysługuje odwołanie do Samorządowego Kolegium Odwoławczego w Łodzi, "
            "wnoszone za pośrednictwem Prezydenta Miasta Łodzi, w terminie 14 dni od dnia jej "
            "doręczenia. Wniesienie odwołania nie wstrzymuje obowiązku zapłaty.</p>"
        ),
        "cc_contacts": ["Monika Adamczyk"],
        "cc_description": (
            "<p>Pytania o saldo i zaległości przekazuj do Wydziału Finansowego – Call Center nie "
            "udziela informacji objętych tajemnicą skarbową.</p>"
        ),
        "faq": [
            (
                "Kupiłem mieszkanie. Do kiedy mam złożyć informację?",
                "<p>W ciągu 14 dni od dnia zawarcia umowy (podpisania aktu notarialnego).</p>",
            ),
            (
                "Czy muszę co roku składać informację IN-1?",
                (
                    "<p>Nie. Składa się ją tylko wtedy, gdy zmieniają się dane wpływające na "
                    "wysokość podatku.</p>"
                ),
            ),
        ],
        "cc_other": (
            "Tajemnica skarbowa: nie potwierdzaj przez telefon kwot ani numerów rachunków "
            "przypisanych do podatnika."
        ),
        "handled_in_ezd": True,
        "related": ["KA-01180", "KA-01373"],
    },
    {
        "code": "KA-01478",
        "title": (
            "Wydawanie zaświadczenia o dokonaniu opłaty za korzystanie z zezwolenia na sprzedaż "
            "napojów alkoholowych"
        ),
        "categories": ["praca-i-biznes"],
        "information_date": "2024-05-27",
        "department": (
            "Urząd Miasta Łodzi",
            "Biuro Promocji Zatrudnienia i Obsługi Działalności Gospodarczej",
        ),
        "owner": "Sylwia Jaworska",
        "coordinator": "Marcin Walczak",
        "authors": ["Marcin Walczak"],
        "summary": (
            "Wydawanie na wniosek przedsiębiorcy posiadającego zezwolenie na detaliczną sprzedaż "
            "napojów alkoholowych zaświadczenia o dokonaniu opłaty za korzystanie z zezwolenia na "
            "sprzedaż napojów alkoholowych."
        ),
        "steps": [
            ("Złóż wniosek", "wraz z dowodem opłaty skarbowej", True),
            ("Odbierz zaświadczenie", "o dokonaniu opłaty", False),
        ],
        "useful_info": [
            "możliwość złożenia wniosku online",
            "możliwość przesłania wniosku pocztą",
            "sprawa możliwa do załatwienia przez pełnomocnika",
            "zaświadczenie może mieć formę elektroniczną",
        ],
        "electronic_actions": ["złożenie wniosku"],
        "how_to": (
            "<ol>"
            "<li>Udzielenie informacji klientom zainteresowanym uzyskaniem zaświadczenia.</li>"
            "<li>Prowadzenie postępowania w sprawie uzyskania zaświadczenia.</li>"
            "<li>Wydanie zaświadczenia.</li>"
            "</ol>"
        ),
        "additional_info": (
            "<p>Wniosek jest dostępny jako druk do pobrania oraz jako formularz elektroniczny.</p>"
        ),
        "processing_time": (7, "dni", "7 dni."),
        "places": ["alkohol", "call-center"],
        "appointment": {
            "required": False,
            "methods": [("phone", "+48 (42) 638-56-29"), ("url", "https://wizyty.uml.lodz.pl/")],
        },
        "fees": [("opłata skarbowa za wydanie zaświadczenia", "17.00", "")],
        "submission_channels": [
            (
                "post",
                (
                    "Urząd Miasta Łodzi, Biuro Promocji Zatrudnienia i Obsługi Działalności "
                    "Gospodarczej, Oddział ds. Zezwoleń na Sprzedaż Napojów Alkoholowych, Al. "
                    "Politechniki 32, 93-590 Łódź."
                ),
                [],
            ),
            ("in_person", "Al. Politechniki 32, pok. 217.", []),
            ("electronic", "Elektroniczna Skrzynka Podawcza UMŁ.", ["ePUAP"]),
        ],
        "submission_deadline": "Brak.",
        "required_documents": [
            ("to_submit", "Wniosek o wydanie zaświadczenia", [("ePUAP", "")]),
            ("to_submit", "Dowód wniesienia opłaty skarbowej", []),
        ],
        "other_documents": [],
        "legal_basis": [
            (
                "ustawa",
                (
                    "Ustawa z dnia 26 października 1982 r. o wychowaniu w trzeźwości i "
                    "przeciwdziałaniu alkoholizmowi"
                ),
                "",
            ),
            (
                "ustawa",
                "Ustawa z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
                "",
            ),
            ("ustawa", "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej", ""),
        ],
        "appeal": (
            "<p>Odmowa wydania zaświadczenia albo wydanie zaświadczenia o treści innej niż żądana "
            "następuje w drodze postanowienia, na które przysługuje zażalenie do Samorządowego "
            "Kolegium Odwoławczego w Łodzi, wnoszone za pośrednictwem Prezydenta Miasta Łodzi, w "
            "terminie 7 dni od dnia jego doręczenia.</p>"
        ),
        "cc_contacts": ["Beata Michalak"],
        "cc_description": (
            "<p>Zaświadczenie jest potrzebne przedsiębiorcom m.in. przy przetargach i kredytach. "
            "Terminy opłat za korzystanie z zezwoleń: 31 stycznia, 31 maja i 30 września.</p>"
        ),
        "faq": [
            ("Ile kosztuje zaświadczenie?", "<p>17 zł opłaty skarbowej.</p>"),
            (
                "Czy zaświadczenie może dostać pełnomocnik?",
                (
                    "<p>Tak, po złożeniu pełnomocnictwa i wniesieniu 17 zł opłaty skarbowej za "
                    "pełnomocnictwo.</p>"
                ),
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": True,
        "related": [],
    },
    {
        "code": "KA-01552",
        "title": "Wydanie abonamentu parkingowego dla osoby niepełnosprawnej",
        "categories": ["kierowcy-i-pojazdy"],
        "information_date": "2024-07-08",
        "department": ("Zarząd Dróg i Transportu", "Wydział Parkowania"),
        "owner": "Jacek Stępień",
        "coordinator": "Justyna Górska",
        "authors": ["Justyna Górska"],
        "summary": (
            "Abonament parkingowy dla osoby niepełnosprawnej przysługuje osobie posiadającej kartę "
            "parkingową na jeden pojazd wskazany we wniosku."
        ),
        "steps": [
            (
                "Złóż wniosek i załączniki",
                "elektronicznie za pośrednictwem e-sklepu lub osobiście w Punkcie Obsługi",
                True,
            ),
            (
                "Czekaj na informację zwrotną",
                "pozytywnie zweryfikowany abonament wydawany jest w formie elektronicznej",
                False,
            ),
        ],
        "useful_info": [
            (
                "wymaga okazania dokumentów w wersji papierowej (w Punkcie Obsługi) lub w wersji "
                "elektronicznej (za pośrednictwem e-sklepu)"
            ),
            "sprawa możliwa do załatwienia przez osobę upoważnioną",
            "sprawa nie wymaga opłat",
            "sprawa załatwiana od ręki",
        ],
        "electronic_actions": ["złożenie wniosku", "wydanie karty w formie elektronicznej"],
        "how_to": (
            "<ol>"
            "<li>Należy wypełnić wniosek dla osoby niepełnosprawnej.</li>"
            "<li>Przedstawić: dokument tożsamości, oryginał aktualnej karty parkingowej.</li>"
            "</ol>"
        ),
        "additional_info": (
            "<p>W Punkcie Obsługi abonament wydawany jest od ręki; za pośrednictwem e-sklepu "
            "trzeba poczekać na pozytywną weryfikację wniosku.</p>"
        ),
        "processing_time": (
            None,
            "",
            (
                "W Punkcie Obsługi: w dniu zgłoszenia. Za pośrednictwem e-sklepu: weryfikacja "
                "następuje w godzinach pracy Punktu Obsługi."
            ),
        ),
        "places": ["zdit-abonamenty"],
        "appointment": None,
        "fees": [],
        "submission_channels": [
            ("electronic", "e-sklep Strefy Płatnego Parkowania.", ["e-sklep"]),
            ("in_person", "Punkt Obsługi, ul. Tuwima 36, parter.", []),
        ],
        "submission_deadline": (
            "Po abonament można zgłosić się już na 30 dni przed terminem rozpoczęcia jego "
            "obowiązywania."
        ),
        "required_documents": [
            (
                "to_submit",
                "Wniosek o wydanie abonamentu z zerową stawką opłat dla osoby niepełnosprawnej",
                [("e-sklep", "")],
            ),
            (
                "to_submit",
                (
                    "Pisemne upoważnienie z podanym numerem dowodu osoby upoważnionej - w "
                    "przypadku załatwiania sprawy przez osobę upoważnioną"
                ),
                [],
            ),
            ("to_inspect", "Dokument tożsamości", []),
            ("to_inspect", "Oryginał karty parkingowej", []),
            (
                "to_inspect",
                (
                    "Dokument tożsamości osoby upoważnionej - w przypadku załatwiania sprawy przez "
                    "osobę upoważnioną"
                ),
                [],
            ),
        ],
        "other_documents": [],
        "legal_basis": [
            (
                "uchwała Rady Miejskiej w Łodzi",
                (
                    "Uchwała Nr XLI/1273/21 Rady Miejskiej w Łodzi z dnia 14 kwietnia 2021 r. w "
                    "sprawie ustalenia strefy płatnego parkowania pojazdów samochodowych na "
                    "drogach publicznych w Łodzi oraz opłat za parkowanie w tej strefie i sposobu "
                    "ich pobierania (Dz. Urz. Woj. Łódzkiego 2021 poz. 1998 ze zm.)"
                ),
                "",
            ),
        ],
        "appeal": None,
        "cc_contacts": ["Kamil Malinowski", "Justyna Górska"],
        "cc_description": (
            "<p>Abonament jest elektroniczny – kontrolerzy sprawdzają go po numerze "
            "rejestracyjnym. Kartę parkingową trzeba mimo to umieścić za szybą.</p>"
        ),
        "faq": [
            (
                "Czy abonament obejmuje kilka samochodów?",
                "<p>Nie, abonament wydaje się na jeden pojazd wskazany we wniosku.</p>",
            ),
            (
                "Czy muszę przyjść osobiście?",
                "<p>Nie – wniosek można złożyć w e-sklepie albo przez osobę upoważnioną.</p>",
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": False,
        "related": [],
    },
    {
        "code": "KA-01672",
        "title": "Przyjęcie dziecka do żłobka",
        "categories": ["edukacja-i-nauka"],
        "information_date": "2025-03-24",
        "department": ("Miejski Zespół Żłobków", "Dział Organizacji Opieki nad Dziećmi"),
        "owner": "Urszula Michalska",
        "coordinator": "Kinga Zawadzka",
        "authors": ["Kinga Zawadzka"],
        "summary": (
            "Nabór dziecka do żłobka dotyczy rodziców/opiekunów prawnych pracujących lub/i "
            "uczących się w trybie dziennym."
        ),
        "steps": [
            ("Wyszukaj dostępne oferty", "", False),
            (
                "Sprawdź datę naboru do żłobków",
                "jeżeli dziecko ma być przyjęte od września danego roku",
                False,
            ),
            (
                "Skontaktuj się z kierownikiem żłobka",
                "sposób kontaktu określa kierownik żłobka",
                False,
            ),
            ("Dostarcz do żłobka kartę zapisu dziecka", "", False),
            (
                "Czekaj na informację",
                "sposób przekazania informacji zwrotnej ustalany jest z kierownikiem żłobka",
                False,
            ),
            (
                "Potwierdź korzystanie z usług żłobka",
                "sposób potwierdzenia określa kierownik żłobka",
                False,
            ),
            ("Dostarcz resztę niezbędnych dokumentów", "osobiście w siedzibie żłobka", False),
            (
                "Podpisz umowę",
                "osobiście przez obojga rodziców/opiekunów w siedzibie żłobka",
                False,
            ),
        ],
        "useful_info": [
            "wymaga złożenia dokumentów w wersji papierowej",
            "wizyta w żłobku wymaga umówienia się",
            "sprawa nie wymaga opłat",
        ],
        "electronic_actions": [],
        "how_to": (
            "<ol>"
            "<li>W sprawie chęci przyjęcia dziecka do żłobka rodzic/opiekun zgłasza się do "
            "kierownika placówki lub osoby go zastępującej.</li>"
            "<li>Rodzic/opiekun składa w żłobku „Kartę zgłoszenia dziecka do żłobka” wraz z "
            "wymaganymi do wglądu dokumentami.</li>"
            "<li>Karty zgłoszenia dziecka do żłobka przyjmowane są od kwietnia w danym roku, gdzie "
            "czas rozpoczęcia pobytu dziecka w żłobku rozpoczyna się we wrześniu.</li>"
            "<li>Komisja ds. naboru funkcjonuje przy rozpatrywaniu zgłoszeń w określonym terminie "
            "naboru na wrzesień. W pozostałych miesiącach zgłoszenia analizuje i rozpatruje "
            "kierownik żłobka.</li>"
            "<li>Rodzic/opiekun ustala z kierownikiem żłobka termin przyjęcia dziecka do żłobka i "
            "składa wówczas niezbędne dokumenty.</li>"
            "<li>Umowę o świadczenie usług rodzic/opiekun podpisuje z kierownikiem żłobka "
            "przedstawiając dokumenty do wglądu.</li>"
            "</ol>"
        ),
        "additional_info": (
            "<p>Opłaty za pobyt i wyżywienie dziecka w żłobku określa umowa; samo zgłoszenie i "
            "przyjęcie dziecka są bezpłatne.</p>"
        ),
        "processing_time": (
            None,
            "",
            (
                "Zgłoszenia na wrzesień rozpatruje komisja ds. naboru w terminie naboru; w "
                "pozostałych miesiącach – kierownik żłobka, na bieżąco."
            ),
        ),
        "places": ["zlobki"],
        "appointment": {
            "required": False,
            "methods": [("other", "kontakt z kierownikiem wybranego żłobka")],
        },
        "fees": [],
        "submission_channels": [
            ("in_person", "W siedzibie wybranego żłobka, u kierownika placówki.", []),
        ],
        "submission_deadline": (
            "Karty zgłoszenia na wrzesień przyjmowane są od kwietnia danego roku; w pozostałych "
            "miesiącach – przez cały rok."
        ),
        "required_documents": [
            ("to_submit", "Karta zgłoszenia dziecka do żłobka", []),
            ("to_inspect", "Dowód osobisty", []),
            ("to_inspect", "Odpis skrócony aktu urodzenia dziecka", []),
        ],
        "other_documents": [],
        "legal_basis": [
            ("ustawa", "Ustawa z dnia 4 lutego 2011 r. o opiece nad dziećmi w wieku do lat 3", ""),
        ],
        "appeal": None,
        "cc_contacts": ["Teresa Jakubowska"],
        "cc_description": (
            "<p>Nie ma centralnej rekrutacji – rodzic zgłasza się do każdego wybranego żłobka "
            "osobno.</p>"
        ),
        "faq": [
            (
                "Czy mogę zapisać dziecko do kilku żłobków?",
                "<p>Tak, kartę zgłoszenia można złożyć w kilku żłobkach.</p>",
            ),
            (
                "Kiedy zaczyna się nabór na wrzesień?",
                "<p>Karty zgłoszenia na wrzesień przyjmowane są od kwietnia.</p>",
            ),
        ],
        "cc_other": "",
        "handled_in_ezd": False,
        "related": ["KA-01379"],
    },
    {
        "code": "ZG-01601",
        "title": (
            "Przyjmowanie zgłoszeń dot. stanu sanitarno-porządkowego w szaletach miejskich, "
            "obiektach infrastruktury technicznej, utrzymanie innych obiektów budowlanych"
        ),
        "categories": ["odpady-woda-i-kanalizacja"],
        "information_date": "2024-04-15",
        "department": ("Urząd Miasta Łodzi", "Wydział Gospodarki Komunalnej"),
        "owner": "Andrzej Zając",
        "coordinator": "Robert Krawczyk",
        "authors": ["Robert Krawczyk"],
        "summary": (
            "Mieszkańcy Łodzi mogą zgłaszać nieprawidłowości dotyczące stanu "
            "sanitarno-porządkowego szaletów miejskich, utrzymania innych obiektów budowlanych "
            "oraz infrastruktury technicznej. Zgłoszenie można przekazać telefonicznie, pisemnie "
            "albo pocztą elektroniczną. Wydział Gospodarki Komunalnej przekazuje je zarządcy "
            "obiektu i informuje o sposobie załatwienia sprawy. Zgłoszenie jest bezpłatne."
        ),
        "steps": [
            ("Zgłoś problem", "telefonicznie, pisemnie lub e-mailem – podaj miejsce i opis", True),
            ("Czekaj na odpowiedź", "do 30 dni", False),
        ],
        "useful_info": [
            "sprawa możliwa do załatwienia przez telefon",
            "sprawa nie wymaga opłat",
            "oprócz wniosku nie trzeba składać żadnych innych dokumentów",
        ],
        "electronic_actions": ["złożenie wniosku"],
        "how_to": (
            "<p>Przyjmowanie zgłoszeń (telefonicznie, pisemnie, za pomocą poczty elektronicznej) "
            "od mieszkańców Łodzi dotyczących stanu sanitarno-porządkowego w szaletach miejskich, "
            "utrzymania innych obiektów budowlanych oraz infrastruktury technicznej.</p>"
        ),
        "additional_info": "",
        "processing_time": (30, "dni", "Do 30 dni."),
        "places": ["wgk", "call-center"],
        "appointment": None,
        "fees": [],
        "submission_channels": [
            ("phone", "Call Center: +48 (42) 638-44-44.", []),
            (
                "post",
                "Urząd Miasta Łodzi, Wydział Gospodarki Komunalnej, ul. Piotrkowska 175, Łódź.",
                [],
            ),
            ("email", "lckm@uml.lodz.pl", []),
        ],
        "submission_deadline": "",
        "required_documents": [
            (
                "to_submit",
                "Zgłoszenie z opisem problemu i wskazaniem miejsca (w dowolnej formie)",
                [],
            ),
        ],
        "other_documents": ["Informacja dotycząca przetwarzania danych osobowych"],
        "legal_basis": [
            (
                "ustawa",
                (
                    "art. 3 ust. 2 pkt 2 lit. d ustawy z dnia 13 września 1996 r. o utrzymaniu "
                    "czystości i porządku w gminach (Dz. U. z 2019 r. poz. 2010 z późn. zm.)"
                ),
                "",
            ),
            (
                "inne",
                (
                    "uchwała Nr 3334/355/2002 Zarządu Miasta Łodzi z dnia 28 lutego 2002 r. w "
                    "sprawie warunków oddania w dzierżawę lub użyczenie szaletów komunalnych oraz "
                    "ustalenia opłat za ich korzystanie (Dz. Urz. Woj. Łódzkiego Nr 73, poz. 1461)"
                ),
                "",
            ),
            (
                "zarządzenie Prezydenta Miasta Łodzi",
                (
                    "zarządzenie Nr 4821/V/10 Prezydenta Miasta Łodzi z dnia 30 września 2010 r. w "
                    "sprawie funkcjonowania placów zabaw zarządzanych przez miejskie jednostki "
                    "organizacyjne"
                ),
                "",
            ),
        ],
        "appeal": None,
        "cc_contacts": ["Dorota Piątek"],
        "cc_description": (
            "<p>Zgłoszenia przyjmuj bezpośrednio w systemie ŁCKzM i kieruj do Wydziału Gospodarki "
            "Komunalnej. Awarie wymagające natychmiastowej interwencji (zalanie, zagrożenie) "
            "zgłaszaj telefonicznie do Oddziału Usług Komunalnych.</p>"
        ),
        "faq": [
            (
                "Gdzie zgłosić brudny szalet miejski?",
                (
                    "<p>Przez Call Center (+48 (42) 638-44-44), e-mailem na lckm@uml.lodz.pl albo "
                    "pisemnie do Wydziału Gospodarki Komunalnej.</p>"
                ),
            ),
            (
                "Czy dostanę odpowiedź na zgłoszenie?",
                "<p>Tak, w ciągu 30 dni, jeżeli podasz dane kontaktowe.</p>",
            ),
        ],
        "cc_other": (
            "W sezonie letnim zgłoszenia dotyczą głównie szaletów w parkach – zarządcą części z "
            "nich jest Zarząd Zieleni Miejskiej."
        ),
        "handled_in_ezd": True,
        "related": [],
    },
    {
        "code": "CC-00101",
        "title": "Przekazywanie zgłoszeń interwencyjnych mieszkańców do komórek merytorycznych",
        "is_internal": True,
        "categories": [],
        "information_date": "2025-04-01",
        "department": ("Urząd Miasta Łodzi", "Wydział Zarządzania Kontaktami z Mieszkańcami"),
        "owner": "Paweł Kaczmarek",
        "coordinator": "Joanna Zielińska",
        "authors": ["Krzysztof Mazur", "Joanna Zielińska"],
        "summary": (
            "Procedura wewnętrzna Oddziału Call Center i Oddziału ds. Procedur i Zgłoszeń "
            "Interwencyjnych. Opisuje, jak konsultant przyjmuje zgłoszenie interwencyjne "
            "mieszkańca (telefon, e-mail, formularz), rejestruje je w systemie ŁCKzM, przekazuje "
            "do właściwej komórki lub jednostki miejskiej i pilnuje terminu odpowiedzi."
        ),
        "steps": [
            ("Przyjmij zgłoszenie", "telefon, e-mail lub formularz na stronie", False),
            (
                "Zarejestruj zgłoszenie w systemie ŁCKzM",
                "kategoria, lokalizacja, dane kontaktowe",
                True,
            ),
            ("Przekaż do komórki merytorycznej", "w ciągu 1 dnia roboczego", True),
            ("Monitoruj termin odpowiedzi", "przypomnienie po 5 dniach roboczych", True),
            ("Poinformuj mieszkańca", "o sposobie załatwienia zgłoszenia", True),
        ],
        "useful_info": ["sprawa możliwa do załatwienia przez telefon"],
        "electronic_actions": [],
        "how_to": (
            "<p>Konsultant przyjmuje zgłoszenie i rejestruje je w systemie ŁCKzM, wybierając "
            "kategorię z listy i wskazując lokalizację. Zgłoszenie przekazuje komórce lub "
            "jednostce właściwej według wykazu właściwości, najpóźniej następnego dnia "
            "roboczego.</p>"
            "<p>Oddział ds. Procedur i Zgłoszeń Interwencyjnych monitoruje terminy: po 5 dniach "
            "roboczych bez odpowiedzi wysyła przypomnienie, po 10 – informuje dyrektora "
            "komórki.</p>"
        ),
        "additional_info": (
            "<p>Zgłoszenia wymagające natychmiastowej interwencji (zagrożenie życia lub zdrowia) "
            "konsultant przekazuje od razu telefonicznie do służb i właściwej jednostki.</p>"
        ),
        "processing_time": (
            7,
            "dni",
            "Przekazanie zgłoszenia – do 1 dnia roboczego; odpowiedź komórki – do 7 dni.",
        ),
        "places": ["procedures-office", "call-center"],
        "appointment": None,
        "fees": [],
        "submission_channels": [
            ("phone", "Call Center: +48 (42) 638-44-44.", []),
            ("email", "lckm@uml.lodz.pl", []),
        ],
        "submission_deadline": "",
        "required_documents": [],
        "other_documents": ["Wykaz właściwości komórek i jednostek w sprawach interwencyjnych"],
        "legal_basis": [
            (
                "zarządzenie Prezydenta Miasta Łodzi",
                (
                    "Zarządzenie Nr 102/2023 Prezydenta Miasta Łodzi z dnia 19 stycznia 2023 r. w "
                    "sprawie zasad wykorzystywania systemu Łódzkiego Centrum Kontakt z "
                    "Mieszkańcami (ze zm.)"
                ),
                "",
            ),
        ],
        "appeal": None,
        "cc_contacts": ["Paweł Kaczmarek", "Krzysztof Mazur"],
        "cc_description": (
            "<p>Przy zgłoszeniach anonimowych nie obiecuj odpowiedzi zwrotnej. Zgłoszenia "
            "dotyczące pracowników urzędu traktuj jako skargi – to inna procedura.</p>"
        ),
        "faq": [
            (
                "Co zrobić, gdy nie wiadomo, która komórka jest właściwa?",
                (
                    "<p>Przekaż zgłoszenie do Oddziału ds. Procedur i Zgłoszeń Interwencyjnych, "
                    "który wskaże adresata.</p>"
                ),
            ),
            (
                "Czy można zamknąć zgłoszenie bez odpowiedzi komórki?",
                (
                    "<p>Nie. Zgłoszenie zamyka się po otrzymaniu odpowiedzi i poinformowaniu "
                    "mieszkańca.</p>"
                ),
            ),
        ],
        "cc_other": "Dyżur kierownika zmiany: wewn. 4430.",
        "handled_in_ezd": True,
        "related": ["KA-01520"],
    },
]
