"""The Procedures Office manages synonyms and promoted results and reads the search report."""

from django.db import migrations

OFFICE = ("Moderatorzy Oddziału ds. Procedur", "Kierownictwo Oddziału ds. Procedur")
PERMISSIONS = {
    "search": [
        "add_synonymgroup",
        "change_synonymgroup",
        "delete_synonymgroup",
        "view_synonymgroup",
        "view_searchquerystat",
    ],
    "wagtailsearchpromotions": [
        "add_searchpromotion",
        "change_searchpromotion",
        "delete_searchpromotion",
    ],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for label in PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=OFFICE):
        for label, codenames in PERMISSIONS.items():
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=label, codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_default_synonyms"),
        ("procedures", "0007_deleted_procedures"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
