"""A translated XLIFF file back into the articles, as pending changes for review.

All or nothing: the whole file is checked first (schema, language, articles, units,
source hashes, inline codes) and any problem refuses it with a report and writes nothing;
then every article's translation is saved through services.article_save_draft, and the
texts of its section, tags, pictures and videos through services.linked_texts_save (the
one write path: permissions, revisions, pending changes, events), inside one transaction.
A linked text is saved through the article whose <file> holds its unit (the export puts a
picture shown by several stories under the first of them).

A unit whose target equals the translation as it stands is no change, so a file sent back
untouched writes nothing at all (no revision, no pending change).

`force` accepts units whose source changed since the export. They are imported where
their id says, and marked for review: the pending change's note (which the review queue
shows) and the revision's comment name them ("Translated from an older source text: …"),
and the language version keeps the source version it had, so it stays outdated until
someone marks it up to date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from newsroom.languages import column, language_codes, language_name

from . import policy, services, xliff
from .models import Article, Placement
from .xliff_export import article_units, articles_for_export, body_alignment, linked_name

FILE_ID = re.compile(r"^article-([1-9][0-9]{0,9})$")


@dataclass
class Problem:
    where: str  # a unit or file id, "" for the whole file
    message: str

    def __str__(self):
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class ArticleResult:
    article: Article
    changed: list[str] = field(default_factory=list)  # labels of the changed units
    forced: list[str] = field(default_factory=list)  # labels of units from an older source


@dataclass
class ImportReport:
    """What an import found and did, for the admin page and the command's output."""

    language: str = ""
    version: str = ""
    units: int = 0
    articles: list[ArticleResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return bool(self.problems)

    @property
    def changed_articles(self) -> list[ArticleResult]:
        return [result for result in self.articles if result.changed]

    @property
    def changed_units(self) -> int:
        return sum(len(result.changed) for result in self.articles)


class ImportRefused(Exception):
    """The file was refused; nothing was written. `report` says why."""

    def __init__(self, report: ImportReport):
        super().__init__("; ".join(str(p) for p in report.problems))
        self.report = report


def _may_translate(by, language: str) -> bool:
    if by is None or not by.has_perm("articles.change_article"):
        return False
    if by.has_perm("articles.publish_article") or by.has_perm("articles.add_article"):
        return True  # editors and reporters; the services check each story
    return language in policy.assigned_languages(by)


@dataclass
class _Planned:
    result: ArticleResult
    fields: dict
    captions: dict  # placement pk -> text
    linked: dict  # linked text name ("image:12.alt_text") -> text


def _plan_article(article, file, language, force, report) -> _Planned | None:
    result = ArticleResult(article)
    units = {unit.id: unit for unit in article_units(article, language)}
    body_targets: dict[int, xliff.Content] = {}
    fields, captions, texts = {}, {}, {}
    for unit in file.units:
        known = units.get(unit.id)
        if known is None:
            report.problems.append(
                Problem(unit.id, _("unknown unit: this article has no such text"))
            )
            continue
        if unit.target is None or not xliff.text_of(unit.target).strip():
            continue  # not translated: the translation stays as it is
        if xliff.normalized(unit.target) == xliff.normalized(known.current):
            continue  # the translation as it stands
        if problems := xliff.code_problems(known.source, unit.target):
            report.problems.append(Problem(unit.id, "; ".join(problems)))
            continue
        if unit.source_hash != known.source_hash:
            if not force:
                report.problems.append(
                    Problem(
                        unit.id,
                        _(
                            "the source text changed since this file was exported; export "
                            "again, or import with “force” to mark this text for review"
                        ),
                    )
                )
                continue
            result.forced.append(known.label)
        result.changed.append(known.label)
        kind, key = known.where
        if kind == "field":
            fields[column(key, language)] = xliff.to_text(unit.target).strip()
        elif kind == "caption":
            captions[key] = xliff.to_text(unit.target).strip()
        elif kind == "linked":
            texts[key] = xliff.to_text(unit.target).strip()
        else:
            existing = known.current or ()
            body_targets[key] = xliff.with_markup(known.source, unit.target, existing)
    if body_targets:
        fields[column("body", language)] = _body(article, language, body_targets)
    report.articles.append(result)
    if not result.changed:
        return None
    return _Planned(result, fields, captions, texts)


def _body(article, language, targets: dict[int, xliff.Content]) -> str:
    """The new body: the translation's own structure when its blocks line up with the
    source's (only the changed blocks replaced), else the source's structure with the
    translated blocks (blocks not translated yet are left out)."""
    from .xliff_export import _pending

    alignment = body_alignment(article, language, _pending(article))
    source_blocks = xliff.body_segments(alignment.source_html)
    if alignment.aligned:
        contents = [targets.get(i, block) for i, block in enumerate(alignment.blocks)]
        return xliff.body_rebuild(alignment.target_html, contents)
    contents = [targets.get(i) for i in range(len(source_blocks))]
    return xliff.body_rebuild(alignment.source_html, contents)


def _check_file(document: xliff.Document, by, report: ImportReport) -> dict[int, Article]:
    language = document.target_language
    if language not in language_codes():
        report.problems.append(
            Problem("", _("“%s” is not a language of this site.") % (language or "?"))
        )
        return {}
    if not _may_translate(by, language):
        report.problems.append(
            Problem(
                "",
                _("You are not assigned to translate into %(language)s.")
                % {"language": language_name(language)},
            )
        )
        return {}
    ids = {}
    for file in document.files:
        match = FILE_ID.match(file.id or "")
        if match is None:
            report.problems.append(Problem(file.id or "?", _("not an article of this site")))
        else:
            ids[file.id] = int(match.group(1))
    articles = articles_for_export(Article.objects.filter(pk__in=ids.values())).in_bulk()
    for file in document.files:
        article = articles.get(ids.get(file.id))
        if file.id in ids and article is None:
            report.problems.append(Problem(file.id, _("no such article (deleted?)")))
        elif article is not None and article.source_language != file.source_language:
            report.problems.append(
                Problem(
                    file.id,
                    _("the file says the source is %(file)s; the article is written in %(article)s")
                    % {
                        "file": language_name(file.source_language),
                        "article": language_name(article.source_language),
                    },
                )
            )
        elif article is not None and article.source_language == language:
            report.problems.append(
                Problem(file.id, _("this article is written in the file's target language"))
            )
    return articles


def _check_shared(document: xliff.Document, report: ImportReport) -> None:
    """A picture, tag or section's text given in two <file>s must say the same in both: the
    export writes it once, but files can be joined."""
    given: dict[str, tuple] = {}
    for file in document.files:
        for unit in file.units:
            if linked_name(unit.id) is None or unit.target is None:
                continue
            text = xliff.normalized(unit.target)
            if given.setdefault(unit.id, text) != text:
                report.problems.append(
                    Problem(unit.id, _("translated differently in two places of the file"))
                )


def xliff_import(*, data: bytes, by, force: bool = False, filename: str = "") -> ImportReport:
    """Import a translated XLIFF file (2.0 or 1.2) as `by`'s pending changes.

    Raises ImportRefused (with the report) and writes nothing when the file is malformed
    or not valid XLIFF, is for a language that is not a site language or not `by`'s, names
    unknown articles or units, has targets whose inline codes do not match the source, or
    (without `force`) translates a source that changed since the export. Returns the
    report of what was saved.
    """
    report = ImportReport()
    try:
        document = xliff.parse(data)
    except xliff.XliffError as error:
        report.problems.append(Problem("", str(error)))
        raise ImportRefused(report) from error
    report.language, report.version = document.target_language, document.version
    report.units = sum(len(file.units) for file in document.files)
    articles = _check_file(document, by, report)
    _check_shared(document, report)
    if report.refused:
        raise ImportRefused(report)
    plans = []
    for file in document.files:
        plan = _plan_article(
            articles[int(FILE_ID.match(file.id).group(1))],
            file,
            document.target_language,
            force,
            report,
        )
        if plan is not None:
            plans.append(plan)
    if report.refused:
        raise ImportRefused(report)
    try:
        with transaction.atomic():
            for plan in plans:
                _save(plan, language=document.target_language, by=by, filename=filename)
    except (PermissionDenied, ValidationError) as error:
        messages = getattr(error, "messages", None) or [str(error)]
        report.problems.append(Problem(file_id_of(plan), " ".join(str(m) for m in messages)))
        raise ImportRefused(report) from error
    return report


def file_id_of(plan: _Planned) -> str:
    return f"article-{plan.result.article.pk}"


def _save(plan: _Planned, *, language: str, by, filename: str) -> None:
    result = plan.result
    note = _("Imported from XLIFF%(file)s.") % {"file": f" ({filename})" if filename else ""}
    if result.forced:
        note += " " + _("Translated from an older source text, check: %(units)s.") % {
            "units": "; ".join(result.forced)
        }
    captions = plan.captions

    def write_captions(article):
        for pk, text in captions.items():
            Placement.objects.filter(pk=pk, article=article).update(
                **{column("caption_override", language): text}
            )

    if plan.linked:
        # First: a save of the article's fields after it gives the pending change the note.
        services.linked_texts_save(
            article=result.article, language=language, by=by, texts=plan.linked, note=note
        )
    if plan.fields or captions:
        services.article_save_draft(
            article=Article.objects.get(pk=result.article.pk),
            by=by,
            expected_version=None,
            related=write_captions if captions else None,
            note=note,
            **plan.fields,
        )
