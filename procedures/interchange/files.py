"""Files of the interchange format: paths beside the JSON file in, URLs or paths out."""

import hashlib
import shutil
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from wagtail.models import Collection

from procedures.models import Department, ProcedureDocument
from procedures.validators import FORM_FORMATS, file_extension, validate_document_file

from .mapping import RecordError


class DocumentLoader:
    """Turns file paths of a record into documents, checked by the admin's file rule.

    Identical files (same SHA-1) become one document, so re-importing creates none.
    ``created`` lists the documents made for the current record, so a rejected record's
    files can be removed again, and so that :meth:`file_under` can put them in the
    collection of the procedure's department, whose editors manage them.
    """

    def __init__(self, base_dir, code=None, dry_run=False):
        self.base_dir = Path(base_dir)
        self.code = code  # kept for callers; files are filed by department
        self.dry_run = dry_run
        self.created = []

    def load(self, relative_path, path, *, title, form=False):
        if not relative_path:
            return None
        source = (self.base_dir / relative_path).resolve()
        if not source.is_relative_to(self.base_dir.resolve()):
            raise RecordError(path, f"Ścieżka „{relative_path}” wychodzi poza katalog pliku JSON.")
        if not source.is_file():
            raise RecordError(path, f"Nie znaleziono pliku „{relative_path}”.")
        is_form = form and file_extension(source.name) in FORM_FORMATS
        with source.open("rb") as handle:
            try:
                validate_document_file(handle, source.name, is_form=is_form)
            except ValidationError as error:
                raise RecordError(path, error.messages[0]) from error
            digest = hashlib.sha1(handle.read(), usedforsecurity=False).hexdigest()
            existing = ProcedureDocument.objects.filter(file_hash=digest).order_by("pk").first()
            if existing:
                return existing.pk
            if self.dry_run:
                return None
            handle.seek(0)
            document = ProcedureDocument(
                title=title[:255],
                is_fillable_form=is_form,
                collection=Collection.get_first_root_node(),
            )
            document.file.save(source.name, File(handle), save=False)
            document._set_document_file_metadata()
            document.save()
        self.created.append(document)
        return document.pk

    def file_under(self, department_id):
        """Move the documents made for this record into the "Dokumenty / <komórka>"
        collection of ``department_id`` (the root stays when there is none)."""
        if not self.created:
            return
        department = Department.objects.filter(pk=department_id).first()
        if department is None:
            return
        ProcedureDocument.objects.filter(pk__in=[doc.pk for doc in self.created]).update(
            collection=department.get_document_collection()
        )

    def discard_created(self):
        """Remove the files of documents made for a record that was then rejected."""
        for document in self.created:
            document.file.storage.delete(document.file.name)
        self.created = []


class DocumentDumper:
    """Names a document in an export.

    With ``out_dir`` the files are copied there (``<sha1>.<ext>``, stable across systems)
    and referenced by a path relative to the JSON file — a self-contained backup that
    imports back as it is. Without it, documents are absolute download URLs.
    """

    def __init__(self, out_dir=None, relative_to=None):
        self.out_dir = Path(out_dir) if out_dir else None
        self.relative_to = Path(relative_to) if relative_to else None

    def reference(self, document):
        if document is None:
            return None
        if self.out_dir is None:
            return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + document.url
        extension = file_extension(document.file.name)
        name = (
            f"{document.file_hash or document.pk}.{extension}"
            if extension
            else str(document.file_hash)
        )
        target = self.out_dir / name
        if not target.exists():
            self.out_dir.mkdir(parents=True, exist_ok=True)
            with document.file.open("rb") as source, target.open("wb") as sink:
                shutil.copyfileobj(source, sink)
        return str(target.relative_to(self.relative_to)) if self.relative_to else str(target)
