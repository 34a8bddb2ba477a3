"""The Polish analyser: how a text becomes search terms, the same for every database.

Text and queries go through the same steps, so a document and a query meet on common terms:

1. words are taken in Unicode (letters and digits; "KA-01147" stays one word);
2. each word is lemmatised by Morfeusz 2 (the SGJP dictionary): "dowodu" gives "dowód",
   "zameldowaniu" gives "zameldować"; an ambiguous word gives all its lemmas;
3. every term is folded to lower-case ASCII ("dowód" → "dowod", "ł" → "l"), so a query
   typed without diacritics meets the text written with them;
4. a query word typed without diacritics that Morfeusz does not know ("zaswiadczeniu") has
   its diacritics restored first: the variants Morfeusz knows, with the fewest changes.

A term is ``[a-z0-9]+`` only, so terms can be put into a full-text query without quoting.
The surface form is kept besides the lemmas: prefix autocomplete and words the dictionary
lacks (names, codes) still match.
"""

import functools
import itertools
import re
import unicodedata

import morfeusz2

#: Words that carry no meaning for a search: prepositions, conjunctions, pronouns,
#: particles and forms of "być" (Morfeusz splits "zgubiłem" into "zgubić" + "być").
STOP_WORDS = frozenset(
    """
    a aby ale albo az bez bo by byc ci co czy dla do gdy gdzie i ich im jak jaki jakie
    jako je jego jej jest jestem juz ktora ktore ktory lub ma mi mnie moj moze mozna na
    nad nam nie niz o od oraz po pod przez przy sa se sie sobie ta tak tam te tego tej
    ten to tu ty u w we wraz z za ze zeby
    """.split()
)

#: Longest word the analyser looks at; longer runs are not words a person types.
MAX_WORD_LENGTH = 40
#: How many diacritics a query word may lack and still be restored.
MAX_RESTORED = 3

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d"})
_ASCII_TERM = re.compile(r"[a-z0-9]+")
_CODE = re.compile(r"[a-z]{1,4}-\d{3,}")
#: Letters a Polish word may carry a diacritic on, and what they become with it.
_DIACRITICS = {
    "a": "ą",
    "c": "ć",
    "e": "ę",
    "l": "ł",
    "n": "ń",
    "o": "ó",
    "s": "ś",
    "z": "źż",
}


def fold(text):
    """``text`` in lower-case ASCII letters and digits: "Żłobek" → "zlobek"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text):
    """The words of ``text`` as written (case kept): codes such as "KA-01147" whole, other
    hyphenated words ("sanitarno-porządkowy") as their parts."""
    found = []
    for word in _WORD.findall(text or ""):
        if "-" in word and not any(ch.isdigit() for ch in word):
            found += word.split("-")
        else:
            found.append(word)
    return [w for w in found if len(w) <= MAX_WORD_LENGTH]


@functools.cache
def _morfeusz():
    return morfeusz2.Morfeusz(generate=False, expand_tags=False)


@functools.lru_cache(maxsize=65536)
def lemmas(word):
    """The dictionary lemmas of ``word`` (lower case, diacritics kept); empty if unknown."""
    found = set()
    for _start, _end, (_orth, lemma, tag, *_rest) in _morfeusz().analyse(word):
        if tag != "ign":
            found.add(lemma.split(":", 1)[0].lower())
    return frozenset(found)


@functools.lru_cache(maxsize=16384)
def restore_diacritics(word):
    """Spellings of an ASCII ``word`` that Morfeusz knows, with the fewest added diacritics.

    "zaswiadczeniu" → {"zaświadczeniu"}; "duzej" → {"dużej"}. Empty when none is found
    within ``MAX_RESTORED`` changes.
    """
    word = word.lower()
    positions = [i for i, ch in enumerate(word) if ch in _DIACRITICS]
    for changes in range(1, min(MAX_RESTORED, len(positions)) + 1):
        found = set()
        for chosen in itertools.combinations(positions, changes):
            for letters in itertools.product(*(_DIACRITICS[word[i]] for i in chosen)):
                chars = list(word)
                for i, letter in zip(chosen, letters, strict=True):
                    chars[i] = letter
                candidate = "".join(chars)
                if lemmas(candidate):
                    found.add(candidate)
        if found:
            return frozenset(found)
    return frozenset()


def _terms(values):
    return {t for value in values for t in _ASCII_TERM.findall(fold(value))}


@functools.lru_cache(maxsize=65536)
def word_terms(word, restore=False):
    """Every term ``word`` stands for: its folded surface form and its folded lemmas.

    With ``restore`` (query words), a word typed without diacritics that the dictionary
    does not know is looked up with its diacritics restored.
    """
    if "-" in word and any(ch.isdigit() for ch in word):
        # A code "KA-01147" is found whole ("ka01147") or by its number ("01147").
        folded = fold(word)
        terms = {folded.replace("-", "")}
        if _CODE.fullmatch(folded):
            terms.add(folded.rsplit("-", 1)[1])
        return frozenset(terms)
    if fold(word) in STOP_WORDS:
        return frozenset()
    known = lemmas(word) or lemmas(word.lower())
    if not known and restore and word.isascii():
        for spelling in restore_diacritics(word):
            known |= lemmas(spelling)
    return frozenset(_terms([word, *known]) - STOP_WORDS)


def document_terms(text):
    """The terms a text is indexed under, in order, one group per word."""
    return [word_terms(w) for w in words(text)]


def index_text(text):
    """The terms of ``text`` as one space-separated string, ready for the index."""
    return " ".join(t for group in document_terms(text) for t in sorted(group))


def query_words(text):
    """The words of a query that count: each as (surface term, its terms), stop words out."""
    result = []
    for word in words(text):
        terms = word_terms(word, restore=True)
        if terms:
            result.append((fold(word).replace("-", ""), terms))
    return result
