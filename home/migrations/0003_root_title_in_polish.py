"""Wagtail's root page is titled "Root", which staff read in the page chooser's
breadcrumb; it is "Strony" here."""

from django.db import migrations


def rename(title_from, title_to):
    def run(apps, schema_editor):
        apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=title_from).update(
            title=title_to, draft_title=title_to
        )

    return run


class Migration(migrations.Migration):
    dependencies = [("home", "0002_standard_page"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(rename("Root", "Strony"), rename("Strony", "Root"))]
