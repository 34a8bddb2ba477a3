"""Imported rich text is stored as the editor saves it: a procedure saved unchanged in the
admin shows no changed field in the comparison of its revisions."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.models import Revision
from wagtail.utils.text import text_from_html

from procedures.demo import content
from procedures.interchange.importer import Importer
from procedures.models import ProcedurePage
from procedures.rich_text import canonical_rich_text, canonicalise
from tests.factories import ProcedurePageFactory, UserFactory
from tests.staff import session
from tests.stream_data import faq_item

from .records import NRB, valid_record
from .rendered_forms import draftail_value, posted_form

DEMO = content.PROCEDURES[0]

#: Rich text as the city's old system exports it: its own tags, line breaks between them.
LEGACY_HTML = (
    "<p>Wniosek złóż <strong>osobiście</strong> albo przez "
    '<a href="https://www.gov.pl/web/gov/uzyskaj-dowod-osobisty">gov.pl</a>.</p>\n'
    "<ul>\n  <li>fotografia 35 × 45 mm,</li>\n  <li><em>dotychczasowy</em> dowód.</li>\n</ul>\n"
    "<p>Infolinia:&nbsp;42 638 44 44<br>pon.–pt.</p>"
)


def demo_record(code="KA-09001"):
    """The first demo procedure as an interchange record, with rich text in every rich-text
    field and block: some as the demo writes it, some as the old system exports it."""
    record = valid_record(
        code,
        title=DEMO["title"],
        summary=DEMO["summary"],
        steps=[
            {"name": step["name"], "comment": step["comment"], "electronic": step["electronic"]}
            for step in DEMO["steps"]
        ],
        useful_info=DEMO["useful_info"],
        electronic_actions=DEMO["electronic_actions"],
        how_to=DEMO["how_to"],
        additional_info=LEGACY_HTML,
        processing_time={"value": 30, "unit": "dni", "description": "Do 30 dni."},
        places=[
            {
                "name": "Oddział Dowodów Osobistych",
                "address": "ul. Piotrkowska 110",
                "details": "parter",
                "phones": ["+48 (42) 638-44-44"],
            }
        ],
        fees=[{"type": "opłata skarbowa", "amount": "17", "account": NRB, "remarks": None}],
        submission_channels=[
            {"kind": "electronic", "details": None, "platforms": ["gov.pl"]},
            {"kind": "in_person", "details": "ul. Piotrkowska 110", "platforms": []},
        ],
        submission_deadline=DEMO["submission_deadline"],
        required_documents={
            "to_submit": [
                {
                    "name": "Wniosek o wydanie dowodu osobistego",
                    "eforms": [{"platform": "gov.pl", "url": "https://www.gov.pl/"}],
                }
            ],
            "to_inspect": [{"name": "Dotychczasowy dowód osobisty"}],
        },
        legal_basis=[{"kind": "ustawa", "title": DEMO["legal_basis"][0]["title"], "url": None}],
        appeal=DEMO["appeal"],
        owner={"name": "Katarzyna Wojciechowska", "email": "k.w@uml.lodz.pl", "phone": None},
        coordinator={"name": "Tomasz Jabłoński", "email": None, "phone": "42 638 40 01"},
        information_authors=[{"name": "Agnieszka Pawlak", "email": None, "phone": None}],
        cc_contacts=[{"name": "Ewa Głowacka", "phone": "42 638 40 02"}],
        # Plain text, as some old records hold it.
        cc_description="Dzwonią osoby bez terminu wizyty.\n\nZaproponuj inny Oddział.",
        faq=[{"question": item["question"], "answer": item["answer"]} for item in DEMO["faq"]]
        + [{"question": "Gdzie złożyć wniosek?", "answer": LEGACY_HTML}],
        cc_other=DEMO["cc_other"],
    )
    del record["categories"]  # the demo procedure is in none
    return record


@pytest.fixture
def office(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def imported(procedure_index, office, tmp_path):
    (outcome,) = Importer(tmp_path, publish=True, user=office).run([demo_record()])
    assert outcome.published, outcome.errors
    return ProcedurePage.objects.get(pk=outcome.page_id)


def changed_fields(client, page, revision_a, revision_b):
    response = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, revision_a, revision_b])
    )
    assert response.status_code == 200
    return [str(comparison.field_label()) for comparison in response.context["comparison"]]


def test_an_imported_procedure_saved_unchanged_shows_no_changed_field(imported, office):
    client = session(office)
    edit_url = reverse("wagtailadmin_pages:edit", args=[imported.pk])
    imported_revision = imported.latest_revision

    form = client.get(edit_url)
    response = client.post(edit_url, posted_form(form.content.decode(), ProcedurePage))

    assert response.status_code == 302, response.context["form"].errors
    saved = Revision.page_revisions.filter(object_id=str(imported.pk)).latest("pk")
    assert saved.pk != imported_revision.pk
    assert changed_fields(client, imported, imported_revision.pk, saved.pk) == []


def test_the_comparison_still_shows_a_real_change(imported, office):
    """The test above can fail: the same path with one word changed lists that field."""
    client = session(office)
    edit_url = reverse("wagtailadmin_pages:edit", args=[imported.pk])
    imported_revision = imported.latest_revision

    data = posted_form(client.get(edit_url).content.decode(), ProcedurePage)
    how_to = json.loads(data["how_to"][0])
    how_to["blocks"][0]["text"] += " Zmiana."
    data["how_to"] = [json.dumps(how_to)]
    client.post(edit_url, data)

    saved = Revision.page_revisions.filter(object_id=str(imported.pk)).latest("pk")
    assert changed_fields(client, imported, imported_revision.pk, saved.pk) == [
        "Sposób załatwienia sprawy"
    ]


def test_importing_the_same_record_again_changes_nothing(imported, office, tmp_path):
    (outcome,) = Importer(tmp_path, publish=True, user=office).run([demo_record()])
    assert outcome.status == "unchanged"


def test_a_reimport_changing_one_field_shows_only_that_field(imported, office, tmp_path):
    """Unchanged StreamFields keep their block ids, so they do not look changed either."""
    imported_revision = imported.latest_revision
    record = demo_record()
    record["summary"] += " Zmiana."
    (outcome,) = Importer(tmp_path, publish=True, user=office).run([record])

    assert outcome.status == "updated"
    changed = changed_fields(session(office), imported, imported_revision.pk, outcome.revision_id)
    assert changed == ["Skrócony opis sprawy"]


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<p>Tekst</p>",
        LEGACY_HTML,
        "Zwykły tekst\nw dwóch wierszach",
        '<p data-block-key="abcde">Zapisane w edytorze</p>',
    ],
)
def test_canonical_rich_text_is_what_the_editor_saves_back(html):
    """Stored canonical text survives the editor's round trip unchanged (a fixed point)."""
    features = ProcedurePage._meta.get_field("how_to").features
    widget = get_rich_text_editor_widget(features=features)
    stored = canonical_rich_text(html, features)
    posted = draftail_value(widget.format_value(stored))
    assert widget.value_from_datadict({"f": posted}, {}, "f") == stored
    assert canonical_rich_text(stored, features) == stored


def test_canonicalise_rich_text_rewrites_stored_content_keeping_its_meaning(procedure_index):
    page = ProcedurePageFactory(
        parent=procedure_index,
        how_to="<p>Złóż <strong>wniosek</strong>.</p>\n<p>Potem czekaj.</p>",
        faq=[faq_item("Ile to trwa?", "<p>Do <em>30 dni</em>.</p>")],
    )
    page.save_revision().publish()
    stored = ProcedurePage.objects.get(pk=page.pk)
    assert set(canonicalise(stored)) >= {"how_to", "faq"}  # as older imports left it

    output = StringIO()
    call_command("canonicalise_rich_text", stdout=output)
    assert "Pages rewritten: " in output.getvalue()

    row = ProcedurePage.objects.get(pk=page.pk)
    assert row.how_to.startswith('<p data-block-key="')
    assert text_from_html(row.how_to).split() == ["Złóż", "wniosek.Potem", "czekaj."]
    assert "<b>wniosek</b>" in row.how_to
    assert "<i>30 dni</i>" in row.faq[0].value["answer"].source
    assert canonicalise(row) == []
    assert canonicalise(row.get_latest_revision_as_object()) == []

    output = StringIO()
    call_command("canonicalise_rich_text", stdout=output)
    assert "Pages rewritten: 0" in output.getvalue()
