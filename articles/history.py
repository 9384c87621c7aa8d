"""Revisions of what files and illustrates articles: sections, tags, authors, and the texts
of images and embeds. Articles keep their own, richer revisions (Revision, with pending
changes per language); these are whole-object snapshots (every field, every language's
column) recorded from the domain events, which carry the object's state as written
(events.state), so every write path is covered and a rolled-back change records nothing.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Max

from newsroom import events

from .models import ObjectRevision


def object_revision_record(*, model, object_id: int, by, state: dict | None, deleted=False):
    """Record `state` (the object as written; as it was, for a deletion) as the object's
    next revision. Returns it (None when there is no state to record)."""
    if state is None:
        instance = model._default_manager.filter(pk=object_id).first()
        if instance is None:
            return None
        state = events.state(instance)
    content_type = ContentType.objects.get_for_model(model)
    revisions = ObjectRevision.objects.filter(content_type=content_type, object_id=object_id)
    shown = model(**{k: v for k, v in state.items() if _is_plain_field(model, k)})
    for _attempt in range(3):
        number = (revisions.aggregate(last=Max("number"))["last"] or 0) + 1
        try:
            with transaction.atomic():
                return ObjectRevision.objects.create(
                    content_type=content_type,
                    object_id=object_id,
                    object_repr=str(shown)[:255],
                    number=number,
                    created_by=by if getattr(by, "pk", None) else None,
                    deleted=deleted,
                    data=state,
                )
        except IntegrityError:
            continue  # another change of this object took the number at the same moment
    return None


def _is_plain_field(model, name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except Exception:
        return False
    return field.concrete and not field.is_relation


def _filing_changed(event: events.FilingChanged) -> None:
    object_revision_record(
        model=apps.get_model(event.model),
        object_id=event.object_id,
        by=event.by,
        state=event.state,
        deleted=event.deleted,
    )


def _image_changed(event: events.ImageChanged) -> None:
    if event.renditions_only:
        return
    object_revision_record(
        model=apps.get_model("media.Image"),
        object_id=event.image_id,
        by=event.by,
        state=event.state,
        deleted=event.deleted,
    )


def _embed_changed(event: events.EmbedChanged) -> None:
    object_revision_record(
        model=apps.get_model("media.Embed"),
        object_id=event.embed_id,
        by=event.by,
        state=event.state,
        deleted=event.deleted,
    )


def connect() -> None:
    """Subscribe to the events (ArticlesConfig.ready)."""
    events.subscribe(events.FilingChanged, _filing_changed)
    events.subscribe(events.ImageChanged, _image_changed)
    events.subscribe(events.EmbedChanged, _embed_changed)
