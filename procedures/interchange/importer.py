"""Import of procedures from interchange-format files, record by record.

Each record is validated with the admin's rules and saved in a transaction of its own: a
bad record is reported with its code, field path and a Polish reason, leaves nothing
behind, and never stops the good ones. The record's reference index rows (which make its
documents downloadable) and search entries are written in that same transaction, so an
import stopped at any moment, even killed, leaves every committed record whole; a re-run
also restores the entries an older import may have left out.

New procedures published now (``--publish``, no "Obowiązuje od" in the future) are
validated one by one in the same way, each in a savepoint, and written together with
their indexes in one transaction per :attr:`Importer.batch_size` records
(:mod:`procedures.interchange.publishing`). Should writing a batch fail, its records are
imported again one by one, so a record the database refuses stops only itself.
"""

import json
import sys
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
from .publishing import index_new_pages, place_under, publish_new_pages
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


#: The procedure of a record's code has not been looked up yet.
_UNKNOWN = object()


class _NotForBatch(Exception):
    """The record is imported the ordinary way (rolled back out of the batch first)."""


class _SlugInBatch(Exception):
    """The record's page would get the slug of a page in the batch (not written yet)."""


def _mapped(error, key="(rekord)"):
    """A ``ValidationError`` of the page as ``(key of the format, message)`` pairs; one
    naming no field is given ``key``."""
    if not hasattr(error, "error_dict"):
        return [(key, message) for message in error.messages]
    return [
        (mapping.MODEL_FIELD_TO_KEY.get(name, name), message)
        for name, messages in error.message_dict.items()
        for message in messages
    ]


#: Wagtail checks a new draft's title field on its own, naming no field (``minimal_clean``).
_TITLE = mapping.MODEL_FIELD_TO_KEY.get("title", "title")


def _publish_errors(page, error):
    """What publishing ``page`` refused, with the format's paths as the importer reports."""
    return model_errors(page, publish=True) or _mapped(error)


@dataclass
class _Staged:
    """A new procedure validated for the open batch."""

    index: int
    record: dict
    page: ProcedurePage
    loader: DocumentLoader
    outcome: Outcome


class _Batch:
    """New procedures validated in one open transaction, written and committed together.

    ``entries`` holds the staged procedures and the outcomes of the records read meanwhile,
    in the file's order.
    """

    def __init__(self):
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.entries = []
        self.codes = set()
        self.slugs = set()

    @property
    def staged(self):
        return [entry for entry in self.entries if isinstance(entry, _Staged)]

    @property
    def size(self):
        return len(self.codes)

    def add(self, staged):
        self.entries.append(staged)
        self.codes.add(staged.outcome.code)
        self.slugs.add(staged.page.slug)

    def discard_files(self):
        for staged in self.staged:
            staged.loader.discard_created()

    def abandon(self, *exc_info):
        """Roll back the transaction (``exc_info`` of the exception that ends it) and
        remove the files its records added."""
        if exc_info[0] is None:
            exc_info = (_NotForBatch, _NotForBatch(), None)
        try:
            self.atomic.__exit__(*exc_info)
        finally:
            self.discard_files()


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
    # Wagtail's handler is connected only with a search backend that keeps an index.
    backend_handler = post_save.disconnect(post_save_signal_handler, sender=ProcedurePage)
    post_save.disconnect(sender=ProcedurePage, dispatch_uid=search_signals.DISPATCH_UID)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if backend_handler:
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

    #: New procedures published now are written together, this many at a time; 1 writes
    #: each through Wagtail's ``add_child``, ``save_revision`` and ``publish`` instead.
    batch_size = 100

    def __init__(
        self,
        base_dir,
        *,
        publish=False,
        dry_run=False,
        user=None,
        parent=None,
        batch_size=None,
    ):
        self.base_dir = Path(base_dir)
        self.publish = publish
        self.dry_run = dry_run
        self.user = user
        self.parent = parent
        if batch_size is not None:
            self.batch_size = batch_size
        self.outcomes = []
        self._deferred = []  # (page_id, codes, index) for related procedures not yet present
        self._batch = None
        self._progress = None

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
        self._progress = progress
        with indexing_once_per_record(), references.remembered():
            try:
                for position, record in enumerate(records):
                    if self._stop_requested:
                        self.stopped = True
                        break
                    self._report(self.import_record(position, record))
                    if self._batch and self._batch.size >= self.batch_size:
                        self._write_batch()
                    if len(self._to_check) >= self.check_batch:
                        self._repair_indexes()
                self._write_batch()
            except BaseException:
                self._abandon_batch()
                raise
            if not self.dry_run:
                self._repair_indexes()
                if not self.stopped:
                    self._link_deferred_related()
        return self.outcomes

    _stop_requested = False

    def _report(self, outcome):
        """Record ``outcome``; behind the open batch's records, so the order stays the file's."""
        if outcome is None:
            return
        if self._batch is not None:
            self._batch.entries.append(outcome)
            return
        self.outcomes.append(outcome)
        if self._progress:
            self._progress.update(outcome)

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

    def record_findings(self, record):
        """``(path, message)`` for what ``record`` breaks before it is applied: the schema
        (lengths are left to the model's rules) and texts no column can hold."""
        return schema_errors(record) or text_errors(record)

    def document_loader(self, code):
        """What turns the record's file references into documents (paths beside the file)."""
        return DocumentLoader(self.base_dir, code=code, dry_run=self.dry_run)

    def import_record(self, index, record):
        code = record.get("code") if isinstance(record, dict) else None
        if not isinstance(record, dict):
            return Outcome(
                index, None, "rejected", [("(rekord)", "Rekord musi być obiektem JSON.")]
            )
        findings = self.record_findings(record)
        if findings:
            return Outcome(index, code, "rejected", findings)
        existing = _UNKNOWN
        if self._batches_new_procedures():
            named = {code, *(record.get("related_procedures") or [])}
            if self._batch and named & self._batch.codes:
                self._write_batch()  # it names a procedure of the batch: that goes in first
            existing = ProcedurePage.objects.filter(code=code).first()
            if existing is None and self._stage(index, code, record):
                return None
        self._write_batch()
        loader = self.document_loader(code)
        try:
            with transaction.atomic():
                outcome = self._apply(index, code, record, loader, existing)
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

    def _apply(self, index, code, record, loader, existing=_UNKNOWN):
        if existing is _UNKNOWN:
            existing = ProcedurePage.objects.filter(code=code).first()
        if existing is not None:
            page = existing.get_latest_revision_as_object()
            before = mapping.dump_procedure(page, with_restricted=True, documents=_ByPk)
        else:
            page = ProcedurePage(live=False)
            before = None

        earlier_streams = stream_values(page) if existing is not None else None
        ctx, kept = self._load(page, record, loader, earlier_streams)
        if existing is None:
            try:
                self.get_parent().add_child(instance=page)
            except ValidationError as error:
                raise Rejected(_mapped(error, _TITLE)) from error
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

        outcome = self._outcome(
            index, code, "created" if existing is None else "updated", ctx, record
        )
        outcome.page_id = page.pk
        self._warn_kept(outcome, kept)

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

    def _outcome(self, index, code, status, ctx, record):
        outcome = Outcome(index, code, status)
        outcome.warnings = [
            f"Procedura powiązana {c} jeszcze nie istnieje; powiązanie zostanie dodane, "
            "gdy pojawi się w imporcie."
            for c in ctx.deferred_related
        ]
        if ctx.deferred_related:
            # Linked after the whole import, and only if this record is committed.
            outcome.deferred_related = record.get("related_procedures") or []
        return outcome

    def _warn_kept(self, outcome, kept):
        if kept:
            outcome.warnings.append(
                "Pominięto pola zastrzeżone "
                + ", ".join(f"„{mapping.MODEL_FIELD_TO_KEY.get(n, n)}”" for n in kept)
                + f": użytkownik {self.user.get_username()} nie ma uprawnienia do ich "
                "zmiany, więc ich nie zmieniono."
            )

    def _publish(self, revision, outcome):
        try:
            revision.publish(user=self.user, log_action=True)
        except ValidationError as error:
            raise Rejected(_publish_errors(revision.as_object(), error)) from error
        outcome.scheduled = bool(revision.approved_go_live_at)
        outcome.published = not outcome.scheduled

    # --- New procedures, published in batches ---------------------------------------------

    def _batches_new_procedures(self):
        return self.publish and not self.dry_run and self.batch_size > 1 and not self._redoing

    _redoing = False

    def _stage(self, index, code, record):
        """Validate a new procedure as ``add_child`` and ``publish`` would and keep it for
        the batch; whether it was taken (rejected counts: its outcome is reported). Not
        taken: a future "Obowiązuje od" (scheduled, not published); the caller imports it
        the ordinary way."""
        if self._batch is None:
            self._batch = _Batch()
        loader = DocumentLoader(self.base_dir, code=code)
        try:
            with transaction.atomic():
                page, ctx, kept = self._new_page(record, loader)
                if page is None:
                    raise _NotForBatch
                if page.slug in self._batch.slugs:
                    raise _SlugInBatch
                loader.file_under(page.department_id)
        except _NotForBatch:
            loader.discard_created()
            references.forget()  # the rollback may have undone creations
            return False
        except _SlugInBatch:
            # Wagtail gives a page the first free slug among the pages written: write the
            # batch, then this page's slug is chosen as it would be after them.
            loader.discard_created()
            references.forget()
            self._write_batch()
            return self._stage(index, code, record)
        except Rejected as rejection:
            loader.discard_created()
            references.forget()
            self._report(Outcome(index, code, "rejected", rejection.errors))
            return True
        except DatabaseError as error:
            loader.discard_created()
            references.forget()
            self._report(
                Outcome(
                    index,
                    code,
                    "rejected",
                    [("(rekord)", f"Baza danych odrzuciła rekord: {error}")],
                )
            )
            return True
        outcome = self._outcome(index, code, "created", ctx, record)
        self._warn_kept(outcome, kept)
        outcome.published = True
        self._batch.add(_Staged(index, record, page, loader, outcome))
        return True

    def _load(self, page, record, loader, earlier_streams=None):
        """Put the record's values on ``page`` as the editor's form would save them;
        returns the load context and the restricted values kept; raises :class:`Rejected`."""
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
        return ctx, keep_restricted_values(page, self.user)

    def _new_page(self, record, loader):
        """The record as a new, validated page under the parent, or ``None`` when it is to
        be scheduled rather than published; raises :class:`Rejected`."""
        page = ProcedurePage(live=False)
        ctx, kept = self._load(page, record, loader)
        page._dates_to_the_minute()
        if page.go_live_at and page.go_live_at > timezone.now():
            return None, ctx, kept
        place_under(self.get_parent(), page)
        try:
            # What publish() checks. The rows the mapping found or created are known to
            # exist. Uniqueness: the code was looked up just now (import_record) and the
            # batch keeps its own codes apart; the path is a stand-in until the batch is
            # written under the locked parent; the translation key is new. The database's
            # unique constraints hold all three.
            page.full_clean(exclude=mapping.held_relations(page), validate_unique=False)
        except ValidationError as error:
            # add_child() checked the new draft first (its title and slug, which full_clean
            # checks too): what it refuses is reported as add_child() refused it.
            try:
                page.minimal_clean()
            except ValidationError as draft_error:
                raise Rejected(_mapped(draft_error, _TITLE)) from draft_error
            raise Rejected(_publish_errors(page, error)) from error
        return page, ctx, kept

    def _write_batch(self):
        """Write and commit the open batch; outcomes reported in the file's order. Should the
        database refuse it, its records are imported again one by one."""
        batch, self._batch = self._batch, None
        if batch is None:
            return
        pages = [staged.page for staged in batch.staged]
        failed = None
        try:
            revisions = publish_new_pages(self.get_parent(), pages, self.user)
            index_new_pages(pages)
        except DatabaseError as error:
            failed = error
            batch.atomic.__exit__(type(error), error, error.__traceback__)
        except BaseException:
            batch.abandon(*sys.exc_info())
            raise
        else:
            try:
                batch.atomic.__exit__(None, None, None)
            except DatabaseError as error:  # refused at commit: rolled back already
                failed = error
        if failed is not None:
            batch.discard_files()
            references.forget()
            self._redo(batch)
            return
        for staged, revision in zip(batch.staged, revisions, strict=True):
            staged.outcome.page_id = staged.page.pk
            staged.outcome.revision_id = revision.pk
            if staged.outcome.deferred_related:
                self._deferred.append(
                    (staged.page.pk, staged.outcome.deferred_related, staged.outcome)
                )
        for entry in batch.entries:
            self._report(entry.outcome if isinstance(entry, _Staged) else entry)

    def _redo(self, batch):
        self._redoing = True
        try:
            for entry in batch.entries:
                if isinstance(entry, _Staged):
                    entry = self.import_record(entry.index, entry.record)
                self._report(entry)
        finally:
            self._redoing = False

    def _abandon_batch(self):
        """Interrupted: roll the open batch back, with the files its records added."""
        batch, self._batch = self._batch, None
        if batch is not None:
            batch.abandon(*sys.exc_info())
            references.forget()

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
