"""Site search at `/<lang>/search/?q=`: the visible articles of one language that match.

Title, standfirst and body are searched, in the reader's language only. Two engines read the
same stored index (ArticleSearch, one row per article and language with text):

- PostgreSQL: full-text search in the language's text search configuration (stemming: "running"
  finds "run"), over a stored vector weighted title (A) over standfirst (B) over body (C)
  behind a GIN index; ranked; snippets by ts_headline (articles/search_postgres.py).
- SQLite, the embedded default: every word of the query must occur in the folded text
  (title, standfirst and body); newest first; snippets by our own highlighter.

The index follows the write path: the hooks at the bottom subscribe to the article events
(newsroom/events.py), which are dispatched after the commit, and rewrite the article's rows.
Nothing is computed from the article text at query time.

Folding (`fold()`) is what makes a word findable whatever its spelling: Arabic hamza forms
and alef variants become the bare letter, Arabic diacritics (tashkeel) and tatweel go, and
everything is lower-cased. The stored text and the query are folded the same way.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, transaction
from django.db.models import F, FilteredRelation, Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from newsroom import events, pagecache
from newsroom.languages import active_language, language_codes, localized, reader_text
from newsroom.pagecache import cached_page
from newsroom.pages import page_links, page_urls, paginate, render_page

# A query longer than this is cut (and the reader told): no one types more, and each word
# costs a condition.
MAX_QUERY_LENGTH = 200
# About two lines of a result: the snippet is cut around the first match.
SNIPPET_LENGTH = 220

# Arabic: harakat and other marks above or below the letters (tashkeel, Quranic marks, the
# superscript alef) and tatweel (the stretching stroke, U+0640) carry no letter.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06ed]")
# Hamza carriers and alef variants become their bare letter, alef maksura becomes ya, as
# common Arabic search normalisers do (Lucene's ArabicNormalizer, for one): readers and
# writers spell these both ways.
_ARABIC_LETTERS = str.maketrans(
    {
        "\u0623": "\u0627",  # أ alef with hamza above
        "\u0625": "\u0627",  # إ alef with hamza below
        "\u0622": "\u0627",  # آ alef with madda
        "\u0671": "\u0627",  # ٱ alef wasla
        "\u0624": "\u0648",  # ؤ waw with hamza
        "\u0626": "\u064a",  # ئ ya with hamza
        "\u0649": "\u064a",  # ى alef maksura
    }
)
# A word: letters and digits, with the marks that may sit inside an unfolded Arabic word (or
# a decomposed accent), so that the highlighter sees "مُحَمَّد" as one word.
_WORD = re.compile("(?:\\w|[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed])+")
# Block-level tags end a word; inline ones (<strong>, <a>) may sit inside one.
_BLOCK_TAG = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|blockquote|figure|figcaption|br|hr|div)\b[^>]*>", re.I
)
_ANY_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_BRACKETS = str.maketrans("<>", "  ")


def without_controls(text: str) -> str:
    """`text` without control characters (a NUL byte, escapes) and private-use characters
    (the highlight markers of search_postgres), its whitespace collapsed."""
    kept = "".join(
        " " if ch in "\t\n\r" else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cc", "Co", "Cs") or ch in "\t\n\r"
    )
    return _SPACES.sub(" ", kept).strip()


def fold_arabic(text: str) -> str:
    """Arabic text as search compares it: no diacritics or tatweel, bare alef, waw and ya."""
    return _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)


def fold(text: str) -> str:
    """The form both the stored text and the query take before they are compared.

    NFC (a decomposed "é" is the composed one), no control characters, Arabic folded
    (fold_arabic), lower case, angle brackets as spaces (PostgreSQL's parser takes "<script>"
    in a story's text for a tag and skips what follows). Applied whatever the language: an
    English story quoting an Arabic name is found by either spelling too.
    """
    text = fold_arabic(without_controls(unicodedata.normalize("NFC", text or ""))).lower()
    return text.translate(_BRACKETS)


def plain_text(body: str) -> str:
    """The words of a sanitized HTML body: tags gone (block tags end a word), entities decoded."""
    text = _BLOCK_TAG.sub(" ", body or "")
    return without_controls(html.unescape(_ANY_TAG.sub("", text)))


@dataclass(frozen=True)
class Query:
    """What a reader typed, made safe to search for.

    `text` is the query as shown back (control characters removed, at most MAX_QUERY_LENGTH
    characters); `words` its folded words, once each; `truncated` says it was cut.
    """

    text: str = ""
    words: tuple[str, ...] = field(default=())
    truncated: bool = False

    @property
    def folded(self) -> str:
        """The whole query folded, punctuation kept (PostgreSQL's websearch syntax reads it)."""
        return fold(self.text)


def parse_query(raw: str) -> Query:
    """A Query from anything at all: empty, punctuation only, hostile or 10,000 characters."""
    text = without_controls(raw or "")
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    words = tuple(dict.fromkeys(_WORD.findall(fold(text))))
    return Query(text=text, words=words, truncated=truncated)


# -- The index --


def _is_postgresql(using: str) -> bool:
    return connections[using].vendor == "postgresql"


def index_rows(article, entry_model, *, using: str) -> list:
    """The unsaved index rows of one article: one per language it has a title in."""
    from . import search_postgres

    rows = []
    for code in language_codes():
        title = localized(article, "title", code)
        if not title:
            continue
        standfirst = localized(article, "standfirst", code)
        body = plain_text(localized(article, "body", code))
        parts = [fold(title), fold(standfirst), fold(body)]
        rows.append(
            entry_model(
                article_id=article.pk,
                language=code,
                document="\n".join(parts),
                body_text=body,
                vector=search_postgres.weighted_vector(*parts, language=code)
                if _is_postgresql(using)
                else None,
            )
        )
    return rows


def index_update(
    article_ids: Iterable[int], *, article_model=None, entry_model=None, using: str = "default"
) -> int:
    """Rewrite the index rows of these articles from their stored text; return how many.

    An article that no longer exists loses its rows. The models can be given (a data
    migration passes its historical ones). Runs in its own transaction.
    """
    from .models import Article, ArticleSearch

    article_model = article_model or Article
    entry_model = entry_model or ArticleSearch
    ids = list(article_ids)
    with transaction.atomic(using=using):
        articles = article_model._base_manager.using(using).filter(pk__in=ids)
        rows = [
            row for article in articles for row in index_rows(article, entry_model, using=using)
        ]
        entry_model._base_manager.using(using).filter(article_id__in=ids).delete()
        entry_model._base_manager.using(using).bulk_create(rows, batch_size=200)
    return len(rows)


def index_rebuild(*, article_model=None, entry_model=None, using="default", chunk=500) -> int:
    """Rewrite the whole index (after a change of folding or configuration); return the rows."""
    from .models import Article

    article_model = article_model or Article
    ids = list(article_model._base_manager.using(using).order_by("pk").values_list("pk", flat=True))
    return sum(
        index_update(
            ids[start : start + chunk],
            article_model=article_model,
            entry_model=entry_model,
            using=using,
        )
        for start in range(0, len(ids), chunk)
    )


# What a stored page of search results depends on besides its language's listing: the index.
RESULTS = "search"


def _reindex(event) -> None:
    index_update([event.article_id])
    # The page cache purged the event's listings before this ran (it subscribed to every
    # event first): a results page stored in between holds the index as it was.
    pagecache.purge(RESULTS)


# Everything that changes an article's text or existence. Visibility is not in the index
# (the search starts from Article.objects.visible()), but publishing and language-version
# changes rewrite the rows too, so a version's text is current the moment it shows.
INDEXED_EVENTS = (
    events.ArticleSaved,
    events.ArticlePublished,
    events.LanguageVersionChanged,
    events.ArticleUnpublished,
    events.ArticleDeleted,
    # A pending change going live (at its scheduled time) changes the live text.
    events.PendingChangeLive,
)


def connect() -> None:
    """Keep the index current: called from ArticlesConfig.ready()."""
    for event_type in INDEXED_EVENTS:
        events.subscribe(event_type, _reindex)


# -- Searching --


def search_articles(query: Query, *, language: str, section=None, since=None, until=None):
    """The articles visible in `language` that match `query`, best first, ready for a listing.

    `since` and `until` are dates (inclusive) in the newsroom's time zone. Each article
    carries what snippet() needs. A query without words matches nothing.
    """
    from . import search_postgres
    from .models import Article

    articles = Article.objects.visible(language).for_listing()
    if not query.words:
        return articles.none()
    articles = articles.annotate(
        search_entry=FilteredRelation(
            "search_entries", condition=Q(search_entries__language=language)
        )
    )
    if section is not None:
        articles = articles.in_section(section)
    if since is not None:
        articles = articles.filter(published_at__date__gte=since)
    if until is not None:
        articles = articles.filter(published_at__date__lte=until)
    if _is_postgresql(articles.db):
        return search_postgres.matching(articles, query, language=language)
    for word in query.words:
        articles = articles.filter(search_entry__document__contains=word)
    return articles.annotate(search_body=F("search_entry__body_text")).order_by(
        "-published_at", "-pk"
    )


def highlight(text: str, is_match: Callable[[str], bool], length: int = SNIPPET_LENGTH):
    """About `length` characters of `text` around its first matching word, escaped, each
    matching word in <mark>. `is_match` gets each word folded. The start of the text (no
    mark) when nothing matches."""
    words = list(_WORD.finditer(text))
    first = next((w for w in words if is_match(fold(w.group()))), None)
    start = 0
    if first is not None and first.end() > length:
        start = text.rfind(" ", 0, max(0, first.start() - length // 3)) + 1
    end = len(text)
    if end - start > length:
        end = text.rfind(" ", start, start + length)
        end = end if end > (first.end() if first else start) else start + length
    pieces, position = [], start
    for word in words:
        if word.start() < start or word.end() > end:
            continue
        if is_match(fold(word.group())):
            pieces.append(escape(text[position : word.start()]))
            pieces.append(mark_safe(f"<mark>{escape(word.group())}</mark>"))
            position = word.end()
    pieces.append(escape(text[position:end]))
    snippet = "".join(pieces).strip()
    return mark_safe(("… " if start else "") + snippet + (" …" if end < len(text) else ""))


def snippet(article, query: Query) -> SafeString:
    """The highlighted passage of a search result's body (escaped but for the <mark>s)."""
    from . import search_postgres

    if getattr(article, "search_headline", None) is not None:
        return search_postgres.headline_html(article.search_headline)
    words = set(query.words)
    if _is_postgresql(article._state.db or "default"):
        # The `simple` configuration matches whole (folded) words.
        return highlight(article.search_body or "", words.__contains__)
    return highlight(article.search_body or "", lambda word: any(w in word for w in words))


# -- The page --


class SearchForm(forms.Form):
    """The search page's form: words, and optionally a section and a date range."""

    q = forms.CharField(label=_("Search for"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget = forms.TextInput(attrs={"type": "search", "id": "search-q"})
        self.fields["section"].choices = [("", _("All sections"))] + [
            (slug, name) for slug, name in sections
        ]
        # "from" and "to" are Python keywords, so these fields are added by name.
        for name, label in (("from", _("From")), ("to", _("To"))):
            self.fields[name] = forms.DateField(
                label=label,
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            )

    def valid(self, name: str):
        """The cleaned value of one field, or None when it is empty or invalid."""
        self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None


# The first page of results is kept for anonymous readers (a query string with anything else,
# a page number, bypasses the cache). It depends on its language's listing (what is visible;
# the entry ends when a scheduled story goes live) and on RESULTS, purged when the index has
# followed a change.
@cached_page(query=("q", "section", "from", "to"), tags=[RESULTS])
def search_page(request):
    """Search results in the active language: friendly for any query, never an error."""
    from .models import Section, slug_for

    language = active_language()
    query = parse_query(request.GET.get("q", ""))
    sections = {slug_for(section, language): section for section in Section.objects.all()}
    data = request.GET.copy()
    data["q"] = query.text  # shown back as searched: cut, without control characters
    for name in ("from", "to"):
        # A date that is none (a hand-made address) is ignored, and not shown back: a date
        # input's value must be a valid date.
        try:
            forms.DateField(required=False).clean(data.get(name, ""))
        except ValidationError:
            data[name] = ""
    form = SearchForm(
        data,
        sections=[(slug, reader_text(s, "name").plain) for slug, s in sections.items()],
    )
    page, results = None, []
    if query.words:
        articles = search_articles(
            query,
            language=language,
            section=sections.get(form.valid("section") or ""),
            since=form.valid("from"),
            until=form.valid("to"),
        )
        page = paginate(request, articles)
        results = [
            {"article": article, "snippet": snippet(article, query)} for article in page.object_list
        ]
        pagecache.depends_on(
            request,
            pagecache.listing_tag(language),
            *pagecache.article_tags(result["article"] for result in results),
        )
    context = {
        "form": form,
        "query": query,
        "searched": bool(query.text),
        "max_query_length": MAX_QUERY_LENGTH,
        "page_obj": page,
        "results": results,
        **page_links(
            request,
            page_urls("articles:search"),
            x_default=settings.LANGUAGE_CODE,
        ),
    }
    return render_page(request, "articles/search.html", context)
