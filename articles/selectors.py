"""Reads for the reader pages: finding things by the slugs in an address.

Writes live in `services.py`; listings start from `Article.objects.visible(lang).for_listing()`.
"""

import functools
from datetime import datetime

from django.db.models import (
    Count,
    DateTimeField,
    Max,
    OuterRef,
    Q,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from newsroom import prepared
from newsroom.languages import column, language_codes, language_name, language_order, localized

from . import body as body_references
from . import revisions
from .models import (
    Article,
    ArticleVariant,
    Byline,
    Correction,
    PendingChange,
    Section,
    SlugHistory,
    Tag,
    TaggedArticle,
    placements_prefetch,
)

# How many related stories an article page shows.
RELATED_LIMIT = 4


def by_translated_slug(queryset, slug: str, language: str):
    """The object whose slug in some language is `slug`, preferring `language`'s column.

    Slugs are unique per language column only, so two objects may share one slug in
    different languages: the active language wins, then the default, then the others.
    """
    return _preferred(list(queryset.filter(_any_slug(slug))), slug, language)


def _preferred(matches: list, slug: str, language: str):
    for code in language_order(language):
        for obj in matches:
            if localized(obj, "slug", code) == slug:
                return obj
    return None


def _any_slug(slug: str) -> Q:
    query = Q()
    for code in language_codes():
        query |= Q(**{column("slug", code): slug})
    return query


def article_detail_queryset(language: str, now=None):
    """Visible articles with everything the article page shows, in a fixed number of queries."""
    # The variants tell the language switcher and the hreflang links where the story is visible.
    # The placed images and embeds come later, and only for a body that refers to some
    # (body_placements). Of the bodies, only this language's is read: the page shows no
    # other (the other texts, short, are there for fallbacks and the translations' titles).
    return (
        Article.objects.visible(language, now)
        .for_listing()
        .defer(None)
        .defer(*(column("body", code) for code in language_codes() if code != language))
        .with_filing()
        .prefetch_related("variants")
    )


def body_placements(article: Article) -> list:
    """The placed items of an article whose body in the active language refers to any: one
    query (with their images and embeds), whose prefetch cache {% article_body %} reads.
    A body without references shows none: nothing is asked of the database."""
    if not body_references.REFERENCE.search(article.body or ""):
        return []
    if "placements" not in getattr(article, "_prefetched_objects_cache", {}):
        prefetch_related_objects([article], placements_prefetch())
    return list(article.placements.all())


def article_by_address(language: str, slug: str) -> tuple[Article | None, bool]:
    """The visible article an address in `language` points to, and whether it is canonical.

    Returns (article, True) when `slug` is the article's slug in `language`;
    (article, False) when it is an old slug (SlugHistory), another language's slug of an
    article visible in `language`, or the article's bare id (the address of an article
    from before it had a slug): the caller answers those with a permanent redirect.
    (None, False) when nothing visible matches.
    """
    found = _ARTICLE_BY_SLUG.run(language, slug=slug, now=timezone.now())
    if found:
        return _with_page_relations(found[0], language), True
    queryset = article_detail_queryset(language)
    old = SlugHistory.objects.filter(language=language, slug=slug).values("article_id").first()
    if old is not None:
        article = queryset.filter(pk=old["article_id"]).first()
        if article is not None:
            return article, False
    article = queryset.filter(_any_slug(slug)).first()
    if article is None and is_id(slug):
        # An address from before the article had a slug in this language.
        article = queryset.filter(pk=int(slug)).first()
    return article, False


def _article_by_slug(language, *, slug, now):
    # The relations come from the prepared queries below (_with_page_relations).
    return (
        article_detail_queryset(language, now)
        .prefetch_related(None)
        .filter(**{column("slug", language): slug})[:1]
    )


def _bylines(key, *, article_id):
    return (
        Byline.objects.select_related("author").filter(article_id=article_id).order_by("position")
    )


def _tag_links(language, *, article_id):
    # As with_filing(): by the tag's name in the reader's language.
    return (
        TaggedArticle.objects.select_related("tag")
        .filter(content_object_id=article_id)
        .order_by(f"tag__{column('name', language)}", "tag__pk")
    )


def _variants(key, *, article_id):
    return ArticleVariant.objects.filter(article_id=article_id)


def _corrections(language, *, article_id):
    return Correction.objects.filter(article_id=article_id, language=language)


# The article page's own queries, the largest of any page: prepared once per language.
_ARTICLE_BY_SLUG = prepared.PreparedQuery(
    Article, _article_by_slug, prepared.text("slug"), prepared.time("now")
)
_BYLINES = prepared.PreparedQuery(Byline, _bylines, prepared.number("article_id"))
_TAG_LINKS = prepared.PreparedQuery(TaggedArticle, _tag_links, prepared.number("article_id"))
_VARIANTS = prepared.PreparedQuery(ArticleVariant, _variants, prepared.number("article_id"))
_CORRECTIONS = prepared.PreparedQuery(Correction, _corrections, prepared.number("article_id"))


def _with_page_relations(article: Article, language: str) -> Article:
    """`article` with what with_filing() and the variants' prefetch would have read (its
    bylines with their authors, its tags and its variants) and its notes in `language`,
    each by a prepared query: four small queries, as many as the prefetches."""
    bylines = _BYLINES.run(None, article_id=article.pk)
    article.tag_links = _TAG_LINKS.run(language, article_id=article.pk)
    variants = _VARIANTS.run(None, article_id=article.pk)
    corrections = _CORRECTIONS.run(language, article_id=article.pk)
    for related in (*bylines, *variants, *corrections):
        related.article = article
    for link in article.tag_links:
        link.content_object = article
    prepared.keep_as_prefetched(article, "bylines", bylines)
    prepared.keep_as_prefetched(article, "variants", variants)
    prepared.keep_as_prefetched(article, "corrections", corrections)
    return article


def article_elsewhere(language: str, slug: str) -> tuple[Article | None, list[str]]:
    """For an address in `language` that shows no article: the published article it names
    (by any language's slug, an old slug, or its id) and the other languages readers can
    read it in, in site order. (None, []) when there is none.

    Three small queries at most; only on the 404 path.
    """
    published = Article.objects.published().prefetch_related("variants")
    article = by_translated_slug(published, slug, language)
    if article is None:
        old = SlugHistory.objects.filter(slug=slug).values("article_id").first()
        if old is not None:
            article = published.filter(pk=old["article_id"]).first()
    if article is None and is_id(slug):
        article = published.filter(pk=int(slug)).first()
    if article is None:
        return None, []
    visible = article.published_languages()
    return article, [code for code in language_codes() if code in visible and code != language]


def is_id(text: str) -> bool:
    """Whether `text` can be a row id: ASCII digits that fit a 64-bit integer.

    "²" and "①" are digits to str.isdigit() but not to int(); a few thousand digits are
    too many for int() and for PostgreSQL's bigint.
    """
    return text.isascii() and text.isdigit() and len(text) <= 18


# -- Reader listings and the objects they list, prepared (newsroom.prepared) --
# A listing page's slice is part of its key: Django writes LIMIT and OFFSET into the SQL.


def _listing(key, now, *, with_section=False, **filing):
    language, start, stop = key
    listing = Article.objects.visible(language, now).listed_in(language).filter(**filing)
    if with_section:
        listing = listing.select_related("section")
    return listing[start:stop]


def _home(key, *, now):
    # The lead shows its section (which comes whole: its name falls back to other languages).
    return _listing(key, now, with_section=True)


def _in_section(key, *, now, section_id):
    return _listing(key, now, section_id=section_id)


def _with_tag(key, *, now, tag_id):
    return _listing(key, now, tags=tag_id)


def _by_author(key, *, now, author_id):
    return _listing(key, now, bylines__author=author_id)


HOME_LISTING = prepared.PreparedQuery(Article, _home, prepared.time("now"))
SECTION_LISTING = prepared.PreparedQuery(
    Article, _in_section, prepared.time("now"), prepared.number("section_id")
)
TAG_LISTING = prepared.PreparedQuery(
    Article, _with_tag, prepared.time("now"), prepared.number("tag_id")
)
AUTHOR_LISTING = prepared.PreparedQuery(
    Article, _by_author, prepared.time("now"), prepared.number("author_id")
)


def listing_rows(listing: prepared.PreparedQuery, language: str, **values):
    """What newsroom.pages.listing_page() reads a page of stories visible in `language`
    from: a function of the page's slice, running `listing` (one of the above) with
    `values` (the section's, tag's or author's id)."""

    def rows(start: int, stop: int) -> list:
        return listing.run((language, start, stop), now=timezone.now(), **values)

    return rows


def _slug_matches(model, *, slug):
    return model.objects.filter(_any_slug(slug))


_SLUG_MATCHES = {
    model: prepared.PreparedQuery(model, _slug_matches, prepared.text("slug"))
    for model in (Section, Tag)
}


def section_or_tag_by_slug(model, slug: str, language: str):
    """The section or tag (`model`) whose slug in some language is `slug`, preferring
    `language`'s (as by_translated_slug(), by a prepared query)."""
    matches = _SLUG_MATCHES[model].run(model, slug=slug)
    return _preferred(matches, slug, language)


# -- What an article page shows around the story --


def _link_columns(language: str) -> tuple[str, ...]:
    # What a link to another story shows (title, address, date, the lead picture's id for
    # the page cache), in `language`: not the dozens of columns of every language.
    return (
        "pk",
        "published_at",
        "created_at",
        "lead_image_id",
        column("title", language),
        column("slug", language),
    )


def other_stories(language: str, *, article_id, now):
    """The other stories visible in `language`, with the columns a link to one shows: what
    related_articles() and section_neighbours() narrow down."""
    return (
        Article.objects.visible(language, now).only(*_link_columns(language)).exclude(pk=article_id)
    )


def _related(key, *, article_id, now, **tag_ids):
    language, _count = key
    return (
        other_stories(language, article_id=article_id, now=now)
        .filter(tags__in=list(tag_ids.values()))
        # After the filter, the count is of the shared tags only.
        .annotate(shared_tags=Count("tags", distinct=True))
        .order_by("-shared_tags", "-published_at", "-pk")[:RELATED_LIMIT]
    )


# One prepared query per number of tags (an article has a handful). The tags are values, not
# a subquery on the article's links: with the subquery SQLite took 2 ms instead of 0.3.
@functools.cache
def _related_query(count: int) -> prepared.PreparedQuery:
    tags = (prepared.number(f"tag{i}") for i in range(count))
    return prepared.PreparedQuery(
        Article, _related, prepared.number("article_id"), prepared.time("now"), *tags
    )


def related_articles(article: Article, language: str) -> list:
    """Up to RELATED_LIMIT other stories visible in `language` that share a tag with `article`,
    the most shared tags first, then the newest. One query (the article's tags come from
    its prefetch cache); nothing when it has no tags.
    """
    tag_ids = sorted({tag.pk for tag in article.tag_objects()})
    if not tag_ids:
        return []
    found = _related_query(len(tag_ids)).run(
        (language, len(tag_ids)),
        article_id=article.pk,
        now=timezone.now(),
        **{f"tag{i}": pk for i, pk in enumerate(tag_ids)},
    )
    return found


# A range on the publication time the (status, published_at) index can walk in order, not an
# OR of two conditions: with the OR, SQLite read and sorted every newer story (4 ms for a
# story a month old among 2,000).


def _nearest(language, following, *, article_id, section_id, when, now):
    # The nearest story on one side of (when, article_id), in (published_at, pk) order.
    after, before, order = ("gte", "lte", ("published_at", "pk"))
    if not following:
        after, before, order = ("lte", "gte", ("-published_at", "-pk"))
    return (
        other_stories(language, article_id=article_id, now=now)
        .filter(section_id=section_id, **{f"published_at__{after}": when})
        .exclude(published_at=when, **{f"pk__{before}": article_id})
        .order_by(*order)
        .values("pk")[:1]
    )


def _neighbours(language, **values):
    # Both sides in one query: each side's nearest story is a scalar subquery (run once, its
    # order and limit kept), and the two ids are looked up by primary key: one round trip,
    # not two. (With "IN (subquery) OR IN (subquery)" PostgreSQL scanned every story.)
    return Article.objects.only(*_link_columns(language)).filter(
        Q(pk=Subquery(_nearest(language, False, **values)))
        | Q(pk=Subquery(_nearest(language, True, **values)))
    )


_NEIGHBOURS = prepared.PreparedQuery(
    Article,
    _neighbours,
    prepared.number("article_id"),
    prepared.number("section_id"),
    prepared.time("when"),
    prepared.time("now"),
)


def section_neighbours(article: Article, language: str) -> tuple[Article | None, Article | None]:
    """(previous, next): the stories just before and after `article` in its section, by
    publication time, among those visible in `language`. One query; (None, None) for an
    article in no section."""
    if article.section_id is None:
        return None, None
    found = _NEIGHBOURS.run(
        language,
        article_id=article.pk,
        section_id=article.section_id,
        when=article.published_at,
        now=timezone.now(),
    )
    previous = following = None
    for story in found:
        if (story.published_at, story.pk) < (article.published_at, article.pk):
            previous = story
        else:
            following = story
    return previous, following


def corrections_for(article: Article, language: str) -> list[Correction]:
    """The correction and update notes shown on `article` in `language`, oldest first."""
    cache = getattr(article, "_prefetched_objects_cache", {})
    if "corrections" in cache:
        return [c for c in article.corrections.all() if c.language == language]
    return list(Correction.objects.filter(article=article, language=language))


# -- When a language version last changed for its readers --


def with_modified_at(queryset, language: str):
    """`queryset` with `modified_at`: when the `language` version last changed for readers
    (see article_modified_at), computed in the database, for feeds and sitemaps.

    Keep in step with article_modified_at(); a test checks that they agree.
    """
    text_updated = ArticleVariant.objects.filter(article=OuterRef("pk"), language=language).values(
        "content_updated_at"
    )[:1]
    noted = (
        Correction.objects.filter(article=OuterRef("pk"), language=language)
        .order_by()
        .values("article")
        .annotate(newest=Max("created_at"))
        .values("newest")
    )
    # GREATEST is NULL on SQLite when any argument is: each falls back to published_at.
    return queryset.annotate(
        modified_at=Greatest(
            "published_at",
            Coalesce(Subquery(text_updated, output_field=DateTimeField()), "published_at"),
            Coalesce(Subquery(noted, output_field=DateTimeField()), "published_at"),
        )
    )


def article_modified_at(article: Article, language: str) -> datetime | None:
    """When the `language` version of `article` last changed for its readers: the newest of
    its publication time, its text's last change after publication (the title, standfirst
    or body in that language: ArticleVariant.content_updated_at) and its newest correction
    or update note in that language. What the page's "Updated", the JSON-LD dateModified,
    feeds and sitemaps' lastmod say.

    Uses the annotation of with_modified_at() and the prefetch caches when there are; else
    two small queries. Keep in step with with_modified_at().
    """
    if getattr(article, "modified_at", None) is not None:
        return article.modified_at
    times = [article.published_at]
    cache = getattr(article, "_prefetched_objects_cache", {})
    if "variants" in cache:
        variants = [v for v in article.variants.all() if v.language == language]
    else:
        variants = list(ArticleVariant.objects.filter(article=article, language=language))
    times += [v.content_updated_at for v in variants]
    times += [c.created_at for c in corrections_for(article, language)]
    times = [t for t in times if t is not None]
    return max(times) if times else None


def article_updated_at(article: Article, language: str) -> datetime | None:
    """The time to show as "Updated …" on the `language` page: article_modified_at() when it
    is later than the publication (to the minute readers see), else None."""
    modified = article_modified_at(article, language)
    if modified is None or article.published_at is None:
        return None
    if modified.replace(second=0, microsecond=0) <= article.published_at.replace(
        second=0, microsecond=0
    ):
        return None
    return modified


def pending_view(article: Article, language: str | None = None) -> Article:
    """An unsaved copy of the stored article with its pending changes applied (all of them,
    or the shared part and `language`'s text): what the admin form edits, previews show and
    diffs compare. Never save it; services.article_save_draft takes it.

    It carries `pending` ({part: PendingChange}), and the pending byline, tags and placed
    items as `pending_bylines`, `pending_tags` and `pending_placements` (ids and snapshot
    rows; revisions.snapshot reads them), `pending_linked` ({language: {name: text}}:
    the texts of its pictures, videos, tags and section waiting for review, articles/linked.py)
    and `pending_up_to_date` ({language: source version}: marks waiting with their text).
    """
    view = Article.objects.get(pk=article.pk)
    changes = view.pending_changes.select_related("revision", "created_by")
    if language is not None:
        changes = changes.filter(language__in=[revisions.SHARED, language])
    view.pending = {change.language: change for change in changes}
    view.pending_linked = {}
    view.pending_up_to_date = {}
    for code, change in view.pending.items():
        data = change.revision.data
        revisions.apply_fields(view, data, languages=[code])
        if code != revisions.SHARED and revisions.linked_part(data, code):
            view.pending_linked[code] = dict(revisions.linked_part(data, code))
        if code != revisions.SHARED and revisions.up_to_date_part(data, code) is not None:
            view.pending_up_to_date[code] = revisions.up_to_date_part(data, code)
        if code == revisions.SHARED:
            view.pending_bylines = list(data.get("bylines", []))
            view.pending_tags = list(data.get("tags", []))
            view.pending_placements = list(data.get("placements", []))
    view.is_pending_view = True
    return view


def pending_marks(article: Article, languages) -> dict[str, int]:
    """{language: source version} of the "up to date" marks waiting with those languages'
    text for review (services.pending_mark_up_to_date). One query."""
    changes = PendingChange.objects.filter(article=article, language__in=list(languages))
    marks = {}
    for language, data in changes.values_list("language", "revision__data"):
        version = revisions.up_to_date_part(data or {}, language)
        if version is not None:
            marks[language] = version
    return marks


def outdated_note(article: Article, language: str) -> dict | None:
    """The note on a translation whose original changed since it was translated: the
    original's language, when it changed (its text's last change after publication, None
    when that is not known) and its address when readers can see it. None for an up-to-date
    translation and for the original itself. Reads the prefetched variants (no query).
    """
    source = article.source_language
    if language == source:
        return None
    variants = {v.language: v for v in article.variants.all()}
    variant = variants.get(language)
    if variant is None:
        return None
    variant.article = article  # is_outdated compares with the article's source version
    if not variant.is_outdated:
        return None
    original = variants.get(source)
    return {
        "language": source,
        "name": language_name(source),
        "date": original.content_updated_at if original is not None else None,
        "url": article.get_absolute_url(source) if source in article.published_languages() else "",
    }
