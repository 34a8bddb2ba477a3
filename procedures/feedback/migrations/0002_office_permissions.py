"""The Procedures Office reads the report "Opinie o procedurach"."""

from django.db import migrations

OFFICE = ("Moderatorzy Oddziału ds. Procedur", "Kierownictwo Oddziału ds. Procedur")
CODENAMES = ["view_helpfulnessvote"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="feedback", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=OFFICE):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("procedures", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
