"""Domain events: what the write path announces once a change has committed.

Every service emits exactly one event for the change it made. Revisions, the audit trail,
cache purges and search vectors subscribe here, never to the admin or to model signals.
Both apps use this module (media is a leaf, so the kernel lives in the project package).

    events.subscribe(events.ArticlePublished, purge_article_pages)
    events.emit(events.ArticlePublished(by=user, article_id=article.pk))

Handlers run after the surrounding transaction commits (at once outside a transaction),
in subscription order; a change that rolls back announces nothing.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    """Something changed; `by` is the acting user (None for the system: schedules, migrations)."""

    by: object


@dataclass(frozen=True)
class ArticleSaved(Event):
    """An article's fields, bylines, tags or placements were written (no state change)."""

    article_id: int
    created: bool = False


@dataclass(frozen=True)
class ArticlePublished(Event):
    """The article went on the site (or was scheduled to); `published_at` says when."""

    article_id: int
    published_at: datetime | None = None


@dataclass(frozen=True)
class ArticleUnpublished(Event):
    """The article was taken off the site in every language."""

    article_id: int


@dataclass(frozen=True)
class ArticleDeleted(Event):
    """The article is gone; `title` is what it was called (for the audit trail)."""

    article_id: int
    title: str = ""


@dataclass(frozen=True)
class LanguageVersionChanged(Event):
    """One language version moved to another state (missing, in progress, ready, published)."""

    article_id: int
    language: str
    state: str
    previous: str = ""


@dataclass(frozen=True)
class VariantMarkedUpToDate(Event):
    """A translation was marked as following the source at `source_version` (it was at
    `previous`); no text and no state changed."""

    article_id: int
    language: str
    source_version: int
    previous: int = 0


@dataclass(frozen=True)
class PendingChangeSaved(Event):
    """Pending changes of a published article were saved, scheduled, submitted, sent back or
    restored; readers see no change. `languages` names the parts ("" the shared fields)."""

    article_id: int
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class PendingChangeLive(Event):
    """Pending changes went live (published, or their scheduled time came)."""

    article_id: int
    languages: tuple[str, ...] = ()


def state(instance) -> dict:
    """Every concrete field of a model instance as JSON, each language's column included:
    what the object was as written, carried by the events below for its revisions (taken
    when the change is made, not when the event is dispatched after the commit)."""
    fields = serializers.serialize("python", [instance])[0]["fields"]
    return json.loads(json.dumps(fields, cls=DjangoJSONEncoder))


@dataclass(frozen=True)
class PreviewLinkChanged(Event):
    """A preview link to an article's pending version was made or (`revoked`) withdrawn."""

    article_id: int
    link_id: int
    language: str
    revoked: bool = False


@dataclass(frozen=True)
class ImageChanged(Event):
    """An image was uploaded, its texts or focal point changed, or it was deleted."""

    image_id: int
    deleted: bool = False
    # Only derived files changed (the background job finished its renditions): pages that
    # show the picture change, its texts did not (no revision, no audit entry).
    renditions_only: bool = False
    # state(image) as written (before a deletion, as it was); not part of the event's identity.
    state: dict | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class EmbedChanged(Event):
    embed_id: int
    deleted: bool = False
    state: dict | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class FilingChanged(Event):
    """A section, tag or author was created, renamed or deleted (`model` is its model label)."""

    model: str
    object_id: int
    deleted: bool = False
    state: dict | None = field(default=None, compare=False, repr=False)


Handler = Callable[[Event], None]
_handlers: dict[type[Event], list[Handler]] = defaultdict(list)


def subscribe(event_type: type[Event], handler: Handler) -> Handler:
    """Call `handler(event)` after each committed event of `event_type` (or a subclass)."""
    if handler not in _handlers[event_type]:
        _handlers[event_type].append(handler)
    return handler


def unsubscribe(event_type: type[Event], handler: Handler) -> None:
    if handler in _handlers[event_type]:
        _handlers[event_type].remove(handler)


def emit(event: Event) -> None:
    """Announce `event` once the current transaction commits (now, outside a transaction)."""
    transaction.on_commit(lambda: _dispatch(event))


def _dispatch(event: Event) -> None:
    for event_type, handlers in list(_handlers.items()):
        if isinstance(event, event_type):
            for handler in list(handlers):
                # A failing subscriber (a cache purge, say) must not undo or hide the change
                # that already committed; it is logged for the operator.
                try:
                    handler(event)
                except Exception:
                    logger.exception("Event handler %r failed for %r", handler, event)
