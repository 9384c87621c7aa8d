"""The source text a translation was made from, and what changed in it since.

Article.source_version counts changes of the source language's title, standfirst and body
on the live row; SourceText keeps that text at each version (written by
services.article_saved). A translation records the version it was brought up to date with
(ArticleVariant.source_version), so its editor can show the source's changes since then,
per field and per paragraph (articles/diff.py), and the translator updates only those.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsroom.languages import localized

from . import diff
from .models import Article, ArticleVariant, SourceText

# The fields whose change in the source language raises Article.source_version.
SOURCE_FIELDS = ("title", "standfirst", "body")


def source_text_of(article: Article) -> dict:
    """The article's source-language title, standfirst and body as they stand on the row."""
    return {field: localized(article, field, article.source_language) for field in SOURCE_FIELDS}


def source_text_record(*, article: Article) -> SourceText:
    """Keep the source text at the article's current source version (once per version).

    Bookkeeping inside article_saved's transaction, not a write of its own: when the save
    rolls back (a refused save, the trial write of a pending change), so does this row.
    """
    kept, _created = SourceText.objects.get_or_create(
        article=article,
        version=article.source_version,
        defaults={"language": article.source_language, "text": source_text_of(article)},
    )
    return kept


@dataclass(frozen=True)
class SourceChanges:
    """What changed in the source since a translation was brought up to date.

    `since` is the version the translation was made from, `now` the current one. `kept`
    is False when the text of `since` was not kept (versions from before texts were kept):
    the editor then says so and shows the current source. `changed_at` is when the current
    version was written (None when unknown).
    """

    language: str
    since: int
    now: int
    kept: bool
    diff: diff.Diff
    changed_at: datetime | None = None


def _snapshot(language: str, text: dict) -> dict:
    return {"text": {language: {field: text.get(field, "") for field in SOURCE_FIELDS}}}


def source_changes(
    *,
    variant: ArticleVariant,
    texts: dict[int, SourceText] | None = None,
    name: diff.Name | None = None,
):
    """The source's changes since `variant` was brought up to date (None when it is not
    outdated). `texts` ({version: SourceText}) is what the caller has read already;
    otherwise the two versions are read in one query. `name` is diff.compare's (it says
    what a placed picture or video is)."""
    article = variant.article
    if not variant.is_outdated:
        return None
    since, now = variant.source_version, article.source_version
    if texts is None:
        texts = {
            t.version: t
            for t in SourceText.objects.filter(article=article, version__in=[since, now])
        }
    current = texts.get(now)
    current_text = current.text if current is not None else source_text_of(article)
    old = texts.get(since)
    language = article.source_language
    if old is None or old.language != language:
        return SourceChanges(
            language, since, now, kept=False, diff=diff.Diff(), changed_at=_when(current)
        )
    result = diff.compare(
        _snapshot(language, old.text),
        _snapshot(language, current_text),
        languages=[language],
        name=name,
    )
    return SourceChanges(language, since, now, kept=True, diff=result, changed_at=_when(current))


def _when(text: SourceText | None) -> datetime | None:
    return text.created_at if text is not None else None
