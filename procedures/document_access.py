"""Who may open, change and download which document.

**Department collections.** Every department has its own collection, "Dokumenty /
<komórka>" (:meth:`procedures.models.Department.get_document_collection`); the importer
files a procedure's new files there. The editors' group holds Wagtail's collection
permissions (add, change, choose) on the root, and :class:`ProcedureDocumentPermissionPolicy`
narrows them to the collections of the departments that list the user in "Redaktorzy
komórki" — the same list that decides which procedures they edit. The Procedures Office
(``procedures.edit_any_department`` or ``procedures.change_restricted_fields``) and
superusers are not narrowed.

**Published files are the Office's.** A document that a procedure residents see right now
(``ProcedurePage.objects.public()``) shows in a public field can be changed or deleted only
by the Office: replacing its file would change what residents download with no review.
An editor adds a new document and swaps it in the procedure, which goes through moderation.

**Restricted files stay with their readers.** A document that is not public and is shown
by a restricted field ("Opis*", "FAQ*"…) or by an internal procedure can be opened — in
the listing, the chooser, its edit page, the admin API or by its download address — only
by users who may read restricted fields (Call Center, the Office).

**Downloads** from ``/documents/<id>/<filename>``: anyone for a public document; otherwise
only staff who may open it, their copy marked ``Cache-Control: private, no-store`` by
:class:`PrivateDocumentMiddleware`; everyone else gets 404, as if the document did not
exist. Which procedure shows which document comes from Wagtail's reference index.
"""

from functools import reduce, wraps
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.documents.api.admin.views import (
    DocumentsAdminAPIViewSet as _DocumentsAdminAPIViewSet,
)
from wagtail.models import Collection, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import policy_registry

from procedures.models import Department, ProcedureDocument, ProcedurePage
from procedures.models.permissions import edits_any_department
from procedures.public import PUBLIC_FIELDS
from procedures.reading import RESTRICTED_PERMISSION, can_read_restricted, private_response

#: Document permissions that let a user open every file in its collection (editors choose
#: files for their drafts; the library's managers change them).
DOCUMENT_ACTIONS = ["change", "choose"]

#: Actions that would change what residents download.
MODIFYING_ACTIONS = frozenset({"change", "delete"})


def public_field_names():
    """Model fields of a procedure whose content residents see."""
    field_names = {field.name for field in ProcedurePage._meta.get_fields()}
    return frozenset(PUBLIC_FIELDS) & field_names


def is_procedures_office(user):
    """Whether ``user`` manages every document: the Procedures Office and superusers."""
    return (
        user.is_authenticated
        and user.is_active
        and (edits_any_department(user) or user.has_perm(RESTRICTED_PERMISSION))
    )


# --- Which procedures show a document ------------------------------------------------------


def _procedure_references(document_ids=None):
    """``(procedure id, document id, top-level field)`` of references from procedures to
    documents, of all documents or of ``document_ids``."""
    references = ReferenceIndex.objects.filter(
        content_type=ContentType.objects.get_for_model(ProcedurePage),
        to_content_type=ContentType.objects.get_for_model(ProcedureDocument),
    )
    if document_ids is not None:
        references = references.filter(to_object_id__in=[str(pk) for pk in document_ids])
    return [
        (int(page_id), int(document_id), content_path.split(".", 1)[0])
        for page_id, document_id, content_path in references.values_list(
            "object_id", "to_object_id", "content_path"
        )
    ]


def classify_documents(document_ids=None):
    """``(public, restricted)``: ids of documents a public procedure shows in a public
    field, and of the others shown by a restricted field or an internal procedure."""
    references = _procedure_references(document_ids)
    page_ids = {page_id for page_id, _, _ in references}
    public_pages = set(
        ProcedurePage.objects.public().filter(pk__in=page_ids).values_list("pk", flat=True)
    )
    internal_pages = set(
        ProcedurePage.objects.filter(pk__in=page_ids, is_internal=True).values_list("pk", flat=True)
    )
    public_fields = public_field_names()
    public, restricted = set(), set()
    for page_id, document_id, field in references:
        if field in public_fields and page_id in public_pages:
            public.add(document_id)
        elif field not in public_fields or page_id in internal_pages:
            restricted.add(document_id)
    return public, restricted - public


def publishing_procedures(document):
    """The procedures residents see now that show ``document`` in a public field."""
    public_fields = public_field_names()
    page_ids = {
        page_id
        for page_id, _, field in _procedure_references([document.pk])
        if field in public_fields
    }
    return ProcedurePage.objects.public().filter(pk__in=page_ids).order_by("code")


def is_published_document(document):
    """Whether a procedure residents see now shows ``document`` in a public field."""
    return publishing_procedures(document).exists()


def is_restricted_document(document):
    """Whether ``document`` is for readers of restricted fields only: not public, and
    shown by a restricted field or by an internal procedure."""
    return document.pk in classify_documents([document.pk])[1]


# --- The permission policy -----------------------------------------------------------------


class ProcedureDocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection permissions for documents, narrowed three ways: editors act
    only in their departments' collections; a published document is changed or deleted
    only by the Office; a restricted document is opened only by readers of restricted
    fields. See the module's docstring."""

    def _department_paths(self, user):
        paths = getattr(user, "_document_collection_paths", None)
        if paths is None:
            # Departments saved before they had collections (fixtures) get theirs now.
            for department in Department.objects.filter(editors=user, document_collection=None):
                department.get_document_collection()
            paths = list(
                Collection.objects.filter(department__editors=user).values_list("path", flat=True)
            )
            user._document_collection_paths = paths
        return paths

    def _check_perm(self, user, actions, collection=None):
        if not super()._check_perm(user, actions, collection=collection):
            return False
        if is_procedures_office(user):
            return True
        paths = self._department_paths(user)
        if collection is None:
            return bool(paths)
        return any(collection.path.startswith(path) for path in paths)

    def _collections_with_perm(self, user, actions):
        collections = super()._collections_with_perm(user, actions)
        if is_procedures_office(user):
            return collections
        paths = self._department_paths(user)
        if not paths:
            return Collection.objects.none()
        return collections.filter(reduce(or_, (Q(path__startswith=path) for path in paths)))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if not can_read_restricted(user) and is_restricted_document(instance):
            return False
        if (
            actions & MODIFYING_ACTIONS
            and not is_procedures_office(user)
            and is_published_document(instance)
        ):
            actions -= MODIFYING_ACTIONS
        return bool(actions) and super().user_has_any_permission_for_instance(
            user, actions, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        documents = super().instances_user_has_any_permission_for(user, actions)
        if can_read_restricted(user):
            return documents
        return documents.exclude(pk__in=classify_documents()[1])


def document_permission_policy():
    """The policy Wagtail uses for the document model."""
    return policy_registry.get_by_type(ProcedureDocument)


# --- The admin's edit and delete views -----------------------------------------------------


def published_document_message(document):
    """Why an editor may not change ``document``, and what to do instead."""
    codes = ", ".join(publishing_procedures(document).values_list("code", flat=True))
    return (
        f"Dokumentu „{document.title}” nie można zmienić ani usunąć, bo mieszkańcy pobierają "
        f"go z opublikowanej procedury {codes}. Dodaj nowy dokument, wybierz go w tej "
        "procedurze i wyślij ją do moderacji. Plik opublikowanej procedury może podmienić "
        "lub usunąć tylko Oddział ds. Procedur i Zgłoszeń Interwencyjnych."
    )


def refuse_published_documents(view):
    """Wrap Wagtail's document edit or delete view: an editor who opens a published
    document is sent back to the library with :func:`published_document_message` instead
    of Wagtail's generic refusal. The policy refuses the change in any case."""

    @wraps(view)
    def wrapper(request, document_id, *args, **kwargs):
        document = ProcedureDocument.objects.filter(pk=document_id).first()
        if (
            document is not None
            and not is_procedures_office(request.user)
            and is_published_document(document)
        ):
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                raise PermissionDenied
            messages.error(request, published_document_message(document))
            return redirect("wagtaildocs:index")
        return view(request, *args, document_id=document_id, **kwargs)

    return wrapper


# --- The admin API ------------------------------------------------------------------------


class DocumentsAdminAPIViewSet(_DocumentsAdminAPIViewSet):
    """``/admin/api/main/documents/``: only the documents the user may change or choose
    (Wagtail's lists every document to every admin user)."""

    def get_queryset(self):
        allowed = document_permission_policy().instances_user_has_any_permission_for(
            self.request.user, DOCUMENT_ACTIONS
        )
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


# --- Downloads -----------------------------------------------------------------------------


def is_staff_reader(user, document):
    """Whether ``user`` may open a document that is not public: readers of restricted
    fields, and users the document policy lets change or choose it."""
    if not user.is_authenticated or not user.is_active:
        return False
    if can_read_restricted(user):
        return True
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(user, DOCUMENT_ACTIONS, document)


def check_document_access(document, request):
    """The ``before_serve_document`` rule: ``None`` when the download may go ahead,
    ``Http404`` otherwise. A restricted document let through is noted on the request for
    :class:`PrivateDocumentMiddleware`."""
    if is_published_document(document):
        return None
    if is_staff_reader(request.user, document):
        request.restricted_document = True
        return None
    raise Http404("Nie ma takiego dokumentu.")


class PrivateDocumentMiddleware:
    """Marks the download of a restricted document ``Cache-Control: private, no-store``.

    Wagtail builds the file response after the ``before_serve_document`` hooks and a
    hook can only replace it with a non-streaming one, so the headers are added here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "restricted_document", False):
            private_response(response)
        return response
