"""The template's own examples, loaded into the vocabularies on every fresh install.

The lists are written out here, as they were when this migration was made, so that no
later change of the code changes what it seeds."""

from django.db import migrations

USEFUL_INFO = [
    "wymaga złożenia dokumentów w wersji papierowej",
    "możliwość złożenia wniosku online",
    "wniosek dostępny wyłącznie w wersji elektronicznej",
    "oprócz wniosku nie trzeba składać żadnych innych dokumentów",
    "wniosek należy złożyć osobiście",
    "możliwość przesłania wniosku pocztą",
    "sprawa możliwa do załatwienia przez telefon",
    "sprawa możliwa do załatwienia przez pełnomocnika",
    "wizyta w urzędzie nie wymaga umówienia się",
    "wizyta w urzędzie wymaga umówienia się",
    "niestandardowy termin składania wniosków",
    "różne terminy dla wniosków elektronicznych i papierowych",
    "sprawa nie wymaga opłat",
    "sprawa nie wymaga opłat, za wyjątkiem pełnomocnictwa",
    "sprawa załatwiana od ręki",
    "decyzja może mieć formę elektroniczną",
    "zaświadczenie może mieć formę elektroniczną",
]

ELECTRONIC_ACTIONS = [
    "umówienie wizyty",
    "złożenie wniosku",
    "wniesienie opłaty",
    "uzupełnienie braków formalnych",
    "otrzymanie decyzji",
    "otrzymanie dofinansowania",
    "otrzymanie świadczenia",
    "wydanie karty w formie elektronicznej",
]

EFORM_PLATFORMS = [
    ("ePUAP", "https://epuap.gov.pl/"),
    ("biznes.gov.pl", "https://www.biznes.gov.pl/"),
    ("PWPW", "https://www.pwpw.pl/"),
    ("emp@tia", "https://empatia.mrips.gov.pl/"),
    ("PUE ZUS", "https://www.zus.pl/portal/logowanie.npi"),
    ("gov.pl", "https://www.gov.pl/"),
]

LEGAL_ACT_KINDS = [
    "ustawa",
    "rozporządzenie",
    "uchwała Rady Miejskiej w Łodzi",
    "zarządzenie Prezydenta Miasta Łodzi",
    "inne",
]


def seed(apps, schema_editor):
    for model_name, names in [
        ("UsefulInfo", USEFUL_INFO),
        ("ElectronicAction", ELECTRONIC_ACTIONS),
        ("LegalActKind", LEGAL_ACT_KINDS),
    ]:
        model = apps.get_model("procedures", model_name)
        for name in names:
            model.objects.get_or_create(name=name)
    platform = apps.get_model("procedures", "EFormPlatform")
    for name, url in EFORM_PLATFORMS:
        platform.objects.get_or_create(name=name, defaults={"url": url})


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
