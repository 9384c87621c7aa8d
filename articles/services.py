"""Writes that change what readers see. Views, admin actions and commands call these."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from newsroom.languages import language_codes, localized

from .models import Article, ArticleVariant, SlugHistory
from .placements import placements_sync

SOURCE_FIELDS = ("title", "standfirst", "body")


def variants_ensure(*, article: Article) -> dict[str, ArticleVariant]:
    """Make sure the article has one variant row per site language; return them by language."""
    existing = {v.language: v for v in article.variants.all()}
    missing = [
        ArticleVariant(article=article, language=code)
        for code in language_codes()
        if code not in existing
    ]
    if missing:
        ArticleVariant.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {v.language: v for v in ArticleVariant.objects.filter(article=article)}
    return existing


def article_saved(*, article: Article, previous: Article | None) -> None:
    """Bookkeeping after an editor's save: variants, source version, old slugs.

    `previous` is the article as it was loaded before the edit (None for a new one).
    """
    variants = variants_ensure(article=article)
    # Pictures and videos the editor inserted in the source body become placements.
    placements_sync(article=article, by=None)
    if previous is not None:
        source = article.source_language
        if any(
            localized(previous, f, source) != localized(article, f, source) for f in SOURCE_FIELDS
        ):
            Article.objects.filter(pk=article.pk).update(source_version=F("source_version") + 1)
            article.refresh_from_db(fields=["source_version"])
        for code in language_codes():
            old, new = localized(previous, "slug", code), localized(article, "slug", code)
            if old and old != new and previous.first_published_at:
                SlugHistory.objects.update_or_create(
                    language=code, slug=old, defaults={"article": article}
                )
    # A variant with text is at least in progress.
    for code, variant in variants.items():
        if variant.state == ArticleVariant.State.MISSING and localized(article, "title", code):
            variant.state = ArticleVariant.State.IN_PROGRESS
            variant.source_version = article.source_version
            variant.save(update_fields=["state", "source_version", "updated_at"])
    if article.status == Article.Status.PUBLISHED:
        _publish_source_variant(article, variants)


def _publish_source_variant(article, variants):
    source = variants[article.source_language]
    if source.state != ArticleVariant.State.PUBLISHED or (
        source.source_version != article.source_version
    ):
        source.state = ArticleVariant.State.PUBLISHED
        source.source_version = article.source_version
        source.save(update_fields=["state", "source_version", "updated_at"])


@transaction.atomic
def article_publish(*, article: Article, by=None, at=None) -> Article:
    """Publish the article (now, or at a future time) with its source-language variant."""
    article.status = Article.Status.PUBLISHED
    if at is not None:
        article.published_at = at
    elif article.published_at is None:
        article.published_at = timezone.now()
    if article.first_published_at is None:
        article.first_published_at = article.published_at
    article.full_clean()
    article.save()
    _publish_source_variant(article, variants_ensure(article=article))
    return article


@transaction.atomic
def article_unpublish(*, article: Article, by=None) -> Article:
    """Take the article off the site in every language; its variants keep their state."""
    article.status = Article.Status.DRAFT
    article.full_clean()
    article.save(update_fields=["status", "updated_at"])
    return article


@transaction.atomic
def variant_set_state(*, article: Article, language: str, state: str) -> ArticleVariant:
    """Move one language version along (missing, in progress, ready, published).

    Publishing a translation records the source version it was made from.
    """
    variant = variants_ensure(article=article)[language]
    if state == ArticleVariant.State.PUBLISHED and not localized(article, "title", language):
        raise ValidationError(_("A language version needs a title before it can be published."))
    variant.state = state
    if state in (ArticleVariant.State.PUBLISHED, ArticleVariant.State.READY):
        variant.source_version = article.source_version
    variant.full_clean()
    variant.save()
    return variant
