"""The admin's searches understand Polish and never search what their user may not read.

The explorer search, the page chooser and the snippet choosers go through Wagtail's
search backend (``search.backend``): inflected words, words without diacritics, typos
and codes find procedures, offices and people. A department editor's search reads the
entries without restricted text: a marker planted only in a restricted field finds
nothing for them, while the same search by the Procedures Office finds it (so the
editor's test can fail).
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.search.backends import get_search_backend

from procedures.models import Category, Department, Employee, Office, ProcedurePage, UsefulInfo
from search.backend import PolishSearchBackend
from search.models import Audience
from search.readers import current_audience
from tests.factories import (
    CategoryFactory,
    DepartmentFactory,
    EmployeeFactory,
    OfficeFactory,
    ProcedurePageFactory,
    faq_item,
)
from tests.pdf import one_page_pdf
from tests.staff import session

#: Planted only in restricted fields ("Opis*", "Inne*", FAQ*): one word each.
RESTRICTED_MARKER = "tajnyopisadminxq"


@pytest.fixture
def procedures(procedure_index, department):
    """Procedures of one department: driving licence, permanent residence, and one with
    a marker in every restricted field."""
    licence = ProcedurePageFactory(
        parent=procedure_index,
        department=department,
        title="Wymiana prawa jazdy",
        code="KA-01147",
        summary="Wymiana dokumentu uprawniającego do kierowania pojazdami.",
    )
    residence = ProcedurePageFactory(
        parent=procedure_index,
        department=department,
        title="Zameldowanie na pobyt stały",
        summary="Zgłoszenie miejsca stałego zamieszkania.",
    )
    secret = ProcedurePageFactory(
        parent=procedure_index,
        department=department,
        title="Wydanie karty parkingowej",
        summary="Karta parkingowa dla osób z niepełnosprawnością.",
    )
    secret.cc_description = f"<p>{RESTRICTED_MARKER}</p>"
    secret.cc_other = RESTRICTED_MARKER
    secret.faq = [faq_item(RESTRICTED_MARKER, f"<p>{RESTRICTED_MARKER}</p>")]
    secret.save_revision().publish()
    return {"licence": licence, "residence": residence, "secret": secret}


def explorer_search(user, query):
    response = session(user).get(reverse("wagtailadmin_pages:search"), {"q": query})
    assert response.status_code == 200
    return [page.pk for page in response.context["object_list"]]


def page_chooser_search(user, query):
    response = session(user).get(reverse("wagtailadmin_choose_page_search"), {"q": query})
    assert response.status_code == 200
    return [page.pk for page in response.context["pages"]]


def snippet_chooser(user, model, query=None):
    name = f"wagtailsnippetchoosers_procedures_{model._meta.model_name}:choose_results"
    response = session(user).get(reverse(name), {"q": query} if query else {})
    assert response.status_code == 200
    return response, [obj.pk for obj in response.context["results"]]


FINDS = [
    ("licence", "prawo jazdy"),
    ("licence", "prawa jazdy"),
    ("licence", "prawem jazdy"),
    ("licence", "KA-01147"),
    ("licence", "ka01147"),
    ("licence", "prawo jazdu"),  # a typo
    ("licence", "prawo jaz"),  # still typing
    ("residence", "zameldowanie pobyt staly"),
    ("residence", "zameldowania na pobyt stały"),
    ("residence", "zamledowanie na pobyt staly"),  # a typo, no diacritics
]


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_explorer_search_finds_by_polish_words_and_codes(request, procedures, role):
    user = request.getfixturevalue(role)
    for key, query in FINDS:
        found = explorer_search(user, query)
        assert found[:1] == [procedures[key].pk], query


def test_page_chooser_finds_by_polish_words_and_codes(procedures, editor):
    for key, query in FINDS:
        found = page_chooser_search(editor, query)
        assert found[:1] == [procedures[key].pk], query


def test_stock_search_would_miss_what_the_polish_search_finds(procedures, editor):
    """The stock backend is what the issue reported: "prawo jazdy" found nothing."""
    stock = get_search_backend("wagtail.search.backends.database.fallback")
    assert not list(stock.autocomplete("prawo jazdy", ProcedurePage.objects.all()))
    assert list(PolishSearchBackend({}).autocomplete("prawo jazdy", ProcedurePage.objects.all()))


def test_editor_finds_nothing_by_a_word_only_in_a_restricted_field(procedures, editor, moderator):
    secret = procedures["secret"]
    assert explorer_search(moderator, RESTRICTED_MARKER) == [secret.pk]
    assert page_chooser_search(moderator, RESTRICTED_MARKER) == [secret.pk]
    # Whole, and as typed so far (the last word is completed from the entries' words).
    for query in (RESTRICTED_MARKER, RESTRICTED_MARKER[:-2]):
        assert explorer_search(moderator, query) == [secret.pk]
        assert explorer_search(editor, query) == []
        assert page_chooser_search(editor, query) == []
    # By its public text the editor finds the same procedure.
    assert explorer_search(editor, "karty parkingowej") == [secret.pk]


def test_an_internal_procedure_is_found_by_title_without_restricted_text(
    procedure_index, department, editor, moderator
):
    internal = ProcedurePageFactory(
        parent=procedure_index,
        department=department,
        title="Obsługa zgłoszeń wewnętrznych",
        code="KA-09001",
        is_internal=True,
        cc_other=RESTRICTED_MARKER,
    )
    assert explorer_search(editor, "zgloszenia wewnetrzne") == [internal.pk]
    assert explorer_search(editor, "ka09001") == [internal.pk]
    assert explorer_search(editor, RESTRICTED_MARKER) == []
    assert explorer_search(moderator, RESTRICTED_MARKER) == [internal.pk]


def test_who_searches_what(editor, moderator):
    assert current_audience(moderator) == Audience.STAFF
    assert current_audience(editor) == Audience.PUBLIC
    assert current_audience() == Audience.PUBLIC  # nobody known: no restricted text


def test_office_chooser_finds_by_address(moderator):
    town_hall = OfficeFactory(name="Sala Obsługi Klienta", address="ul. Piotrkowska 104")
    elsewhere = OfficeFactory(name="Punkt obsługi", address="al. Politechniki 32")
    for query in ("piotrkowskiej", "Piotrkowska 104", "piotrkow"):
        _response, found = snippet_chooser(moderator, Office, query)
        assert found == [town_hall.pk], query
    _response, found = snippet_chooser(moderator, Office, "politechniki")
    assert found == [elsewhere.pk]


def test_employee_chooser_finds_by_inflected_name_and_position(moderator):
    department = DepartmentFactory(name="Wydział Komunikacji")
    head = EmployeeFactory(
        name="Anna Kowalska", position="kierownik oddziału", department=department
    )
    clerk = EmployeeFactory(name="Jan Nowak", position="inspektor", department=department)
    for query in ("kowalskiej", "kierownika oddzialu", "Kowalska"):
        _response, found = snippet_chooser(moderator, Employee, query)
        assert found == [head.pk], query
    _response, found = snippet_chooser(moderator, Employee, "wydziale komunikacji")
    assert set(found) == {head.pk, clerk.pk}


def test_employee_chooser_shows_position_and_department(moderator):
    department = DepartmentFactory(name="Wydział Komunikacji")
    EmployeeFactory(name="Anna Kowalska", position="kierownik oddziału", department=department)
    response, _found = snippet_chooser(moderator, Employee)
    assert "Stanowisko" in response.text
    assert "Imię i nazwisko" in response.text and "Tytuł" not in response.text
    assert "kierownik oddziału" in response.text
    assert "Wydział Komunikacji" in response.text


def test_department_chooser_lists_only_the_editors_departments(department, editor, moderator):
    other = DepartmentFactory(name="Wydział Budownictwa")
    _response, found = snippet_chooser(editor, Department)
    assert found == [department.pk]
    _response, found = snippet_chooser(editor, Department, "wydzial budownictwa")
    assert found == []
    _response, found = snippet_chooser(moderator, Department)
    assert set(found) == {department.pk, other.pk}
    _response, found = snippet_chooser(moderator, Department, "wydziału budownictwa")
    assert found == [other.pk]


def test_vocabulary_choosers_find_inflected_words_without_diacritics(moderator):
    category = CategoryFactory(name="Sprawy obywatelskie")
    CategoryFactory(name="Podatki i opłaty")
    # The vocabulary's seed (a migration) may hold it already.
    info, _created = UsefulInfo.objects.get_or_create(name="sprawa załatwiana od ręki")
    _response, found = snippet_chooser(moderator, Category, "spraw obywatelskich")
    assert found == [category.pk]
    _response, found = snippet_chooser(moderator, UsefulInfo, "sprawy zalatwiane od ręki")
    assert found == [info.pk]


def test_documents_are_searched_in_polish_too(moderator):
    """Wagtail's own searches (documents here) keep working, through the same analyser."""
    document_model = get_document_model()
    document = document_model.objects.create(
        title="Wniosek o wymianę prawa jazdy",
        file=ContentFile(one_page_pdf("Wniosek"), name="wniosek.pdf"),
    )
    assert list(document_model.objects.search("wniosku prawo jazdy")) == [document]
    response = session(moderator).get(
        reverse("wagtaildocs:index_results"), {"q": "wniosek o wymiane"}
    )
    assert response.status_code == 200
    assert document.title in response.text


def test_explorer_search_without_a_query_and_with_filters(procedures, moderator):
    client = session(moderator)
    for params in ({"q": ""}, {"q": "live:yes"}, {"q": "prawo jazdy", "ordering": "title"}):
        response = client.get(reverse("wagtailadmin_pages:search"), params)
        assert response.status_code == 200, params
    response = client.get(
        reverse("wagtailadmin_pages:search"), {"q": "prawo jazdy", "ordering": "title"}
    )
    assert [p.pk for p in response.context["object_list"]] == [procedures["licence"].pk]
