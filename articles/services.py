"""Writes that change what readers see: the only write path for articles and their filing.

The admin, commands, the demo seeder and tests call these. Each takes the acting user
(`by`), checks that user's permission here on the server (PermissionDenied), writes in one
transaction after `full_clean()`, and emits one domain event (newsroom/events.py) that is
dispatched after the commit. Forms only place the errors these raise on the right field.
"""

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

import nh3
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F, Max, Min
from django.utils import formats, timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from newsroom import events
from newsroom.languages import column, language_codes, language_name, localized
from newsroom.permissions import require

from . import linked, policy, revisions
from .models import (
    Article,
    ArticleVariant,
    Author,
    Byline,
    Correction,
    PendingChange,
    Revision,
    Section,
    SlugHistory,
    Tag,
)
from .placements import placements_sync
from .publishing import require_publishable
from .sourcetexts import SOURCE_FIELDS, source_text_record

logger = logging.getLogger(__name__)

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
        # FieldDoesNotExist for a typo, not a silent attribute; a model property standing in
        # for a replaced field (Author.is_organisation) is accepted as the model accepts it.
        if name not in instance._meta._property_names:
            instance._meta.get_field(name)
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
    if previous is None:
        source_text_record(article=article)
    else:
        _note_text_updates(previous, article, variants)
        source = article.source_language
        if any(
            localized(previous, f, source) != localized(article, f, source) for f in SOURCE_FIELDS
        ):
            Article.objects.filter(pk=article.pk).update(source_version=F("source_version") + 1)
            article.refresh_from_db(fields=["source_version"])
            # What changed since is only known if each version's text is kept.
            source_text_record(article=article)
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


def _note_text_updates(previous: Article, article: Article, variants) -> None:
    """Record when a language's readers last saw its text change (the page's "Updated").

    Only once the story has been on the site (first published, at a time that has come):
    edits before that are drafting. Only a published language version: a translation in
    progress has no readers yet.
    """
    first = previous.first_published_at
    if first is None or first > timezone.now():
        return
    now = timezone.now()
    for code, variant in variants.items():
        if variant.state != ArticleVariant.State.PUBLISHED:
            continue
        if any(localized(previous, f, code) != localized(article, f, code) for f in SOURCE_FIELDS):
            variant.content_updated_at = now
            variant.save(update_fields=["content_updated_at", "updated_at"])


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


def _filing_new(*, by, bylines, tags) -> tuple:
    """Create the authors and tags among `bylines` and `tags` that are not saved yet (the
    names an editor typed into the form's autocomplete), through author_create and
    tag_create: the same permission check, event and revision as any new author or tag.

    Called inside the article's save, so a refused article save creates none of them.
    Their other languages stay empty for the translation desk.
    """

    def saved(items, create):
        if items is None:
            return None
        # Anything but an unsaved instance (a saved one, a pk, a taggit name) is kept as is.
        return [create(item) if getattr(item, "pk", 0) is None else item for item in items]

    return (
        saved(bylines, lambda author: author_create(by=by, author=author)),
        saved(tags, lambda tag: tag_create(by=by, tag=tag)),
    )


def _article_write(
    article: Article,
    *,
    by,
    previous: Article | None,
    bylines: Sequence[Author] | None,
    tags: Iterable[Tag] | None,
    related: Callable[[Article], None] | None,
    emit: bool = True,
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
    if emit:
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
    bylines, tags = _filing_new(by=by, bylines=bylines, tags=tags)
    # The owner: a reporter may go on changing their own story once it is published.
    article.created_by = by
    _article_write(article, by=by, previous=None, bylines=bylines, tags=tags, related=related)
    _record(article, by=by, kind=Revision.Kind.SAVED, data=revisions.snapshot(article))
    return article


def article_update(
    *,
    article: Article,
    by,
    bylines: Sequence[Author] | None = None,
    tags: Iterable[Tag] | None = None,
    related: Callable[[Article], None] | None = None,
    **fields,
) -> Article:
    """A save without a version to check (commands, imports, the demo): article_save_draft
    with `expected_version=None`. On a published article the change is pending."""
    return article_save_draft(
        article=article,
        by=by,
        expected_version=None,
        bylines=bylines,
        tags=tags,
        related=related,
        **fields,
    )


# -- Drafts, revisions and publishing --
#
# A published article's row is what readers see (the live version). A save of it stores
# pending changes instead: one PendingChange per changed part (a language's text, or ""
# for the shared fields, byline, tags and placed items), each pointing at the Revision that
# holds its content. Publishing copies parts onto the row. Before its first publication
# (and after it is taken off the site) the row is the working copy and saves write it.
# Every write raises Article.version; a save names the version its form was opened at and
# is refused (EditConflict) when another write came in between.


class EditConflict(ValidationError):
    """The save started from an older version of the article than the stored one.

    `revisions_since`: what was written since (newest last); `changed`: (part, field) pairs
    that differ between the version the form was opened at and now; `kept_revision`: the
    refused input, kept as its own revision (kind "conflict") so nothing is lost.
    """

    def __init__(self, message, *, revisions_since, kept_revision, changed):
        super().__init__(message, code="edit_conflict")
        self.revisions_since = revisions_since
        self.kept_revision = kept_revision
        self.changed = changed


def is_live(article: Article) -> bool:
    """Whether the stored row is the live version (saves then become pending changes)."""
    return article.status == PUBLISHED


def _bump(article: Article, expected: int | None = None) -> bool:
    """Raise the stored version by one, only from `expected` when given; False when the
    stored version differs. The UPDATE locks the row until the transaction ends, so two
    saves from the same version cannot both pass (PostgreSQL re-reads the row after the
    first commits; SQLite writes one at a time)."""
    rows = Article.objects.filter(pk=article.pk)
    if expected is not None:
        rows = rows.filter(version=expected)
    if not rows.update(version=F("version") + 1):
        return False
    # Later saves of this object write the new number, not the one it was loaded with.
    article.version = Article.objects.values_list("version", flat=True).get(pk=article.pk)
    return True


def _record(
    article: Article, *, by, kind: str, data: dict, languages=None, comment: str = ""
) -> Revision:
    """Write the next revision of the article (the caller holds the row lock).

    `data` is the article as an editor then saw it: the live row with its pending changes
    (selectors.pending_view), or for a refused save the input that was refused. The parts
    that were live are the revision's `languages` for a publication.
    """
    number = (article.revisions.aggregate(last=Max("number"))["last"] or 0) + 1
    if languages is None:
        languages = [*revisions.parts()]
    return Revision.objects.create(
        article=article,
        number=number,
        version=Article.objects.values_list("version", flat=True).get(pk=article.pk),
        kind=kind,
        created_by=by if getattr(by, "pk", None) else None,
        data=data,
        languages=["*" if code == revisions.SHARED else code for code in languages],
        comment=comment,
    )


def _pending_snapshot(article: Article) -> dict:
    from .selectors import pending_view

    return revisions.snapshot(pending_view(article))


def _conflict(article: Article, *, by, expected: int, data: dict) -> EditConflict:
    """Keep the refused input as a revision and describe what happened since `expected`."""
    since = list(
        article.revisions.filter(version__gt=expected)
        .exclude(kind=Revision.Kind.CONFLICT)
        .select_related("created_by")
        .order_by("number")
    )
    opened = (
        article.revisions.filter(version__lte=expected)
        .exclude(kind=Revision.Kind.CONFLICT)
        .order_by("-number")
        .first()
    )
    now = _pending_snapshot(article)
    changed = revisions.changed_fields(opened.data, now) if opened is not None else []
    kept = _record(
        article,
        by=by,
        kind=Revision.Kind.CONFLICT,
        data=data,
        languages=revisions.changed_parts(now, data),
        comment=_("Refused: the article was changed after this form was opened."),
    )
    names = sorted({user_name(r.created_by) for r in since}) or [_("someone")]
    message = _(
        "%(names)s changed this article since you opened it (%(fields)s). Your version "
        "was not saved over theirs; it is kept as revision %(number)s. Compare, then save "
        "again to replace their version with yours."
    ) % {
        "names": ", ".join(names),
        "fields": ", ".join(field_label(part, field) for part, field in changed) or _("publishing"),
        "number": kept.number,
    }
    return EditConflict(message, revisions_since=since, kept_revision=kept, changed=changed)


def user_name(user) -> str:
    """How messages name a person: their full name, else their user name."""
    if user is None:
        return _("someone")
    return user.get_full_name() or user.get_username()


def field_label(part: str, field: str) -> str:
    """ "title (Dutch)", "section": a changed field as a message names it."""
    if field in ("bylines", "tags", "placements"):
        return {
            "bylines": _("byline"),
            "tags": _("tags"),
            "placements": _("placed pictures and videos"),
        }[field]
    name = str(Article._meta.get_field(field).verbose_name)
    if part == revisions.SHARED:
        return name
    return _("%(field)s (%(language)s)") % {"field": name, "language": language_name(part)}


def article_save_draft(
    *,
    article: Article,
    by,
    expected_version: int | None,
    bylines: Sequence[Author] | None = None,
    tags: Iterable[Tag] | None = None,
    related: Callable[[Article], None] | None = None,
    note: str = "",
    **fields,
) -> Article:
    """Save an article; needs articles.change_article. Readers see no change.

    Pass the changed fields, or the article's pending view (selectors.pending_view, the
    admin's form instance) changed in memory. A published article keeps its live row: each
    part whose content this save changed becomes a pending change, and a part that is
    back to its live content stops being one. An article not yet published is written
    directly. Either way the save is a Revision (who, when, the whole article).

    `expected_version` is the version the editor started from: when another write came
    in since, nothing is saved over it and EditConflict is raised, after keeping this input
    as its own revision. None skips the check (commands and imports). `note` (an importer's
    word to the reviewer) is the revision's comment and that of the pending changes it makes.
    Changing the publication time of a published (or scheduled) article needs
    articles.publish_article, as does putting it on or off the site (article_publish).
    """
    require(by, "articles.change_article")
    conflict = None
    with transaction.atomic():
        if not _bump(article, expected_version):
            base = article if getattr(article, "is_pending_view", False) else None
            if base is None:
                from .selectors import pending_view

                base = pending_view(article)
            _set_fields(base, fields)
            # Names typed as new are not created by a refused save; the form keeps them.
            if bylines is not None:
                base.pending_bylines = [a.pk for a in bylines if a.pk is not None]
            if tags is not None:
                base.pending_tags = [t.pk for t in tags if t.pk is not None]
            # Locked like any write: revision numbers follow one another.
            Article.objects.select_for_update().get(pk=article.pk)
            conflict = _conflict(
                article, by=by, expected=expected_version, data=revisions.snapshot(base)
            )
        else:
            _save_draft(
                article, by=by, bylines=bylines, tags=tags, related=related, note=note, **fields
            )
    if conflict is not None:
        # Raised after the commit: the kept revision stays even though the save is refused.
        raise conflict
    return article


def _save_draft(article: Article, *, by, bylines, tags, related, note="", **fields) -> None:
    bylines, tags = _filing_new(by=by, bylines=bylines, tags=tags)
    previous = Article.objects.get(pk=article.pk)
    if not getattr(article, "is_pending_view", False) and is_live(previous):
        from .selectors import pending_view

        # Changes on top of what is pending, not on top of the live text.
        target = pending_view(previous)
        target.version = article.version
    else:
        target = article
    _set_fields(target, fields)
    _refuse_publishing_in_a_save(previous.status, target.status)
    if previous.status == PUBLISHED and _to_the_second(previous.published_at) != _to_the_second(
        target.published_at
    ):
        require(
            by,
            "articles.publish_article",
            message=_("You do not have permission to change the publication time."),
        )
    if not is_live(previous):
        # What `by` may change is the newsroom policy's (articles/policy.py); a change they
        # may not make refuses the whole save (ChangeRefused) and writes nothing.
        policy.check_change(
            by=by,
            article=previous,
            changed=policy.changed_fields(previous, target)
            | policy.changed_bylines(previous, bylines)
            | policy.changed_tags(previous, tags),
        )
        _article_write(
            target, by=by, previous=previous, bylines=bylines, tags=tags, related=related
        )
        # A pending change left from before the article was taken off the site was on the
        # form (its pending view), so this save took it in; the texts of its pictures,
        # videos, tags and section waiting for review stay pending (they are other objects'
        # columns, written when the article or that language is published).
        waiting = _linked_waiting(target)
        PendingChange.objects.filter(article=target).exclude(language__in=waiting).delete()
        data = revisions.snapshot(previous_row(target))
        if waiting:
            data[revisions.LINKED] = waiting
        revision = _record(target, by=by, kind=Revision.Kind.SAVED, data=data, comment=note)
        PendingChange.objects.filter(article=target, language__in=waiting).update(revision=revision)
        _sync_article(article, target)
        return

    before = _pending_snapshot(previous)
    live = revisions.snapshot(previous)
    # Validate and write the edit as if it went live, read it back, then undo the write: the
    # same checks, slugs, sanitizing and placements as a direct save, and readers never see it.
    with transaction.atomic():
        revisions.apply_related(previous, before)
        _article_write(
            target,
            by=by,
            previous=previous,
            bylines=bylines,
            tags=tags,
            related=related,
            emit=False,
        )
        after = revisions.snapshot(previous_row(target))
        transaction.set_rollback(True)
    if before.get(revisions.LINKED):
        # Not the article's columns: what waits stays waiting (linked_texts_save changes it).
        after[revisions.LINKED] = before[revisions.LINKED]
    # A waiting "up to date" mark stays with its language's text while that text waits.
    marks = {
        code: version
        for code, version in (before.get(revisions.UP_TO_DATE) or {}).items()
        if revisions.part(after, code) != revisions.part(live, code)
        or revisions.linked_part(after, code)
    }
    if marks:
        after[revisions.UP_TO_DATE] = marks
    # The undone write raised the source version of the object in memory too.
    target.source_version = previous.source_version
    # Compared as the editor saw it (live plus pending) with what this save makes of it.
    policy.check_change(by=by, article=previous, changed=policy.snapshot_changes(before, after))
    changed = revisions.changed_parts(before, after)
    pending = set(revisions.changed_parts(live, after))
    revision = _record(
        target, by=by, kind=Revision.Kind.SAVED, data=after, languages=changed, comment=note
    )
    for code in revisions.parts():
        if code not in pending:
            PendingChange.objects.filter(article=target, language=code).delete()
        elif code in changed:
            _pending_store(target, code, revision=revision, by=by, note=note)
    _variants_follow_text(target, after)
    _next_due_refresh()
    _sync_article(article, target)
    events.emit(events.PendingChangeSaved(by=by, article_id=target.pk, languages=tuple(changed)))


def _pending_store(article: Article, language: str, *, revision: Revision, by, note: str) -> None:
    """Make `revision` the pending change of `language` ("" for the shared part): a new one,
    or the waiting one taken back to a draft by `by`."""
    change, created = PendingChange.objects.get_or_create(
        article=article,
        language=language,
        defaults={"revision": revision, "created_by": by, "comment": note},
    )
    if not created:
        change.revision, change.created_by = revision, by
        change.state, change.comment = PendingChange.State.DRAFT, note
        if not by.has_perm("articles.publish_article"):
            # A schedule is someone's decision to publish this content, not new text.
            change.scheduled_at = None
        change.save()


def previous_row(article: Article) -> Article:
    """The stored row, read again (inside the write's transaction)."""
    return Article.objects.get(pk=article.pk)


def _sync_article(article: Article, target: Article) -> None:
    if article is not target:
        article.refresh_from_db()


def _variants_follow_text(article: Article, data: dict) -> None:
    """A language with pending text is at least in progress, as with a direct save."""
    variants = variants_ensure(article=article)
    for code, variant in variants.items():
        if variant.state == ArticleVariant.State.MISSING and revisions.part(data, code).get(
            "title"
        ):
            variant.state = ArticleVariant.State.IN_PROGRESS
            variant.source_version = article.source_version
            variant.save(update_fields=["state", "source_version", "updated_at"])


def _linked_waiting(article: Article) -> dict[str, dict]:
    """The texts of the article's pictures, videos, tags and section waiting for review,
    by language (articles/linked.py)."""
    changes = PendingChange.objects.filter(article=article).exclude(language=revisions.SHARED)
    waiting = {}
    for change in changes.select_related("revision"):
        texts = revisions.linked_part(change.revision.data, change.language)
        if texts:
            waiting[change.language] = dict(texts)
    return waiting


def _apply_pending(article: Article, changes: list[PendingChange], *, by=None) -> list[str]:
    """Copy the pending parts onto the stored row (locked by the caller), and their texts of
    the pictures, videos, tags and section onto those objects (as `by`); returns them."""
    if not changes:
        return []
    live = Article.objects.get(pk=article.pk)
    previous = Article.objects.get(pk=article.pk)
    applied, marks = [], {}
    for change in sorted(changes, key=lambda c: c.language):
        revisions.apply_fields(live, change.revision.data, languages=[change.language])
        if change.language == revisions.SHARED:
            revisions.apply_related(live, change.revision.data)
        else:
            texts = revisions.linked_part(change.revision.data, change.language)
            if texts:
                linked.apply(texts=texts, language=change.language, by=by)
            mark = revisions.up_to_date_part(change.revision.data, change.language)
            if mark is not None:
                marks[change.language] = mark
        applied.append(change.language)
    live.full_clean()
    _save_unique(live)
    article_saved(article=live, previous=previous)
    _marks_apply(live, marks)
    PendingChange.objects.filter(pk__in=[c.pk for c in changes]).delete()
    return applied


def _marks_apply(article: Article, marks: dict[str, int]) -> None:
    """The "up to date" marks that waited with their languages' text go live with it: each
    translation follows the source version its mark recorded (a later source change keeps
    it outdated). Part of the publication that applies them, not a write of its own."""
    if not marks:
        return
    variants = variants_ensure(article=article)
    for code, version in marks.items():
        variant = variants.get(code)
        if (
            variant is None
            or code == article.source_language
            or variant.state == ArticleVariant.State.MISSING
            or variant.source_version >= version
        ):
            continue
        variant.source_version = min(version, article.source_version)
        variant.save(update_fields=["source_version", "updated_at"])


def _require_publishable(live: Article, *, applied: list[str], went_live: bool) -> None:
    """The publishing requirements of what this publication puts before readers: the
    source language when the article goes live or its source or shared part changes, and
    each applied language whose version readers see."""
    source = live.source_language
    checked = []
    if went_live or revisions.SHARED in applied or source in applied:
        checked.append(source)
    visible = live.published_languages()
    checked += [code for code in applied if code and code != source and code in visible]
    if checked:
        require_publishable(live, languages=checked)


def _require_publishable_changes(article: Article, changes: list[PendingChange]) -> None:
    """The publishing requirements of `article` as it would be with `changes` made live
    (nothing is written): a ValidationError keyed by field, as article_publish raises."""
    view = Article.objects.get(pk=article.pk)
    bylines = None
    for change in changes:
        revisions.apply_fields(view, change.revision.data, languages=[change.language])
        if change.language == revisions.SHARED:
            bylines = list(change.revision.data.get("bylines", []))
    applied = [change.language for change in changes]
    source = view.source_language
    checked = [source] if revisions.SHARED in applied or source in applied else []
    visible = view.published_languages()
    checked += [code for code in applied if code and code != source and code in visible]
    if checked:
        require_publishable(view, languages=checked, bylines=bylines)


@transaction.atomic
def article_publish(
    *,
    article: Article,
    by,
    at: datetime | None = None,
    languages: Iterable[str] | None = None,
) -> Article:
    """Make the article's pending changes live and put it on the site (now, or at the
    future time `at`) with its source-language variant; needs articles.publish_article and
    what publishing.py requires of what goes live (source title and body, a byline, each
    published language's title, body and lead-image alt text): refused, nothing changes.

    `languages` publishes only those parts ("" for the shared fields, byline, tags and
    placed items); the other pending changes stay as they are. A publication is a Revision.
    """
    require(
        by, "articles.publish_article", message=_("You do not have permission to publish articles.")
    )
    _bump(article)
    changes = PendingChange.objects.filter(article=article).select_related("revision")
    if languages is not None:
        changes = changes.filter(language__in=list(languages))
    applied = _apply_pending(article, list(changes), by=by)
    live = Article.objects.get(pk=article.pk)
    went_live = live.status != PUBLISHED or at is not None
    live.status = PUBLISHED
    _require_publishable(live, applied=applied, went_live=went_live)
    if at is not None:
        live.published_at = at
    elif live.published_at is None:
        live.published_at = timezone.now()
    if live.first_published_at is None:
        live.first_published_at = live.published_at
    live.full_clean()
    _save_unique(live)
    _publish_source_variant(live, variants_ensure(article=live))
    _record(
        live,
        by=by,
        kind=Revision.Kind.PUBLISHED,
        data=_pending_snapshot(live),
        languages=applied if not went_live else None,
    )
    _next_due_refresh()
    article.refresh_from_db()
    for name in ("pending_bylines", "pending_tags", "pending_placements", "is_pending_view"):
        article.__dict__.pop(name, None)
    if went_live or not applied:
        events.emit(
            events.ArticlePublished(by=by, article_id=article.pk, published_at=live.published_at)
        )
    else:
        events.emit(
            events.PendingChangeLive(by=by, article_id=article.pk, languages=tuple(applied))
        )
    return article


@transaction.atomic
def article_unpublish(*, article: Article, by, status: str = Article.Status.DRAFT) -> Article:
    """Take the article off the site in every language (back to draft, or to `status`);
    its variants and pending changes stay. Needs articles.publish_article."""
    require(
        by,
        "articles.publish_article",
        message=_("You do not have permission to take articles off the site."),
    )
    if status == PUBLISHED:
        raise ValueError("article_unpublish needs a status other than published.")
    _bump(article)
    article.status = status
    article.full_clean()
    article.save(update_fields=["status", "updated_at"])
    _record(
        article,
        by=by,
        kind=Revision.Kind.UNPUBLISHED,
        data=_pending_snapshot(article),
        languages=[],
    )
    events.emit(events.ArticleUnpublished(by=by, article_id=article.pk))
    return article


@transaction.atomic
def pending_schedule(
    *, article: Article, by, at: datetime | None, languages: Iterable[str] | None = None
) -> list[PendingChange]:
    """Have the pending changes (all, or of `languages`) go live by themselves at `at`
    (None: no longer scheduled); needs articles.publish_article. No cron: the first request
    after that time makes them live (pending_publish_due)."""
    require(
        by, "articles.publish_article", message=_("You do not have permission to publish articles.")
    )
    _bump(article)
    changes = PendingChange.objects.filter(article=article).select_related("revision")
    if languages is not None:
        changes = changes.filter(language__in=list(languages))
    changes = list(changes)
    if at is not None:
        # What could not be published now is not scheduled either: nobody checks it when
        # its time comes but the system, and the system cannot fix it.
        _require_publishable_changes(article, changes)
    for change in changes:
        change.scheduled_at = at
        change.save(update_fields=["scheduled_at", "updated_at"])
    _record(
        article,
        by=by,
        kind=Revision.Kind.SCHEDULED,
        data=_pending_snapshot(article),
        languages=[c.language for c in changes],
        comment=at.isoformat() if at else "",
    )
    _next_due_refresh()
    events.emit(
        events.PendingChangeSaved(
            by=by, article_id=article.pk, languages=tuple(c.language for c in changes)
        )
    )
    return changes


def scheduled_alt_text_check(*, stored, image) -> None:
    """Refuse removing a picture's alt text in a language where a story scheduled to go
    live (published, its time still to come) shows it as its lead image.

    Such a story goes live by the clock alone (the reader pages' rule is status and
    published_at, per request): nothing checks it again at its time, so what publishing
    required when it was scheduled must stay true until then. Refusing the change at the
    picture desk, with the story named, is less surprising than a story that silently does
    not appear: whoever removes the text sees why and decides (write it differently, or ask
    for the story's lead image or time to change). Pending changes scheduled to go live are
    checked again at their time instead (_publish_due).
    """
    removed = [
        code
        for code in language_codes()
        if localized(stored, "alt_text", code) and not localized(image, "alt_text", code)
    ]
    if not removed:
        return
    stories = Article.objects.filter(
        lead_image_id=image.pk, status=PUBLISHED, published_at__gt=timezone.now()
    ).prefetch_related("variants")
    errors: dict[str, list[str]] = {}
    for story in stories.order_by("published_at", "pk"):
        going_live = {story.source_language} | story.published_languages()
        for code in removed:
            if code in going_live:
                errors.setdefault(column("alt_text", code), []).append(
                    _(
                        "“%(title)s” is scheduled to go live on %(when)s with this picture as "
                        "its lead image and needs its alt text in %(language)s. Keep a text "
                        "here, or change that story's lead image or its time first."
                    )
                    % {
                        "title": localized(story, "title", story.source_language) or story.pk,
                        "when": formats.date_format(
                            timezone.localtime(story.published_at), "DATETIME_FORMAT"
                        ),
                        "language": language_name(code),
                    }
                )
    if errors:
        raise ValidationError(errors, code="scheduled_story_needs_it")


# The earliest time a scheduled pending change goes live, in the cache: each request
# compares it with the clock (no query), and only when it has passed are the due changes
# looked up and made live. "" means nothing is scheduled.
NEXT_DUE_KEY = "articles:pending-next-due"
_NEXT_DUE_LOCK = "articles:pending-next-due:lock"


def _next_due_refresh() -> str:
    earliest = PendingChange.objects.aggregate(at=Min("scheduled_at"))["at"]
    value = earliest.isoformat() if earliest else ""
    try:
        cache.set(NEXT_DUE_KEY, value, None)
    except Exception:  # a cache that is down costs this query per request, not the page
        logger.warning("Cannot store the next scheduled publication time in the cache.")
    return value


def pending_publish_due(now: datetime | None = None) -> list[int]:
    """Make every scheduled pending change whose time has come live; returns the ids of the
    articles changed. The schedule was decided by someone allowed to publish
    (pending_schedule), so this runs as the system (`by` None)."""
    now = now or timezone.now()
    article_ids = sorted(
        set(
            PendingChange.objects.filter(scheduled_at__lte=now).values_list("article_id", flat=True)
        )
    )
    done = []
    for article_id in article_ids:
        try:
            # A reader's request does this: what it records is in the site's language.
            with translation.override(settings.LANGUAGE_CODE):
                if _publish_due(article_id, now):
                    done.append(article_id)
        except (ValidationError, IntegrityError) as error:
            # Content that cannot go live as it stands (a slug another story took since, the
            # lead image's alt text removed since it was scheduled) stays pending,
            # unscheduled, for an editor to fix, with the reason on the change; the readers'
            # request that found it due goes on, and the next ones do not try again.
            logger.warning(
                "Scheduled changes of article %s could not go live: %s", article_id, error
            )
            PendingChange.objects.filter(article_id=article_id, scheduled_at__lte=now).update(
                scheduled_at=None, comment=_not_published_note(error, now)
            )
    _next_due_refresh()
    return done


def _not_published_note(error: Exception, when: datetime) -> str:
    """Why a scheduled change did not go live, for the editors (the pending change's note).

    Written during a reader's request, so in the site's language, not the reader's.
    """
    reasons = error.messages if isinstance(error, ValidationError) else [str(error)]
    with translation.override(settings.LANGUAGE_CODE):
        return _("Not published at its scheduled time (%(when)s): %(reasons)s") % {
            "when": formats.date_format(timezone.localtime(when), "DATETIME_FORMAT"),
            "reasons": " ".join(str(reason) for reason in reasons),
        }


@transaction.atomic
def _publish_due(article_id: int, now: datetime) -> bool:
    article = Article.objects.select_for_update().filter(pk=article_id).first()
    if article is None:
        return False
    changes = list(
        PendingChange.objects.filter(article=article, scheduled_at__lte=now).select_related(
            "revision"
        )
    )
    if not changes:
        return False
    _bump(article)
    # Texts of pictures, tags and the like are written through their services as someone
    # allowed to: the editor who scheduled this publication.
    scheduled = (
        Revision.objects.filter(article=article, kind=Revision.Kind.SCHEDULED)
        .select_related("created_by")
        .order_by("-number")
        .first()
    )
    # Checked again at its time: what was publishable when scheduled may not be any more
    # (an author deleted, a lead image's alt text removed). A refusal rolls all this back.
    _require_publishable_changes(article, changes)
    applied = _apply_pending(
        article, changes, by=scheduled.created_by if scheduled is not None else None
    )
    _record(
        article,
        by=None,
        kind=Revision.Kind.PUBLISHED,
        data=_pending_snapshot(article),
        languages=applied,
        comment=_("Scheduled"),
    )
    events.emit(events.PendingChangeLive(by=None, article_id=article.pk, languages=tuple(applied)))
    return True


def nothing_due(value, now: datetime | None = None) -> bool:
    """Whether no scheduled change is due, by NEXT_DUE_KEY's `value` (None: not known, as
    when the cache was emptied). The page cache answers stored pages only while this holds
    (pagecache.serve_only_if): a due change goes live before anything is read."""
    return value is not None and (not value or parse_datetime(value) > (now or timezone.now()))


def pending_publish_due_if_needed(now: datetime | None = None) -> None:
    """What every request calls: compare the cached next due time with the clock, and make
    due changes live when it has passed. Costs no query unless something is due (or the
    cache was emptied, when one query reads the next due time back)."""
    now = now or timezone.now()
    try:
        value = cache.get(NEXT_DUE_KEY)
    except Exception:  # the cache is down: ask the database (one query), serve the page
        value = None
    if value is None:
        value = _next_due_refresh()
    if nothing_due(value, now):
        return
    # One request does the work; the others go on with the live version meanwhile. Without
    # a cache to hold the lock, the work is still safe: each change goes live under its
    # article's row lock, once.
    try:
        locked = cache.add(_NEXT_DUE_LOCK, 1, 60)
    except Exception:
        locked = None
    if locked is False:
        return
    try:
        pending_publish_due(now)
    finally:
        if locked:
            cache.delete(_NEXT_DUE_LOCK)


def _pending_state(
    *, article: Article, language: str, by, state: str, comment: str, kind: str
) -> PendingChange:
    _bump(article)
    change = PendingChange.objects.get(article=article, language=language)
    change.state, change.comment = state, comment
    change.save(update_fields=["state", "comment", "updated_at"])
    _record(
        article,
        by=by,
        kind=kind,
        data=_pending_snapshot(article),
        languages=[language],
        comment=comment,
    )
    events.emit(events.PendingChangeSaved(by=by, article_id=article.pk, languages=(language,)))
    return change


@transaction.atomic
def pending_submit(*, article: Article, language: str, by) -> PendingChange:
    """Submit one pending change ("" for the shared part) for review; needs
    articles.change_article. A translator submits only their languages' text, a reporter
    only their own or unpublished stories (articles/policy.py)."""
    require(by, "articles.change_article")
    policy.check_change(by=by, article=article, changed={policy.part_name(language)})
    return _pending_state(
        article=article,
        language=language,
        by=by,
        state=PendingChange.State.SUBMITTED,
        comment="",
        kind=Revision.Kind.SUBMITTED,
    )


@transaction.atomic
def pending_send_back(*, article: Article, language: str, by, comment: str) -> PendingChange:
    """Send a pending change back to its author with a note; needs
    articles.publish_article (a reviewer is someone who may publish)."""
    require(
        by, "articles.publish_article", message=_("You do not have permission to review changes.")
    )
    return _pending_state(
        article=article,
        language=language,
        by=by,
        state=PendingChange.State.SENT_BACK,
        comment=comment,
        kind=Revision.Kind.SENT_BACK,
    )


@transaction.atomic
def revision_restore(*, revision: Revision, by) -> Revision:
    """Make an earlier revision's content the article's new pending change (on a published
    article; written directly before the first publication); needs articles.change_article.
    Returns the new revision."""
    require(by, "articles.change_article")
    article = Article.objects.get(pk=revision.article_id)
    data = revision.data
    # Restoring is changing: only what `by` may change (a translator: their languages).
    policy.check_change(
        by=by,
        article=article,
        changed=policy.snapshot_changes(
            _pending_snapshot(article),
            {**data, "shared": {**data.get("shared", {}), "status": article.status}},
        ),
    )
    _bump(article)
    if not is_live(article):
        previous = Article.objects.get(pk=article.pk)
        revisions.apply_fields(article, data, languages=revisions.parts())
        article.full_clean()
        _save_unique(article)
        revisions.apply_related(article, data)
        article_saved(article=article, previous=previous)
        PendingChange.objects.filter(article=article).delete()
        restored = _record(
            article,
            by=by,
            kind=Revision.Kind.RESTORED,
            data=revisions.snapshot(previous_row(article)),
            comment=_("Restored revision %(number)s") % {"number": revision.number},
        )
        events.emit(events.ArticleSaved(by=by, article_id=article.pk))
        return restored
    before = _pending_snapshot(article)
    live = revisions.snapshot(article)
    # The live status and schedule stay; only content is restored.
    data = {**data, "shared": {**data.get("shared", {}), "status": article.status}}
    changed = revisions.changed_parts(before, data)
    restored = _record(
        article,
        by=by,
        kind=Revision.Kind.RESTORED,
        data=data,
        languages=changed,
        comment=_("Restored revision %(number)s") % {"number": revision.number},
    )
    pending = set(revisions.changed_parts(live, data))
    for code in revisions.parts():
        if code not in pending:
            PendingChange.objects.filter(article=article, language=code).delete()
        elif code in changed:
            PendingChange.objects.update_or_create(
                article=article,
                language=code,
                defaults={
                    "revision": restored,
                    "created_by": by,
                    "state": PendingChange.State.DRAFT,
                    "comment": "",
                    "scheduled_at": None,
                },
            )
    _next_due_refresh()
    events.emit(events.PendingChangeSaved(by=by, article_id=article.pk, languages=tuple(changed)))
    return restored


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
    _bump(article)
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
    if state == published and variant.state != published:
        require_publishable(article, languages=[language])
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


# -- The texts of what an article shows: its pictures, videos, tags and section --


def _linked_check(items: dict, loaded: dict, language: str, texts: dict) -> dict[str, str]:
    """The texts cleaned (stripped), or ValidationError naming the refused ones."""
    errors, cleaned = {}, {}
    for name, text in texts.items():
        item = items.get(name)
        if item is None:
            errors[name] = [
                _("“%(name)s” is not a text of this story's pictures, videos, tags or section.")
                % {"name": name}
            ]
            continue
        text = (text or "").strip()
        obj = loaded[item.key]
        field = type(obj)._meta.get_field(item.field)
        if field.max_length and len(text) > field.max_length:
            errors[name] = [
                _("%(label)s: at most %(limit)s characters (it has %(count)s).")
                % {"label": item.label, "limit": field.max_length, "count": len(text)}
            ]
            continue
        if text and item.kind in ("tag",):
            clash = type(obj).objects.filter(**{column(item.field, language): text})
            if clash.exclude(pk=obj.pk).exists():
                errors[name] = [
                    _("%(label)s: another tag is already called “%(text)s” in %(language)s.")
                    % {"label": item.label, "text": text, "language": language_name(language)}
                ]
                continue
        cleaned[name] = text
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def linked_texts_save(
    *, article: Article, language: str, by, texts: dict[str, str], note: str = ""
) -> None:
    """Translate texts of the pictures, videos, tags and section `article` shows into
    `language`, from the article's page; `texts` by name ("image:12.alt_text").

    Needs articles.change_article, and what articles/policy.py allows `by` for `language`
    (a translator: their assigned languages, never the source). Readers see no change: the
    texts wait in the article's pending change of `language` and are written to their
    objects (through those objects' services) when an editor publishes that language or
    the article. An editor's texts follow the editor's other changes: written at once to a
    story not on the site, pending on a published one. A name the article does not show,
    or a text too long or clashing (a tag name another tag has), is refused
    (ValidationError); nothing is written. `note` (an importer's word to the reviewer) is
    the revision's comment and that of the pending change.
    """
    require(by, "articles.change_article")
    if language not in language_codes():
        raise ValidationError(_("Choose a site language."))
    stored = Article.objects.select_for_update().get(pk=article.pk)
    from .selectors import pending_view

    view = pending_view(stored)
    loaded = linked.objects(view)
    items = {item.name: item for item in linked.linked_texts(view, loaded=loaded)}
    cleaned = _linked_check(items, loaded, language, texts)
    waiting = dict(view.pending_linked.get(language, {}))

    def current(name):
        if name in waiting:
            return waiting[name]
        return linked.stored_value(loaded[items[name].key], items[name], language)

    changed = {name: text for name, text in cleaned.items() if text != current(name)}
    if not changed:
        return
    policy.check_change(by=by, article=stored, changed={f"{policy.LINKED}_{language}"})
    if not is_live(stored) and policy.may_publish(by):
        # As the editor's other changes to a story not on the site: written at once.
        linked.apply(texts=changed, language=language, by=by)
        for obj in loaded.values():
            obj.refresh_from_db()
        for name in changed:
            waiting.pop(name, None)
    else:
        waiting.update(changed)
    # A text back to what is stored no longer waits.
    waiting = {
        name: text
        for name, text in waiting.items()
        if name in items
        and text != linked.stored_value(loaded[items[name].key], items[name], language)
    }
    if waiting:
        view.pending_linked[language] = waiting
    else:
        view.pending_linked.pop(language, None)
    _bump(stored)
    data = revisions.snapshot(view)
    revision = _record(
        stored, by=by, kind=Revision.Kind.SAVED, data=data, languages=[language], comment=note
    )
    if language in revisions.changed_parts(revisions.snapshot(stored), data):
        _pending_store(stored, language, revision=revision, by=by, note=note)
    else:
        PendingChange.objects.filter(article=stored, language=language).delete()
    _next_due_refresh()
    events.emit(events.PendingChangeSaved(by=by, article_id=stored.pk, languages=(language,)))


def _markable(*, article: Article, language: str, by) -> tuple[Article, ArticleVariant]:
    """The article (locked) and its `language` version, when `by` may mark that translation
    up to date: never the source language or a missing translation."""
    require(by, "articles.change_article")
    article = Article.objects.select_for_update().get(pk=article.pk)
    if language == article.source_language:
        raise ValidationError(
            _("%(language)s is this story's source language: it is never outdated.")
            % {"language": language_name(language)},
            code="source_language",
        )
    policy.check_change(by=by, article=article, changed={f"{policy.VARIANT}_{language}"})
    variant = variants_ensure(article=article)[language]
    if variant.state == ArticleVariant.State.MISSING:
        raise ValidationError(
            _("There is no translation in %(language)s to mark up to date yet.")
            % {"language": language_name(language)},
            code="missing",
        )
    return article, variant


@transaction.atomic
def variant_mark_up_to_date(*, article: Article, language: str, by) -> ArticleVariant:
    """Record that the `language` translation follows the current source text, without
    unpublishing or changing any text: after the translator updated what changed, or when
    an editor judges the source change (a typo fix) needs no new translation.

    Needs articles.change_article and the right to change that language's version (a
    translator: only their languages; articles/policy.py). A language that is missing or
    the source language cannot be marked. Leaves a revision ("Marked up to date") and
    emits VariantMarkedUpToDate.
    """
    article, variant = _markable(article=article, language=language, by=by)
    previous = variant.source_version
    if previous == article.source_version:
        return variant
    _bump(article)
    variant.source_version = article.source_version
    variant.save(update_fields=["source_version", "updated_at"])
    _record(
        article,
        by=by,
        kind=Revision.Kind.UP_TO_DATE,
        data=_pending_snapshot(article),
        languages=[language],
        comment=_(
            "Translation (%(language)s) marked up to date with source version %(version)s "
            "(was %(previous)s)."
        )
        % {
            "language": language_name(language),
            "version": article.source_version,
            "previous": previous,
        },
    )
    events.emit(
        events.VariantMarkedUpToDate(
            by=by,
            article_id=article.pk,
            language=language,
            source_version=article.source_version,
            previous=previous,
        )
    )
    return variant


def up_to_date_waits(article: Article, language: str) -> bool:
    """Whether marking `language` up to date must wait for its text: the story is live and
    that language's text waits for review (readers would otherwise see the old text
    without the note that the original changed). Otherwise the mark applies at once."""
    stored = Article.objects.get(pk=article.pk)
    return (
        is_live(stored) and PendingChange.objects.filter(article=stored, language=language).exists()
    )


@transaction.atomic
def pending_mark_up_to_date(*, article: Article, language: str, by) -> PendingChange:
    """Mark the `language` translation up to date with the current source version when its
    waiting text is published: the mark becomes part of that language's pending change
    (recorded in its revision data), and the publication of that language applies it.

    For a live story whose `language` text waits for review (up_to_date_waits); the
    immediate case is variant_mark_up_to_date. The same permission and refusals as that
    (a translator: only their languages; never the source language or a missing one), and
    a language whose text does not wait is refused. Readers see no change: the old text
    keeps its note that the original was updated. Emits PendingChangeSaved.
    """
    article, _variant = _markable(article=article, language=language, by=by)
    change = PendingChange.objects.filter(article=article, language=language).first()
    if change is None or not is_live(article):
        raise ValidationError(
            _("No text in %(language)s waits for review: mark it up to date directly.")
            % {"language": language_name(language)},
            code="not_pending",
        )
    from .selectors import pending_view

    view = pending_view(article)
    if view.pending_up_to_date.get(language) == article.source_version:
        return change
    view.pending_up_to_date[language] = article.source_version
    _bump(article)
    revision = _record(
        article,
        by=by,
        kind=Revision.Kind.UP_TO_DATE,
        data=revisions.snapshot(view),
        languages=[language],
        comment=_(
            "Translation (%(language)s) to be marked up to date with source version "
            "%(version)s when its text is published."
        )
        % {"language": language_name(language), "version": article.source_version},
    )
    change.revision = revision
    change.save(update_fields=["revision", "updated_at"])
    events.emit(events.PendingChangeSaved(by=by, article_id=article.pk, languages=(language,)))
    return change


# -- What files an article: sections, tags, authors --


def _filing_save(instance: models.Model, *, by, action: str, fields: dict) -> models.Model:
    model = type(instance)
    require(by, f"{model._meta.app_label}.{action}_{model._meta.model_name}")
    _set_fields(instance, fields)
    instance.full_clean()
    _save_unique(instance)
    events.emit(
        events.FilingChanged(
            by=by,
            model=model._meta.label_lower,
            object_id=instance.pk,
            state=events.state(instance),
        )
    )
    return instance


def _filing_delete(instance: models.Model, *, by) -> None:
    model = type(instance)
    require(by, f"{model._meta.app_label}.delete_{model._meta.model_name}")
    object_id, last = instance.pk, events.state(instance)
    instance.delete()
    events.emit(
        events.FilingChanged(
            by=by, model=model._meta.label_lower, object_id=object_id, deleted=True, state=last
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


# -- Corrections and updates --

# What a correction note may keep of HTML: links and emphasis. Everything else is text.
CORRECTION_TAGS = {"a", "strong", "em", "b", "i"}
CORRECTION_ATTRIBUTES = {"a": {"href"}}
CORRECTION_URL_SCHEMES = {"http", "https", "mailto"}


def correction_text_clean(text: str) -> str:
    """The note's text as stored and shown: nh3 keeps links (http, https, mailto) and
    emphasis, and escapes or drops everything else."""
    return nh3.clean(
        (text or "").strip(),
        tags=CORRECTION_TAGS,
        attributes=CORRECTION_ATTRIBUTES,
        url_schemes=CORRECTION_URL_SCHEMES,
        link_rel="nofollow",
    ).strip()


def _correction_write(correction: Correction, *, by, fields: dict) -> Correction:
    _set_fields(correction, fields)
    correction.text = correction_text_clean(correction.text)
    correction.full_clean()
    correction.save()
    # Corrections are part of the story's history: a revision of the story records the
    # note (who, when, which language, what it says), and the feeds and caches that follow
    # ArticleSaved see the note with the story.
    article = correction.article
    _bump(article)
    _record(
        article,
        by=by,
        kind=Revision.Kind.SAVED,
        data=_pending_snapshot(article),
        languages=[correction.language],
        comment=f"{correction.get_kind_display()}: {nh3.clean(correction.text, tags=set())}",
    )
    events.emit(events.ArticleSaved(by=by, article_id=correction.article_id))
    return correction


@transaction.atomic
def correction_create(
    *,
    article: Article,
    language: str,
    text: str,
    by,
    kind: str = Correction.Kind.CORRECTION,
    correction: Correction | None = None,
) -> Correction:
    """Add a dated correction or update note to one language version of a story; needs
    articles.add_correction. Dated now, credited to `by`; the text keeps only links and
    emphasis. Emits ArticleSaved: the note is part of the story's history."""
    require(by, "articles.add_correction")
    correction = correction if correction is not None else Correction()
    if correction.pk is not None:
        raise ValueError("correction_create adds new notes; use correction_update.")
    correction.created_by = by
    correction.created_at = timezone.now()
    return _correction_write(
        correction,
        by=by,
        fields={"article": article, "language": language, "kind": kind, "text": text},
    )


@transaction.atomic
def correction_update(*, correction: Correction, by, **fields) -> Correction:
    """Reword a note, or change its kind or language; its date stays. Needs
    articles.change_correction."""
    require(by, "articles.change_correction")
    return _correction_write(correction, by=by, fields=fields)


@transaction.atomic
def correction_delete(*, correction: Correction, by) -> None:
    """Remove a note (one added by mistake); needs articles.delete_correction."""
    require(by, "articles.delete_correction")
    article_id = correction.article_id
    correction.delete()
    events.emit(events.ArticleSaved(by=by, article_id=article_id))
