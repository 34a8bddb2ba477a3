"""What the Procedures Office manages: synonyms, promoted results and the search report."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from procedures import roles
from search import analytics, engine
from search.models import Audience, SearchQueryStat, SynonymGroup
from tests.factories import ProcedurePageFactory, UserFactory


@pytest.fixture
def dog(procedure_index):
    return ProcedurePageFactory(
        parent=procedure_index, title="Rejestracja psa", summary="Rejestracja zwierzęcia."
    )


def codes(response):
    return [item["procedure"].code for item in response.context["found"]]


def test_a_synonym_added_in_the_admin_works_at_once(client, dog):
    assert codes(client.get(reverse("search"), {"q": "czworonóg"})) == []
    SynonymGroup.objects.create(terms="czworonóg\npies")
    assert codes(client.get(reverse("search"), {"q": "czworonogi"})) == [dog.code]


def test_default_synonyms_are_installed(procedure_index):
    page = ProcedurePageFactory(parent=procedure_index, title="Zameldowanie na pobyt stały")
    assert engine.search("meldunek").page_ids == [page.pk]


def test_a_synonym_group_needs_two_searchable_phrases():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        SynonymGroup(terms="meldunek").full_clean()
    assert "co najmniej dwa wyrażenia" in str(error.value)
    with pytest.raises(ValidationError) as error:
        SynonymGroup(terms="meldunek\n!!!").full_clean()
    assert "„!!!”" in str(error.value)


def test_promoted_results_show_above_and_only_public_ones(client, dog, procedure_index):
    internal = ProcedurePageFactory(parent=procedure_index, title="Wewnętrzna", is_internal=True)
    query = Query.get("Zwierzęta")
    SearchPromotion.objects.create(query=query, page=dog, sort_order=0, description="Psy.")
    SearchPromotion.objects.create(query=query, page=internal, sort_order=1)
    response = client.get(reverse("search"), {"q": "zwierzeta"})
    promotions = response.context["promotions"]
    assert [p["title"] for p in promotions] == [dog.title]
    assert "Polecane" in response.text
    assert internal.title not in response.text


def test_searches_are_counted_without_personal_data(client, dog):
    client.get(reverse("search"), {"q": "Psa"})
    client.get(reverse("search"), {"q": "psa"})
    client.get(reverse("search"), {"q": "psa", "page": "2"})  # paging is not a new search
    client.get(reverse("search"), {"q": "mój PESEL 85010112345 i jan@example.org"})
    stats = {s.query: s for s in SearchQueryStat.objects.all()}
    assert stats["psa"].searches == 2
    assert stats["psa"].zero_hit_searches == 0
    assert stats["psa"].last_hits == 1
    masked = stats["mój pesel [liczba] i [e-mail]"]
    assert masked.zero_hit_searches == 1
    field_names = {f.name for f in SearchQueryStat._meta.get_fields()}
    assert not field_names & {"user", "ip", "session", "address", "created_at"}


def test_procedure_codes_are_not_masked():
    assert analytics.masked("KA-01147") == "ka-01147"
    assert analytics.masked("42 638 44 44") == "[liczba]"


def test_the_report_lists_frequent_and_fruitless_queries_for_the_office(client, dog):
    for query in ("psa", "psa", "becikowe"):
        client.get(reverse("search"), {"q": query})
    moderator = UserFactory(groups=[Group.objects.get(name=roles.MODERATORS)])
    client.force_login(moderator)
    response = client.get(reverse("search_report"))
    assert response.status_code == 200
    assert [row["query"] for row in response.context["frequent"]] == ["psa", "becikowe"]
    assert [row["query"] for row in response.context["nothing"]] == ["becikowe"]
    assert "Zapytania bez wyników" in response.text
    staff = client.get(reverse("search_report"), {"kto": Audience.STAFF, "dni": "abc"})
    assert staff.context["frequent"] == []


def test_editors_cannot_read_the_report(client, db):
    client.force_login(UserFactory(groups=[Group.objects.get(name=roles.EDITORS)]))
    response = client.get(reverse("search_report"))
    # Wagtail answers a denied admin page with a redirect to the dashboard and a message.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_office_may_manage_synonyms_and_promotions(db):
    group = Group.objects.get(name=roles.MODERATORS)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_synonymgroup", "change_searchpromotion", "view_searchquerystat"} <= codenames


def test_office_adds_synonyms_in_the_admin_and_a_bad_group_keeps_its_text(client, db):
    client.force_login(UserFactory(groups=[Group.objects.get(name=roles.MODERATORS)]))
    add = reverse("wagtailsnippets_search_synonymgroup:add")
    assert client.get(add).status_code == 200
    rejected = client.post(add, {"terms": "czworonóg", "note": "Zwierzęta"})
    assert rejected.status_code == 200
    assert "Podaj co najmniej dwa wyrażenia" in rejected.text
    assert "czworonóg" in rejected.text
    accepted = client.post(add, {"terms": "czworonóg\npies", "note": ""})
    assert accepted.status_code == 302
    assert SynonymGroup.objects.filter(terms="czworonóg\npies").exists()
