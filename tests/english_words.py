"""English words left in the Polish interface: what the browser tests look for on screen.

A minimal version with the interface the browser tests use; the maintained word list
lives with the Polish translation catalogue.
"""

import re

#: Words that are English and never Polish, as they appear in Wagtail's and Django's
#: untranslated strings ("Go to the first error", "Compare", "1-21 of 21", …). Words that
#: are Polish as well ("to", "go", "a", "status") are left out.
ENGLISH_WORDS = frozenset(
    {
        "ago",
        "autosave",
        "cancel",
        "choose",
        "compare",
        "could",
        "created",
        "delete",
        "documents",
        "draft",
        "due",
        "edit",
        "error",
        "errors",
        "first",
        "minute",
        "minutes",
        "of",
        "option",
        "page",
        "password",
        "paused",
        "publish",
        "save",
        "select",
        "submit",
        "the",
        "validation",
        "workflow",
    }
)

WORD = re.compile(r"[^\W\d_]+")


def find_english(text):
    """The English words of ``text`` from :data:`ENGLISH_WORDS`, in order of appearance,
    each once."""
    found = []
    for word in WORD.findall(text):
        folded = word.casefold()
        if folded in ENGLISH_WORDS and folded not in found:
            found.append(folded)
    return found


def visible_text(page):
    """What a person sees on the Playwright ``page``: the rendered text of the body (hidden
    elements left out) and the placeholders of the visible fields."""
    text = page.locator("body").inner_text()
    placeholders = page.eval_on_selector_all(
        "input[placeholder]:not([type=hidden]), textarea[placeholder]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.placeholder)",
    )
    return "\n".join([text, *placeholders])
