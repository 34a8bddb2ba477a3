"""English words that must not appear in the Polish admin, and how to find them.

``find_english(text)`` lists the words of ``ENGLISH_WORDS`` found in ``text`` (whole words,
case as written: "Save", "Compare", "of"); ``visible_text(page)`` is what a user of a
Playwright page reads: the body's text plus placeholders, titles and aria-labels of
visible elements. The list holds UI words that are not also Polish words or names
("to", "was", "Status" and "Login" are Polish too, so they are not in it).
"""

import re

ENGLISH_WORDS: frozenset[str] = frozenset(
    {
        # Actions
        "Save",
        "Cancel",
        "Delete",
        "Edit",
        "Search",
        "Publish",
        "Unpublish",
        "Preview",
        "Choose",
        "Select",
        "Add",
        "Remove",
        "Submit",
        "Resubmit",
        "Approve",
        "Reject",
        "Compare",
        "Revert",
        "Restore",
        "Lock",
        "Unlock",
        "Copy",
        "Move",
        "Close",
        "Sort",
        "Filter",
        "Filters",
        "Clear",
        "Upload",
        "Download",
        "Apply",
        "Continue",
        "Schedule",
        "Toggle",
        "Show",
        "Hide",
        "Expand",
        "Collapse",
        "Refresh",
        "Retry",
        # Things
        "Page",
        "Pages",
        "Snippet",
        "Snippets",
        "Settings",
        "Dashboard",
        "Workflow",
        "Workflows",
        "Task",
        "Tasks",
        "Draft",
        "Live",
        "History",
        "Revisions",
        "Revision",
        "Actions",
        "More",
        "Owner",
        "Locked",
        "Unlocked",
        "Comment",
        "Comments",
        "Help",
        "Documents",
        "Document",
        "Images",
        "Image",
        "Reports",
        "Users",
        "Groups",
        "Account",
        "Title",
        "Updated",
        "Created",
        "Type",
        "Parent",
        "Children",
        "Child",
        "Previous",
        "Next",
        "Yes",
        "No",
        "Saved",
        "Saving",
        "Autosave",
        "Checks",
        "Readability",
        "Layout",
        "Changes",
        "Errors",
        "Error",
        "Option",
        "option",
        "items",
        "item",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "ago",
        "Never",
        "Anyone",
        "Scheduled",
        "Expired",
        "Private",
        "Public",
        "Logout",
        "Password",
        "Username",
        "Sign",
        "Welcome",
        # Sentence words
        "of",
        "the",
        "is",
        "are",
        "and",
        "or",
        "for",
        "with",
        "this",
        "that",
        "could",
        "not",
        "been",
        "has",
        "have",
        "your",
        "you",
        "will",
        "first",
        "all",
        "any",
        "none",
        "selected",
        "paused",
        "due",
        "validation",
        "errors",
        "match",
        "matches",
        "results",
        "There",
        "The",
        "This",
    }
)

_WORD = re.compile(r"[^\W\d_]+")

VISIBLE_TEXT_SCRIPT = """() => {
  const parts = [document.body.innerText];
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
    if (!visible(el)) continue;
    for (const name of ['placeholder', 'title', 'aria-label']) {
      const value = el.getAttribute(name);
      if (value) parts.push(value);
    }
  }
  return parts.join('\\n');
}"""


def find_english(text: str) -> list[str]:
    """The words of ``ENGLISH_WORDS`` in ``text``, each once, in order of appearance."""
    found = []
    for word in _WORD.findall(text):
        if word in ENGLISH_WORDS and word not in found:
            found.append(word)
    return found


def visible_text(page) -> str:
    """What a user of the Playwright ``page`` reads: the body's text, and the
    placeholders, titles and aria-labels of visible elements."""
    return page.evaluate(VISIBLE_TEXT_SCRIPT)
