"""Store "Obowiązuje od/do" to the minute, as the editor's form shows them.

Procedure pages, their revisions' ``approved_go_live_at`` and the ``go_live_at`` /
``expire_at`` inside each revision's content lose their seconds and microseconds. A value
imported or scripted with seconds made every later publication in the admin fail with
"jest już w przeszłości": the form sent back the same moment without its seconds.
"""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations
from django.utils.dateparse import parse_datetime

DATE_FIELDS = ("go_live_at", "expire_at")


def to_the_minute(value):
    return value.replace(second=0, microsecond=0) if value else value


def _content_to_the_minute(content):
    """The revision content with its dates to the minute; ``None`` when nothing changes."""
    changed = False
    for name in DATE_FIELDS:
        text = content.get(name)
        parsed = parse_datetime(text) if isinstance(text, str) else None
        if parsed and parsed != to_the_minute(parsed):
            content[name] = DjangoJSONEncoder().default(to_the_minute(parsed))
            changed = True
    return content if changed else None


def dates_to_the_minute(apps, schema_editor):
    """Normalise every procedure page and every revision of one; returns how many of
    each it changed."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    procedure_type = ContentType.objects.filter(
        app_label="procedures", model="procedurepage"
    ).first()
    if procedure_type is None:
        return 0, 0

    pages = []
    for page in Page.objects.filter(content_type=procedure_type).only("pk", *DATE_FIELDS):
        if any(getattr(page, f) != to_the_minute(getattr(page, f)) for f in DATE_FIELDS):
            for name in DATE_FIELDS:
                setattr(page, name, to_the_minute(getattr(page, name)))
            pages.append(page)
    Page.objects.bulk_update(pages, DATE_FIELDS, batch_size=500)

    revisions, changed = [], 0
    queryset = Revision.objects.filter(content_type=procedure_type).only(
        "pk", "content", "approved_go_live_at"
    )
    for revision in queryset.iterator(chunk_size=200):
        content = _content_to_the_minute(revision.content or {})
        approved = to_the_minute(revision.approved_go_live_at)
        if content is None and approved == revision.approved_go_live_at:
            continue
        if content is not None:
            revision.content = content
        revision.approved_go_live_at = approved
        revisions.append(revision)
        changed += 1
        if len(revisions) >= 200:
            Revision.objects.bulk_update(revisions, ["content", "approved_go_live_at"])
            revisions = []
    Revision.objects.bulk_update(revisions, ["content", "approved_go_live_at"])
    return len(pages), changed


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0009_pending_purges"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(dates_to_the_minute, migrations.RunPython.noop)]
