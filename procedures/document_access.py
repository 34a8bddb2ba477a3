"""Who may download a document from ``/documents/<id>/<filename>``.

Anyone, when a procedure residents see right now (``ProcedurePage.objects.public()``)
shows the document in one of its public fields (``procedures.public.PUBLIC_FIELDS``).
Otherwise only staff: readers of the Call Center view and users with Wagtail's document
permissions; with :class:`PrivateDocumentMiddleware` installed their copy is marked
``Cache-Control: private, no-store`` so that no proxy or shared workstation keeps it.
Everyone else gets 404, as if the document did not exist: a file attached only to an
internal procedure, a draft, the FAQ or "Opis*" must not be found by guessing its
address. Which procedure shows which document comes from Wagtail's reference index.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import ReferenceIndex
from wagtail.permissions import policy_registry

from procedures.callcenter.access import can_read_restricted, private_response
from procedures.public import PUBLIC_FIELDS

#: Document permissions that let a user see every file in its collection (editors choose
#: files for their drafts; the library's managers change them).
DOCUMENT_ACTIONS = ["change", "choose"]


def public_field_names():
    """Model fields of a procedure whose content residents see."""
    from procedures.models import ProcedurePage

    field_names = {field.name for field in ProcedurePage._meta.get_fields()}
    return frozenset(PUBLIC_FIELDS) & field_names


def is_published_document(document):
    """Whether a procedure residents see now shows ``document`` in a public field."""
    from procedures.models import ProcedurePage

    public_fields = public_field_names()
    references = ReferenceIndex.get_references_to(document).filter(
        content_type=ContentType.objects.get_for_model(ProcedurePage)
    )
    page_ids = {
        int(object_id)
        for object_id, content_path in references.values_list("object_id", "content_path")
        if content_path.split(".", 1)[0] in public_fields
    }
    return bool(page_ids) and ProcedurePage.objects.public().filter(pk__in=page_ids).exists()


def is_staff_reader(user, document):
    """Whether ``user`` may open any document: Call Center readers and users holding
    Wagtail's document permissions for its collection."""
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
