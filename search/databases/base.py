"""What every database implementation of the Polish search answers."""

from procedures.models import ProcedurePage
from search.models import Audience, SearchEntry, SearchTerm

#: How many indexed words a misspelt word may stand for, and how alike they must be.
TYPO_CANDIDATES = 3
TYPO_SIMILARITY = 0.4


def is_gated(audience, published_only=None):
    """Whether only public procedures may be found: for residents unless told otherwise."""
    return audience == Audience.PUBLIC if published_only is None else published_only


def entries(audience, published_only=None):
    """The audience's search entries, of public procedures only when :func:`is_gated`."""
    found = SearchEntry.objects.filter(audience=audience)
    if is_gated(audience, published_only):
        found = found.filter(page__in=ProcedurePage.objects.public().values("pk"))
    return found


class SearchDatabase:
    """Finding, ranking and completing over the search entries in one database.

    ``concepts`` are :class:`search.engine.Concept` objects: alternatives of words, each
    word a set of analysed terms any of which will do.
    """

    vendor = None

    def store(self, entries):
        """Write new, unsaved search ``entries`` (the page's old ones are gone already)."""
        SearchEntry.objects.bulk_create(entries)

    def tidy(self):
        """After a full rebuild: whatever makes the first searches as fast as later ones."""

    def similar_terms(self, word, audience):
        """Up to ``TYPO_CANDIDATES`` indexed words of the audience nearest to ``word``."""
        raise NotImplementedError

    def corrections(self, words, audience):
        """``{surface: similar terms}`` for each ``(surface, terms)`` of ``words`` none of
        whose terms the audience's vocabulary holds (see :meth:`similar_terms`)."""
        every = {t for _surface, terms in words for t in terms}
        vocabulary = SearchTerm.objects.filter(audience=audience, term__in=every)
        known = set(vocabulary.values_list("term", flat=True))
        return {
            surface: self.similar_terms(surface, audience)
            for surface, terms in words
            if not terms & known
        }

    def rank(self, concepts, audience, offset, limit, published_only=None, every_concept=False):
        """``(page ids from offset to offset + limit, best first; how many match in all)``.

        Procedures matching every concept only, if any does (always with
        ``every_concept``); ranked by concepts matched, concepts in the title, then the
        weighted rank of where the words occur, then title.
        """
        raise NotImplementedError

    def suggest(self, audience, prefix, complete, limit):
        """Page ids of up to ``limit`` procedures whose title or code holds a word starting
        with ``prefix`` and, for each set of terms in ``complete``, one of them."""
        raise NotImplementedError
