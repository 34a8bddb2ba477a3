"""Cache purges run after the change commits, on every path, and are replayed until done."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from home import page_cache
from procedures import purges, roles
from procedures.models import PendingPurge, ProcedurePage, RelatedProcedure
from procedures.workflow import scheduling
from search import engine
from search.models import SynonymGroup
from tests.factories import CategoryFactory, ProcedurePageFactory, UserFactory

from . import files
from .admin_forms import procedure_form_data
from .records import valid_record


class Rollback(Exception):
    pass


def cached(client, page):
    """Read ``page`` as an anonymous resident, so the page cache holds it."""
    client.get(page.url)
    assert client.get(page.url)["X-Cache"] == "HIT"


def is_cached(page):
    return cache.get(page_cache.key_for("testserver" + page.url)) is not None


def pending_for(page):
    return [row for row in PendingPurge.objects.all() if page.url in row.paths]


def draft_of(page, **changes):
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft.save_revision()


@pytest.fixture
def page(procedure_index, client):
    page = ProcedurePageFactory(parent=procedure_index, title="Stary tytuł")
    page.save_revision().publish()
    cached(client, page)
    PendingPurge.objects.all().delete()
    return page


# --- After commit, not at all on rollback -------------------------------------------------


def test_publishing_purges_only_after_the_commit(client, page, purges_seen):
    revision = draft_of(page, title="Nowy tytuł")
    with transaction.atomic():
        revision.publish()
        assert is_cached(page) and purges_seen == []
        assert pending_for(page)
    assert not is_cached(page)
    assert purges_seen and all(not in_transaction for _paths, in_transaction in purges_seen)
    assert "Nowy tytuł" in client.get(page.url).text


def test_a_rolled_back_publication_purges_nothing_and_leaves_no_row(client, page, purges_seen):
    revision = draft_of(page, title="Nowy tytuł")
    with pytest.raises(Rollback), transaction.atomic():
        revision.publish()
        raise Rollback
    assert purges_seen == [] and is_cached(page)
    assert not PendingPurge.objects.exists()
    assert "Stary tytuł" in client.get(page.url).text  # still the live version


def test_a_reader_between_purge_and_commit_cannot_put_the_old_page_back(client, page):
    old_entry = cache.get(page_cache.key_for("testserver" + page.url))
    revision = draft_of(page, title="Nowy tytuł")
    with transaction.atomic():
        revision.publish()  # page_published has been sent
        # A resident on another connection still reads the committed, old version and
        # stores it: what a render between the signal and the commit does.
        cache.set(page_cache.key_for("testserver" + page.url), old_entry, 300)
    response = client.get(page.url)
    assert "X-Cache" not in response and "Nowy tytuł" in response.text


def test_admin_publish_purges_after_its_save_and_logs_it(client, page, purges_seen):
    client.force_login(UserFactory(groups=[Group.objects.get(name=roles.MODERATORS)]))
    data = procedure_form_data(page, title="Nowy tytuł")
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    client.logout()
    assert purges_seen and not any(in_transaction for _paths, in_transaction in purges_seen)
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    assert "Nowy tytuł" in client.get(page.url).text


def test_scheduled_publication_purges_after_its_commit(client, page, purges_seen):
    go_live = timezone.now() + timedelta(hours=1)
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.title, draft.go_live_at = "Nowy tytuł", go_live
    draft.save_revision().publish()  # scheduled: nothing changes for residents yet
    purges_seen.clear()
    with time_machine.travel(go_live + timedelta(seconds=1), tick=False):
        assert scheduling.publish_due() == 1
        assert purges_seen and not any(in_transaction for _p, in_transaction in purges_seen)
        assert "Nowy tytuł" in client.get(page.url).text


def test_scheduled_withdrawal_purges_after_its_commit(client, procedure_index, purges_seen):
    page = ProcedurePageFactory(parent=procedure_index)
    page.expire_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()
    purges_seen.clear()
    with time_machine.travel(page.expire_at + timedelta(seconds=1), tick=False):
        assert scheduling.unpublish_expired() == 1
    assert purges_seen and not any(in_transaction for _p, in_transaction in purges_seen)
    assert page.url in set().union(*(paths for paths, _ in purges_seen))


def test_a_failed_scheduled_publication_purges_nothing(page, purges_seen, monkeypatch):
    go_live = timezone.now() + timedelta(hours=1)
    draft = ProcedurePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.title, draft.go_live_at = "Nowy tytuł", go_live
    draft.save_revision().publish()
    purges_seen.clear()

    def fail(*args, **kwargs):
        raise Rollback

    monkeypatch.setattr("wagtail.models.PageLogEntry.objects.log_action", fail)
    with time_machine.travel(go_live + timedelta(seconds=1), tick=False):
        with pytest.raises(Rollback):
            scheduling.publish_due()
    assert purges_seen == [] and is_cached(page)
    assert ProcedurePage.objects.get(pk=page.pk).title == "Stary tytuł"


def test_import_with_publish_purges_after_each_records_commit(
    client, procedure_index, tmp_path, purges_seen
):
    (tmp_path / "pliki").mkdir()
    (tmp_path / "pliki" / "wniosek.pdf").write_bytes(files.PDF)
    path = tmp_path / "procedury.json"
    path.write_text(json.dumps([valid_record("KA-03001", title="Stary tytuł")]), "utf-8")
    call_command("import_procedures", str(path), "--publish", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = ProcedurePage.objects.get(code="KA-03001")
    cached(client, page)
    purges_seen.clear()

    path.write_text(json.dumps([valid_record("KA-03001", title="Nowy tytuł")]), "utf-8")
    call_command("import_procedures", str(path), "--publish", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert purges_seen and not any(in_transaction for _p, in_transaction in purges_seen)
    assert "Nowy tytuł" in client.get(page.url).text


# --- Old addresses and reference records --------------------------------------------------


def test_a_slug_change_purges_the_old_address_too(client, page):
    old_url = page.url
    revision = draft_of(page, slug="nowy-adres")
    revision.publish()
    assert ProcedurePage.objects.get(pk=page.pk).url != old_url
    assert cache.get(page_cache.key_for("testserver" + old_url)) is None


def test_renaming_a_category_purges_its_procedures_pages(client, procedure_index):
    category = CategoryFactory(name="Sprawy obywatelskie")
    page = ProcedurePageFactory(parent=procedure_index)
    page.categories.add(category)
    page.save_revision().publish()
    cached(client, page)
    category.name = "Sprawy meldunkowe"
    category.save()
    assert "Sprawy meldunkowe" in client.get(page.url).text


def test_a_changed_synonym_group_is_forgotten_after_its_commit(procedure_index):
    engine._synonym_phrases()  # cached
    with transaction.atomic():
        SynonymGroup.objects.create(terms="czworonóg\npies")
        assert cache.get(engine.SYNONYMS_CACHE_KEY) is not None
    assert cache.get(engine.SYNONYMS_CACHE_KEY) is None


# --- A purge the cache did not confirm is replayed ----------------------------------------


@pytest.fixture(params=["quietly", "raising"])
def cache_down(request, monkeypatch):
    """The cache refuses every write while ``state["down"]``: quietly, as a client set up
    to fail fast does, or raising, as django-redis does by default."""
    state = {"down": True}
    backend = caches["default"]
    delete_many, set_ = backend.delete_many, backend.set

    def refusing(call):
        def wrapped(*args, **kwargs):
            if not state["down"]:
                return call(*args, **kwargs)
            if request.param == "raising":
                raise ConnectionError("cache is down")
            return None

        return wrapped

    monkeypatch.setattr(backend, "delete_many", refusing(delete_many))
    monkeypatch.setattr(backend, "set", refusing(set_))
    return state


def test_a_failed_purge_is_kept_and_replayed_by_the_scheduler(client, page, cache_down):
    draft_of(page, title="Nowy tytuł").publish()
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    assert [row.attempts for row in pending_for(page)] == [0]
    assert is_cached(page)  # the cache came back with the old copy

    scheduling.run_once()  # still down: kept
    assert [row.attempts for row in pending_for(page)] == [1]

    cache_down["down"] = False
    scheduling.run_once()
    assert not PendingPurge.objects.filter(due_at__lte=timezone.now()).exists()
    assert "Nowy tytuł" in client.get(page.url).text


def test_the_process_that_saw_a_purge_fail_replays_it_with_its_next_purge(
    client, procedure_index, page, cache_down
):
    draft_of(page, title="Nowy tytuł").publish()
    assert is_cached(page)
    cache_down["down"] = False
    other = ProcedurePageFactory(parent=procedure_index)
    other.save_revision().publish()  # its purge goes through, and the waiting one with it
    assert "Nowy tytuł" in client.get(page.url).text
    assert purges.replay_if_cache_recovered() == 0


def test_a_healthy_process_replays_without_a_query(django_assert_num_queries, page):
    draft_of(page, title="Nowy tytuł").publish()
    with django_assert_num_queries(0):
        assert purges.replay_if_cache_recovered() == 0


def test_a_confirmed_purge_is_repeated_once_for_a_reader_still_rendering(client, page):
    old_entry = cache.get(page_cache.key_for("testserver" + page.url))
    draft_of(page, title="Nowy tytuł").publish()
    # A reader who rendered before the commit stores the old copy after the purge.
    cache.set(page_cache.key_for("testserver" + page.url), old_entry, 300)
    assert purges.replay_pending_purges() == 0  # the repeat is not due yet
    later = timezone.now() + timedelta(seconds=purges.REPEAT_AFTER + 1)
    with time_machine.travel(later, tick=False):
        scheduling.run_once()
    assert not PendingPurge.objects.exists()
    assert "Nowy tytuł" in client.get(page.url).text


# --- Bulk jobs: one purge for the whole block ------------------------------------------------


def test_work_deferred_to_a_block_runs_once_when_it_ends_with_every_item():
    calls = []
    purges.when_block_ends(calls.append, "outside")
    assert calls == [["outside"]]  # outside a block: at once
    with purges.coalesced():
        for item in ("a", "b", "c"):
            purges.when_block_ends(calls.append, item)
        assert calls == [["outside"]]
    assert calls == [["outside"], ["a", "b", "c"]]


def test_work_deferred_to_a_block_that_raises_is_never_done():
    calls = []
    with pytest.raises(Rollback), purges.coalesced():
        purges.when_block_ends(calls.append, "a")
        raise Rollback
    assert calls == []


def test_procedures_published_in_one_block_purge_every_page_concerning_each(
    client, procedure_index
):
    """A bulk job's publications are worked out together, and still reach the category
    pages and the procedures linking to each, and nothing else."""
    first, second = (ProcedurePageFactory(parent=procedure_index) for _ in range(2))
    first.categories.add(CategoryFactory(name="Sprawy obywatelskie", slug="obywatelskie"))
    second.categories.add(CategoryFactory(name="Sprawy meldunkowe", slug="meldunkowe"))
    linking_first, linking_second, unrelated = (
        ProcedurePageFactory(parent=procedure_index) for _ in range(3)
    )
    RelatedProcedure.objects.create(page=linking_first, procedure=first)
    RelatedProcedure.objects.create(page=linking_second, procedure=second)
    for page in (first, second, linking_first, linking_second, unrelated):
        page.save_revision().publish()
        cached(client, page)
    for path in ("/kategoria/obywatelskie/", "/kategoria/meldunkowe/"):
        client.get(path)
        assert client.get(path)["X-Cache"] == "HIT"
    PendingPurge.objects.all().delete()

    with transaction.atomic(), purges.coalesced():
        draft_of(first, title="Nowy tytuł pierwszej").publish()
        draft_of(second, title="Nowy tytuł drugiej").publish()

    assert PendingPurge.objects.count() == 1  # one purge for the block
    for page in (first, second, linking_first, linking_second):
        assert not is_cached(page), page
    for path in ("/kategoria/obywatelskie/", "/kategoria/meldunkowe/"):
        assert "X-Cache" not in client.get(path)
    assert "Nowy tytuł drugiej" in client.get(linking_second.url).text
    assert is_cached(unrelated)
