"""Writes that change what readers see: the only write path for articles and their filing.

The admin, commands, the demo seeder and tests call these. Each takes the acting user
(`by`), checks that user's permission here on the server (PermissionDenied), writes in one
transaction after `full_clean()`, and emits one domain event (newsroom/events.py) that is
dispatched after the commit. Forms only place the errors these raise on the right field.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from newsroom import events
from newsroom.languages import language_codes, language_name, localized
from newsroom.permissions import require

from . import policy
from .models import Article, ArticleVariant, Author, Byline, Section, SlugHistory, Tag
from .placements import placements_sync

SOURCE_FIELDS = ("title", "standfirst", "body")
PUBLISHED = Article.Status.PUBLISHED


# -- Helpers shared by the writes --


def _save_unique(instance: models.Model, **save_kwargs) -> None:
    """Save, turning a lost race on a unique column into a ValidationError on that field.

    full_clean() checks uniqueness first, but two saves can both pass that check; the
    database then refuses the second. The savepoint keeps the surrounding transaction
    usable, so the caller's atomic block rolls back everything it wrote, and the editor
    sees the usual "already exists" message on the field instead of a server error.
    """
    try:
        with transaction.atomic():
            instance.save(**save_kwargs)
    except IntegrityError as error:
        field = _clashing_field(instance, error)
        if field is None:
            raise
        message = instance.unique_error_message(type(instance), (field,))
        raise ValidationError({field: [message]}) from error


def _unique_fields(instance: models.Model) -> list[str]:
    """Single-column unique fields and constraints, longest name first (slug_nl before slug)."""
    names = [f.name for f in instance._meta.fields if f.unique and not f.primary_key]
    for constraint in instance._meta.constraints:
        fields = getattr(constraint, "fields", ())
        if isinstance(constraint, models.UniqueConstraint) and len(fields) == 1:
            names.append(fields[0])
    return sorted(set(names), key=len, reverse=True)


def _clashing_field(instance: models.Model, error: IntegrityError) -> str | None:
    """Which unique field the database refused: named in the error (PostgreSQL names the
    constraint, SQLite the column), else the one whose value another row now holds."""
    text = str(error)
    fields = _unique_fields(instance)
    for name in fields:
        if re.search(rf"\b{re.escape(name)}\b|_{re.escape(name)}_uniq", text):
            return name
    model = type(instance)
    for name in fields:
        value = getattr(instance, instance._meta.get_field(name).attname)
        if value not in (None, "") and (
            model._default_manager.filter(**{name: value}).exclude(pk=instance.pk).exists()
        ):
            return name
    return None


def _set_fields(instance: models.Model, fields: dict) -> None:
    for name, value in fields.items():
        instance._meta.get_field(name)  # FieldDoesNotExist for a typo, not a silent attribute
        setattr(instance, name, value)


# -- Language versions --


def variants_ensure(*, article: Article) -> dict[str, ArticleVariant]:
    """Make sure the article has one variant row per site language; return them by language.

    Bookkeeping inside the article writes below, not a write of its own.
    """
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
    """The hook that runs after an article's fields, bylines and tags are saved, inside the
    same transaction: variants, source version, old slugs (and what else must follow a save,
    such as syncing placements).

    `previous` is the article as it was stored before the edit (None for a new one).
    article_create and article_update call it; it checks no permission and emits nothing.
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
    if article.status == PUBLISHED:
        _publish_source_variant(article, variants)


def _publish_source_variant(article, variants):
    source = variants[article.source_language]
    if source.state != ArticleVariant.State.PUBLISHED or (
        source.source_version != article.source_version
    ):
        source.state = ArticleVariant.State.PUBLISHED
        source.source_version = article.source_version
        source.save(update_fields=["state", "source_version", "updated_at"])


# -- Articles --


def _bylines_set(article: Article, authors: Sequence[Author]) -> None:
    """The byline is `authors` in this order (an author named twice counts once)."""
    wanted = {}
    for author in authors:
        wanted.setdefault(author.pk, len(wanted))
    existing = {b.author_id: b for b in Byline.objects.filter(article=article)}
    Byline.objects.filter(article=article).exclude(author_id__in=wanted).delete()
    for author_id, position in wanted.items():
        byline = existing.get(author_id)
        if byline is None:
            Byline.objects.create(article=article, author_id=author_id, position=position)
        elif byline.position != position:
            byline.position = position
            byline.save(update_fields=["position"])


def _article_write(
    article: Article,
    *,
    by,
    previous: Article | None,
    bylines: Sequence[Author] | None,
    tags: Iterable[Tag] | None,
    related: Callable[[Article], None] | None,
) -> Article:
    article.full_clean()
    _save_unique(article)
    if bylines is not None:
        _bylines_set(article, bylines)
    if tags is not None:
        article.tags.set(list(tags))
    if related is not None:
        placed = policy.placements_state(article) if previous is not None else None
        related(article)
        if previous is not None:
            # What `related` wrote (the admin's placement inline) is only known afterwards;
            # a refusal here rolls the whole save back.
            policy.check_change(
                by=by,
                article=previous,
                changed=policy.changed_placements(placed, policy.placements_state(article)),
            )
    article_saved(article=article, previous=previous)
    events.emit(events.ArticleSaved(by=by, article_id=article.pk, created=previous is None))
    return article


def _to_the_second(moment: datetime | None) -> datetime | None:
    # The admin's form shows times to the second: saving it unchanged is not a reschedule.
    return moment.replace(microsecond=0) if moment is not None else None


def _refuse_publishing_in_a_save(was: str, status: str) -> None:
    if (status == PUBLISHED) != (was == PUBLISHED):
        # Putting an article on the site (or taking it off) has its own permission and
        # bookkeeping: article_publish and article_unpublish.
        raise ValidationError(
            {"status": _("Publish or unpublish the article with its own action.")},
            code="publish_through_service",
        )


@transaction.atomic
def article_create(
    *,
    by,
    article: Article | None = None,
    bylines: Sequence[Author] = (),
    tags: Iterable[Tag] = (),
    related: Callable[[Article], None] | None = None,
    **fields,
) -> Article:
    """Write a new article with its byline (in order) and tags; needs articles.add_article.

    Pass the fields, or an unsaved `article` (the admin's form instance). It is written as a
    draft, in review or archived: article_publish puts it on the site. `related(article)` runs
    after the bylines and tags, inside the same transaction (the admin's placement inline).
    A slug another article took meanwhile is a ValidationError on that language's slug.
    """
    require(by, "articles.add_article")
    article = article if article is not None else Article()
    _set_fields(article, fields)
    if article.pk is not None:
        raise ValueError("article_create writes new articles; use article_update.")
    _refuse_publishing_in_a_save(Article.Status.DRAFT, article.status)
    # The owner: a reporter may go on changing their own story once it is published.
    article.created_by = by
    return _article_write(
        article, by=by, previous=None, bylines=bylines, tags=tags, related=related
    )


@transaction.atomic
def article_update(
    *,
    article: Article,
    by,
    bylines: Sequence[Author] | None = None,
    tags: Iterable[Tag] | None = None,
    related: Callable[[Article], None] | None = None,
    **fields,
) -> Article:
    """Write an article's changed fields, and its byline and tags when given; needs
    articles.change_article.

    Pass the changed fields, or an `article` already changed in memory (the admin's form
    instance). Changing the source-language text raises the source version (translations
    become outdated); a published slug that changes is kept as a redirect. The status
    moves between draft, in review and archived here; onto and off the site only through
    article_publish and article_unpublish. Rescheduling a published article needs
    articles.publish_article too.

    What `by` may change is the newsroom policy's (articles/policy.py): a translator only
    their languages' text, a reporter their own stories and unpublished ones. A change
    they may not make refuses the whole save (ChangeRefused) and writes nothing.
    """
    require(by, "articles.change_article")
    # Locked: two saves of one article must not both raise the source version from the same
    # old text, nor lose each other's slug history.
    previous = Article.objects.select_for_update().get(pk=article.pk)
    _set_fields(article, fields)
    policy.check_change(
        by=by,
        article=previous,
        changed=policy.changed_fields(previous, article)
        | policy.changed_bylines(previous, bylines)
        | policy.changed_tags(previous, tags),
    )
    _refuse_publishing_in_a_save(previous.status, article.status)
    if previous.status == PUBLISHED and _to_the_second(previous.published_at) != _to_the_second(
        article.published_at
    ):
        require(
            by,
            "articles.publish_article",
            message=_("You do not have permission to publish articles."),
        )
    return _article_write(
        article, by=by, previous=previous, bylines=bylines, tags=tags, related=related
    )


@transaction.atomic
def article_publish(*, article: Article, by, at: datetime | None = None) -> Article:
    """Publish the article (now, or at a future time) with its source-language variant;
    needs articles.publish_article."""
    require(
        by, "articles.publish_article", message=_("You do not have permission to publish articles.")
    )
    article.status = PUBLISHED
    if at is not None:
        article.published_at = at
    elif article.published_at is None:
        article.published_at = timezone.now()
    if article.first_published_at is None:
        article.first_published_at = article.published_at
    article.full_clean()
    _save_unique(article)
    _publish_source_variant(article, variants_ensure(article=article))
    events.emit(
        events.ArticlePublished(by=by, article_id=article.pk, published_at=article.published_at)
    )
    return article


@transaction.atomic
def article_unpublish(*, article: Article, by, status: str = Article.Status.DRAFT) -> Article:
    """Take the article off the site in every language (back to draft, or to `status`);
    its variants keep their state. Needs articles.publish_article."""
    require(
        by,
        "articles.publish_article",
        message=_("You do not have permission to take articles off the site."),
    )
    if status == PUBLISHED:
        raise ValueError("article_unpublish needs a status other than published.")
    article.status = status
    article.full_clean()
    article.save(update_fields=["status", "updated_at"])
    events.emit(events.ArticleUnpublished(by=by, article_id=article.pk))
    return article


@transaction.atomic
def article_delete(*, article: Article, by) -> None:
    """Delete the article with its language versions, bylines, tags and old slugs; needs
    articles.delete_article."""
    require(by, "articles.delete_article")
    article_id, title = article.pk, str(article)
    article.delete()
    events.emit(events.ArticleDeleted(by=by, article_id=article_id, title=title))


@transaction.atomic
def variant_set_state(*, article: Article, language: str, state: str, by) -> ArticleVariant:
    """Move one language version along (missing, in progress, ready, published).

    A translator moves only the languages they are assigned to (articles/policy.py).

    Publishing a language version, or taking one off, needs articles.publish_article; the
    other moves need articles.change_article. A language version needs a title in its
    language before it can be published. Publishing or marking it ready records the source
    version it was made from.
    """
    variant = variants_ensure(article=article)[language]
    published = ArticleVariant.State.PUBLISHED
    if state != variant.state:
        policy.check_change(by=by, article=article, changed={f"{policy.VARIANT}_{language}"})
    if published in (state, variant.state) and state != variant.state:
        require(
            by,
            "articles.publish_article",
            message=_("You do not have permission to publish or unpublish a language version."),
        )
    else:
        require(by, "articles.change_article")
    if state == published and not localized(article, "title", language):
        raise ValidationError(
            _("The %(language)s version needs a title before it can be published.")
            % {"language": language_name(language)},
            code="title_needed",
        )
    previous = variant.state
    variant.state = state
    if state in (published, ArticleVariant.State.READY):
        variant.source_version = article.source_version
    variant.full_clean()
    variant.save()
    events.emit(
        events.LanguageVersionChanged(
            by=by, article_id=article.pk, language=language, state=variant.state, previous=previous
        )
    )
    return variant


# -- What files an article: sections, tags, authors --


def _filing_save(instance: models.Model, *, by, action: str, fields: dict) -> models.Model:
    model = type(instance)
    require(by, f"{model._meta.app_label}.{action}_{model._meta.model_name}")
    _set_fields(instance, fields)
    instance.full_clean()
    _save_unique(instance)
    events.emit(events.FilingChanged(by=by, model=model._meta.label_lower, object_id=instance.pk))
    return instance


def _filing_delete(instance: models.Model, *, by) -> None:
    model = type(instance)
    require(by, f"{model._meta.app_label}.delete_{model._meta.model_name}")
    object_id = instance.pk
    instance.delete()
    events.emit(
        events.FilingChanged(
            by=by, model=model._meta.label_lower, object_id=object_id, deleted=True
        )
    )


@transaction.atomic
def section_create(*, by, section: Section | None = None, **fields) -> Section:
    """A new section (fields, or an unsaved `section`); needs articles.add_section."""
    return _filing_save(
        section if section is not None else Section(), by=by, action="add", fields=fields
    )


@transaction.atomic
def section_update(*, section: Section, by, **fields) -> Section:
    """Rename, re-slug or move a section; needs articles.change_section."""
    return _filing_save(section, by=by, action="change", fields=fields)


@transaction.atomic
def section_delete(*, section: Section, by) -> None:
    """Delete a section no article is filed in (ProtectedError otherwise)."""
    _filing_delete(section, by=by)


@transaction.atomic
def tag_create(*, by, tag: Tag | None = None, **fields) -> Tag:
    """A new tag (fields, or an unsaved `tag`); needs articles.add_tag."""
    return _filing_save(tag if tag is not None else Tag(), by=by, action="add", fields=fields)


@transaction.atomic
def tag_update(*, tag: Tag, by, **fields) -> Tag:
    """Rename or re-slug a tag; needs articles.change_tag."""
    return _filing_save(tag, by=by, action="change", fields=fields)


@transaction.atomic
def tag_delete(*, tag: Tag, by) -> None:
    """Delete a tag; the articles it was on lose it. Needs articles.delete_tag."""
    _filing_delete(tag, by=by)


@transaction.atomic
def author_create(*, by, author: Author | None = None, **fields) -> Author:
    """A new author (fields, or an unsaved `author`); needs articles.add_author."""
    return _filing_save(
        author if author is not None else Author(), by=by, action="add", fields=fields
    )


@transaction.atomic
def author_update(*, author: Author, by, **fields) -> Author:
    """Change an author's name, slug, biography or account; needs articles.change_author."""
    return _filing_save(author, by=by, action="change", fields=fields)


@transaction.atomic
def author_delete(*, author: Author, by) -> None:
    """Delete an author who is in no byline (ProtectedError otherwise)."""
    _filing_delete(author, by=by)
