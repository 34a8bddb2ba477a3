"""``manage.py rebuild_search_index``: index every procedure afresh for the Polish search.

Procedures are re-indexed on every save, so this is needed only after installing the search
on an existing database, after changing the analyser, or to drop stale vocabulary.
"""

import time

from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Indeksuje od nowa wszystkie procedury dla wyszukiwarki."

    def handle(self, *args, **options):
        started = time.perf_counter()

        def progress(done, total):
            self.stdout.write(f"\r{done}/{total}", ending="")
            self.stdout.flush()

        count = rebuild(progress=progress if options["verbosity"] > 0 else None)
        if options["verbosity"] > 0:
            self.stdout.write("")
        self.stdout.write(
            f"Zaindeksowano procedury: {count} w {time.perf_counter() - started:.1f} s."
        )
