"""What residents and BIP may see of a procedure: declared once, read by every public output.

``PUBLIC_FIELDS`` lists the keys of :data:`procedures.fields.FIELDS` marked public. Every
other key is private by default: a field added to the model reaches the portal, the search
index, the API or JSON-LD only once its row says ``public=True``. Public outputs read a
procedure through :class:`PublicProcedure`, which refuses any other key.
"""

from wagtail.search import index

from procedures.fields import FIELDS

#: Template keys shown to residents and BIP, in the template's order.
PUBLIC_FIELDS = tuple(row.key for row in FIELDS if row.public)

#: Template keys marked * — for staff only. Public outputs never read this tuple, they read
#: PUBLIC_FIELDS; the admin's save paths and comments read it (``procedures.restricted``).
RESTRICTED_FIELDS = tuple(row.key for row in FIELDS if not row.public)


def restricted_model_fields():
    """Names of the model fields that hold the restricted keys, in the template's order."""
    return [name for row in FIELDS if not row.public for name in row.model_fields]


#: Public keys the Polish search finds a procedure by (``search/``), with their weight:
#: A outranks B, B outranks C, C outranks D. Read through :class:`PublicProcedure`, so a
#: key missing from PUBLIC_FIELDS cannot be indexed for residents.
SEARCH_WEIGHTS = {row.key: row.weight for row in FIELDS if row.public and row.weight}


def _text_attribute(row):
    # A compound key's text is its descriptive part (processing_time's "description").
    return row.parts.get("description") if row.parts else row.attribute


def public_search_fields():
    """Wagtail ``search_fields`` built from the public keys only (Page's own come first;
    the title is indexed by ``Page.search_fields`` already)."""
    fields = [
        index.SearchField(_text_attribute(row), boost=row.boost)
        for row in FIELDS
        if row.public and row.boost
    ]
    fields += [
        index.AutocompleteField("code"),
        # Filters hold no text a resident could read; they let queries apply public().
        index.FilterField("is_internal"),
        index.FilterField("go_live_at"),
        index.FilterField("expire_at"),
        index.FilterField("department"),
    ]
    return fields


def _related_procedures(page):
    ids = [link.procedure_id for link in page.related_procedures.all()]
    public = type(page).objects.public().filter(pk__in=ids).specific(defer=True)
    by_id = {procedure.pk: procedure for procedure in public}
    return [by_id[pk] for pk in ids if pk in by_id]


def _information_authors(page):
    return [
        {"name": author.employee.name, "position": author.employee.position}
        for author in page.information_authors.select_related("employee")
    ]


def _processing_time(page):
    if page.processing_time_value is None and not page.processing_time_description:
        return None
    return {
        "value": page.processing_time_value,
        "unit": page.processing_time_unit or None,
        "description": page.processing_time_description or None,
    }


def _department(page):
    """The department with its unit, in one query however often it is asked for; in
    none when the page already holds both (a new page of an import)."""
    if not hasattr(page, "_department_with_unit"):
        field = page._meta.get_field("department")
        held = field.get_cached_value(page, None)
        if held is not None and held.pk == page.department_id and _holds_unit(held):
            page._department_with_unit = held
        else:
            page._department_with_unit = field.related_model.objects.select_related("unit").get(
                pk=page.department_id
            )
    return page._department_with_unit


def _holds_unit(department):
    field = department._meta.get_field("unit")
    unit = field.get_cached_value(department, None)
    return unit is not None and unit.pk == department.unit_id


def _information_date(page):
    """Field 6: as entered, else the date of the update request this version resolved."""
    return page.information_date or page.requested_information_date()


_GETTERS = {
    "information_date": _information_date,
    "categories": lambda page: list(page.categories.all()),
    "related_procedures": _related_procedures,
    "electronic_actions": lambda page: [term.name for term in page.electronic_actions.all()],
    "useful_info": lambda page: [term.name for term in page.useful_info.all()],
    "processing_time": _processing_time,
    "information_authors": _information_authors,
    "unit": lambda page: _department(page).unit.name if page.department_id else None,
    "department": lambda page: _department(page).name if page.department_id else None,
}


class PublicProcedure:
    """A read-only view of a procedure that exposes public keys and nothing else.

    ``PublicProcedure(page).summary`` works; ``PublicProcedure(page).faq`` raises
    ``AttributeError``, and so does any key not in ``PUBLIC_FIELDS``.
    """

    __slots__ = ("_cache", "_page")

    def __init__(self, page):
        object.__setattr__(self, "_page", page)
        object.__setattr__(self, "_cache", {})

    def __getattr__(self, key):
        if key not in PUBLIC_FIELDS:
            raise AttributeError(f"{key!r} is not a public field of a procedure")
        cache = self._cache
        if key not in cache:
            getter = _GETTERS.get(key)
            cache[key] = getter(self._page) if getter else getattr(self._page, key)
        return cache[key]

    def __setattr__(self, key, value):
        raise AttributeError("PublicProcedure is read-only")

    @property
    def url(self):
        return self._page.url

    def items(self):
        """(key, value) pairs of every public field, in the template's order."""
        return [(key, getattr(self, key)) for key in PUBLIC_FIELDS]
