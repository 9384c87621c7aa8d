"""The translation desk page (articles/desk.py reads it): a translator's worklist in their
languages, an editor's in every language, with filters, counts per state and one link per
item to the article form opened on that language."""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from newsroom.languages import language_name, localized, text_direction

from .. import desk, selectors, services
from ..models import Article, ArticleVariant, Section, SourceText, TranslationDesk
from ..sourcetexts import source_changes
from . import review as review_admin

PER_PAGE = 50

ADMIN_URLS = {
    "section": "admin:articles_section_change",
    "tag": "admin:articles_tag_change",
    "image": "admin:media_image_change",
    "embed": "admin:media_embed_change",
}


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@admin.register(TranslationDesk)
class TranslationDeskAdmin(review_admin.PageEntryAdmin):
    """The desk's entry in the admin index and sidebar; its list page is the desk."""

    def get_urls(self):
        return [
            path(
                "",
                self.admin_site.admin_view(self.changelist_view),
                name="articles_translationdesk_changelist",
            )
        ]

    def changelist_view(self, request, extra_context=None):
        """The desk: ?language=nl, ?section=3, ?state=outdated, ?page=2."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        languages = desk.desk_languages(request.user)
        language = request.GET.get("language") or None
        language = language if language in languages else None
        section = _int(request.GET.get("section"))
        state = request.GET.get("state") or None
        state = state if state in desk.STATES else None
        counts = desk.work_counts(languages=languages, language=language, section=section)
        variants, _conditions = desk.work_queryset(
            languages=languages, language=language, section=section, state=state
        )
        paginator = Paginator(desk.work_ordered(variants), PER_PAGE)
        # The counts say how many there are: the paginator need not count again.
        paginator.count = counts[state] if state else counts["total"]
        page = paginator.get_page(request.GET.get("page"))
        items = desk.work_items(page.object_list) if paginator.count else []
        filters = {"language": language, "section": section, "state": state}

        def url(**changes):
            query = {k: v for k, v in {**filters, **changes}.items() if v}
            return "?" + urlencode(query) if query else "?"

        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "title": gettext("Translation desk"),
            "has_view_permission": True,
            "items": [self._row(item) for item in items],
            "page": page,
            "paginator": paginator,
            "counts": counts,
            "states": [
                {
                    "code": code,
                    "name": name,
                    "count": counts[code],
                    "url": url(state=code, page=None),
                    "current": state == code,
                }
                for code, name in desk.STATES.items()
            ],
            "all_states_url": url(state=None, page=None),
            "languages": [
                {
                    "code": code,
                    "name": language_name(code),
                    "url": url(language=code, page=None),
                    "current": language == code,
                }
                for code in languages
            ],
            "all_languages_url": url(language=None, page=None),
            "sections": [
                {"pk": s.pk, "name": str(s), "url": url(section=s.pk, page=None)}
                for s in Section.objects.all()
            ],
            "all_sections_url": url(section=None, page=None),
            "filters": filters,
            "previous_url": url(page=page.previous_page_number()) if page.has_previous() else "",
            "next_url": url(page=page.next_page_number()) if page.has_next() else "",
            "assigned": bool(languages),
        }
        return TemplateResponse(request, "admin/articles/desk/desk.html", context)

    @staticmethod
    def _row(item: desk.WorkItem) -> dict:
        article, code = item.article, item.language
        change = reverse("admin:articles_article_change", args=[article.pk])
        lacking = []
        for entry in item.lacking:
            if entry.kind == "placement":
                url = change + f"?language={code}#placements-group"
                name = gettext("Caption of %(item)s in this story") % {"item": entry.obj}
            else:
                url = reverse(ADMIN_URLS[entry.kind], args=[entry.obj.pk])
                name = str(entry.obj)
            lacking.append(
                {
                    "kind": entry.kind,
                    "name": name,
                    "url": url,
                    "texts": entry.labels,
                }
            )
        source = article.source_language
        # The title in the language being translated into when it has one, else the
        # original's; either way marked with its language (an English title in the Arabic
        # admin is laid out left to right).
        title_language = code if localized(article, "title", code) else source
        return {
            "article": article,
            "title": localized(article, "title", title_language) or f"#{article.pk}",
            "title_lang": title_language,
            "title_dir": text_direction(title_language),
            "language": code,
            "language_name": language_name(code),
            "dir": text_direction(code),
            "source_name": language_name(source),
            "states": [{"code": s, "name": desk.STATES[s]} for s in item.states],
            "note": item.sent_back_note,
            "source_version": article.source_version,
            "translated_from": item.variant.source_version,
            "url": f"{change}?language={code}",
            "lacking": lacking,
        }


class SourceChangesFormMixin:
    """ArticleAdmin mixin: on each outdated language the user may translate, the article
    form shows what changed in the source since that translation (per field, per
    paragraph), and a box that marks the translation up to date with the save: at once
    (services.variant_mark_up_to_date), or, on a live story whose text in that language
    waits for review, with that text when it is published (services.pending_mark_up_to_date):
    readers must not see the old text without the note that the original changed."""

    MARK = "_mark_up_to_date"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context["newsroom_source_changes"] = source_change_panels(request.user, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_marked_up_to_date(self, request, article) -> None:
        """After the save (ArticleAdmin.save_related, same transaction): mark the ticked
        languages up to date; a refusal undoes the whole save and shows on the form."""
        languages = request.POST.getlist(self.MARK)
        if not languages or getattr(request, "newsroom_conflict", None) is not None:
            return
        waiting = []
        for language in languages:
            if services.up_to_date_waits(article, language):
                mark = services.pending_mark_up_to_date
                waiting.append(language)
            else:
                mark = services.variant_mark_up_to_date
            self.save_through(
                lambda language=language, mark=mark: mark(
                    article=article, language=language, by=request.user
                )
            )
        request.newsroom_marked = languages
        request.newsroom_marked_waiting = waiting

    def response_change(self, request, obj):
        languages = getattr(request, "newsroom_marked", None)
        if not languages or getattr(request, "newsroom_conflict", None) is not None:
            return super().response_change(request, obj)
        waiting = getattr(request, "newsroom_marked_waiting", [])
        for language in languages:
            if language in waiting:
                text = gettext(
                    "The translation (%(language)s) will be marked up to date with the source "
                    "when its text is published."
                )
            else:
                text = gettext(
                    "The translation (%(language)s) is marked up to date with the source."
                )
            self.message_user(
                request, text % {"language": language_name(language)}, messages.SUCCESS
            )
        return super().response_change(request, obj)


def source_change_panels(user, article) -> list[dict]:
    """For each outdated language `user` may translate: what changed in the source since
    (sourcetexts.source_changes, presented as the review pages show a diff), and the mark
    waiting with its text, if any. Four queries when a language is outdated (and one per
    placed picture or video its diff names)."""
    codes = desk.desk_languages(user)
    variants = [
        v
        for v in ArticleVariant.objects.filter(article_id=article.pk, language__in=codes)
        if v.language != article.source_language
    ]
    stored = Article.objects.get(pk=article.pk)  # the live row: what "now" is
    for variant in variants:
        variant.article = stored
    outdated = [v for v in variants if v.is_outdated]
    if not outdated:
        return []
    # Marks waiting with their language's text for review (services.pending_mark_up_to_date).
    waiting = selectors.pending_marks(stored, [v.language for v in outdated])
    versions = {v.source_version for v in outdated} | {stored.source_version}
    texts = {t.version: t for t in SourceText.objects.filter(article=stored, version__in=versions)}
    panels, names = [], review_admin.Names()
    for variant in outdated:
        changes = source_changes(variant=variant, texts=texts, name=names)
        panels.append(
            {
                "code": variant.language,
                "name": language_name(variant.language),
                "source": language_name(changes.language),
                "source_code": changes.language,
                "dir": text_direction(changes.language),
                "since": changes.since,
                "now": changes.now,
                "kept": changes.kept,
                "changed_at": changes.changed_at,
                "groups": review_admin.present(changes.diff),
                "mark": SourceChangesFormMixin.MARK,
                "waiting": waiting.get(variant.language),
            }
        )
    return panels
