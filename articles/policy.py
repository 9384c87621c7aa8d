"""Who may change what in a story: the newsroom's roles, decided on the server.

The services ask this module before they write, so a crafted request cannot do what the
form hides. The roles are groups of permissions (made by the migration
0007_newsroom_groups); what a person may do follows from the permissions they hold, so
a group an administrator adjusts keeps working:

- editor: articles.publish_article. Changes everything, publishes, reviews.
- reporter: articles.add_article without publishing. Writes stories and submits them for
  review; changes their own stories (Article.created_by) and stories that were never
  published, never another's published story.
- translator: articles.change_article only. Changes the translated text of the languages
  in their TranslatorProfile, never the source language's text or anything shared
  (status, publication time, section, lead image, bylines, tags, placements, slugs of the
  source, the source-language choice).
- chief: a superuser or a holder of auth.change_user (the "Chief editors" group). Manages
  accounts, groups and translators' languages; what they may do to stories comes from the
  other groups they are in.

`changed` names what a write changes as model field or column names: "title_nl",
"section", "status", "published_at", "lead_image", "source_language", "slug_en",
"bylines", "tags", "placements", "caption_override_nl" (a placed item's caption in one
language), "linked_nl" (the Dutch texts of the pictures, videos, tags and section the story
shows, articles/linked.py) and "variant_nl" (the state of one language version).
"""

import re

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.utils.translation import gettext as _

from newsroom.languages import column, language_codes, language_name

from .translation import ARTICLE_TEXT_FIELDS

CHIEF_EDITORS = "Chief editors"
EDITORS = "Editors"
REPORTERS = "Reporters"
TRANSLATORS = "Translators"

# The article's translated fields (articles/translation.py); a translator may write their
# languages' columns of these, and of a placed item's caption.
TRANSLATED_FIELDS = ARTICLE_TEXT_FIELDS
CAPTION = "caption_override"
VARIANT = "variant"
# One language's texts of the pictures, videos, tags and section a story shows
# (articles/linked.py): "linked_nl".
LINKED = "linked"
TRANSLATABLE = (*TRANSLATED_FIELDS, CAPTION, VARIANT, LINKED)


class ChangeRefused(PermissionDenied):
    """A write the acting user may not make; `field` names the first refused change."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def _active(user) -> bool:
    return user is not None and getattr(user, "is_active", False)


def assigned_languages(user) -> set[str]:
    """The languages `user` translates into (their TranslatorProfile), else none."""
    if not _active(user) or not getattr(user, "pk", None):
        return set()
    cached = getattr(user, "_newsroom_languages", None)
    if cached is None:
        from .models import TranslatorProfile

        profile = TranslatorProfile.objects.filter(user=user).first()
        cached = frozenset(profile.languages if profile is not None else ())
        user._newsroom_languages = cached
    return set(cached) & set(language_codes())


def _writer(user) -> str | None:
    """The user's role towards stories: "editor", "reporter", "translator" or None."""
    if not _active(user):
        return None
    if user.has_perm("articles.publish_article"):
        return "editor"
    if user.has_perm("articles.add_article"):
        return "reporter"
    if user.has_perm("articles.change_article"):
        return "translator"
    return None


def role(user) -> str | None:
    """The user's role: "chief", "editor", "reporter", "translator" or None."""
    if not _active(user):
        return None
    if user.is_superuser or user.has_perm("auth.change_user"):
        return "chief"
    return _writer(user)


def may_publish(user, article=None, language: str | None = None) -> bool:
    """Whether `user` may put the article (or one language version of it) on the site,
    take it off, reschedule it or publish pending changes: editors only."""
    return _writer(user) == "editor"


def may_review(user) -> bool:
    """Whether `user` may approve or send back what others submitted: editors only."""
    return _writer(user) == "editor"


def _was_published(article) -> bool:
    return article.status == article.Status.PUBLISHED or article.first_published_at is not None


def owns(user, article) -> bool:
    """Whether `user` created the article (a new, unsaved article is theirs)."""
    if article.pk is None:
        return True
    return article.created_by_id is not None and article.created_by_id == getattr(user, "pk", None)


def _split(name: str) -> tuple[str, str | None]:
    """("title", "nl") for "title_nl"; (name, None) when it is not one language's column."""
    for code in language_codes():
        suffix = f"_{code}"
        if name.endswith(suffix):
            return name[: -len(suffix)], code
    return name, None


def _label(name: str) -> str:
    """A changed name as a person reads it: "the Dutch title", "the section"."""
    from .models import Article

    base, code = _split(name)
    if base == VARIANT and code:
        return _("the state of the %(language)s version") % {"language": language_name(code)}
    if base == CAPTION and code:
        return _("a placed item's %(language)s caption") % {"language": language_name(code)}
    if base == LINKED and code:
        return _("the %(language)s texts of its pictures, videos, tags and section") % {
            "language": language_name(code)
        }
    labels = {
        SHARED_PART: _("the shared fields, bylines, tags and placed items"),
        "bylines": _("the bylines"),
        "tags": _("the tags"),
        "placements": _("the placed pictures and videos"),
    }
    if name in labels:
        return labels[name]
    if code and base in TRANSLATED_FIELDS:
        return _("the %(field)s in %(language)s") % {
            "field": Article._meta.get_field(base).verbose_name,
            "language": language_name(code),
        }
    try:
        return _("the %(field)s") % {"field": Article._meta.get_field(name).verbose_name}
    except FieldDoesNotExist:
        return name


def check_change(*, by, article, changed: set[str]) -> None:
    """Refuse (ChangeRefused, a PermissionDenied naming the field) a write of `changed` to
    `article` that `by` may not make; return quietly when every change is allowed.

    `article` is the story as stored before this write (its source language, owner and
    whether it was ever published decide). Call it before writing, inside the write's
    transaction, so a refusal changes nothing.
    """
    if not changed:
        return
    writer = _writer(by)
    ordered = sorted(changed)
    if writer == "editor":
        return
    if writer == "reporter":
        if _was_published(article) and not owns(by, article):
            raise ChangeRefused(
                _("Only its reporter or an editor may change a published story."),
                field=_field(ordered[0]),
            )
        return
    if writer == "translator":
        allowed = assigned_languages(by)
        source = article.source_language
        for name in ordered:
            base, code = _split(name)
            translatable = code is not None and base in TRANSLATABLE
            if not translatable:
                raise ChangeRefused(
                    _("Translators may not change %(field)s.") % {"field": _label(name)},
                    field=_field(name),
                )
            if code == source:
                raise ChangeRefused(
                    _(
                        "Translators may not change %(field)s: %(language)s is this "
                        "story's source language."
                    )
                    % {"field": _label(name), "language": language_name(code)},
                    field=_field(name),
                )
            if code not in allowed:
                raise ChangeRefused(
                    _(
                        "You may not change %(field)s: you are not assigned to "
                        "translate into %(language)s."
                    )
                    % {"field": _label(name), "language": language_name(code)},
                    field=_field(name),
                )
        return
    raise ChangeRefused(_("You do not have permission to change this story."))


SHARED_PART = "shared"


def part_name(language: str) -> str:
    """The name check_change takes for one part of a pending change: "variant_nl" for a
    language's text, "shared" for the shared fields, byline, tags and placed items."""
    return f"{VARIANT}_{language}" if language else SHARED_PART


def _field(name: str) -> str | None:
    """The form field a refusal belongs on (None for parts that are inlines)."""
    base, _code = _split(name)
    if name in ("bylines", "tags", "placements", SHARED_PART) or base in (CAPTION, VARIANT, LINKED):
        return None
    return name


# -- What a write changes --

_TAGS = re.compile(r"<[^>]+>")
_BETWEEN_TAGS = re.compile(r">\s+<")


def _same_html(field, old: str, new: str) -> bool:
    """Whether two bodies are the same once sanitized: an editor that sends back the stored
    text in its own spelling (or "<p></p>" for an empty body) has not changed it."""
    old, new = (field.sanitize(v) if v else "" for v in (old or "", new or ""))
    old, new = (_BETWEEN_TAGS.sub("><", v).strip() for v in (old, new))
    if old == new:
        return True
    empty = (not _TAGS.sub("", v).strip() and "<figure" not in v for v in (old, new))
    return all(empty)


def _second(moment):
    # The admin's form shows times to the second: saving one unchanged is not a change.
    return moment.replace(microsecond=0) if moment is not None else None


def changed_fields(before, after) -> set[str]:
    """The article's own fields and columns that differ between two versions of the row
    (`before` as stored, `after` as about to be written)."""
    changed = set()
    for field in type(after)._meta.concrete_fields:
        # The untranslated names of translated fields only mirror one language's column.
        if not field.editable or field.primary_key or field.name in TRANSLATED_FIELDS:
            continue
        old, new = getattr(before, field.attname), getattr(after, field.attname)
        if field.name == "published_at":
            old, new = _second(old), _second(new)
        elif _split(field.name)[0] == "body":
            if _same_html(field, old, new):
                continue
        elif isinstance(old, str) or isinstance(new, str):
            old, new = old or "", new or ""
        if old != new:
            changed.add(field.name)
    return changed


def changed_bylines(article, authors) -> set[str]:
    """{"bylines"} when `authors` (in order) is not the article's stored byline."""
    if authors is None:
        return set()
    wanted = list(dict.fromkeys(getattr(author, "pk", author) for author in authors))
    stored = list(article.bylines.order_by("position", "pk").values_list("author_id", flat=True))
    return {"bylines"} if wanted != stored else set()


def changed_tags(article, tags) -> set[str]:
    """{"tags"} when `tags` are not the article's stored tags."""
    if tags is None:
        return set()
    wanted = {getattr(tag, "pk", tag) for tag in tags}
    stored = set(article.tags.values_list("pk", flat=True))
    return {"tags"} if wanted != stored else set()


def placements_state(article) -> dict:
    """The article's placed items as comparable values, by key (see changed_placements)."""
    from .models import Placement

    captions = [column(CAPTION, code) for code in language_codes()]
    rows = Placement.objects.filter(article=article).values(
        "key", "image_id", "embed_id", "accepted_gaps", *captions
    )
    return {row["key"]: row for row in rows}


def changed_placements(before: dict, after: dict) -> set[str]:
    """ "placements" when items were placed, removed or swapped, and "caption_override_nl"
    for each language whose caption of a placed item changed."""
    changed = set()
    if before.keys() != after.keys():
        changed.add("placements")
    for key in before.keys() & after.keys():
        for name, value in after[key].items():
            if (before[key][name] or "") != (value or ""):
                changed.add(name if _split(name)[0] == CAPTION else "placements")
    return changed


def snapshot_changes(before: dict, after: dict) -> set[str]:
    """The names check_change takes for what differs between two article snapshots
    (articles/revisions.py): "section", "bylines", "title_nl", "caption_override_nl", …"""
    from . import revisions

    changed = {
        field if part == revisions.SHARED else column(field, part)
        for part, field in revisions.changed_fields(before, after)
    }
    if "placements" in changed:
        changed.discard("placements")
        changed |= _placement_changes(before.get("placements", []), after.get("placements", []))
    return changed


def _placement_changes(before: list, after: list) -> set[str]:
    """ "placements" when items were placed, removed or swapped; "caption_override_nl" for
    each language whose caption of a placed item changed."""

    def rest(row):
        return {k: v for k, v in row.items() if k != CAPTION}

    if [rest(row) for row in before] != [rest(row) for row in after]:
        return {"placements"}
    changed = set()
    for old, new in zip(before, after, strict=True):
        old_captions, new_captions = old.get(CAPTION) or {}, new.get(CAPTION) or {}
        for code in set(old_captions) | set(new_captions):
            if (old_captions.get(code) or "") != (new_captions.get(code) or ""):
                changed.add(column(CAPTION, code))
    return changed
