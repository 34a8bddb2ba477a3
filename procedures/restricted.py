"""Restricted fields (*) on every save path, and comments on them.

Which template keys are restricted is declared once, in
:data:`procedures.public.RESTRICTED_FIELDS`. Who may change each of them is declared once,
by the editor's form: the restricted field's ``FieldPanel`` carries the permission
(``FieldPanel("faq", permission=...)``; "Inne*" is read-only in the page editor, agents
keep it in their own form; the importer run by a user holding that permission may still
change it). A restricted key whose panel needs no permission ("Obowiązuje od/do") is the
department editor's to set; one with no panel at all is closed to every user (restricted
by default).

* :func:`keep_restricted_values` puts back the latest values of the fields a user may not
  change. ``ProcedurePage.save_revision(user=...)`` calls it, so every path that saves a
  version for a user goes through it: edit, revert, copy, workflow actions from the editor,
  the importer's ``--user``.
* :func:`comment_visible_to` says whether a comment may be shown to a user: a comment
  anchored to a restricted field is for those who may read restricted fields.
"""

from functools import cache

from wagtail.admin.panels import FieldPanel, get_edit_handler

from procedures.public import restricted_model_fields
from procedures.reading import can_read_restricted


def _field_panels(panel):
    if isinstance(panel, FieldPanel):
        yield panel
    for child in getattr(panel, "children", ()):
        yield from _field_panels(child)


@cache
def restricted_panels(page_class):
    """Restricted model field → its ``FieldPanel`` in the editor's form, or None."""
    names = {field.name for field in page_class._meta.get_fields()}
    panels = {panel.field_name: panel for panel in _field_panels(get_edit_handler(page_class))}
    return {name: panels.get(name) for name in restricted_model_fields() if name in names}


def _guarded(panel):
    """Whether a restricted field's panel keeps it from some users."""
    return panel is None or bool(panel.permission)


def fields_closed_to(user, page_class):
    """Restricted fields ``user`` may not change in a new version of a ``page_class`` page.

    ``user=None`` is the system itself (a command run without ``--user``, a migration):
    nothing is closed to it.
    """
    if user is None:
        return []
    return [
        name
        for name, panel in restricted_panels(page_class).items()
        if panel is None or (panel.permission and not user.has_perm(panel.permission))
    ]


def latest_version(page):
    """The page as its latest saved version says, or None for a page not yet saved.

    The latest revision when there is one; otherwise the page's database row (a page
    created outside the admin, e.g. by a factory, has no revision until its first save).
    """
    if page.pk is None:
        return None
    revision = page.revisions.order_by("-created_at", "-id").first()
    if revision is not None:
        return revision.as_object()
    return type(page).objects.filter(pk=page.pk).first()


def keep_restricted_values(page, user):
    """Put back on ``page``, about to be saved by ``user``, the latest values of the
    restricted fields ``user`` may not change; a page never saved gets their defaults.

    Returns the names of the fields whose value ``page`` carried differed, i.e. what the
    user's save would have changed.
    """
    closed = fields_closed_to(user, type(page))
    if not closed:
        return []
    source = latest_version(page)
    changed = []
    for name in closed:
        field = page._meta.get_field(name)
        value = getattr(source, field.attname) if source is not None else field.get_default()
        if field.get_prep_value(getattr(page, field.attname)) != field.get_prep_value(value):
            changed.append(name)
            setattr(page, field.attname, value)
    return changed


# --- Comments -------------------------------------------------------------------------------


def is_restricted_contentpath(page_class, contentpath):
    """Whether a comment at ``contentpath`` (``"faq"``, ``"faq.<block id>.answer"``) is
    anchored to a restricted field some users may not see."""
    field_name = (contentpath or "").split(".", 1)[0]
    panels = restricted_panels(page_class)
    return field_name in panels and _guarded(panels[field_name])


def comment_visible_to(comment, user, page_class):
    """Whether ``user`` may see ``comment`` (its text, replies and its very existence)."""
    return not is_restricted_contentpath(page_class, comment.contentpath) or (
        can_read_restricted(user)
    )
