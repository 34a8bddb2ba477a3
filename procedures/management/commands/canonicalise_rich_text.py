"""``manage.py canonicalise_rich_text``: store the rich text of existing pages as the page
editor saves it (procedures.rich_text), so that the next save of an untouched page shows no
change in the revisions comparison. Meaning is kept: the text, emphasis, lists and links
stay; only the way they are written changes. Safe to run again: a second run rewrites
nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from procedures.rich_text import canonicalise


class Command(BaseCommand):
    help = (
        "Rewrite the rich text and StreamFields of every page (its live content, its live "
        "revision and its latest draft) in the form the page editor saves."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        pages = rows = revisions = 0
        for page_id in Page.objects.filter(depth__gt=1).values_list("pk", flat=True):
            with transaction.atomic():
                page = Page.objects.get(pk=page_id).specific
                changed_row, changed_revisions = self.canonicalise_page(page, dry_run)
            rows += changed_row
            revisions += changed_revisions
            pages += bool(changed_row or changed_revisions)
        verb = "would be rewritten" if dry_run else "rewritten"
        self.stdout.write(f"Pages {verb}: {pages} (page rows: {rows}, revisions: {revisions}).")

    def canonicalise_page(self, page, dry_run):
        """``(1 if the page row changed else 0, number of revisions changed)``."""
        changed = canonicalise(page)
        if changed and not dry_run:
            # The row only: no new revision, no publication, no validation of old content.
            page.save(update_fields=changed, clean=False)
        changed_revisions = 0
        for revision in {r for r in (page.live_revision, page.latest_revision) if r}:
            content_page = revision.as_object()
            names = canonicalise(content_page)
            if not names:
                continue
            changed_revisions += 1
            if not dry_run:
                data = content_page.serializable_data()
                revision.content.update({name: data[name] for name in names})
                revision.save(update_fields=["content"])
        return int(bool(changed)), changed_revisions
