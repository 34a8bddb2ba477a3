"""A starting list of synonyms, as callers say things: editable in the admin afterwards."""

from django.db import migrations

DEFAULT_SYNONYMS = [
    ("meldunek\nzameldowanie\nzameldować się", "Potocznie „meldunek”."),
    ("dowód\ndowód osobisty\ndowód tożsamości", ""),
    ("obcokrajowiec\ncudzoziemiec", ""),
    ("ślub\nmałżeństwo", "Akt ślubu to akt małżeństwa."),
    ("prawko\nprawo jazdy", ""),
    ("śmieci\nodpady komunalne\nodpady", ""),
    ("śmieciowa\nodpady komunalne", "„Deklaracja śmieciowa”."),
    ("dom\nnieruchomość\nmieszkanie", "Podatek od domu, od mieszkania."),
    ("kdr\nkarta dużej rodziny", ""),
    ("epuap\nprofil zaufany", ""),
    ("koncesja\nzezwolenie", ""),
    ("niepełnosprawny\nniepełnosprawność\nosoba z niepełnosprawnością", ""),
    ("parkowanie\nabonament parkingowy\nkarta parkingowa", ""),
    ("wjazd\nzjazd", "Wjazd na posesję to zjazd z drogi."),
    ("posesja\nnieruchomość\ndziałka", ""),
    ("toaleta\nszalet\nwc", ""),
    ("urząd pracy\nbezrobotny\nbezrobocie", ""),
    ("zgubić\nutrata\nutracić", "„Zgubiłem dowód”."),
    ("becikowe\njednorazowa zapomoga z tytułu urodzenia dziecka", ""),
]


def install(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for terms, note in DEFAULT_SYNONYMS:
        SynonymGroup.objects.get_or_create(terms=terms, defaults={"note": note})


def remove(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=[terms for terms, _note in DEFAULT_SYNONYMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_indexes")]

    operations = [migrations.RunPython(install, remove)]
