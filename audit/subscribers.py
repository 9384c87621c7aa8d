"""Audit entries for the decisions the write path announces (newsroom/events.py)."""

from django.utils import timezone

from articles.models import Article, Revision
from newsroom import events

from .models import AuditEntry
from .services import entry_record

ARTICLE = "articles.article"
Action = AuditEntry.Action


def _title(article_id: int) -> str:
    article = Article.objects.filter(pk=article_id).first()
    return str(article) if article is not None else ""


def article_published(event: events.ArticlePublished) -> None:
    # A time in the future is a schedule: the story goes live then, without anyone acting.
    future = event.published_at is not None and event.published_at > timezone.now()
    entry_record(
        action=Action.SCHEDULED if future else Action.PUBLISHED,
        by=event.by,
        object_type=ARTICLE,
        object_id=event.article_id,
        title=_title(event.article_id),
        details={"published_at": event.published_at.isoformat() if event.published_at else None},
    )


def article_unpublished(event: events.ArticleUnpublished) -> None:
    entry_record(
        action=Action.UNPUBLISHED,
        by=event.by,
        object_type=ARTICLE,
        object_id=event.article_id,
        title=_title(event.article_id),
    )


def article_deleted(event: events.ArticleDeleted) -> None:
    entry_record(
        action=Action.DELETED,
        by=event.by,
        object_type=ARTICLE,
        object_id=event.article_id,
        title=event.title,
    )


def language_version_changed(event: events.LanguageVersionChanged) -> None:
    published = "published"
    if published not in (event.state, event.previous) or event.state == event.previous:
        return  # Work in progress: the revisions keep it, the trail keeps decisions.
    entry_record(
        action=Action.PUBLISHED if event.state == published else Action.UNPUBLISHED,
        by=event.by,
        object_type=ARTICLE,
        object_id=event.article_id,
        title=_title(event.article_id),
        language=event.language,
        details={"from": event.previous, "to": event.state},
    )


def pending_change_live(event: events.PendingChangeLive) -> None:
    # by=None: a scheduled change whose time came (the decision was the schedule's).
    for language in event.languages:
        entry_record(
            action=Action.PUBLISHED,
            by=event.by,
            object_type=ARTICLE,
            object_id=event.article_id,
            title=_title(event.article_id),
            language=language,
            details={"pending_change": True},
        )


def revision_written(event: events.Event) -> None:
    """A restore and a schedule of pending changes are revisions of their kind; their
    events are the plain saved ones, so the newest revision says which it was."""
    revision = Revision.objects.filter(article_id=event.article_id).order_by("-number").first()
    actions = {Revision.Kind.RESTORED: Action.RESTORED, Revision.Kind.SCHEDULED: Action.SCHEDULED}
    if revision is None or revision.kind not in actions:
        return
    if AuditEntry.objects.filter(
        object_type=ARTICLE, object_id=event.article_id, details__revision=revision.number
    ).exists():
        return
    entry_record(
        action=actions[revision.kind],
        by=event.by,
        object_type=ARTICLE,
        object_id=event.article_id,
        title=_title(event.article_id),
        details={"revision": revision.number, "comment": revision.comment},
    )


SUBSCRIPTIONS = [
    (events.PendingChangeLive, pending_change_live),
    (events.PendingChangeSaved, revision_written),
    (events.ArticleSaved, revision_written),
    (events.ArticlePublished, article_published),
    (events.ArticleUnpublished, article_unpublished),
    (events.ArticleDeleted, article_deleted),
    (events.LanguageVersionChanged, language_version_changed),
]


def connect() -> None:
    for event_type, handler in SUBSCRIPTIONS:
        events.subscribe(event_type, handler)
