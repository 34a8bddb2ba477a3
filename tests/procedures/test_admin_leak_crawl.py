"""Crawl the admin as a department editor: no restricted value of another department's
procedure or of an internal procedure may reach them, on any side path.

Markers go into every restricted field ("*" of Order No. 734/2023) of two procedures: a
live public procedure of another department and an internal procedure of the editor's own
department (which the editor may edit, so every editing side path is open to them). Each
holds an older revision with other markers, a comment and a reply on "Opis*", and a document
linked only from a restricted field; a third procedure, internal and of another department,
shows a document in its "Wymagane dokumenty". Logged in as the editor, the crawler starts at
/admin/ and a list of known URLs (edit, preview, history, revisions, compare, revert,
documents, choosers, reports and their CSV/XLSX exports, update requests, search, the
project's own views) and follows every same-site URL it finds in a response (links, form
actions, ``data-*`` attributes, JSON) under /admin/, /documents/, /call-center/ and /api/,
GET only, breadth first. Every body, decoded (HTML entities, JavaScript escapes, XLSX
unzipped, downloads as bytes), is searched for every marker without regard to case; the
admin's page searches are asked for each restricted value. The same crawl as a Call Center
agent, who may read the restricted fields, must find them, so the editor's crawl can fail.

Leaks are all collected and reported together: every leaked marker, where it was planted
and every path that showed it.
"""

import itertools
import re
import zipfile
from collections import Counter, deque
from html import unescape
from io import BytesIO
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Comment, CommentReply

from procedures import roles
from procedures.models import ProcedureDocument, ProcedurePage, UpdateRequest
from tests.factories import (
    DepartmentFactory,
    ProcedurePageFactory,
    document,
    faq_item,
    fill_restricted_fields,
)
from tests.procedures import files
from tests.staff import member

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

#: Where the crawler goes: the admin and everything it links to that serves staff.
PREFIXES = ("/admin/", "/documents/", "/call-center/", "/api/")
#: Paths found anywhere in a body: attributes, inline JSON, absolute URLs of any host.
URL_IN_TEXT = re.compile(
    r"(?:https?://[\w.:\-\[\]]+)?(/(?:admin|documents|call-center|api)/[^\s\"'<>\\`{}|^]*)"
)
#: GET is safe in Wagtail, but confirmation pages of destructive actions add nothing here.
NEVER = re.compile(
    r"logout|/delete|/editing-sessions/|/unpublish/|/lock/|/unlock/|/cancel|/disable/|/unschedule"
)
MAX_PAGES = 500
MAX_PER_SHAPE = 4  # found URLs of one shape: the same view for other ids or other sorting

#: What each kind of marker stands for, as the leak report names it.
FIELDS = {
    "cc_description": "Opis* (cc_description)",
    "cc_other": "Inne* (cc_other)",
    "faq_question": "FAQ* question (faq)",
    "faq_answer": "FAQ* answer (faq)",
    "owner": "Właściciel* (procedure_owner)",
    "owner_email": "Właściciel*'s e-mail (procedure_owner)",
    "owner_phone": "Właściciel*'s phone (procedure_owner)",
    "coordinator": "Koordynator* (coordinator)",
    "coordinator_email": "Koordynator*'s e-mail (coordinator)",
    "coordinator_phone": "Koordynator*'s phone (coordinator)",
    "cc_contacts": "Telefony* (cc_contacts): the employee",
    "cc_contacts_email": "Telefony* (cc_contacts): the employee's e-mail",
    "cc_contacts_phone": "Telefony* (cc_contacts): the phone number",
    "comment": "a comment on Opis* (Wagtail commenting)",
    "comment_reply": "a reply to a comment on Opis*",
    "document_title": "the title of a document not public",
    "document_file": "the text inside a document not public",
    "document_text": "the printed text of the PDF linked from Opis*",
}
#: Markers naming a person: the staff directory (the employee chooser) lists every
#: employee by name, which says nothing of the procedures they own or coordinate.
PERSON = {
    "owner",
    "owner_email",
    "coordinator",
    "coordinator_email",
    "cc_contacts",
    "cc_contacts_email",
}
STAFF_DIRECTORY = (
    "/admin/snippets/choose/procedures/employee/",
    "/admin/snippets/procedures/employee/",
)


#: Phone numbers of their own for every person planted (none is anybody else's).
_phones = itertools.count(11)


def markers_for(tag, revision):
    """Markers of one procedure (``tag``) in one revision, e.g. ``ZASTRZ-OBCA-NOWA-OPIS``:
    one for every key of ``factories.RESTRICTED_MARKERS``."""
    prefix = f"ZASTRZ-{tag}-{revision}"
    email = prefix.lower()
    return {
        "cc_description": f"{prefix}-OPIS",
        "cc_other": f"{prefix}-INNE",
        "faq_question": f"{prefix}-PYTANIE",
        "faq_answer": f"{prefix}-ODPOWIEDZ",
        "owner": f"{prefix}-WLASCICIEL",
        "owner_email": f"{email}-wlasciciel@example.invalid",
        "owner_phone": f"42 998 {next(_phones)} 01",
        "coordinator": f"{prefix}-KOORDYNATOR",
        "coordinator_email": f"{email}-koordynator@example.invalid",
        "coordinator_phone": f"42 998 {next(_phones)} 02",
        "cc_contacts": f"{prefix}-TELEFON",
        "cc_contacts_email": f"{email}-telefon@example.invalid",
        "cc_contacts_phone": f"42 998 {next(_phones)} 03",
        "document_title": f"{prefix}-OPIS-PLIK-TYTUL",
        "document_file": f"{email}-opis-plik",
        "document_text": f"{prefix}-OPIS-PLIK-TRESC",
    }


class Scene:
    """The planted procedures and documents, who is who, and where each marker lies."""

    def __init__(self):
        self.where = {}  # marker → (procedure code, FIELDS key, "older"/"latest" revision)
        self.procedures = []  # those whose every restricted field holds markers
        self.documents = []
        self.revisions = {}  # page pk → (older revision, latest revision)

    def plant(self, code, key, marker, revision="latest"):
        self.where[marker] = (code, key, revision)

    def describe(self, marker):
        code, key, revision = self.where[marker]
        return f"{code}: {FIELDS[key]}, {revision} revision"


def restricted_document(scene, code, tag):
    """A PDF whose title, file name and text carry markers; linked by the caller."""
    doc = ProcedureDocument(title=f"ZASTRZ-{tag}-PLIK-TYTUL")
    doc.file.save(
        f"zastrz-{tag.lower()}-plik.pdf",
        ContentFile(files.PDF + f"ZASTRZ-{tag}-PLIK-TRESC".encode()),
        save=False,
    )
    doc._set_document_file_metadata()
    doc.save()
    scene.plant(code, "document_title", doc.title)
    scene.plant(code, "document_file", f"ZASTRZ-{tag}-PLIK-TRESC")
    scene.documents.append(doc)
    return doc


def plant_restricted_fields(scene, page, tag, moderator, doc_field):
    """Two published revisions with different markers in every restricted field, a
    document linked only from ``doc_field`` (a restricted field), a comment and a reply."""
    old = markers_for(tag, "STARA")
    fill_restricted_fields(page, old)
    first = page.save_revision(user=moderator)
    first.publish(user=moderator)
    for key, marker in old.items():
        scene.plant(page.code, key, marker, "older")

    page = ProcedurePage.objects.get(pk=page.pk)
    new = markers_for(tag, "NOWA")
    fill_restricted_fields(page, new)
    doc = restricted_document(scene, page.code, tag)
    link = f'<a linktype="document" id="{doc.pk}">plik</a>'
    if doc_field == "cc_description":
        # Beside the factory's own document, which "Opis*" links already.
        page.cc_description = f"{page.cc_description}<p>{link}</p>"
    else:
        page.faq = [faq_item(new["faq_question"], f"<p>{new['faq_answer']} {link}</p>")]
    latest = page.save_revision(user=moderator)
    latest.publish(user=moderator)
    for key, marker in new.items():
        scene.plant(page.code, key, marker)

    # As the editor's form saves a comment: anchored to the field, logged in the history.
    comment = Comment.objects.create(
        page=page,
        user=moderator,
        text=f"ZASTRZ-{tag}-KOMENTARZ",
        contentpath="cc_description",
        revision_created=latest,
    )
    comment.log_create(page_revision=latest, user=moderator)
    reply = CommentReply.objects.create(
        comment=comment, user=moderator, text=f"ZASTRZ-{tag}-REPLIKA"
    )
    reply.log_create(page_revision=latest, user=moderator)
    scene.plant(page.code, "comment", comment.text)
    scene.plant(page.code, "comment_reply", reply.text)
    scene.procedures.append(ProcedurePage.objects.get(pk=page.pk))
    scene.revisions[page.pk] = (first, latest)


@pytest.fixture
def scene(procedure_index):
    """A department editor, an agent; procedures and documents full of markers."""
    scene = Scene()
    own, other = DepartmentFactory(), DepartmentFactory()
    scene.editor = member(roles.EDITORS, own)
    scene.agent = member(roles.CALL_CENTER)
    moderator = member(roles.MODERATORS)

    # The editor's ordinary procedure: their choosers and listings have something to show.
    ProcedurePageFactory(parent=procedure_index, department=own, title="Procedura redaktora")
    # Another department's live public procedure: the document is linked from "Opis*".
    foreign = ProcedurePageFactory(
        parent=procedure_index, department=other, code="KA-07001", title="Procedura obca"
    )
    plant_restricted_fields(scene, foreign, "OBCA", moderator, "cc_description")
    # An internal procedure of the editor's own department, so that the editor reaches its
    # edit form, preview, revert and comments: the document is linked from "FAQ*".
    internal = ProcedurePageFactory(
        parent=procedure_index,
        department=own,
        code="ZG-07002",
        title="Procedura wewnętrzna",
        is_internal=True,
    )
    plant_restricted_fields(scene, internal, "WEWN", moderator, "faq")
    # Another department's internal procedure: its "Wymagane dokumenty" are not public.
    hidden = ProcedurePageFactory(
        parent=procedure_index,
        department=other,
        code="ZG-07003",
        title="Druga procedura wewnętrzna",
        is_internal=True,
    )
    hidden_doc = restricted_document(scene, hidden.code, "WEWN2")
    hidden.required_documents = [document("Wniosek wewnętrzny", file=hidden_doc)]
    hidden.save_revision(user=moderator).publish(user=moderator)

    # Side paths with something in them: a page in moderation, a locked page, a request.
    foreign = ProcedurePage.objects.get(pk=foreign.pk)
    foreign.get_workflow().start(foreign, moderator)
    foreign.locked, foreign.locked_by = True, moderator
    foreign.save(update_fields=["locked", "locked_by"])
    UpdateRequest.objects.create(
        procedure=foreign,
        requested_by=scene.agent,
        subject="Zmiana godzin przyjęć",
        description="Godziny przyjęć się zmieniły.",
    )
    scene.index = procedure_index
    return scene


def known_urls(scene):
    """URLs every role is tried on, whether or not a page links to them."""
    urls = [
        "/admin/",
        f"/admin/pages/{scene.index.pk}/",
        "/admin/pages/search/?q=ZASTRZ",
        "/admin/documents/",
        "/admin/documents/?q=ZASTRZ",
        "/admin/documents/chooser/",
        "/admin/documents/chooser/results/?q=ZASTRZ",
        "/admin/choose-page/",
        f"/admin/choose-page/{scene.index.pk}/",
        "/admin/choose-page/search/?q=Procedura",
        "/admin/snippets/choose/procedures/employee/",
        "/admin/snippets/choose/procedures/employee/results/?q=ZASTRZ",
        "/admin/snippets/procedures/employee/",
        "/admin/snippets/procedures/updaterequest/",
        "/admin/snippets/procedures/updaterequest/?q=ZASTRZ",
        "/admin/procedury/inne/",
        "/admin/procedury/inne/wyniki/?q=ZASTRZ",
        "/call-center/",
        "/call-center/?q=ZASTRZ",
        "/admin/api/main/pages/?fields=*",
        f"/admin/api/main/pages/?child_of={scene.index.pk}&fields=*",
        "/admin/api/main/documents/?fields=*",
        "/api/v2/procedures/",
        "/api/v2/openapi.json",
    ]
    for report in (
        "locked",
        "aging-pages",
        "site-history",
        "page-types-usage",
        "workflow",
        "workflow_tasks",
    ):
        urls += [f"/admin/reports/{report}/" + suffix for suffix in ("", "?export=csv")]
        urls.append(f"/admin/reports/{report}/?export=xlsx")
    for request in UpdateRequest.objects.all():
        urls += [
            f"/admin/snippets/procedures/updaterequest/inspect/{request.pk}/",
            f"/admin/snippets/procedures/updaterequest/edit/{request.pk}/",
        ]
    for page in scene.procedures:
        base = f"/admin/pages/{page.pk}"
        first, latest = scene.revisions[page.pk]
        urls += [
            f"{base}/",
            f"{base}/edit/",
            f"{base}/edit/preview/",
            f"{base}/view_draft/",
            f"{base}/history/",
            f"{base}/history/?export=csv",
            f"{base}/history/?export=xlsx",
            f"{base}/revisions/",
            f"{base}/usage/",
            f"{base}/copy/",
            f"{base}/workflow_history/",
            f"{base}/revisions/compare/earliest...{latest.pk}/",
            f"{base}/revisions/compare/{first.pk}...{latest.pk}/",
            f"{base}/revisions/compare/live...{first.pk}/",
            f"{base}/revisions/compare/live...{latest.pk}/",
            f"/admin/api/main/pages/{page.pk}/",
            f"/admin/api/main/pages/{page.pk}/?fields=*",
            f"/admin/procedury/{page.pk}/inne/",
            f"/call-center/procedura/{page.code}/",
            f"/api/v2/procedures/{page.pk}/",
            f"/api/v2/procedures/{page.pk}/history/",
            f"/api/v2/procedures/code/{page.code}/",
        ]
        for revision in (first, latest):
            urls += [
                f"{base}/revisions/{revision.pk}/view/",
                f"{base}/revisions/{revision.pk}/revert/",
            ]
    for doc in scene.documents:
        urls += [
            f"/admin/documents/edit/{doc.pk}/",
            f"/admin/documents/usage/{doc.pk}/",
            f"/documents/{doc.pk}/{doc.filename}",
            f"/admin/documents/chooser/chosen/{doc.pk}/",
        ]
    # Search for words of the markers, never a whole marker: the echo of the query on the
    # results page must not look like a leak, and no stripping of that echo can hide one.
    words = {word for marker in scene.where for word in re.findall(r"[A-Z]{3,}", marker)}
    for word in sorted(words):
        urls += [
            f"/admin/pages/search/?q={word}",
            f"/admin/documents/?q={word}",
            f"/admin/choose-page/search/?q={word}",
        ]
    return list(dict.fromkeys(urls))


def decode(response):
    """The body as text to search: HTML entities, ``\\uXXXX`` escapes and URL escapes
    undone; zip-based downloads (XLSX) unpacked; anything else read as bytes."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    texts = [body.decode("utf-8", errors="replace")]
    if body[:2] == b"PK":
        with zipfile.ZipFile(BytesIO(body)) as archive:
            texts += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
    text = "\n".join(texts)
    text = unescape(re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), text))
    return text + "\n" + unquote(text)


def normalise(url, base):
    """``url`` as a path with its query, without the fragment and ``next=``; or ``None``
    when it leads outside the staff paths or to a confirmation page left alone."""
    parts = urlsplit(urljoin(base, unescape(url)))
    if parts.netloc not in ("", "testserver") and not parts.path.startswith(PREFIXES):
        return None
    if not parts.path.startswith(PREFIXES) or NEVER.search(parts.path):
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, True) if k != "next"])
    return parts.path + (f"?{query}" if query else "")


def crawl(client, known):
    """GET ``known`` and every staff URL reachable from it, breadth first.

    Returns ``{path: (status, decoded body)}``. Known URLs are all visited; of those
    found on the way, a few of each shape (ids and query strings aside) are enough.
    """
    queue = deque((url, True) for url in known)
    seen, shapes, bodies = set(), Counter(), {}
    while queue and len(bodies) < MAX_PAGES:
        url, is_known = queue.popleft()
        path = normalise(url, "/")
        if path is None or path in seen:
            continue
        shape = re.sub(r"\d+", "N", path.split("?", 1)[0])
        if not is_known and shapes[shape] >= MAX_PER_SHAPE:
            continue
        seen.add(path)
        shapes[shape] += not is_known
        response = client.get(path)
        text = decode(response)
        bodies[path] = (response.status_code, text)
        if response.has_header("Location"):
            queue.appendleft((urljoin(path, response["Location"]), True))
        queue.extend((urljoin(path, found), False) for found in URL_IN_TEXT.findall(text))
    return bodies


def leaks_in(bodies, scene):
    """``{path: [marker, …]}``: the markers in each body, case-insensitively (a person's
    name, e-mail or number in the staff directory is not a leak, see ``PERSON``)."""
    leaks = {}
    for path, (_status, text) in bodies.items():
        text = text.lower()
        found = [
            marker
            for marker, (_code, key, _revision) in scene.where.items()
            if marker.lower() in text and not (key in PERSON and path.startswith(STAFF_DIRECTORY))
        ]
        if found:
            leaks[path] = sorted(found)
    return leaks


#: Markers a search index could hold: text of the procedure's own restricted fields.
SEARCHABLE = {"cc_description", "cc_other", "faq_question", "faq_answer"}


#: The admin's page searches, and the context variable holding what each one found.
PAGE_SEARCHES = {"/admin/pages/search/": "object_list", "/admin/choose-page/search/": "pages"}


def search_leaks(client, scene):
    """``{path: [marker]}`` for each admin page search by a restricted value that finds
    the procedure holding it. The results list titles, not the value searched for, so
    this is asked of the results themselves, not of the body."""
    codes = {page.pk: page.code for page in scene.procedures}
    leaks = {}
    for marker, (code, key, _revision) in scene.where.items():
        if key not in SEARCHABLE:
            continue
        for search, results in PAGE_SEARCHES.items():
            path = f"{search}?{urlencode({'q': marker})}"
            response = client.get(path)
            assert response.status_code == 200, path
            if code in {codes.get(page.pk) for page in response.context[results]}:
                leaks[path] = [marker]
    return leaks


def report(scene, leaks):
    """One paragraph per leaked marker: where it was planted and every path that showed it."""
    paths = {}
    for path, markers in leaks.items():
        for marker in markers:
            paths.setdefault(marker, []).append(path)
    return "\n".join(
        f"{marker} — {scene.describe(marker)}:\n  " + "\n  ".join(sorted(found))
        for marker, found in sorted(paths.items())
    )


def test_department_editor_reaches_no_restricted_value(client, scene):
    client.force_login(scene.editor)
    bodies = crawl(client, known_urls(scene))

    reached = {path for path, (status, _) in bodies.items() if status == 200}
    internal = scene.procedures[1]
    # The crawl is logged in and reaches the editing side paths of the internal procedure.
    for view in ("edit", "edit/preview", "history", "usage"):
        assert f"/admin/pages/{internal.pk}/{view}/" in reached, sorted(reached)
    first, latest = scene.revisions[internal.pk]
    assert f"/admin/pages/{internal.pk}/revisions/{first.pk}/revert/" in reached
    assert f"/admin/pages/{internal.pk}/revisions/compare/{first.pk}...{latest.pk}/" in reached
    assert len(reached) > 150, sorted(reached)

    leaks = leaks_in(bodies, scene) | search_leaks(client, scene)
    assert not leaks, "Restricted values reached by a department editor:\n" + report(scene, leaks)


def test_call_center_agent_reaches_the_restricted_values(client, scene):
    """The same crawl as an agent finds every restricted value: the editor's can fail."""
    client.force_login(scene.agent)
    bodies = crawl(client, known_urls(scene))

    found = {marker for markers in leaks_in(bodies, scene).values() for marker in markers}
    # Agents have no page permissions (so no comments) and no document library of their own:
    # they open restricted documents from the Call Center view, by download (the file's text).
    not_on_their_paths = {"comment", "comment_reply", "document_title"}
    missing = [
        scene.describe(marker)
        for marker, (_code, key, revision) in scene.where.items()
        if revision == "latest" and key not in not_on_their_paths and marker not in found
    ]
    assert not missing, missing
