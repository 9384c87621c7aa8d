"""Reads for the reader pages: finding things by the slugs in an address.

Writes live in `services.py`; listings start from `Article.objects.visible(lang).for_listing()`.
"""

from django.db.models import Q

from newsroom.languages import column, language_codes, language_order, localized

from . import revisions
from .models import Article, SlugHistory, placements_prefetch


def by_translated_slug(queryset, slug: str, language: str):
    """The object whose slug in some language is `slug`, preferring `language`'s column.

    Slugs are unique per language column only, so two objects may share one slug in
    different languages: the active language wins, then the default, then the others.
    """
    matches = list(queryset.filter(_any_slug(slug)))
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


def article_detail_queryset(language: str):
    """Visible articles with everything the article page shows, in a fixed number of queries."""
    # The variants tell the language switcher and the hreflang links where the story is visible;
    # the placed images and embeds are what {% article_body %} puts where the body refers to them.
    return (
        Article.objects.visible(language)
        .for_listing()
        .prefetch_related("variants", placements_prefetch())
    )


def article_by_address(language: str, slug: str) -> tuple[Article | None, bool]:
    """The visible article an address in `language` points to, and whether it is canonical.

    Returns (article, True) when `slug` is the article's slug in `language`;
    (article, False) when it is an old slug (SlugHistory), another language's slug of an
    article visible in `language`, or the article's bare id (the address of an article
    from before it had a slug): the caller answers those with a permanent redirect.
    (None, False) when nothing visible matches.
    """
    queryset = article_detail_queryset(language)
    article = queryset.filter(**{column("slug", language): slug}).first()
    if article is not None:
        return article, True
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


def is_id(text: str) -> bool:
    """Whether `text` can be a row id: ASCII digits that fit a 64-bit integer.

    "²" and "①" are digits to str.isdigit() but not to int(); a few thousand digits are
    too many for int() and for PostgreSQL's bigint.
    """
    return text.isascii() and text.isdigit() and len(text) <= 18


def pending_view(article: Article, language: str | None = None) -> Article:
    """An unsaved copy of the stored article with its pending changes applied (all of them,
    or the shared part and `language`'s text): what the admin form edits, previews show and
    diffs compare. Never save it; services.article_save_draft takes it.

    It carries `pending` ({part: PendingChange}), and the pending byline, tags and placed
    items as `pending_bylines`, `pending_tags` and `pending_placements` (ids and snapshot
    rows; revisions.snapshot reads them).
    """
    view = Article.objects.get(pk=article.pk)
    changes = view.pending_changes.select_related("revision", "created_by")
    if language is not None:
        changes = changes.filter(language__in=[revisions.SHARED, language])
    view.pending = {change.language: change for change in changes}
    for code, change in view.pending.items():
        data = change.revision.data
        revisions.apply_fields(view, data, languages=[code])
        if code == revisions.SHARED:
            view.pending_bylines = list(data.get("bylines", []))
            view.pending_tags = list(data.get("tags", []))
            view.pending_placements = list(data.get("placements", []))
    view.is_pending_view = True
    return view
