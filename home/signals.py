"""Keep the portal's page cache in step with publishing and with the reference data its
pages show (categories, departments, units, sites).

Every purge goes through :func:`procedures.purges.purge_after_commit` (via
:func:`~home.page_cache.invalidate_procedure`): it runs after the change commits,
never inside it.
"""

from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from home.page_cache import (
    RootPaths,
    forget_known_hosts,
    forget_site_hosts,
    invalidate_procedure,
    path_of_url_path,
    paths_concerning,
    paths_of,
)
from procedures.models import (
    Category,
    Department,
    OrganisationalUnit,
    ProcedurePage,
)
from procedures.purges import purge_after_commit


def _invalidate(sender, instance, **kwargs):
    invalidate_procedure(instance)


def _invalidate_renamed(sender, instance, instance_before, **kwargs):
    """The slug changed: the old address must not keep serving the old copy."""
    invalidate_procedure(instance, path_of_url_path(instance_before.url_path))


def _invalidate_moved(sender, instance, url_path_before, **kwargs):
    """A page moved: its old address and, for a procedure, the pages concerning it."""
    old_path = path_of_url_path(url_path_before)
    if isinstance(instance.specific_deferred, ProcedurePage):
        invalidate_procedure(instance.specific_deferred, old_path)
    else:
        purge_after_commit(paths={"/", "/sitemap.xml", old_path, *paths_of(instance)} - {None})


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
    paths, roots = set(extra_paths), RootPaths()
    for page in procedures:
        paths |= paths_concerning(page, roots)
    purge_after_commit(paths=paths)


def _forget_hosts_on_setting(setting, **kwargs):
    if setting in ("ALLOWED_HOSTS", "PORTAL_CACHE_HOSTS"):
        forget_known_hosts()


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(_invalidate, sender=ProcedurePage, dispatch_uid=f"cache-{signal!r}")
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
    # The page cache's host names come from the sites (page_cache.known_hosts).
    post_save.connect(forget_site_hosts, sender=Site, dispatch_uid="cache-site-hosts")
    post_delete.connect(forget_site_hosts, sender=Site, dispatch_uid="cache-site-hosts-delete")
    setting_changed.connect(_forget_hosts_on_setting, dispatch_uid="cache-hosts-setting")
