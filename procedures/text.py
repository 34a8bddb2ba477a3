"""Text helpers for Polish content."""

from django.utils.html import escape
from django.utils.text import slugify

_POLISH = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def slugify_pl(text, max_length=80):
    """A readable ASCII slug: "Wydanie dowodu osobistego – ł" → "wydanie-dowodu-osobistego-l"."""
    return slugify((text or "").translate(_POLISH))[:max_length].strip("-")


def plain_text_to_html(text):
    """Plain text as rich-text HTML: paragraphs on blank lines, line breaks kept."""
    paragraphs = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n")]
    return "".join("<p>" + escape(p).replace("\n", "<br/>") + "</p>" for p in paragraphs if p)


def looks_like_html(text):
    stripped = (text or "").lstrip()
    return stripped.startswith("<") and ">" in stripped


_PL_ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
_PL_ORDER = {letter: position for position, letter in enumerate(_PL_ALPHABET)}


def sort_key_pl(text):
    """A key that sorts Polish text as a dictionary does: "Łódź" after "Lublin", before "Mława".

    Databases sort by their own collation (SQLite puts "Ł" after "Z"); sort in Python with
    this key where residents read an alphabetical list.
    """
    folded = (text or "").casefold()
    return [(_PL_ORDER.get(char, -1), char) for char in folded], text or ""
