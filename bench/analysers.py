"""Which Polish analyser: quality and speed of the candidates, measured the same way.

    pip install --group bench         # simplemma and pystempel, for the comparison only
    python bench/analysers.py

For pairs of forms a query and a procedure use (query "dowodu", text "dowód") it counts how
often an analyser reduces both to a common term (recall), and for pairs that must stay apart
("dowód" / "dowódca") how often it merges them (false merges). It also times loading and
analysing. Candidates: Morfeusz 2 (the one the search uses), simplemma, pystempel, and
PostgreSQL's ispell template with Debian's hunspell-pl dictionary (only where
/usr/share/postgresql/*/tsearch_data/pl_pl.dict exists and PostgreSQL is on 127.0.0.1).
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (query form, text form) that must meet: inflection, gradation, suppletion.
SAME = [
    ("dowodu", "dowód"),
    ("zameldowaniu", "zameldowanie"),
    ("zameldować", "zameldowanie"),
    ("opłaty", "opłata"),
    ("opłat", "opłata"),
    ("skarbowej", "skarbowa"),
    ("żłobka", "żłobek"),
    ("żłobkach", "żłobek"),
    ("rodziny", "rodzina"),
    ("dużej", "duża"),
    ("kartą", "karta"),
    ("cudzoziemców", "cudzoziemca"),
    ("aktów", "akt"),
    ("odpisy", "odpis"),
    ("urodziło", "urodzenia"),
    ("bezrobotnych", "bezrobotny"),
    ("profilu", "profil"),
    ("zaufanego", "zaufany"),
    ("nieruchomości", "nieruchomość"),
    ("podatku", "podatek"),
    ("gruntów", "grunt"),
    ("mapy", "mapa"),
    ("informację", "informacja"),
    ("publiczną", "publiczna"),
    ("zezwoleń", "zezwolenie"),
    ("napojów", "napój"),
    ("alkoholowych", "alkoholowy"),
    ("dzieci", "dziecko"),
    ("ludzi", "człowiek"),
    ("psa", "pies"),
    ("wniosków", "wniosek"),
    ("decyzji", "decyzja"),
    ("zaświadczeń", "zaświadczenie"),
    ("szaletów", "szalet"),
    ("osób", "osoba"),
    ("pojazdu", "pojazd"),
    ("dróg", "droga"),
    ("miasta", "miasto"),
    ("ślubu", "ślub"),
    ("mieszkańców", "mieszkaniec"),
    ("zgubiłem", "zgubić"),
    ("lokali", "lokal"),
]
#: Pairs that must stay apart: a merge finds the wrong procedure.
APART = [
    ("dowód", "dowódca"),
    ("zameldowanie", "wymeldowanie"),
    ("karta", "kartka"),
    ("opłata", "opłatek"),
    ("podatek", "podatny"),
    ("rodzina", "rodzic"),
    ("akt", "aktor"),
    ("wniosek", "wnioskodawca"),
    ("pies", "piesek"),
    ("grunt", "gruntowny"),
]


def evaluate(name, analyse, load_seconds):
    def meet(a, b):
        return bool(analyse(a) & analyse(b))

    words = [w for pair in SAME + APART for w in pair] * 20
    started = time.perf_counter()
    for word in words:
        analyse(word)
    per_word = (time.perf_counter() - started) / len(words) * 1e6
    same = sum(meet(a, b) for a, b in SAME)
    merged = sum(meet(a, b) for a, b in APART)
    missed = [f"{a}/{b}" for a, b in SAME if not meet(a, b)]
    print(
        f"{name:<22} recall {same}/{len(SAME)} ({same / len(SAME):.0%}), "
        f"false merges {merged}/{len(APART)}, load {load_seconds:.2f} s, "
        f"{per_word:.0f} µs/word (uncached)\n{'':<22} missed: {', '.join(missed) or '-'}"
    )


def morfeusz():
    from search import analysis

    started = time.perf_counter()
    analysis._morfeusz()
    load = time.perf_counter() - started

    def analyse(word):
        analysis.lemmas.cache_clear()
        analysis.word_terms.cache_clear()
        return set(analysis.lemmas(word)) or {word.lower()}

    return analyse, load


def simplemma_analyser():
    import simplemma

    started = time.perf_counter()
    simplemma.lemmatize("dowodu", lang="pl")
    load = time.perf_counter() - started
    return (lambda word: {simplemma.lemmatize(word, lang="pl").lower()}), load


def pystempel_analyser():
    from pystempel import Stemmer

    started = time.perf_counter()
    stemmer = Stemmer.default()
    load = time.perf_counter() - started
    return (lambda word: {(stemmer(word) or word).lower()}), load


def postgres_ispell():
    if not list(Path("/usr/share/postgresql").glob("*/tsearch_data/pl_pl.dict")):
        return None
    import psycopg

    started = time.perf_counter()
    connection = psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True)
    connection.execute(
        "CREATE TEXT SEARCH DICTIONARY pg_temp.pl_ispell "
        "(TEMPLATE = ispell, DictFile = pl_pl, AffFile = pl_pl)"
    )
    connection.execute("SELECT ts_lexize('pg_temp.pl_ispell', 'dowodu')")
    load = time.perf_counter() - started

    def analyse(word):
        row = connection.execute("SELECT ts_lexize('pg_temp.pl_ispell', %s)", [word]).fetchone()
        return set(row[0] or [word.lower()])

    return analyse, load


def main():
    os.environ.setdefault("TQDM_DISABLE", "1")  # pystempel's loading bar
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    print(f"{len(SAME)} pairs that must meet, {len(APART)} that must stay apart\n")
    for name, factory in (
        ("Morfeusz 2 (chosen)", morfeusz),
        ("simplemma", simplemma_analyser),
        ("pystempel (default)", pystempel_analyser),
        ("PostgreSQL ispell", postgres_ispell),
    ):
        try:
            made = factory()
        except (ImportError, subprocess.CalledProcessError, OSError) as error:
            print(f"{name:<22} not available: {error}")
            continue
        except Exception as error:  # noqa: BLE001 - a candidate failing is a result too
            print(f"{name:<22} failed: {error}")
            continue
        if made is None:
            print(f"{name:<22} not available (apt-get install hunspell-pl)")
            continue
        evaluate(name, *made)


if __name__ == "__main__":
    main()
