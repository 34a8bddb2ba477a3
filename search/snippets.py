"""Search result snippets: a stretch of public text with the words found marked."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.analysis import _WORD, word_terms

#: Characters of text a snippet shows at most.
SNIPPET_LENGTH = 240


def highlight(text, terms, length=SNIPPET_LENGTH):
    """``text`` escaped, cut to ``length`` characters around the first word found, with every
    word whose terms meet ``terms`` in ``<mark>``. ``text`` must be public: a snippet shows
    only what it is given."""
    text = " ".join((text or "").split())
    first = next((m for m in _WORD.finditer(text) if word_terms(m.group()) & terms), None)
    start = 0
    if first and first.start() > length // 2:
        start = text.rfind(" ", 0, first.start() - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    parts, position = [], start
    # Only the words shown are looked up; ``start`` is the beginning of a word.
    for match in _WORD.finditer(text, start):
        if match.end() > end:
            break
        if not word_terms(match.group()) & terms:
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every part escaped
