"""``python manage.py warm_fragments``: render the fragment of every public procedure
whose current version has none in the cache, so that no resident waits for the first
rendering after an import, a deployment, or a change to a record many procedures show.

Run it after ``import_procedures`` or a deployment, or every few minutes from cron; it
renders only what is missing (one cache read for all the procedures, then one rendering
per missing fragment) and never touches the publishing path.
"""

from django.core.management.base import BaseCommand

from home.warming import warm_fragments


class Command(BaseCommand):
    help = "Renders the missing fragments of public procedures into the cache."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=None, help="render at most this many fragments"
        )

    def handle(self, *args, limit=None, **options):
        rendered, failed = warm_fragments(limit=limit)
        self.stdout.write(f"{rendered} fragments rendered, {failed} failed")
