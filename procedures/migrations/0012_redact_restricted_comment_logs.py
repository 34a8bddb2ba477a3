"""Take the text of comments on restricted fields out of the audit log written so far.

From now on ``procedures.comments`` keeps it out as each entry is written; entries logged
before still hold it, and page and site history showed it to department editors. The
comments themselves keep their text (readers see it in the page editor).
"""

from django.db import migrations

#: The restricted fields behind a permission when this migration was written.
RESTRICTED = {
    "is_internal",
    "procedure_owner",
    "coordinator",
    "handled_in_ezd",
    "cc_contacts",
    "cc_description",
    "faq",
    "cc_other",
}
HIDDEN_TEXT = (
    "(treść ukryta: komentarz do pola zastrzeżonego, widoczny w edytorze procedury dla osób "
    "uprawnionych do pól zastrzeżonych)"
)


def redact(apps, schema_editor):
    """Redact every comment entry of a procedure anchored to a restricted field; returns
    how many it changed."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    procedure_type = ContentType.objects.filter(
        app_label="procedures", model="procedurepage"
    ).first()
    if procedure_type is None:
        return 0
    entries = PageLogEntry.objects.filter(
        action__startswith="wagtail.comments.", page__content_type=procedure_type
    ).only("pk", "data")
    changed = []
    for entry in entries.iterator(chunk_size=200):
        data = entry.data or {}
        comment = data.get("comment")
        if not isinstance(comment, dict):
            continue
        if str(comment.get("contentpath") or "").split(".", 1)[0] not in RESTRICTED:
            continue
        comment["text"] = HIDDEN_TEXT
        if isinstance(data.get("reply"), dict):
            data["reply"]["text"] = HIDDEN_TEXT
        changed.append(entry)
    PageLogEntry.objects.bulk_update(changed, ["data"], batch_size=200)
    return len(changed)


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0011_department_document_collection"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(redact, migrations.RunPython.noop)]
