"""The texts an article shows that live on other objects: its section's and tags' names, its
pictures' alt texts and captions, its videos' titles and warnings.

They are translated from the article's translation page but stored where they belong (one
Image row, one Tag identity, a column per language). A translator's text waits in the
article's pending change of that language, under the "linked" key of the revision data
({"linked": {"nl": {"image:12.alt_text": "…"}}}), and is written to its object when an
editor publishes that language or the article (services.linked_texts_save and
services._apply_pending).

A text's name is "<kind>:<pk>.<field>" ("image:12.alt_text"), `field` the model's field.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from newsroom.languages import column, localized

KINDS = ("section", "tag", "image", "embed")

# The fields translated here, per kind, in the order the page lists them. Those in
# IF_WRITTEN are listed only when the source language has a text (an image's warning,
# an embed's own caption): most objects have none, and an empty source needs no translation.
FIELDS = {
    "section": ("name",),
    "tag": ("name",),
    "image": ("alt_text", "caption", "content_warning"),
    "embed": ("title", "caption", "content_warning"),
}
IF_WRITTEN = {("image", "content_warning"), ("embed", "caption")}

LINKED = "linked"


@dataclass(frozen=True)
class LinkedText:
    """One translatable text of an object an article shows: `key` names the object
    ("image:12"), `field` its model field ("alt_text"), `label` says it for people."""

    key: str
    kind: str
    pk: int
    field: str
    label: str

    @property
    def name(self) -> str:
        """ "image:12.alt_text": how texts are keyed in linked_texts_save and the revision."""
        return f"{self.key}.{self.field}"


def models() -> dict:
    from media.models import Embed, Image

    from .models import Section, Tag

    return {"section": Section, "tag": Tag, "image": Image, "embed": Embed}


def split(name: str) -> tuple[str, int, str] | None:
    """("image", 12, "alt_text") for "image:12.alt_text"; None when it is not such a name."""
    key, _dot, field = name.partition(".")
    kind, _colon, pk = key.partition(":")
    if kind not in KINDS or field not in FIELDS[kind] or not pk.isascii() or not pk.isdigit():
        return None
    return kind, int(pk), field


def _ids(article) -> list[tuple[str, int]]:
    """(kind, pk) of the objects the article shows, in page order: section, tags, lead
    image, placed pictures, placed videos. A pending view's shared part counts (its tags,
    placements, section and lead image are what the translator sees)."""
    from .models import Placement

    found = []
    if article.section_id:
        found.append(("section", article.section_id))
    tags = getattr(article, "pending_tags", None)
    if tags is None:
        tags = list(article.tags.order_by("pk").values_list("pk", flat=True))
    found += [("tag", pk) for pk in sorted(tags)]
    if article.lead_image_id:
        found.append(("image", article.lead_image_id))
    rows = getattr(article, "pending_placements", None)
    if rows is None:
        rows = list(
            Placement.objects.filter(article=article).order_by("pk").values("image", "embed")
        )
    found += [("image", row["image"]) for row in rows if row.get("image")]
    found += [("embed", row["embed"]) for row in rows if row.get("embed")]
    return list(dict.fromkeys(found))


def objects(article) -> dict[str, object]:
    """The objects an article shows, by key ("image:12"), in page order; one query per kind."""
    ids = _ids(article)
    loaded = {}
    for kind, model in models().items():
        wanted = [pk for k, pk in ids if k == kind]
        if wanted:
            loaded.update({(kind, o.pk): o for o in model.objects.filter(pk__in=wanted)})
    return {f"{kind}:{pk}": loaded[kind, pk] for kind, pk in ids if (kind, pk) in loaded}


def _label(kind: str, obj, field: str, source: str) -> str:
    fields = {"section": ("name",), "tag": ("name",), "image": ("title", "alt_text")}
    texts = (localized(obj, f, source) for f in fields.get(kind, ("title",)))
    name = next((t for t in texts if t), "") or str(obj)
    what = {
        ("section", "name"): _("Section name"),
        ("tag", "name"): _("Tag name"),
        ("image", "alt_text"): _("Picture “%(name)s”: alt text"),
        ("image", "caption"): _("Picture “%(name)s”: caption"),
        ("image", "content_warning"): _("Picture “%(name)s”: content warning"),
        ("embed", "title"): _("Video or link “%(name)s”: title"),
        ("embed", "caption"): _("Video or link “%(name)s”: caption"),
        ("embed", "content_warning"): _("Video or link “%(name)s”: content warning"),
    }[kind, field]
    if kind in ("section", "tag"):
        return f"{what}: {name}"
    return what % {"name": name}


def linked_texts(article, *, loaded: dict | None = None) -> list[LinkedText]:
    """Every text of the objects `article` shows that is translated from its page: section,
    tags, lead image, placed pictures, embeds, in that order; each text once even when its
    object is shown twice."""
    loaded = objects(article) if loaded is None else loaded
    source = article.source_language
    items = []
    for key, obj in loaded.items():
        kind = key.partition(":")[0]
        for field in FIELDS[kind]:
            if (kind, field) in IF_WRITTEN and not localized(obj, field, source):
                continue
            items.append(LinkedText(key, kind, obj.pk, field, _label(kind, obj, field, source)))
    return items


def stored_text(language: str, name: str) -> str:
    """The stored text of `name` ("image:12.alt_text") in `language`; "" when none."""
    parsed = split(name)
    if parsed is None:
        return ""
    kind, pk, field = parsed
    obj = models()[kind].objects.filter(pk=pk).first()
    return localized(obj, field, language) if obj is not None else ""


def text_label(name: str) -> str:
    """What `name` ("image:12.alt_text") is, for people: "Picture “Dyke”: alt text"."""
    parsed = split(name)
    if parsed is None:
        return name
    kind, pk, field = parsed
    obj = models()[kind].objects.filter(pk=pk).first()
    if obj is None:
        return name
    from django.conf import settings

    return _label(kind, obj, field, settings.LANGUAGE_CODE)


def stored_value(obj, item: LinkedText, language: str) -> str:
    return localized(obj, item.field, language)


def _object(item: LinkedText):
    return models()[item.kind].objects.filter(pk=item.pk).first()


def source_value(article, item: LinkedText, language: str | None = None) -> str:
    """The text in the article's source language (or `language`), as stored."""
    obj = _object(item)
    return localized(obj, item.field, language or article.source_language) if obj else ""


def pending_texts(article, language: str) -> dict[str, str]:
    """The texts of `language` waiting in the article's pending change, by name."""
    from .models import PendingChange

    change = (
        PendingChange.objects.filter(article_id=article.pk, language=language)
        .select_related("revision")
        .first()
    )
    if change is None:
        return {}
    return dict(texts_in(change.revision.data, language))


def texts_in(data: dict, language: str) -> dict[str, str]:
    """The linked texts of `language` a revision's data carries."""
    return dict(((data or {}).get(LINKED) or {}).get(language) or {})


def value(article, item: LinkedText, language: str, *, pending: bool = True) -> str:
    """The text in `language`: the pending one when there is one (and `pending`), else the
    stored one; "" when there is none."""
    if pending:
        texts = getattr(article, "pending_linked", None)
        texts = texts.get(language, {}) if texts is not None else pending_texts(article, language)
        if item.name in texts:
            return texts[item.name]
    obj = _object(item)
    return localized(obj, item.field, language) if obj else ""


def apply(*, texts: dict[str, str], language: str, by) -> None:
    """Write pending texts of `language` to their objects through their services (`by` is
    who publishes them); inside the publication's transaction."""
    from media import services as media_services

    from . import services

    writers = {
        "section": lambda obj, **f: services.section_update(section=obj, by=by, **f),
        "tag": lambda obj, **f: services.tag_update(tag=obj, by=by, **f),
        "image": lambda obj, **f: media_services.image_update(image=obj, by=by, **f),
        "embed": lambda obj, **f: media_services.embed_update(embed=obj, by=by, **f),
    }
    by_object: dict[tuple[str, int], dict] = {}
    for name, text in texts.items():
        parsed = split(name)
        if parsed is None:
            continue
        kind, pk, field = parsed
        by_object.setdefault((kind, pk), {})[column(field, language)] = text
    for (kind, pk), fields in sorted(by_object.items()):
        obj = models()[kind].objects.filter(pk=pk).first()
        if obj is None:  # deleted since: nothing left to translate
            continue
        if any((getattr(obj, name) or "") != text for name, text in fields.items()):
            writers[kind](obj, **fields)
