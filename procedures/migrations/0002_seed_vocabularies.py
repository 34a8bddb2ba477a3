from django.db import migrations

from procedures import vocabulary_seed


def seed(apps, schema_editor):
    for model_name, names in [
        ("UsefulInfo", vocabulary_seed.USEFUL_INFO),
        ("ElectronicAction", vocabulary_seed.ELECTRONIC_ACTIONS),
        ("LegalActKind", vocabulary_seed.LEGAL_ACT_KINDS),
    ]:
        model = apps.get_model("procedures", model_name)
        for name in names:
            model.objects.get_or_create(name=name)
    platform = apps.get_model("procedures", "EFormPlatform")
    for name, url in vocabulary_seed.EFORM_PLATFORMS:
        platform.objects.get_or_create(name=name, defaults={"url": url})


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
