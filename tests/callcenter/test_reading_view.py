"""One procedure as an agent reads it: restricted sections first, fixed query count."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from procedures.models import RelatedProcedure
from tests.factories import (
    EmployeeFactory,
    ProcedurePageFactory,
    UserFactory,
    document,
    faq_item,
    step,
)

from .documents import make_document, publish

MARK = "CC-MARKER-91b2"


def reading_url(page):
    return reverse("callcenter:procedure", args=[page.code])


def contacts(*employees):
    return [{"type": "employee", "value": employee.pk} for employee in employees]


@pytest.fixture
def internal_procedure(procedure_index):
    """An internal procedure with a marker in every restricted field."""
    page = ProcedurePageFactory(
        parent=procedure_index,
        title="Procedura wewnętrzna Oddziału",
        is_internal=True,
        handled_in_ezd=True,
        procedure_owner__name=f"Właściciel {MARK}",
        coordinator__name=f"Koordynator {MARK}",
        coordinator__phone="+48 (42) 638-41-12",
    )
    contact = EmployeeFactory(name=f"Kontakt {MARK}", phone="+48 (42) 638-41-20")
    return publish(
        page,
        cc_contacts=contacts(contact),
        cc_description=f"<p>Opis dla agentów {MARK}</p>",
        faq=[faq_item(f"Pytanie {MARK}?", f"<p>Odpowiedź {MARK}</p>")],
        cc_other=f"Inne {MARK}",
    )


def test_shows_every_restricted_field(agent_client, internal_procedure):
    response = agent_client.get(reading_url(internal_procedure))
    assert response.status_code == 200
    text = response.text
    for planted in [
        f"Kontakt {MARK}",
        f"Opis dla agentów {MARK}",
        f"Pytanie {MARK}?",
        f"Odpowiedź {MARK}",
        f"Inne {MARK}",
        f"Właściciel {MARK}",
        f"Koordynator {MARK}",
    ]:
        assert planted in text, planted
    assert internal_procedure.title in text
    assert "wewnętrzna" in text
    assert "niewidoczna na portalu" in text
    assert 'href="tel:+48426384120"' in text  # the contact's phone, to click and call
    assert 'href="tel:+48426384112"' in text  # the coordinator's


def test_sections_come_in_call_order(agent_client, internal_procedure):
    text = agent_client.get(reading_url(internal_procedure)).text
    order = [
        "<h1>Procedura wewnętrzna Oddziału</h1>",
        ">Najczęściej zadawane pytania</h2>",
        ">Informacje dla pracownika Oddziału Call Center</h2>",
        "<h3>Telefony do pracowników jednostki/komórki</h3>",
        "<dt>Właściciel</dt>",
        "<dt>Koordynator</dt>",
        "<dt>Procedura prowadzona w EZD</dt>",
        "<h3>Skrócony opis sprawy</h3>",
        ">Opłaty</h2>",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert text.count("<h1") == 1


def test_header_shows_status_and_validity(agent_client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    text = agent_client.get(reading_url(page)).text
    assert page.code in text
    assert "obowiązuje" in text
    assert "Obowiązuje od" in text
    assert "Obowiązuje do" in text
    assert "bezterminowo" in text


def test_agent_gets_the_link_to_edit_inne(agent_client, internal_procedure):
    text = agent_client.get(reading_url(internal_procedure)).text
    assert reverse("procedures_cc_other", args=[internal_procedure.pk]) in text
    assert "Edytuj „Inne*”" in text


def test_no_inne_link_without_the_permission(client, internal_procedure):
    reader = UserFactory()
    from django.contrib.auth.models import Permission

    reader.user_permissions.add(Permission.objects.get(codename="change_restricted_fields"))
    client.force_login(reader)
    response = client.get(reading_url(internal_procedure))
    assert response.status_code == 200
    assert reverse("procedures_cc_other", args=[internal_procedure.pk]) not in response.text


def test_public_sections_are_shown(agent_client, procedure_index):
    page = ProcedurePageFactory(parent=procedure_index)
    html = agent_client.get(reading_url(page)).text
    # What the agent reads: the amount is kept together with "zł" by a no-break space.
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    assert page.summary in text
    assert "Złóż wniosek" in text and "@" in text
    assert "17,00 zł" in text
    assert "50 1240 1037 1111 0011 0925 0073" in text


def test_related_procedures_include_internal_ones(
    agent_client, procedure_index, internal_procedure
):
    page = ProcedurePageFactory(parent=procedure_index)
    RelatedProcedure.objects.create(page=page, procedure=internal_procedure, sort_order=0)
    text = agent_client.get(reading_url(page)).text
    assert "Powiązane procedury" in text
    assert reading_url(internal_procedure) in text
    assert internal_procedure.title in text


def build(procedure_index, size, related):
    """A procedure with ``size`` steps, questions, contacts and files, and ``related``
    links to other procedures (every other one internal)."""
    page = ProcedurePageFactory(parent=procedure_index)
    page.steps = [step(f"Etap {n}", electronic=n % 2 == 0) for n in range(size)]
    page.faq = [faq_item(f"Pytanie {n}?", f"<p>Odpowiedź {n}</p>") for n in range(size)]
    page.cc_contacts = contacts(*[EmployeeFactory(department=page.department) for _ in range(size)])
    page.required_documents = [
        document(f"Dokument {n}", file=make_document(f"dokument-{n}")) for n in range(size)
    ]
    page.save_revision().publish()
    for position in range(related):
        other = ProcedurePageFactory(parent=procedure_index, is_internal=position % 2 == 0)
        RelatedProcedure.objects.create(page=page, procedure=other, sort_order=position)
    return page


def count_queries(client, page):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reading_url(page))
    assert response.status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_content(agent_client, procedure_index):
    client = agent_client
    small = build(procedure_index, size=1, related=1)
    large = build(procedure_index, size=12, related=5)
    client.get(reading_url(small))  # warm up caches (content types, site root paths)

    small_count = count_queries(client, small)
    large_count = count_queries(client, large)

    assert large_count == small_count, (small_count, large_count)
    assert small_count < 30
