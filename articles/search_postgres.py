"""The PostgreSQL part of site search (articles/search.py): vectors, matching, snippets.

Each language searches in its own text search configuration, so a Dutch reader's "huizen"
finds "huis" and a German reader's "Häuser" finds "Haus". Arabic has no stemmer in
PostgreSQL: `simple` (lower-cased whole words), over text that search.fold() has already
normalised (hamza forms, diacritics, tatweel), as the query is.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import F, Func, TextField, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONFIGURATIONS = {"en": "english", "nl": "dutch", "de": "german", "fr": "french", "ar": "simple"}
# A language added to settings.LANGUAGES without a configuration here still searches, by
# whole words.
DEFAULT_CONFIGURATION = "simple"

# ts_headline marks matches with these private-use characters, which the stored text never
# contains (search.without_controls removes them): the snippet is then escaped whole and
# only the markers become <mark> and </mark>.
START, STOP = "\ue000", "\ue001"
# ts_headline parses its text as HTML and drops anything that looks like a tag ("<b>", "<script>
# tags with care" in a story about HTML): angle brackets go in as private-use characters too,
# and come back as "&lt;" and "&gt;" once the passage is escaped.
BRACKETS, BRACKETS_STORED = "<>", "\ue002\ue003"


def configuration(language: str) -> str:
    """The text search configuration of `language` ("dutch" for "nl")."""
    return CONFIGURATIONS.get(language, DEFAULT_CONFIGURATION)


def weighted_vector(title: str, standfirst: str, body: str, *, language: str):
    """The expression of one language version's stored vector: title A, standfirst B, body C."""
    config = configuration(language)
    return (
        SearchVector(Value(title), config=config, weight="A")
        + SearchVector(Value(standfirst), config=config, weight="B")
        + SearchVector(Value(body), config=config, weight="C")
    )


def matching(articles, query, *, language: str):
    """`articles` (annotated with the `search_entry` relation) that match, best first.

    websearch_to_tsquery reads any input without a syntax error ("a & | !b", quotes, a lone
    "-"); a query of stop words only matches nothing.
    """
    config = configuration(language)
    tsquery = SearchQuery(query.folded, search_type="websearch", config=config)
    articles = (
        articles.filter(search_entry__vector=tsquery)
        .annotate(search_rank=SearchRank(F("search_entry__vector"), tsquery))
        .order_by("-search_rank", "-published_at", "-pk")
    )
    if config == "simple":
        # The stored body is unfolded (for display): search.snippet() highlights the words
        # whose folded form is a query word.
        return articles.annotate(search_body=F("search_entry__body_text"))
    return articles.annotate(
        search_headline=SearchHeadline(
            Func(
                F("search_entry__body_text"),
                Value(BRACKETS),
                Value(BRACKETS_STORED),
                function="translate",
                output_field=TextField(),
            ),
            tsquery,
            config=config,
            start_sel=START,
            stop_sel=STOP,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )


def headline_html(headline: str) -> SafeString:
    """ts_headline's passage as HTML: everything escaped, the markers turned into <mark>."""
    text = escape(headline).replace(START, "<mark>").replace(STOP, "</mark>")
    for bracket, stored in zip(BRACKETS, BRACKETS_STORED, strict=True):
        text = text.replace(stored, escape(bracket))
    return mark_safe(text)
