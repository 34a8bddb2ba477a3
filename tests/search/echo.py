"""What the portal's search page repeats of the query, so leak tests can set exactly that
aside and still read everything else on the page."""

from django.template.defaultfilters import urlencode
from django.utils.html import escape


def without_search_echo(html, query):
    """The search page for ``query`` without the places that repeat the query.

    Those are the page title, the heading, the search box's value and the pagination links
    (templates/search/search.html), each removed only in its own wording. A marker anywhere
    else, such as a result's title or snippet, stays in the text; so does any other
    occurrence of the query itself. Should the template word its echo differently, the
    echo stays too and a leak test fails: it cannot pass by removing too much.
    """
    if not query:
        return html
    shown = escape(query)
    for echo in (
        f"<title>Wyniki wyszukiwania: {shown} – ",
        f"<h1>Wyniki wyszukiwania dla „{shown}”</h1>",
        f'name="q" value="{shown}"',
        f"?q={urlencode(query)}&amp;page=",
    ):
        html = html.replace(echo, "")
    return html
