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
    matches = [m for m in _WORD.finditer(text) if word_terms(m.group()) & terms]
    start = 0
    if matches and matches[0].start() > length // 2:
        start = text.rfind(" ", 0, matches[0].start() - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    parts, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every part escaped
