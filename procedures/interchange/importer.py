"""Import of procedures from interchange-format files, record by record.

Each record is validated with the admin's rules and saved in a transaction of its own: a
bad record is reported with its code, field path and a Polish reason, leaves nothing
behind, and never stops the good ones. The record's reference index rows (which make its
documents downloadable) and search entries are written in that same transaction, so an
import stopped at any moment, even killed, leaves every committed record whole; a re-run
also restores the entries an older import may have left out.
"""

import json
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import ijson
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex
from wagtail.search.models import IndexEntry
from wagtail.signal_handlers import disable_reference_index_auto_update

from procedures import references
from procedures.models import ProcedureIndexPage, ProcedurePage
from procedures.restricted import keep_restricted_values
from procedures.rich_text import canonicalise, stream_values
from procedures.stages import Stage
from search import indexing as search_indexing
from search import signals as search_signals
from search.models import Audience, SearchEntry

from . import mapping
from .files import DocumentLoader
from .schema import schema_errors, text_errors


class FileFormatError(Exception):
    """The file is not JSON of the expected shape; nothing further can be read from it."""


def iter_records(path):
    """Yield the procedure objects of a file, one at a time, without loading it whole.

    Accepts one object, a JSON array of objects, or ``{"procedures": [...]}``.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            first = handle.read(4096).lstrip()[:1]
            handle.seek(0)
            if first == b"[":
                yield from ijson.items(handle, "item", use_float=True)
                return
            if first != b"{":
                raise FileFormatError("Plik nie zawiera obiektu ani listy JSON.")
            for prefix, event, value in ijson.parse(handle):
                if prefix == "" and event == "map_key":
                    wrapped = value == "procedures"
                    break
            else:
                wrapped = False
            handle.seek(0)
            if wrapped:
                yield from ijson.items(handle, "procedures.item", use_float=True)
            else:
                yield json.load(handle)
    except (ijson.JSONError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise FileFormatError(f"Plik nie jest poprawnym JSON-em: {error}") from error


@dataclass
class Outcome:
    """What happened to one record; ``status`` is created/updated/unchanged/rejected."""

    index: int
    code: str | None
    status: str
    errors: list = field(default_factory=list)  # [(path, message)]
    warnings: list = field(default_factory=list)
    revision_id: int | None = None
    published: bool = False
    scheduled: bool = False
    page_id: int | None = None
    #: Codes of related procedures to link once the whole import has run.
    deferred_related: list = field(default_factory=list)

    @property
    def written(self):
        """Whether the record saved its page (created, changed or published it)."""
        return self.status in ("created", "updated") or self.published or self.scheduled

    def as_dict(self):
        return {
            "index": self.index,
            "code": self.code,
            "status": self.status,
            "errors": [{"path": p, "message": m} for p, m in self.errors],
            "warnings": self.warnings,
            "revision_id": self.revision_id,
            "published": self.published,
            "scheduled": self.scheduled,
        }


class Rejected(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class _DryRunRollback(Exception):
    pass


class _ByPk:
    """Documents compared by identity when deciding whether a record changed anything."""

    @staticmethod
    def reference(document):
        return document.pk if document else None


def model_errors(page, publish):
    """The admin's rules on ``page``: everything when publishing, a draft's rules otherwise.

    As in the admin's "Zapisz wersję roboczą", a draft may leave required fields and the
    "filled or brak" parts empty; lengths, formats and consistency always apply.
    """
    exclude = []
    if not publish:
        exclude = [
            f.name
            for f in page._meta.concrete_fields
            if not f.blank and f.value_from_object(page) in f.empty_values
        ]
    errors = []
    page.streams_validated = True  # streams are checked below, with the draft's deferral
    # A draft needs only what procedures.stages asks of one; publishing, everything.
    page.validation_stage = Stage.APPROVE if publish else Stage.DRAFT
    try:
        page.full_clean(exclude=exclude)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            key = mapping.MODEL_FIELD_TO_KEY.get(name, name)
            key = "(rekord)" if key == "__all__" else key
            errors += [(key, message) for message in messages]
    finally:
        page.streams_validated = False
        del page.validation_stage
    errors += [
        (_stream_path_to_key(page, path), message)
        for path, message in page.stream_errors(deferred=not publish)
    ]
    return errors


def _stream_path_to_key(page, path):
    """A block path in the format's terms.

    ``appointment[0].methods[1]`` → ``appointment.methods[1]`` (one object in the format);
    ``required_documents[3].name`` → ``required_documents.to_inspect[1].name`` (grouped).
    """
    head, _, rest = path.partition("]")
    field_name, _, position = head.partition("[")
    if not position.isdigit():
        return path
    position = int(position)
    if field_name in ("appointment", "appeal"):
        return field_name + rest
    if field_name == "required_documents":
        group = page.required_documents[position].block_type
        same = [c for c in page.required_documents[:position] if c.block_type == group]
        return f"required_documents.{group}[{len(same)}]{rest}"
    return path


@contextmanager
def indexing_once_per_record():
    """Index each procedure once per record rather than on each of its several saves.

    A record may save a page three times (create, revision, publish); the reference and
    search indexes are brought up to date once, by :func:`reindex`, before the record's
    transaction commits. Meant for the import command's own process: the search signal is
    reconnected on exit.
    """
    post_save.disconnect(post_save_signal_handler, sender=ProcedurePage)
    post_save.disconnect(sender=ProcedurePage, dispatch_uid=search_signals.DISPATCH_UID)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.connect(post_save_signal_handler, sender=ProcedurePage)
        search_signals.connect()


def reindex(page_ids):
    """Bring the reference index and both search indexes up to date for these procedures.

    Called inside a record's transaction, the indexes commit with the record or not at
    all: an import killed at any moment leaves no published procedure whose documents
    the reference index does not know (they would answer 404 to residents).
    """
    pages = list(ProcedurePage.objects.filter(pk__in=page_ids))
    with transaction.atomic():
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
        search_indexing.index_pages(pages)
        indexed = list(ProcedurePage.get_indexed_objects().filter(pk__in=page_ids))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(ProcedurePage, indexed)


def missing_from_indexes(page_ids):
    """Those of ``page_ids`` that lack reference index rows, a search entry or a search
    backend entry: left behind by an older import that was killed between its record's
    commit and its batched indexing. Three queries, whatever the number of pages."""
    page_ids = {int(pk) for pk in page_ids}
    if not page_ids:
        return set()
    base_type = ContentType.objects.get_for_model(Page)
    as_text = [str(pk) for pk in page_ids]
    referenced = ReferenceIndex.objects.filter(
        base_content_type=base_type, object_id__in=as_text
    ).values_list("object_id", flat=True)
    searched = SearchEntry.objects.filter(
        page_id__in=page_ids, audience=Audience.STAFF
    ).values_list("page_id", flat=True)
    complete = {int(pk) for pk in referenced} & set(searched)
    if _search_backend_keeps_entries():
        complete &= {
            int(pk)
            for pk in IndexEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(ProcedurePage),
                object_id__in=as_text,
            ).values_list("object_id", flat=True)
        }
    return page_ids - complete


def _search_backend_keeps_entries():
    """Whether Wagtail's search backend keeps ``IndexEntry`` rows (its database backends on
    PostgreSQL, SQLite with FTS5 and MySQL; not the fallback, which searches the tables)."""
    modules = [type(b).__module__ for b in get_search_backends(with_auto_update=True)]
    return any(
        module.startswith("modelsearch.backends.database.") and not module.endswith(".fallback")
        for module in modules
    )


class Importer:
    """Imports records into the procedure index; see :meth:`run`.

    ``publish`` publishes each imported version (a future ``valid_from`` schedules it);
    ``dry_run`` validates and reports without writing anything.
    """

    def __init__(self, base_dir, *, publish=False, dry_run=False, user=None, parent=None):
        self.base_dir = Path(base_dir)
        self.publish = publish
        self.dry_run = dry_run
        self.user = user
        self.parent = parent
        self.outcomes = []
        self._deferred = []  # (page_id, codes, index) for related procedures not yet present

    def get_parent(self):
        if self.parent is None:
            self.parent = ProcedureIndexPage.objects.first()
            if self.parent is None:
                raise FileFormatError(
                    "Brak strony „Procedury”, pod którą można dodać procedury. "
                    "Uruchom najpierw seed_demo albo utwórz ją w panelu."
                )
        return self.parent

    #: Unchanged procedures are checked for missing index entries in batches of this size.
    check_batch = 100

    def run(self, records, progress=None):
        """Import ``records`` one by one; returns the outcomes (also in ``self.outcomes``).

        After :meth:`stop` the record in progress is finished (or rolled back) and no
        further record is read; ``self.stopped`` is then true.
        """
        self._to_check = []
        self.stopped = False
        with indexing_once_per_record(), references.remembered():
            for position, record in enumerate(records):
                if self._stop_requested:
                    self.stopped = True
                    break
                outcome = self.import_record(position, record)
                self.outcomes.append(outcome)
                if progress:
                    progress.update(outcome)
                if len(self._to_check) >= self.check_batch:
                    self._repair_indexes()
            if not self.dry_run:
                self._repair_indexes()
                if not self.stopped:
                    self._link_deferred_related()
        return self.outcomes

    _stop_requested = False

    def stop(self):
        """Ask :meth:`run` to stop after the current record (safe from a signal handler)."""
        self._stop_requested = True

    def _repair_indexes(self):
        """Index the unchanged procedures whose index entries an earlier import left out."""
        missing = missing_from_indexes(self._to_check)
        self._to_check = []
        if missing:
            reindex(sorted(missing))
            self.repaired += len(missing)

    #: How many unchanged procedures had their missing index entries restored.
    repaired = 0

    # --- One record ---------------------------------------------------------------------

    def import_record(self, index, record):
        code = record.get("code") if isinstance(record, dict) else None
        if not isinstance(record, dict):
            return Outcome(
                index, None, "rejected", [("(rekord)", "Rekord musi być obiektem JSON.")]
            )
        findings = schema_errors(record) or text_errors(record)
        if findings:
            return Outcome(index, code, "rejected", findings)
        loader = DocumentLoader(self.base_dir, code=code, dry_run=self.dry_run)
        try:
            with transaction.atomic():
                outcome = self._apply(index, code, record, loader)
                loader.file_under(
                    ProcedurePage.objects.filter(pk=outcome.page_id)
                    .values_list("department_id", flat=True)
                    .first()
                )
                if self.dry_run:
                    raise _DryRunRollback
                if outcome.written:
                    reindex([outcome.page_id])
        except _DryRunRollback:
            loader.discard_created()
            references.forget()  # the rollback may have undone creations
        except Rejected as rejection:
            loader.discard_created()
            references.forget()  # the rollback may have undone creations
            return Outcome(index, code, "rejected", rejection.errors)
        except DatabaseError as error:
            # A value the rules above let through but the database refuses (e.g. a name
            # longer than its column): this record only; the import goes on.
            loader.discard_created()
            references.forget()
            return Outcome(
                index, code, "rejected", [("(rekord)", f"Baza danych odrzuciła rekord: {error}")]
            )
        except BaseException:
            # Interrupted (a second Ctrl+C): the transaction is rolled back, so are the files.
            loader.discard_created()
            raise
        if not outcome.written and not self.dry_run:
            self._to_check.append(outcome.page_id)
        if outcome.deferred_related and not self.dry_run:
            self._deferred.append((outcome.page_id, outcome.deferred_related, outcome))
        return outcome

    def _apply(self, index, code, record, loader):
        existing = ProcedurePage.objects.filter(code=code).first()
        if existing is not None:
            page = existing.get_latest_revision_as_object()
            before = mapping.dump_procedure(page, with_restricted=True, documents=_ByPk)
        else:
            page = ProcedurePage(live=False)
            before = None

        earlier_streams = stream_values(page) if existing is not None else None
        ctx = mapping.LoadContext(documents=loader)
        errors = [(e.path, e.message) for e in mapping.load_procedure(page, record, ctx)]
        if errors:
            raise Rejected(errors)
        # As the editor would save it, so that the revisions comparison shows only what
        # the record changed; an unchanged StreamField keeps its block ids.
        canonicalise(page, keep_ids_from=earlier_streams)
        # save_revision() would put them back anyway; done here too so that a record
        # differing only there counts as unchanged and a new page's row gets no value the
        # user may not set.
        kept = keep_restricted_values(page, self.user)
        if existing is None:
            try:
                self.get_parent().add_child(instance=page)
            except ValidationError as error:
                raise Rejected(
                    [
                        (mapping.MODEL_FIELD_TO_KEY.get(k, k), m)
                        for k, ms in error.message_dict.items()
                        for m in ms
                    ]
                ) from error
        unchanged = before is not None and before == mapping.dump_procedure(
            page, with_restricted=True, documents=_ByPk
        )
        needs_publishing = self.publish and (
            existing is None or not existing.live or existing.has_unpublished_changes
        )
        # Publishing now validates the whole page itself (Page.save → full_clean); checking
        # it here as well would do the same work twice. A scheduled version is not saved
        # until its time comes, so it is checked now.
        publishing_now = (
            self.publish
            and not unchanged
            and not (page.go_live_at and page.go_live_at > timezone.now())
        )
        if (not unchanged or needs_publishing) and not publishing_now:
            errors = model_errors(page, self.publish)
            if errors:
                raise Rejected(errors)

        outcome = Outcome(index, code, "created" if existing is None else "updated")
        outcome.page_id = page.pk
        outcome.warnings = [
            f"Procedura powiązana {c} jeszcze nie istnieje; powiązanie zostanie dodane, "
            "gdy pojawi się w imporcie."
            for c in ctx.deferred_related
        ]
        if kept:
            outcome.warnings.append(
                "Pominięto pola zastrzeżone "
                + ", ".join(f"„{mapping.MODEL_FIELD_TO_KEY.get(n, n)}”" for n in kept)
                + f": użytkownik {self.user.get_username()} nie ma uprawnienia do ich "
                "zmiany, więc ich nie zmieniono."
            )
        if ctx.deferred_related:
            # Linked after the whole import, and only if this record is committed.
            outcome.deferred_related = record.get("related_procedures") or []

        if before is not None and before == mapping.dump_procedure(
            page, with_restricted=True, documents=_ByPk
        ):
            outcome.status = "unchanged"
            revision = existing.get_latest_revision()
            if (
                self.publish
                and revision
                and (not existing.live or existing.has_unpublished_changes)
            ):
                self._publish(revision, outcome)
            return outcome

        # Validated above with the draft's or the publication's rules, as the admin does.
        revision = page.save_revision(user=self.user, log_action=True, clean=False)
        outcome.revision_id = revision.pk
        if self.publish:
            self._publish(revision, outcome)
        return outcome

    def _publish(self, revision, outcome):
        try:
            revision.publish(user=self.user, log_action=True)
        except ValidationError as error:
            # Report it as the importer does, with the format's paths.
            errors = model_errors(revision.as_object(), publish=True) or [
                (mapping.MODEL_FIELD_TO_KEY.get(name, name), message)
                for name, messages in error.message_dict.items()
                for message in messages
            ]
            raise Rejected(errors) from error
        outcome.scheduled = bool(revision.approved_go_live_at)
        outcome.published = not outcome.scheduled

    # --- After all records ---------------------------------------------------------------

    def _link_deferred_related(self):
        for page_id, codes, outcome in self._deferred:
            page = ProcedurePage.objects.get(pk=page_id).get_latest_revision_as_object()
            ctx = mapping.LoadContext()
            mapping.KEYS_BY_NAME["related_procedures"].load(page, codes, ctx)
            outcome.warnings = [
                f"Nie znaleziono procedury powiązanej {code}; pominięto to powiązanie."
                for code in ctx.deferred_related
            ]
            with transaction.atomic():
                revision = page.save_revision(user=self.user, log_action=True, clean=False)
                outcome.revision_id = revision.pk
                if self.publish and outcome.published:
                    revision.publish(user=self.user, log_action=True)
                reindex([page_id])


def count_records(path):
    """How many records a file holds, read as a stream (for the progress bar)."""
    return sum(1 for _ in iter_records(path))


class Progress:
    """Progress on long imports: a bar on a terminal, a line every 10 s otherwise."""

    width = 30

    def __init__(self, stream, is_terminal, total=None, every_seconds=10.0):
        self.stream = stream
        self.is_terminal = is_terminal
        self.total = total
        self.every_seconds = every_seconds
        self.started = self.last = time.monotonic()
        self.count = 0
        self.rejected = 0

    def update(self, outcome):
        self.count += 1
        self.rejected += outcome.status == "rejected"
        now = time.monotonic()
        if self.is_terminal:
            self.stream.write(f"\r{self._line(now)}")
            self.stream.flush()
        elif now - self.last >= self.every_seconds:
            self.stream.write(self._line(now) + "\n")
            self.last = now

    def finish(self):
        if self.is_terminal:
            self.stream.write("\n")
        else:
            self.stream.write(self._line(time.monotonic()) + "\n")

    def _line(self, now):
        rate = self.count / max(now - self.started, 1e-6)
        counts = f"{self.count} rekordów, odrzuconych {self.rejected} ({rate:.0f}/s)"
        if not self.total:
            return f"Import: {counts}"
        done = min(self.count / self.total, 1.0)
        filled = round(done * self.width)
        bar = "█" * filled + "·" * (self.width - filled)
        return f"Import [{bar}] {done:4.0%} {self.count}/{self.total}: {counts}"
