"""Keep the portal's page cache and the procedures' fragments (:mod:`procedures.fragments`)
in step with publishing and with the records their pages show (categories, departments,
units, offices, people, vocabulary entries, documents, e-service platforms, linked pages,
sites).

A fragment is stamped with the version it was rendered from, so a publication needs no
purge of its own fragment; what changes without a new version (a record it shows, a
page it links to, the pages above it) drops exactly the fragments concerned, found by
:func:`procedures.fragments.pages_showing`, together with those pages' cached copies.

Every purge goes through :func:`procedures.purges.purge_after_commit` (via
:func:`~home.page_cache.invalidate_procedure`): it runs after the change commits,
never inside it.
"""

from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from home.page_cache import (
    RootPaths,
    forget_known_hosts,
    forget_site_hosts,
    invalidate_procedure,
    path_of_url_path,
    paths_concerning,
    paths_concerning_all,
    paths_of,
)
from procedures import fragments
from procedures.models import (
    Category,
    Department,
    EFormPlatform,
    ElectronicAction,
    Employee,
    Office,
    OrganisationalUnit,
    ProcedureDocument,
    ProcedurePage,
    UpdateRequest,
    UsefulInfo,
)
from procedures.purges import purge_after_commit, when_block_ends

#: Records a procedure's public page shows (besides categories, departments and units,
#: which have handlers of their own below): a change drops the fragments and cached pages
#: of exactly the procedures showing them.
SHOWN_RECORDS = (Office, Employee, EFormPlatform, ElectronicAction, UsefulInfo, ProcedureDocument)


def _procedure_paths(page_ids, roots=None):
    """The portal paths of these procedures."""
    if not page_ids:
        return set()
    roots = roots or RootPaths()
    paths = set()
    for page in ProcedurePage.objects.filter(pk__in=page_ids).defer_streamfields():
        paths |= paths_of(page, roots)
    return paths


def drop_fragments(page_ids, paths=()):
    """Drop the fragments and the cached pages of these procedures (and ``paths``) once
    the current transaction commits."""
    page_ids = set(page_ids)
    paths = set(paths) | (_procedure_paths(page_ids) if page_ids else set())
    purge_after_commit(paths=paths - {None}, keys=fragments.keys_for(page_ids))


def _linking(*pages):
    """Ids of the procedures that show these pages: as related procedures or rich-text links."""
    return fragments.pages_showing(pages)


def _invalidate(sender, instance, **kwargs):
    """A procedure was unpublished or is being deleted: the pages concerning it, and the
    procedures linking to it (their fragments too: its title, address or presence there
    changed). Its own fragment goes as well; a new version would not read it."""
    _invalidate_all([instance])


def _invalidate_published(sender, instance, **kwargs):
    """A procedure was published: as :func:`_invalidate`; in a bulk job
    (:func:`procedures.purges.coalesced`), worked out once for all the procedures it
    publishes, when its block ends."""
    when_block_ends(_invalidate_all, instance)


def _invalidate_all(procedures):
    linking = _linking(*procedures)
    roots = RootPaths()
    paths = paths_concerning_all(procedures, roots) | _procedure_paths(linking, roots)
    purge_after_commit(paths=paths, keys=fragments.keys_for(linking | {p.pk for p in procedures}))


def _invalidate_renamed(sender, instance, instance_before, **kwargs):
    """The slug changed: the old address must not keep serving the old copy."""
    linking = _linking(instance)
    invalidate_procedure(
        instance,
        path_of_url_path(instance_before.url_path),
        *_procedure_paths(linking),
        keys=fragments.keys_for(linking | {instance.pk}),
    )


def _invalidate_moved(sender, instance, url_path_before, **kwargs):
    """A page moved: its old address and, for a procedure, the pages concerning it; the
    fragments of the procedures below it (addresses, breadcrumbs) and of those linking
    to any of these pages."""
    old_path = path_of_url_path(url_path_before)
    below = fragments.procedures_below(instance)
    linking = _linking(instance, *ProcedurePage.objects.filter(pk__in=below))
    if isinstance(instance.specific_deferred, ProcedurePage):
        invalidate_procedure(
            instance.specific_deferred,
            old_path,
            *_procedure_paths(linking),
            keys=fragments.keys_for(linking | below),
        )
    else:
        drop_fragments(linking | below, {"/", "/sitemap.xml", old_path, *paths_of(instance)})


def _other_page_changed(sender, instance, **kwargs):
    """A page other than a procedure was published, unpublished, renamed or deleted (the
    procedure list, the home page, a page of information): the procedures below it show
    it in their breadcrumbs and addresses, others may link to it."""
    if isinstance(instance, ProcedurePage) or not isinstance(instance, Page):
        return
    drop_fragments(fragments.procedures_below(instance) | _linking(instance))


def _record_changed(sender, instance, raw=False, created=False, **kwargs):
    """An office, person, vocabulary entry, document or platform changed or is being
    deleted: the procedures showing it (as their live versions stand). One just created
    is shown by none yet."""
    if not raw and not created:
        page_ids = fragments.pages_showing([instance])
        if page_ids:
            drop_fragments(page_ids)


def _request_changed(sender, instance, raw=False, **kwargs):
    """An update request changed: its procedure's "Data wytworzenia informacji" may come
    from it (field 6)."""
    if not raw and instance.procedure_id:
        drop_fragments({instance.procedure_id})


def _sites_changed(sender, instance, **kwargs):
    """A site changed: every procedure's address and breadcrumbs may have."""
    purge_after_commit(keys=fragments.keys_for(fragments.every_procedure()))


def _remember_category_slug(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        instance._slug_before = (
            Category.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        )


def _invalidate_category(sender, instance, raw=False, **kwargs):
    """A category's name or address changed: its page and its public procedures' pages."""
    if raw:
        return
    paths = {"/", "/sitemap.xml", f"/kategoria/{instance.slug}/"}
    if getattr(instance, "_slug_before", None):
        paths.add(f"/kategoria/{instance._slug_before}/")
    _invalidate_live(ProcedurePage.objects.live().filter(categories=instance), paths)


def _invalidate_deleted_category(sender, instance, **kwargs):
    """A category was deleted: its page and the pages listing categories."""
    purge_after_commit(paths={"/", "/sitemap.xml", f"/kategoria/{instance.slug}/"})


def _invalidate_department(sender, instance, raw=False, **kwargs):
    """A department's (Komórka's) name changed: the pages of its public procedures."""
    if not raw:
        _invalidate_live(ProcedurePage.objects.live().filter(department=instance))


def _invalidate_unit(sender, instance, raw=False, **kwargs):
    """A unit's (Jednostka's) name changed: the pages of its departments' procedures."""
    if not raw:
        _invalidate_live(ProcedurePage.objects.live().filter(department__unit=instance))


def _invalidate_live(procedures, extra_paths=()):
    paths, roots, ids = set(extra_paths), RootPaths(), set()
    for page in procedures:
        paths |= paths_concerning(page, roots)
        ids.add(page.pk)
    purge_after_commit(paths=paths, keys=fragments.keys_for(ids))


def _forget_hosts_on_setting(setting, **kwargs):
    if setting in ("ALLOWED_HOSTS", "PORTAL_CACHE_HOSTS"):
        forget_known_hosts()


def connect():
    page_published.connect(
        _invalidate_published, sender=ProcedurePage, dispatch_uid=f"cache-{page_published!r}"
    )
    page_unpublished.connect(
        _invalidate, sender=ProcedurePage, dispatch_uid=f"cache-{page_unpublished!r}"
    )
    page_slug_changed.connect(_invalidate_renamed, sender=ProcedurePage, dispatch_uid="cache-slug")
    pre_delete.connect(_invalidate, sender=ProcedurePage, dispatch_uid="cache-delete")
    post_page_move.connect(_invalidate_moved, dispatch_uid="cache-move")
    pre_save.connect(_remember_category_slug, sender=Category, dispatch_uid="cache-cat-slug")
    post_save.connect(_invalidate_category, sender=Category, dispatch_uid="cache-category")
    post_delete.connect(
        _invalidate_deleted_category, sender=Category, dispatch_uid="cache-category-delete"
    )
    post_save.connect(_invalidate_department, sender=Department, dispatch_uid="cache-dept")
    post_save.connect(_invalidate_unit, sender=OrganisationalUnit, dispatch_uid="cache-unit")
    # Fragments: what changes without a new version of the procedures showing it.
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(_other_page_changed, dispatch_uid=f"fragments-page-{signal!r}")
    # A page's deletion deletes its Page row too (sender Page); no sender at all would
    # turn off Django's fast deletes for every model.
    pre_delete.connect(_other_page_changed, sender=Page, dispatch_uid="fragments-page-delete")
    for model in SHOWN_RECORDS:
        name = model._meta.model_name
        post_save.connect(_record_changed, sender=model, dispatch_uid=f"fragments-{name}")
        pre_delete.connect(_record_changed, sender=model, dispatch_uid=f"fragments-{name}-del")
    post_save.connect(_request_changed, sender=UpdateRequest, dispatch_uid="fragments-request")
    post_delete.connect(
        _request_changed, sender=UpdateRequest, dispatch_uid="fragments-request-delete"
    )
    post_save.connect(_sites_changed, sender=Site, dispatch_uid="fragments-site")
    post_delete.connect(_sites_changed, sender=Site, dispatch_uid="fragments-site-delete")
    # The page cache's host names come from the sites (page_cache.known_hosts).
    post_save.connect(forget_site_hosts, sender=Site, dispatch_uid="cache-site-hosts")
    post_delete.connect(forget_site_hosts, sender=Site, dispatch_uid="cache-site-hosts-delete")
    setting_changed.connect(_forget_hosts_on_setting, dispatch_uid="cache-hosts-setting")
