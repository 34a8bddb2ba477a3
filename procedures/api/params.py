"""The API's parameters, declared once: each one reads and checks a request and describes
itself in the OpenAPI document (:mod:`.openapi`), so the document cannot drift from what
the views accept.

A view reads its endpoint's query parameters with :func:`read`; any parameter it does
not declare, and any value its parser refuses, is a :class:`~.utils.BadRequest` (400).
Path parameters are checked by the URL converters (``urls.py``) and declared here for the
document only.
"""

from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from search.query import MAX_QUERY_LENGTH

from .serializers import FIELDS, LISTING_DEFAULT_FIELDS
from .utils import BadRequest

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
#: Highest ``?offset=``: far beyond any real listing, within every database's integers.
MAX_OFFSET = 1_000_000_000

#: Text the API accepts: anything but a NUL character, which no code or search holds.
TEXT_PATTERN = "^[^\\x00]*$"
#: ``?fields=``: names from :data:`FIELDS`, comma-separated, or ``*``.
FIELDS_PATTERN = "^(\\*|({names})(,({names}))*)?$".format(names="|".join(FIELDS))


@dataclass(frozen=True)
class Parameter:
    """One parameter: how it is read from a request and how the document describes it.

    ``parse(name, raw)`` turns the text given into the value a view uses, raising
    :class:`BadRequest` for one it cannot use; an absent parameter is ``default``.
    ``key`` names the parameter among the document's components when two parameters share
    a name (the ``code`` of a path and the ``code`` filter of the listing).
    """

    name: str
    description: str
    schema: dict
    parse: Any = None
    default: Any = None
    location: str = "query"
    key: str = ""

    @property
    def component(self):
        return self.key or self.name

    def read(self, request):
        raw = request.GET.get(self.name)
        if raw is None:
            return self.default
        return self.parse(self.name, raw) if self.parse else raw

    def openapi(self):
        """The parameter object of the OpenAPI document."""
        document = {"name": self.name, "in": self.location}
        if self.location == "path":
            document["required"] = True
        return {**document, "description": self.description, "schema": self.schema}


def whole_number(maximum):
    """A parser of whole numbers from 0 to ``maximum``."""

    def parse(name, raw):
        try:
            value = int(raw)
        except ValueError:
            raise BadRequest(f"{name} must be a whole number, got {raw[:50]!r}.") from None
        if value < 0:
            raise BadRequest(f"{name} must not be negative.")
        if value > maximum:
            raise BadRequest(f"{name} must not be higher than {maximum}.")
        return value

    return parse


def moment(name, raw):
    """The aware UTC datetime of an ISO 8601 date and time; a naive one is read in the
    site's zone."""
    text = raw.strip()
    try:
        # An unencoded "+" of the UTC offset arrives as a space.
        value = parse_datetime(text) or parse_datetime(text.replace(" ", "+"))
    except ValueError:
        value = None
    if value is None:
        raise BadRequest(f"{name} must be an ISO 8601 date and time, got {raw!r}.")
    try:
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        # Databases compare in UTC: a moment that has none (year 0 or 10000 there) is
        # refused, and PostgreSQL reads no offset beyond ±15:59, so none is passed on.
        value = value.astimezone(UTC)
    except OverflowError:
        raise BadRequest(
            f"{name} is out of the range of dates the API keeps, got {raw!r}."
        ) from None
    return value


def field_names(name, raw):
    """Listing fields: the defaults plus those named (``*`` = all)."""
    names = [part.strip() for part in raw.split(",") if part.strip()]
    if "*" in names:
        return FIELDS
    unknown = [part for part in names if part not in FIELDS]
    if unknown:
        raise BadRequest(
            f"Unknown or non-public field(s): {', '.join(unknown)}. "
            f"Allowed fields: {', '.join(FIELDS)} (or * for all)."
        )
    return (
        *LISTING_DEFAULT_FIELDS,
        *[part for part in names if part not in LISTING_DEFAULT_FIELDS],
    )


def stripped(name, raw):
    return raw.strip()


def search_text(name, raw):
    """The query as given, refused beyond :data:`search.query.MAX_QUERY_LENGTH`
    characters (the search cleans it further)."""
    if len(raw) > MAX_QUERY_LENGTH:
        raise BadRequest(f"{name} must not be longer than {MAX_QUERY_LENGTH} characters.")
    return raw.replace("\x00", "")


ID = Parameter(
    "id",
    "Identyfikator procedury (id z listy).",
    {"type": "integer"},
    location="path",
)
CODE = Parameter(
    "code",
    "Kod procedury, np. KA-01147 (wielkość liter bez znaczenia).",
    {"type": "string", "pattern": TEXT_PATTERN},
    location="path",
)
LIMIT = Parameter(
    "limit",
    f"Liczba pozycji (domyślnie {DEFAULT_LIMIT}, najwyżej {MAX_LIMIT}).",
    {"type": "integer", "minimum": 0, "maximum": MAX_LIMIT},
    whole_number(MAX_LIMIT),
    DEFAULT_LIMIT,
)
OFFSET = Parameter(
    "offset",
    f"Ile pozycji pominąć (najwyżej {MAX_OFFSET}).",
    {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
    whole_number(MAX_OFFSET),
    0,
)
FIELDS_PARAMETER = Parameter(
    "fields",
    "Dodatkowe pola pozycji, rozdzielone przecinkami, albo * (wszystkie). "
    f"Dozwolone: {', '.join(FIELDS)}.",
    {"type": "string", "pattern": FIELDS_PATTERN},
    field_names,
    LISTING_DEFAULT_FIELDS,
)
CODE_FILTER = Parameter(
    "code",
    "Tylko procedura o tym kodzie (wielkość liter bez znaczenia).",
    {"type": "string", "pattern": TEXT_PATTERN},
    stripped,
    key="code_filter",
)
UPDATED_SINCE = Parameter(
    "updated_since",
    "Tylko procedury opublikowane po tej chwili (ISO 8601); odpowiedź zawiera "
    "też tablicę deleted z procedurami wycofanymi od tej chwili.",
    {"type": "string", "format": "date-time"},
    moment,
)
SEARCH = Parameter(
    "search",
    "Wyszukiwanie po polsku (odmiana, brak polskich znaków, synonimy, literówki) "
    "w publicznych polach; pozycje od najlepiej pasującej. "
    f"Najwyżej {MAX_QUERY_LENGTH} znaków.",
    {"type": "string", "maxLength": MAX_QUERY_LENGTH, "pattern": TEXT_PATTERN},
    search_text,
)
AT = Parameter(
    "at",
    "Stan procedury w tej chwili (ISO 8601).",
    {"type": "string", "format": "date-time"},
    moment,
)

#: Query parameters of each endpoint, in the order they are checked and documented.
LISTING = (LIMIT, OFFSET, FIELDS_PARAMETER, CODE_FILTER, UPDATED_SINCE, SEARCH)
DETAIL = ()
HISTORY = (AT,)
#: Every parameter the document describes.
ALL = (ID, CODE, *LISTING, AT)


def read(request, parameters):
    """``{name: value}`` of ``parameters`` in ``request``'s query string.

    Raises :class:`BadRequest` for a parameter not among them or a value one refuses.
    """
    names = [parameter.name for parameter in parameters]
    unknown = sorted(set(request.GET) - set(names))
    if unknown:
        accepted = ", ".join(names) if names else "none"
        raise BadRequest(
            f"Unknown query parameter(s): {', '.join(unknown)}. Accepted parameters: {accepted}."
        )
    return {parameter.name: parameter.read(request) for parameter in parameters}
