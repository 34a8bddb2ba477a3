"""Update requests that arrive by e-mail (the intake of the monitoring mailbox).

Under § 11 ust. 2 of Order No. 734/2023 a request may be sent to the monitoring mailbox
(monitoring@uml.lodz.pl) when filing it in the system is technically impossible.
:func:`ingest` files every message of a maildir or a folder of ``.eml`` files as an
:class:`~procedures.models.UpdateRequest`: with its procedure when the subject or the body
names a known procedure code, otherwise unassigned for a person to assign. No message is
dropped, and a message already filed (same Message-ID) is not filed again.
"""

import hashlib
import html
import io
import mailbox
import mimetypes
import re
from dataclasses import dataclass, field
from datetime import UTC
from email import policy
from email.parser import BytesParser
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags

from procedures.models import ProcedurePage, UpdateRequest, UpdateRequestAttachment
from procedures.models.requests import validate_attachment
from procedures.validators import CODE_PATTERN

MONITORING_MAILBOX = "monitoring@uml.lodz.pl"

#: A procedure code anywhere in running text, e.g. "(KA-01147)" or "KA-01147:".
CODE_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])" + CODE_PATTERN.strip("^$") + r"(?![0-9])")

NO_SUBJECT = "(bez tematu)"
NO_BODY = "(wiadomość bez treści)"

SUBJECT_MAX = UpdateRequest._meta.get_field("subject").max_length
NAME_MAX = UpdateRequest._meta.get_field("requester_name").max_length
EMAIL_MAX = UpdateRequest._meta.get_field("requester_email").max_length
FILE_NAME_MAX = 120


class MailSourceError(Exception):
    """The path is neither a maildir, a folder of ``.eml`` files nor an ``.eml`` file."""


@dataclass
class Attachment:
    name: str
    content: bytes


@dataclass
class ParsedMail:
    """What a request needs from one e-mail, decoded."""

    message_id: str
    subject: str
    body: str
    requester_name: str
    requester_email: str
    sent_at: object  # an aware datetime
    attachments: list[Attachment] = field(default_factory=list)


@dataclass
class IngestResult:
    """The fate of one message: ``filed``, ``unassigned``, ``duplicate`` or ``error``."""

    source: str
    outcome: str
    subject: str = ""
    code: str = ""
    request: UpdateRequest | None = None
    error: str = ""
    dry_run: bool = False

    @property
    def line(self):
        """One line in Polish for the command's output."""
        subject = f"„{self.subject}”" if self.subject else self.source
        number = f" (wniosek nr {self.request.pk})" if self.request and self.request.pk else ""
        filed = "zostałby zarejestrowany" if self.dry_run else "zarejestrowany"
        if self.outcome == "filed":
            return f"{self.source}: {subject} → {self.code}, {filed}{number}."
        if self.outcome == "unassigned":
            return (
                f"{self.source}: {subject} → bez znanej procedury, {filed} do przypisania{number}."
            )
        if self.outcome == "duplicate":
            return f"{self.source}: {subject} → już zarejestrowany{number}, pominięty."
        return f"{self.source}: nie udało się odczytać wiadomości: {self.error}"


# --- Reading messages -------------------------------------------------------------------


def iter_messages(path):
    """``(label, raw bytes)`` for each message of a maildir, a folder of .eml or one .eml."""
    path = Path(path)
    if path.is_file():
        yield path.name, path.read_bytes()
    elif path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir():
        box = mailbox.Maildir(path, factory=None, create=False)
        for key in sorted(box.keys()):
            yield key, box.get_bytes(key)
    elif path.is_dir():
        for eml in sorted(p for p in path.iterdir() if p.suffix.lower() == ".eml"):
            yield eml.name, eml.read_bytes()
    else:
        raise MailSourceError(
            f"Nie ma {path}. Podaj katalog maildir (z podkatalogami cur/ i new/), katalog "
            "z plikami .eml albo pojedynczy plik .eml."
        )


def parse_message(raw):
    """The decoded parts of one e-mail (``raw`` bytes), whatever its charsets."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    message_id = _header(message, "Message-ID").strip()
    if not message_id:
        # Without a Message-ID the content itself identifies the mail on a second run.
        message_id = f"<sha256-{hashlib.sha256(raw).hexdigest()}@bez-message-id>"
    name, address = _sender(message)
    return ParsedMail(
        message_id=message_id,
        subject=_shorten(" ".join(_header(message, "Subject").split()), SUBJECT_MAX) or NO_SUBJECT,
        body=_body_text(message),
        requester_name=name[:NAME_MAX],
        requester_email=address if len(address) <= EMAIL_MAX else "",
        sent_at=_sent_at(message),
        attachments=list(_attachments(message)),
    )


def _header(message, name):
    try:
        value = message[name]
    except (IndexError, ValueError, TypeError):
        # A header the parser cannot structure: keep its raw text.
        raw = (value for key, value in message.raw_items() if key.lower() == name.lower())
        value = next(raw, "")
    return str(value or "")


def _sender(message):
    try:
        header = message["From"]
        addresses = header.addresses if header is not None else ()
    except (IndexError, ValueError, TypeError, AttributeError):
        addresses = ()
    if addresses:
        return addresses[0].display_name or "", addresses[0].addr_spec or ""
    return _header(message, "From").strip(), ""


def _sent_at(message):
    try:
        header = message["Date"]
        sent_at = header.datetime if header is not None else None
    except (IndexError, ValueError, TypeError, AttributeError):
        sent_at = None
    if sent_at is None:
        return timezone.now()
    if timezone.is_naive(sent_at):
        # "-0000" means the sender's zone is unknown; RFC 5322 reads the time as UTC.
        sent_at = sent_at.replace(tzinfo=UTC)
    return sent_at


def _body_text(message):
    part = message.get_body(preferencelist=("plain",))
    if part is not None:
        text = _text_content(part)
    else:
        part = message.get_body(preferencelist=("html",))
        text = _html_to_text(_text_content(part)) if part is not None else ""
    text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _text_content(part):
    try:
        return part.get_content()
    except (LookupError, ValueError):
        # An unknown or wrong charset: decode leniently rather than lose the text.
        return (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")


def _html_to_text(markup):
    markup = re.sub(r"(?is)<(script|style|head)\b.*?</\1\s*>", " ", markup)
    markup = re.sub(r"(?i)<br\s*/?>|</(p|div|li|tr|h[1-6])\s*>", "\n", markup)
    text = html.unescape(strip_tags(markup))
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def _attachments(message):
    for number, part in enumerate(message.iter_attachments(), start=1):
        if part.get_content_maintype() == "message":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            content = inner.as_bytes() if inner is not None else b""
        elif part.is_multipart():
            continue
        else:
            content = part.get_payload(decode=True) or b""
        yield Attachment(name=_file_name(part, number), content=content)


def _file_name(part, number):
    name = (part.get_filename() or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name:
        extension = mimetypes.guess_extension(part.get_content_type()) or ".bin"
        if part.get_content_type() == "message/rfc822":
            extension = ".eml"
        name = f"zalacznik-{number}{extension}"
    if len(name) > FILE_NAME_MAX:
        stem, dot, extension = name.rpartition(".")
        name = f"{stem[: FILE_NAME_MAX - len(extension) - 1]}.{extension}" if dot else name
    return name[:FILE_NAME_MAX]


def _shorten(text, limit):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- Filing -----------------------------------------------------------------------------


def find_procedure(subject, body):
    """The procedure the mail is about: the first known code in the subject, then the body.

    Returns ``(page, code)``, or ``(None, "")`` when no code names a procedure.
    """
    codes = [*CODE_IN_TEXT.findall(subject or ""), *CODE_IN_TEXT.findall(body or "")]
    if not codes:
        return None, ""
    known = dict(ProcedurePage.objects.filter(code__in=set(codes)).values_list("code", "pk"))
    for code in codes:
        if code in known:
            return ProcedurePage.objects.get(pk=known[code]), code
    return None, ""


def file_message(raw, source="", *, dry_run=False, seen=None):
    """File one e-mail (``raw`` bytes) as an update request; an :class:`IngestResult`.

    ``seen`` collects the Message-IDs of this run, so a dry run also reports a message
    repeated in the same folder as a duplicate.
    """
    try:
        mail = parse_message(raw)
    except Exception as error:  # one unreadable message must not stop the run
        return IngestResult(source, "error", error=str(error) or type(error).__name__)
    seen = set() if seen is None else seen
    existing = UpdateRequest.objects.filter(message_id=mail.message_id).first()
    if existing is not None or mail.message_id in seen:
        return IngestResult(source, "duplicate", subject=mail.subject, request=existing)
    seen.add(mail.message_id)

    procedure, code = find_procedure(mail.subject, mail.body)
    request = UpdateRequest(
        procedure=procedure,
        source=UpdateRequest.Source.EMAIL,
        requester_name=mail.requester_name,
        requester_email=mail.requester_email,
        subject=mail.subject,
        description=mail.body or NO_BODY,
        created_at=mail.sent_at,
        message_id=mail.message_id,
    )
    attachments = []
    for attachment in mail.attachments:
        try:
            validate_attachment(io.BytesIO(attachment.content), attachment.name)
        except ValidationError as error:
            # The request is filed all the same; the person handling it reads why the
            # file is missing and may ask the sender for another.
            request.description += f"\n\n[Pominięto załącznik: {' '.join(error.messages)}]"
        else:
            attachments.append(attachment)
    outcome = "filed" if procedure else "unassigned"
    if not dry_run:
        try:
            with transaction.atomic():
                request.save()
                for attachment in attachments:
                    UpdateRequestAttachment(request=request, name=attachment.name).file.save(
                        attachment.name, ContentFile(attachment.content), save=True
                    )
        except IntegrityError:
            # Filed by a concurrent run between the check above and this save.
            existing = UpdateRequest.objects.filter(message_id=mail.message_id).first()
            if existing is None:
                raise
            return IngestResult(source, "duplicate", subject=mail.subject, request=existing)
    return IngestResult(
        source, outcome, subject=mail.subject, code=code, request=request, dry_run=dry_run
    )


def ingest(path, *, dry_run=False):
    """File every message under ``path``; yields an :class:`IngestResult` per message.

    ``path`` is a maildir (``cur/`` and ``new/``), a folder of ``.eml`` files or one
    ``.eml`` file; :class:`MailSourceError` when it is none of them. The mailbox itself
    is left as it is: filing again is safe, already filed messages are recognised.
    """
    seen = set()
    for source, raw in iter_messages(path):
        yield file_message(raw, source, dry_run=dry_run, seen=seen)
