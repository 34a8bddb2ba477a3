"""POST data for the procedure editor, built from a page as an editor would submit it."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

#: The plain fields of the procedure form that are optional: empty unless a test fills them.
EMPTY_FIELDS = dict.fromkeys(
    [
        "seo_title",
        "search_description",
        "information_date",
        "go_live_at",
        "expire_at",
        "processing_time_value",
        "processing_time_unit",
        "processing_time_description",
        "submission_deadline",
        "reuse_conditions",
    ],
    "",
)


def edit_url(page):
    """The admin's edit form of ``page``."""
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def step_value(name, comment="", electronic=False):
    return {"name": name, "comment": comment, "electronic": "on" if electronic else ""}


def procedure_form_data(page, **overrides):
    """Form data an editor without restricted permissions posts for ``page``."""
    data = {
        "title": page.title,
        "code": page.code,
        "slug": page.slug,
        **EMPTY_FIELDS,
        "summary": page.summary,
        "how_to": rich_text(page.how_to),
        "additional_info": rich_text(page.additional_info or ""),
        "department": str(page.department_id),
        "steps": streamfield(
            [
                ("step", step_value(s.value["name"], s.value["comment"], s.value["electronic"]))
                for s in page.steps
            ]
        ),
        "fees": streamfield(
            [
                (
                    "fee",
                    {
                        "type": f.value["type"],
                        "amount": str(f.value["amount"]),
                        "account": f.value["account"],
                        "remarks": f.value["remarks"] or "",
                    },
                )
                for f in page.fees
            ]
        ),
        "appointment": streamfield([("not_applicable", "")]),
        "submission_channels": streamfield(
            [
                (
                    "channel",
                    {
                        "kind": "in_person",
                        "details": "ul. Piotrkowska 110",
                        "platforms": {"count": "0"},
                    },
                )
            ]
        ),
        "places": streamfield([]),
        "required_documents": streamfield([]),
        "other_documents": streamfield([]),
        "legal_basis": streamfield([]),
        "appeal": streamfield([("none", "")]),
        "related_procedures": inline_formset([]),
        "information_authors": inline_formset(
            [
                {"employee": str(author.employee_id), "id": str(author.pk)}
                for author in page.information_authors.all()
            ],
            initial=page.information_authors.count(),
        ),
        "comments": inline_formset([]),
        # The public note of the version (procedures.change_notes): publishing a change of
        # content needs one.
        "change_note": "Zaktualizowano opis procedury.",
        # The restricted tab: only in the form of users with the permission; others' forms
        # ignore these keys.
        "procedure_owner": str(page.procedure_owner_id or ""),
        "coordinator": str(page.coordinator_id or ""),
        "is_internal": "on" if page.is_internal else "",
        "handled_in_ezd": "on" if page.handled_in_ezd else "",
        "cc_description": rich_text(page.cc_description or ""),
        "cc_other": page.cc_other,
        "cc_contacts": streamfield([("employee", str(c.value.pk)) for c in page.cc_contacts]),
        "faq": streamfield(
            [
                (
                    "item",
                    {
                        "question": f.value["question"],
                        "answer": rich_text(f.value["answer"].source),
                    },
                )
                for f in page.faq
            ]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)
