"""The translation desk: what a translator has to do, in their languages (issue 9, point 1).

A work item is one article in one language whose version is missing, in progress, sent back
by a reviewer, or outdated (its source text changed since it was translated), with the
texts of that article's tags, section, pictures and videos that lack the language. Reads
only: the desk links to the article form, where the work is saved through the services.

The page costs a fixed number of queries however many articles it lists: the counts per
state, one page of items (with article, section and lead picture), then the tags and the
placed pictures and videos of that page's articles, one query each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from newsroom.languages import language_codes, localized

from . import policy
from .models import Article, ArticleVariant, PendingChange, Placement, TaggedArticle

MISSING = "missing"
IN_PROGRESS = "in_progress"
SENT_BACK = "sent_back"
OUTDATED = "outdated"

# The desk's states, in the order its filter and counts show them.
STATES = {
    MISSING: _("Missing"),
    IN_PROGRESS: _("In progress"),
    SENT_BACK: pgettext_lazy("pending change state", "Sent back"),
    OUTDATED: _("Outdated"),
}

# The texts of an article's pictures and videos a translator fills in, by kind; a text
# counts as lacking only when some language has it (a picture without a caption lacks none),
# except an alt text, which every picture needs.
IMAGE_TEXTS = ("alt_text", "caption", "content_warning")
EMBED_TEXTS = ("title", "caption", "content_warning")

TEXT_LABELS = {
    "alt_text": _("alt text"),
    "caption": _("caption"),
    "content_warning": _("content warning"),
    "title": _("title"),
    "name": _("name"),
    "caption_override": _("caption for this article"),
}


def desk_languages(user) -> list[str]:
    """The languages `user`'s desk covers: an editor's every language, a translator's their
    assigned ones (site order), anyone else's none."""
    if policy.may_review(user) or getattr(user, "is_superuser", False):
        return language_codes()
    assigned = policy.assigned_languages(user)
    return [code for code in language_codes() if code in assigned]


@dataclass(frozen=True)
class Lacking:
    """A tag, section, picture or video of the article without some text in the language."""

    kind: str  # "tag", "section", "image", "embed", "placement"
    obj: object
    texts: tuple[str, ...]

    @property
    def labels(self) -> list[str]:
        return [str(TEXT_LABELS[name]) for name in self.texts]


@dataclass
class WorkItem:
    """One article in one language that needs a translator."""

    article: Article
    language: str
    variant: ArticleVariant
    states: list[str]
    sent_back_note: str = ""
    lacking: list[Lacking] = field(default_factory=list)

    @property
    def state_labels(self) -> list[str]:
        return [str(STATES[state]) for state in self.states]


def _sent_back():
    return PendingChange.objects.filter(
        article=OuterRef("article"),
        language=OuterRef("language"),
        state=PendingChange.State.SENT_BACK,
    )


def _outdated_q() -> Q:
    # Keep in step with ArticleVariant.is_outdated (the source language is excluded below).
    missing = Q(state=ArticleVariant.State.MISSING)
    return ~missing & Q(source_version__lt=F("article__source_version"))


def work_queryset(
    *, languages, language: str | None = None, section: int | None = None, state: str | None = None
):
    """The language versions on the desk: `languages` (or only `language`, when it is one of
    them), optionally of one section and in one desk state; newest publication first
    (stories not yet published last, newest written first)."""
    codes = [language] if language in languages else list(languages)
    variants = (
        ArticleVariant.objects.filter(language__in=codes)
        .exclude(language=F("article__source_language"))
        .exclude(article__status=Article.Status.ARCHIVED)
        .annotate(desk_sent_back=Exists(_sent_back()))
    )
    conditions = {
        MISSING: Q(state=ArticleVariant.State.MISSING),
        IN_PROGRESS: Q(state=ArticleVariant.State.IN_PROGRESS),
        SENT_BACK: Q(desk_sent_back=True),
        OUTDATED: _outdated_q(),
    }
    wanted = Q()
    for condition in conditions.values():
        wanted |= condition
    variants = variants.filter(conditions[state] if state in conditions else wanted)
    if section:
        variants = variants.filter(article__section_id=section)
    return variants, conditions


def work_counts(*, languages, language: str | None = None, section: int | None = None) -> dict:
    """How many items the desk has in each state (with the language and section filters,
    not the state filter), in one query."""
    variants, conditions = work_queryset(languages=languages, language=language, section=section)
    totals = variants.aggregate(
        total=Count("pk"), **{name: Count("pk", filter=q) for name, q in conditions.items()}
    )
    return {name: totals[name] or 0 for name in (*STATES, "total")}


def work_ordered(variants):
    """work_queryset() in the desk's order, with each item's article, section and lead
    picture: newest publication first, stories not yet published after, newest first."""
    return variants.select_related("article", "article__section", "article__lead_image").order_by(
        F("article__published_at").desc(nulls_last=True),
        "-article__created_at",
        "article_id",
        "language",
    )


def work_items(rows) -> list[WorkItem]:
    """The work items of a page of work_ordered(), with what each lacks (two queries)."""
    rows = list(rows)
    article_ids = {row.article_id for row in rows}
    tags, placements = {}, {}
    for link in TaggedArticle.objects.filter(content_object_id__in=article_ids).select_related(
        "tag"
    ):
        tags.setdefault(link.content_object_id, []).append(link.tag)
    for placement in Placement.objects.filter(article_id__in=article_ids).select_related(
        "image", "embed"
    ):
        placements.setdefault(placement.article_id, []).append(placement)
    notes = _sent_back_notes(rows)
    items = []
    for variant in rows:
        article, code = variant.article, variant.language
        states = []
        if variant.state == ArticleVariant.State.MISSING:
            states.append(MISSING)
        elif variant.state == ArticleVariant.State.IN_PROGRESS:
            states.append(IN_PROGRESS)
        if variant.desk_sent_back:
            states.append(SENT_BACK)
        if variant.is_outdated:
            states.append(OUTDATED)
        items.append(
            WorkItem(
                article=article,
                language=code,
                variant=variant,
                states=states,
                sent_back_note=notes.get((article.pk, code), ""),
                lacking=lacking(
                    article, code, tags.get(article.pk, []), placements.get(article.pk, [])
                ),
            )
        )
    return items


def _sent_back_notes(rows) -> dict:
    wanted = [(row.article_id, row.language) for row in rows if row.desk_sent_back]
    if not wanted:
        return {}
    q = Q()
    for article_id, code in wanted:
        q |= Q(article_id=article_id, language=code)
    changes = PendingChange.objects.filter(q, state=PendingChange.State.SENT_BACK)
    return {(c.article_id, c.language): c.comment for c in changes}


def _missing(obj, names, code, always=()) -> tuple[str, ...]:
    found = []
    for name in names:
        if localized(obj, name, code):
            continue
        if name in always or any(localized(obj, name, other) for other in language_codes()):
            found.append(name)
    return tuple(found)


def lacking(article: Article, code: str, tags, placements) -> list[Lacking]:
    """The article's section, tags, lead picture and placed pictures and videos (with their
    per-article captions) that lack text in `code`, each once."""
    found = []
    if article.section is not None and (texts := _missing(article.section, ["name"], code)):
        found.append(Lacking("section", article.section, texts))
    for tag in sorted(tags, key=lambda t: str(t).casefold()):
        if texts := _missing(tag, ["name"], code):
            found.append(Lacking("tag", tag, texts))
    seen = set()
    images = [article.lead_image] if article.lead_image is not None else []
    images += [p.image for p in placements if p.image is not None]
    for image in images:
        if ("image", image.pk) in seen:
            continue
        seen.add(("image", image.pk))
        if texts := _missing(image, IMAGE_TEXTS, code, always={"alt_text"}):
            found.append(Lacking("image", image, texts))
    for placement in placements:
        if placement.embed is not None and ("embed", placement.embed.pk) not in seen:
            seen.add(("embed", placement.embed.pk))
            if texts := _missing(placement.embed, EMBED_TEXTS, code):
                found.append(Lacking("embed", placement.embed, texts))
        if texts := _missing(placement, ["caption_override"], code):
            found.append(Lacking("placement", placement, texts))
    return found
