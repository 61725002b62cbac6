"""What a reader types into a search box, made into a query every backend takes.

Wagtail's database backend writes each word into SQLite's FTS5 ``MATCH`` syntax
between double quotes without escaping them, so a single stray ``"`` is a syntax
error there (and a NUL ends the string early). Quotes are therefore read here, the
way readers mean them: a pair marks a phrase, a quote left over is dropped, and the
words go to Wagtail as ``PlainText`` and ``Phrase`` objects, never as raw text.
https://docs.wagtail.org/en/stable/topics/search/searching.html#query-string-parsing
"""

from wagtail.search.query import And, Phrase, PlainText, SearchQuery

MAX_LENGTH = 200


def reader_query(text: str) -> SearchQuery | None:
    """The query for ``text``, or None when no word is left to search for."""
    text = "".join(c if c.isprintable() else " " for c in text[:MAX_LENGTH])
    pieces = text.split('"')
    if len(pieces) % 2 == 0:
        # An odd number of quotes: the last one opens nothing.
        pieces[-2:] = [f"{pieces[-2]} {pieces[-1]}"]
    terms = []
    for index, piece in enumerate(pieces):
        words = " ".join(piece.split())
        if words:
            # Odd pieces sit between a pair of quotes.
            terms.append(Phrase(words) if index % 2 else PlainText(words))
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else And(terms)
