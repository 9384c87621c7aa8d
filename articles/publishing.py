"""What an article needs before readers may see it: the publishing requirements.

The publish services ask here before anything goes live, so no way of publishing (the
admin's button, the review queue, a bulk action, a command) skips them. The errors are
keyed by the field that needs attention (`title_en`, `body_nl`, `lead_image`, `bylines`),
so the admin shows each one where the editor fixes it.

- The source language: a title and a body (an article without its original is no story).
- Each language being published: a title and a body in that language, and, when the
  article has a lead image, its alt text in that language (readers who cannot see the
  picture are told what it shows, in their language).
- At least one byline: every story says who stands behind it.
"""

from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from newsroom.languages import column, language_name, localized

from .diff import paragraphs


def _has_body(html: str) -> bool:
    # A body of empty paragraphs (<p></p>, what an emptied editor leaves) is no body.
    return bool(paragraphs(html or ""))


def publishing_errors(
    article,
    *,
    languages: Iterable[str],
    bylines: Sequence[int] | None = None,
    lead_image=None,
) -> dict[str, list[str]]:
    """What stops `article` (as it would go live) being published in `languages`.

    `article` is the version that would go live (the live row with its pending changes
    applied); `bylines` are its author ids as they would go live (the article's saved
    bylines when None); `lead_image` the image (the article's own when None). Publishing
    the article as such means publishing its source language: pass it in `languages`.
    Returns {field: [messages]}, empty when nothing is missing.
    """
    errors: dict[str, list[str]] = {}
    source = article.source_language
    wanted = list(dict.fromkeys(languages))
    for code in wanted:
        name = language_name(code)
        if not localized(article, "title", code):
            message = (
                _("The source-language title is required.")
                if code == source
                else _("The %(language)s version needs a title before it can be published.")
                % {"language": name}
            )
            errors.setdefault(column("title", code), []).append(message)
        if not _has_body(localized(article, "body", code)):
            message = (
                _("The story needs a body in its source language before it can be published.")
                if code == source
                else _("The %(language)s version needs a body before it can be published.")
                % {"language": name}
            )
            errors.setdefault(column("body", code), []).append(message)
    image = lead_image if lead_image is not None else _lead_image(article)
    if image is not None:
        missing = [code for code in wanted if not localized(image, "alt_text", code)]
        if missing:
            errors.setdefault("lead_image", []).append(
                _(
                    "The lead image needs alt text in %(languages)s before the story is "
                    "published in that language: describe what the picture shows."
                )
                % {"languages": ", ".join(language_name(code) for code in missing)}
            )
    if bylines is None:
        bylines = list(article.bylines.values_list("author_id", flat=True)) if article.pk else []
    if not bylines:
        errors.setdefault("bylines", []).append(
            _("Add at least one byline before the story is published.")
        )
    return errors


def _lead_image(article):
    if not article.lead_image_id:
        return None
    return article.lead_image


def require_publishable(article, *, languages: Iterable[str], **given) -> None:
    """Raise a ValidationError keyed by field when publishing_errors() finds anything."""
    errors = publishing_errors(article, languages=languages, **given)
    if errors:
        raise ValidationError(errors, code="publishing_requirements")
