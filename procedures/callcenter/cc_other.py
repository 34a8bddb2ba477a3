"""Call Center agents keep "Inne*" up to date themselves.

The field is never public, so a change skips the moderation workflow: it goes straight
to the procedure as it is now and to every version saved since, and nothing else of the
procedure can be touched from here. Each change is written to the procedure's history.
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin import messages as admin_messages
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import ListingButton
from wagtail.log_actions import log

from procedures.concurrency import (
    CC_OTHER_LOG_ACTION,
    CURRENT_TEXT_HINT,
    cc_other_version,
    newer_cc_other,
    refusal_message,
)
from procedures.models import ProcedurePage
from procedures.reading import CC_OTHER_PERMISSION, callcenter_procedure_url

LOG_ACTION = CC_OTHER_LOG_ACTION
BUTTON_LABEL = "Edytuj „Inne*”"
INDEX_TITLE = "Uwagi Call Center"


def user_can_edit_cc_other(user):
    """Whether ``user`` may change "Inne*" of any procedure."""
    return user.is_active and user.has_perm(CC_OTHER_PERMISSION)


def cc_other_url(page):
    """Address of the "Inne*" form of ``page``."""
    return reverse("procedures_cc_other", args=[page.pk])


def revisions_to_carry(page):
    """The live revision and every revision that may be published after it.

    Older revisions are history and keep what they said. A page never published has
    only drafts, and any of them may be the one published.
    """
    revisions = page.revisions
    if page.live_revision_id is None:
        return revisions.all()
    return revisions.filter(Q(pk__gte=page.live_revision_id) | Q(approved_go_live_at__isnull=False))


@transaction.atomic
def save_cc_other(page, text, user):
    """Put ``text`` in "Inne*" of ``page`` without a new revision or moderation; log it.

    The page row (what agents and the live version read) and the revisions from
    :func:`revisions_to_carry` (what the next draft and a later publication start from)
    all get the text. Returns whether anything changed.
    """
    # Lock the row: with two agents saving at once, the second logs the first's text as old.
    page = ProcedurePage.objects.select_for_update().get(pk=page.pk)
    old = page.cc_other
    if text == old:
        return False
    ProcedurePage.objects.filter(pk=page.pk).update(cc_other=text)
    for revision in revisions_to_carry(page):
        if revision.content.get("cc_other") != text:
            revision.content["cc_other"] = text
            revision.save(update_fields=["content"])
    page.cc_other = text
    log(instance=page, action=LOG_ACTION, user=user, data={"old": old, "new": text})
    return True


class CcOtherForm(forms.Form):
    """The one field an agent may change."""

    cc_other = forms.CharField(
        label="Inne (uwagi pracowników Oddziału Call Center)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Pole widzą tylko pracownicy. Zmiana obowiązuje od razu, bez akceptacji "
        "Oddziału ds. Procedur, i jest zapisywana w historii procedury.",
    )
    # The "Inne*" version the form was loaded with (see procedures.concurrency); the
    # revision it was loaded from goes in Wagtail's loaded_revision_* inputs.
    cc_other_version = forms.CharField(required=False, widget=forms.HiddenInput)


class CcOtherPermissionMixin:
    """Only users with ``procedures.change_cc_other`` get in; others get a 403 page."""

    def dispatch(self, request, *args, **kwargs):
        if not user_can_edit_cc_other(request.user):
            # A real 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
            return TemplateResponse(
                request,
                "wagtailadmin/generic/base.html",
                {
                    "header_title": "Brak dostępu",
                    "page_title": "Brak dostępu",
                    "page_subtitle": "Pole „Inne*” zmieniają pracownicy Oddziału Call Center "
                    "i Oddziału ds. Procedur.",
                    "header_icon": "lock",
                },
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)


class CcOtherEditView(CcOtherPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """The procedure's title and code, its "Inne*" in a text area, "Zapisz", and "Wróć do
    procedury" to its Call Center page, where a save also leads, with a message."""

    form_class = CcOtherForm
    template_name = "callcenter/admin/cc_other.html"
    page_title = "Pole „Inne*”"
    header_icon = "comment"

    @cached_property
    def procedure(self):
        return get_object_or_404(ProcedurePage, pk=self.kwargs["page_id"])

    def get_page_subtitle(self):
        return self.procedure.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("procedures_cc_other_index"), "label": INDEX_TITLE},
            {"url": "", "label": self.page_title, "sublabel": self.get_page_subtitle()},
        ]

    def get_initial(self):
        return {
            "cc_other": self.procedure.cc_other,
            "cc_other_version": cc_other_version(self.procedure),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest_revision = self.procedure.latest_revision
        context.update(
            procedure=self.procedure,
            back_url=callcenter_procedure_url(self.procedure),
            loaded_revision=latest_revision,
            loaded_revision_created_at=latest_revision and latest_revision.created_at.isoformat(),
            action_url=self.request.path,
            submit_button_label="Zapisz",
            submit_button_active_label="Zapisywanie…",
        )
        return context

    def form_valid(self, form):
        newer = newer_cc_other(
            self.procedure,
            form.cleaned_data["cc_other_version"],
            self.request.POST.get("loaded_revision_id"),
            self.request.POST.get("loaded_revision_created_at", ""),
        )
        if newer is not None and newer.current_text != form.cleaned_data["cc_other"]:
            return self.refuse_stale_save(form, newer)
        if save_cc_other(self.procedure, form.cleaned_data["cc_other"], self.request.user):
            messages.success(
                self.request, f"Zapisano pole „Inne*” procedury „{self.procedure.title}”."
            )
        else:
            messages.info(self.request, "Pole „Inne*” się nie zmieniło.")
        return redirect(callcenter_procedure_url(self.procedure) or cc_other_url(self.procedure))

    def refuse_stale_save(self, form, newer):
        """The form again with the agent's text, now based on the current version, and a
        message saying who changed "Inne*" meanwhile, when, and what it says now."""
        admin_messages.error(self.request, refusal_message(newer, hint=CURRENT_TEXT_HINT))
        data = form.data.copy()
        data["cc_other_version"] = cc_other_version(self.procedure)
        return self.render_to_response(self.get_context_data(form=self.get_form_class()(data)))


class CcOtherButtonTitleColumn(TitleColumn):
    """The procedure's title, linked to its "Inne*" form, with an "Edytuj „Inne*”" button."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["buttons"] = [
            ListingButton(BUTTON_LABEL, url=cc_other_url(instance), icon_name="comment")
        ]
        return context


class CcOtherIndexView(CcOtherPermissionMixin, BaseListingView):
    """Every procedure, internal and unpublished ones too, searchable by title or code,
    each with the "Edytuj „Inne*”" button: how agents, who have no page explorer, get to
    the form."""

    model = ProcedurePage
    page_title = INDEX_TITLE
    header_icon = "comment"
    paginate_by = 50
    is_searchable = True
    search_fields = ["title", "code"]
    search_backend_name = None  # Plain "contains" on title and code: codes are not words.
    default_ordering = "title"
    index_url_name = "procedures_cc_other_index"
    index_results_url_name = "procedures_cc_other_index_results"
    columns = [
        CcOtherButtonTitleColumn(
            "title", label="Procedura", url_name="procedures_cc_other", sort_key="title"
        ),
        Column("code", label="Kod procedury", sort_key="code"),
    ]

    @cached_property
    def no_results_message(self):
        if self.is_searching:
            return "Żadna procedura nie pasuje do wyszukiwania."
        return "Nie ma jeszcze żadnej procedury."
