"""Placed pictures and videos: keeping Placement rows in step with the body references.

The source-language body is where an editor places items (the editor node writes a
reference, articles/body.py); translations carry copies of those references wherever
their text puts them. A translation that lacks one its source has is a gap: the admin
warns about it until an editor accepts it for that language (the placement inline's
"left out on purpose in", saved with the article through its services, which check who
may change placed items).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from media.models import Embed, Image
from newsroom.languages import language_codes, localized

from . import body
from .models import Article, Placement


@transaction.atomic
def placements_sync(*, article: Article, by=None) -> list[Placement]:
    """Create a Placement for each key a body refers to that has none yet.

    Editors insert items in the source body; a translator may insert one in a translation
    too (it then shows in that language only), so every body is read, the source first.
    A new key names its item (`image-12`, `embed-3`); a key whose item does not exist is
    left alone and renders nothing. Placements the body no longer refers to are kept
    (their translated captions stay), as is everything an editor set on existing ones.
    Returns the placements created.
    """
    order = [article.source_language, *language_codes()]
    keys = [
        key
        for code in dict.fromkeys(order)
        for key in body.references(localized(article, "body", code))
    ]
    existing = set(article.placements.values_list("key", flat=True))
    wanted = {}
    for key in keys:
        parsed = body.parse_key(key)
        if key not in existing and parsed is not None:
            wanted[key] = parsed
    image_ids = {pk for kind, pk in wanted.values() if kind == "image"}
    embed_ids = {pk for kind, pk in wanted.values() if kind == "embed"}
    images = Image.objects.in_bulk(image_ids) if image_ids else {}
    embeds = Embed.objects.in_bulk(embed_ids) if embed_ids else {}
    created = []
    for key, (kind, pk) in wanted.items():
        item = (images if kind == "image" else embeds).get(pk)
        if item is None:
            continue
        placement = Placement(article=article, key=key, **{kind: item})
        placement.full_clean(exclude=["article"])
        placement.save()
        created.append(placement)
    return created


@dataclass(frozen=True)
class Gap:
    """A placement the source body has and the body in `language` lacks."""

    language: str
    placement: Placement


def placement_gaps(article: Article) -> list[Gap]:
    """Every unaccepted gap, by language (site order), then by place in the source body.

    Only languages with a body count: a translation not started has nothing to fix yet.
    """
    source = article.source_language
    source_keys = body.references(localized(article, "body", source) or "")
    if not source_keys:
        return []
    placements = {p.key: p for p in article.placements.all()}
    gaps = []
    for code in language_codes():
        text = localized(article, "body", code)
        if code == source or not text:
            continue
        present = set(body.references(text))
        for key in source_keys:
            placement = placements.get(key)
            if (
                placement is not None
                and key not in present
                and code not in (placement.accepted_gaps or [])
            ):
                gaps.append(Gap(code, placement))
    return gaps
