"""Revisions and review in the article admin: an article's revision history with a readable
diff between any two and restore; submitting pending changes for review, the review queue
(what waits, by language, with its diff against the live version), publishing or sending
back with a note; and preview links.

Every action is a service call (articles/services.py, articles/previews.py), which checks
the permission; these views only show, ask and report.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from media.models import Embed, Image
from newsroom.admin import error_messages
from newsroom.languages import (
    active_language,
    language_codes,
    language_name,
    language_order,
    localized,
    text_direction,
)

from .. import body, diff, linked, policy, previews, review, revisions, selectors, services
from ..models import (
    Article,
    ArticleVariant,
    Author,
    PendingChange,
    ReviewQueue,
    Revision,
    Section,
    Tag,
)

SHARED_URL = "shared"  # the shared part ("" language) in an address
STORY_URL = "story"  # a story not yet published, reviewed as a whole


def part_code(value: str) -> str | None:
    """The part an address names ("shared" or a language code), or None."""
    if value == SHARED_URL:
        return revisions.SHARED
    return value if value in language_codes() else None


def part_url(code: str) -> str:
    return code or SHARED_URL


def part_name(code: str) -> str:
    return language_name(code) if code else gettext("Shared fields, byline, tags and media")


class Names:
    """Turns the ids and codes in a snapshot into what an editor reads (diff.compare's
    `name`), one query per object looked up, remembered for the page."""

    MODELS = {"section": Section, "lead_image": Image, "image": Image, "embed": Embed}

    def __init__(self):
        self.seen = {}

    def __call__(self, kind, value):
        if value in (None, ""):
            return ""
        if kind == "status":
            return str(dict(Article.Status.choices).get(value, value))
        if kind == "source_language":
            return language_name(value)
        if kind == diff.LINKED:
            return linked.stored_text(*value)
        if kind == "published_at":
            moment = parse_datetime(value) if isinstance(value, str) else value
            return _when(moment) if moment is not None else str(value)
        if kind == diff.PLACEMENT:
            return self.placed(value)
        model = {"author": Author, "tag": Tag, **self.MODELS}.get(kind)
        if model is None:
            return str(value)
        key = (model, value)
        if key not in self.seen:
            found = model.objects.filter(pk=value).first()
            self.seen[key] = str(found) if found is not None else f"#{value}"
        return self.seen[key]

    def placed(self, key: str) -> str:
        """A picture or video placed in a body, as the diff shows it: "[Picture: <alt
        text>]", "[Video: <title>]", in the admin user's language when the item has its text
        in it (else in the first language that has one); "" for a key naming nothing."""
        parsed = body.parse_key(key)
        if parsed is None:
            return ""
        kind, pk = parsed
        cache_key = ("placed", kind, pk)
        if cache_key not in self.seen:
            item = self.MODELS[kind].objects.filter(pk=pk).first()
            self.seen[cache_key] = _placed_label(kind, item) if item is not None else ""
        return self.seen[cache_key]


def _placed_label(kind: str, item) -> str:
    order = language_order(active_language())
    if kind == "image":
        fields = ("alt_text", "title")
    else:
        fields = ("title",)
    text = next(
        (localized(item, f, code) for f in fields for code in order if localized(item, f, code)),
        "",
    )
    if kind == "image":
        return gettext("[Picture: %(text)s]") % {"text": text or item.file.name}
    if item.provider == Embed.Provider.LINK:
        return gettext("[Link: %(text)s]") % {"text": text or item.url}
    return gettext("[Video: %(text)s]") % {"text": text or item.url}


FIELD_LABELS = {
    "bylines": _("byline"),
    "tags": _("tags"),
    "placements": _("placed pictures and videos"),
    diff.UP_TO_DATE: _("up to date with the source"),
}
DETAIL_LABELS = {
    "image": _("picture"),
    "embed": _("video or link"),
    "caption": _("caption"),
    "accepted_gaps": _("left out on purpose in"),
}


def field_label(name: str) -> str:
    if name in FIELD_LABELS:
        return str(FIELD_LABELS[name])
    if linked.split(name) is not None:
        return linked.text_label(name)
    return str(Article._meta.get_field(name).verbose_name)


def present(result: diff.Diff) -> list[dict]:
    """The diff as the templates show it: one group per part, each change with its label,
    each detail with its label."""
    groups = []
    for code, changes in result.groups():
        rows = []
        for change in changes:
            items = [
                {
                    "op": item.op,
                    "name": item.name,
                    "details": [
                        {
                            "label": DETAIL_LABELS[detail.part],
                            "language": language_name(detail.language) if detail.language else "",
                            "old": detail.old,
                            "new": detail.new,
                        }
                        for detail in item.details
                    ],
                }
                for item in change.items
            ]
            rows.append({"label": field_label(change.field), "change": change, "items": items})
        groups.append(
            {
                "code": code,
                "name": part_name(code),
                "dir": text_direction(code) if code else "",
                "changes": rows,
            }
        )
    return groups


def pending_diff(article: Article, code: str | None = None) -> diff.Diff:
    """What the pending changes (of one part, or all) would change for readers."""
    live = revisions.snapshot(article)
    pending = revisions.snapshot(selectors.pending_view(article))
    result = diff.compare(live, pending, name=Names())
    return result if code is None else result.only([code])


class ReviewAdminMixin:
    """ArticleAdmin's revision history, review and preview-link views (see get_urls)."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view

        def route(pattern, function, name):
            return path(pattern, view(function), name="{}_{}_".format(*info) + name)

        return [
            route("review/", self.review_queue_view, "review_queue"),
            route("<int:object_id>/revisions/", self.revisions_view, "revisions"),
            route("<int:object_id>/revisions/compare/", self.compare_view, "compare"),
            route(
                "<int:object_id>/revisions/<int:number>/restore/",
                self.restore_view,
                "restore",
            ),
            route("<int:object_id>/review/", self.article_review_view, "review"),
            route("<int:object_id>/review/<str:part>/", self.review_action_view, "review_action"),
            route("<int:object_id>/preview-links/", self.preview_links_view, "preview_links"),
            *super().get_urls(),
        ]

    # Helpers

    def _article(self, request, object_id, *, change=False) -> Article:
        article = get_object_or_404(Article, pk=object_id)
        allowed = (
            self.has_change_permission(request, article)
            if change
            else self.has_view_or_change_permission(request, article)
        )
        if not allowed:
            raise PermissionDenied
        return article

    def _url(self, name, *args):
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}",
            args=args,
            current_app=self.admin_site.name,
        )

    def _context(self, request, article=None, **extra):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "original": article,
            "has_view_permission": True,
            **extra,
        }
        if article is not None:
            context["article_url"] = self._url("change", article.pk)
        return context

    def _refused(self, request, error):
        for texts in error_messages(error).values():
            for text in texts:
                self.message_user(request, text, messages.ERROR)

    # Revisions

    def revisions_view(self, request, object_id):
        """Every revision of the article, newest first, with a compare form and restore."""
        article = self._article(request, object_id)
        rows = list(article.revisions.select_related("created_by").order_by("-number"))
        for revision in rows:
            revision.who = person(revision.created_by)
            revision.language_names = [
                part_name("" if code == "*" else code) for code in revision.languages
            ]
        context = self._context(
            request,
            article,
            title=gettext("Revisions of “%(title)s”") % {"title": article},
            revisions=rows,
            compare_url=self._url("compare", article.pk),
            can_restore=self.has_change_permission(request, article),
        )
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def compare_view(self, request, object_id):
        """The diff between two revisions (`from` and `to` numbers; `to` may be "live" or
        "pending"); by default a revision against the one before it."""
        article = self._article(request, object_id)
        numbers = dict(article.revisions.values_list("number", "pk"))

        def side(value, default):
            value = (value or default or "").strip()
            if value == "live":
                return value, gettext("Live version"), revisions.snapshot(article)
            if value == "pending":
                view = selectors.pending_view(article)
                return value, gettext("With pending changes"), revisions.snapshot(view)
            if value.isdigit() and int(value) in numbers:
                revision = Revision.objects.select_related("created_by").get(pk=numbers[int(value)])
                label = gettext("Revision %(number)s (%(kind)s, %(who)s, %(when)s)") % {
                    "number": revision.number,
                    "kind": revision.get_kind_display(),
                    "who": person(revision.created_by) or pgettext("revision author", "system"),
                    "when": _when(revision.created_at),
                }
                return value, label, revision.data
            raise Http404(gettext("No such revision."))

        to_value = request.GET.get("to") or (str(max(numbers)) if numbers else "live")
        default_from = ""
        if to_value.isdigit():
            earlier = [n for n in numbers if n < int(to_value)]
            default_from = str(max(earlier)) if earlier else to_value
        else:
            default_from = "live"
        from_key, from_label, old = side(request.GET.get("from"), default_from)
        to_key, to_label, new = side(to_value, None)
        result = diff.compare(old, new, name=Names())
        context = self._context(
            request,
            article,
            title=gettext("Changes in “%(title)s”") % {"title": article},
            from_label=from_label,
            to_label=to_label,
            groups=present(result),
            revisions_url=self._url("revisions", article.pk),
            restore_number=to_key if to_key.isdigit() else None,
            can_restore=self.has_change_permission(request, article),
            restore_url=self._url("restore", article.pk, int(to_key)) if to_key.isdigit() else "",
        )
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def restore_view(self, request, object_id, number):
        """Restore a revision as a new pending change (GET asks, POST does it)."""
        article = self._article(request, object_id, change=True)
        revision = get_object_or_404(Revision, article=article, number=number)
        if request.method == "POST":
            try:
                restored = services.revision_restore(revision=revision, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                self._refused(request, error)
                return HttpResponseRedirect(self._url("revisions", article.pk))
            self.message_user(
                request,
                gettext(
                    "Revision %(number)s was restored as revision %(new)s. Readers see it once "
                    "it is published."
                )
                % {"number": revision.number, "new": restored.number}
                if services.is_live(article)
                else gettext("Revision %(number)s was restored as revision %(new)s.")
                % {"number": revision.number, "new": restored.number},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self._url("change", article.pk))
        current = revisions.snapshot(selectors.pending_view(article))
        context = self._context(
            request,
            article,
            title=gettext("Restore revision %(number)s?") % {"number": revision.number},
            revision=revision,
            groups=present(diff.compare(current, revision.data, name=Names())),
            revisions_url=self._url("revisions", article.pk),
        )
        return TemplateResponse(request, "admin/articles/article/restore.html", context)

    # Review

    def _review_rows(self, request, changes):
        """A pending change as the review pages show it: article, part, who, diff, actions."""
        rows = []
        by_article = {}
        for change in changes:
            by_article.setdefault(change.article_id, []).append(change)
        for _article_id, article_changes in by_article.items():
            article = article_changes[0].article
            full = pending_diff(article)
            for change in article_changes:
                rows.append(
                    {
                        "article": article,
                        "code": change.language,
                        "anchor": part_url(change.language),
                        "name": part_name(change.language),
                        "state": change.get_state_display(),
                        "submitted": change.state == PendingChange.State.SUBMITTED,
                        "who": person(change.created_by),
                        "when": change.updated_at,
                        "comment": change.comment,
                        "groups": present(full.only([change.language])),
                        "action_url": self._url(
                            "review_action", article.pk, part_url(change.language)
                        ),
                        "review_url": self._url("review", article.pk),
                    }
                )
        return rows

    def _story_rows(self, stories):
        """A story not yet published, as the review pages show it: all of it is new."""
        rows = []
        for article in stories:
            note = review.story_note(article)
            latest = article.revisions.select_related("created_by").order_by("-number").first()
            rows.append(
                {
                    "article": article,
                    "code": "",
                    "anchor": STORY_URL,
                    "name": gettext("New story"),
                    "state": article.get_status_display(),
                    "submitted": article.status == Article.Status.IN_REVIEW,
                    "who": person(latest.created_by) if latest is not None else "",
                    "when": article.updated_at,
                    "comment": note.comment if note is not None else "",
                    "groups": present(
                        diff.compare(None, revisions.snapshot(article), name=Names())
                    ),
                    "action_url": self._url("review_action", article.pk, STORY_URL),
                    "review_url": self._url("review", article.pk),
                }
            )
        return rows

    def review_queue_view(self, request):
        """What waits for review, by language (?language=nl, or "shared"), oldest first."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        changes = PendingChange.objects.filter(state=PendingChange.State.SUBMITTED)
        chosen = request.GET.get("language", "")
        code = part_code(chosen) if chosen else None
        counts = {}
        for language in changes.values_list("language", flat=True):
            counts[language] = counts.get(language, 0) + 1
        if code is not None:
            changes = changes.filter(language=code)
        changes = changes.select_related("article", "created_by", "revision").order_by(
            "updated_at", "pk"
        )
        stories = Article.objects.filter(status=Article.Status.IN_REVIEW)
        for source in stories.values_list("source_language", flat=True):
            counts[source] = counts.get(source, 0) + 1
        if code is not None:
            stories = stories.filter(source_language=code)
        languages = [
            {
                "param": part_url(part),
                "name": part_name(part),
                "count": counts.get(part, 0),
                "current": chosen == part_url(part),
            }
            for part in ["", *language_codes()]
        ]
        context = self._context(
            request,
            title=gettext("Review queue"),
            rows=self._story_rows(stories.order_by("updated_at", "pk"))
            + self._review_rows(request, changes),
            languages=languages,
            total=sum(counts.values()),
            chosen=chosen if code is not None else "",
            may_review=policy.may_review(request.user),
            queue_url=self._url("review_queue"),
        )
        return TemplateResponse(request, "admin/articles/article/review_queue.html", context)

    def article_review_view(self, request, object_id):
        """One article's pending changes: submit each (or all) for review; a reviewer
        publishes or sends back. With the article's preview links."""
        article = self._article(request, object_id)
        changes = article.pending_changes.select_related("article", "created_by").order_by(
            "language"
        )
        may_review = policy.may_review(request.user)
        rows = (
            self._review_rows(request, changes)
            if services.is_live(article)
            else self._story_rows([article])
        )
        context = self._context(
            request,
            article,
            title=gettext("Review of “%(title)s”") % {"title": article},
            rows=rows,
            may_review=may_review,
            can_change=self.has_change_permission(request, article),
            submit_all_url=self._url("review_action", article.pk, "all"),
            links=_links(article) if may_review else [],
            links_url=self._url("preview_links", article.pk),
            languages=[(code, language_name(code)) for code in language_codes()],
            queue_url=self._url("review_queue"),
        )
        return TemplateResponse(request, "admin/articles/article/review.html", context)

    def review_action_view(self, request, object_id, part):
        """POST: submit, publish or send back one part's pending change ("all": submit
        every part of the article)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article(request, object_id)
        action = request.POST.get("action", "")
        back = request.POST.get("next") or self._url("review", article.pk)
        if not back.startswith("/"):
            back = self._url("review", article.pk)
        try:
            if part == STORY_URL:
                done = self._story_action(request, article, action)
            else:
                codes = (
                    list(article.pending_changes.values_list("language", flat=True))
                    if part == "all"
                    else [part_code(part)]
                )
                if None in codes:
                    raise Http404(gettext("No such language."))
                done = self._review_action(request, article, action, codes)
        except (ValidationError, PermissionDenied) as error:
            self._refused(request, error)
            return HttpResponseRedirect(back)
        if done:
            self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(back)

    def _review_action(self, request, article, action, codes) -> str:
        by = request.user
        names = ", ".join(part_name(code) for code in codes)
        if action == "submit":
            waiting = set(article.pending_changes.values_list("language", flat=True))
            for code in codes:
                if code in waiting:
                    services.pending_submit(article=article, language=code, by=by)
            return gettext("Submitted for review: %(parts)s.") % {"parts": names}
        if action == "send_back":
            comment = request.POST.get("comment", "").strip()
            if not comment:
                raise ValidationError(
                    gettext("Say what needs to change before sending it back."), code="comment"
                )
            for code in codes:
                services.pending_send_back(article=article, language=code, by=by, comment=comment)
            return gettext("Sent back with your note: %(parts)s.") % {"parts": names}
        if action == "publish":
            review_publish(article=article, languages=codes, by=by)
            return gettext("Published: %(parts)s. Readers see it now.") % {"parts": names}
        raise Http404(gettext("No such action."))

    def _story_action(self, request, article, action) -> str:
        by = request.user
        if action == "submit":
            review.article_submit(article=article, by=by)
            return gettext("Submitted for review: the new story.")
        if action == "send_back":
            review.article_send_back(
                article=article, by=by, comment=request.POST.get("comment", "")
            )
            return gettext("Sent back with your note: the new story.")
        if action == "publish":
            services.article_publish(article=article, by=by)
            return gettext("Published: the new story. Readers see it now.")
        raise Http404(gettext("No such action."))

    # Preview links

    def preview_links_view(self, request, object_id):
        """POST: make a preview link (`language`, `days`) or revoke one (`revoke`)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article(request, object_id)
        try:
            if request.POST.get("revoke"):
                link = get_object_or_404(article.preview_links, pk=request.POST["revoke"])
                previews.preview_link_revoke(link=link, by=request.user)
                self.message_user(request, gettext("The preview link no longer works."))
            else:
                language = request.POST.get("language", "")
                if language not in language_codes():
                    raise Http404(gettext("No such language."))
                days = request.POST.get("days", "")
                lifetime = (
                    timezone.timedelta(days=int(days)) if days.isdigit() and int(days) > 0 else None
                )
                link = previews.preview_link_create(
                    article=article, language=language, by=request.user, lifetime=lifetime
                )
                self.message_user(
                    request,
                    format_html(
                        "{} <a href=\"{}\" class='nr-preview-link'>{}</a>",
                        gettext("Preview link made; send it to whoever should read it:"),
                        link.get_absolute_url(),
                        request.build_absolute_uri(link.get_absolute_url()),
                    ),
                    messages.SUCCESS,
                )
        except PermissionDenied as error:
            self._refused(request, error)
        return HttpResponseRedirect(self._url("review", article.pk))

    # The article form and list

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context["newsroom_review"] = {
                "revisions_url": self._url("revisions", obj.pk),
                "review_url": self._url("review", obj.pk),
                "sent_back": _sent_back(obj),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_queryset(self, request):
        # What waits for review and what was sent back (its note), in the list's own query.
        waiting = PendingChange.objects.filter(article=OuterRef("pk"))
        story_review = Revision.objects.filter(
            article=OuterRef("pk"),
            kind__in=[Revision.Kind.SUBMITTED, Revision.Kind.SENT_BACK],
        ).order_by("-number")
        return (
            super()
            .get_queryset(request)
            .annotate(
                nr_submitted=Exists(waiting.filter(state=PendingChange.State.SUBMITTED)),
                nr_sent_back=Subquery(
                    waiting.filter(state=PendingChange.State.SENT_BACK)
                    .order_by("-updated_at")
                    .values("comment")[:1]
                ),
                # A story not yet published: the latest word on it, submission or note.
                nr_story_review=Subquery(story_review.values("kind")[:1]),
                nr_story_note=Subquery(story_review.values("comment")[:1]),
            )
        )

    def get_list_display(self, request):
        return [*super().get_list_display(request), "review_summary"]

    @admin.display(description=_("review"))
    def review_summary(self, obj):
        note = None
        if obj.status != Article.Status.PUBLISHED and (
            getattr(obj, "nr_story_review", None) == Revision.Kind.SENT_BACK
        ):
            note = obj.nr_story_note
        note = getattr(obj, "nr_sent_back", None) or note
        if note:
            return format_html(
                '<span class="nr-sent-back"><strong>{}</strong> “{}”</span>',
                gettext("Sent back:"),
                note,
            )
        if getattr(obj, "nr_submitted", False) or obj.status == Article.Status.IN_REVIEW:
            return gettext("Waiting for review")
        return "–"


def review_publish(*, article: Article, languages, by) -> None:
    """Approve: publish these parts' pending changes; a language version readers could not
    see yet (a new translation) is published with it."""
    services.article_publish(article=article, by=by, languages=list(languages))
    article.refresh_from_db()
    variants = services.variants_ensure(article=article)
    for code in languages:
        if code and variants[code].state != ArticleVariant.State.PUBLISHED:
            services.variant_set_state(
                article=article, language=code, state=ArticleVariant.State.PUBLISHED, by=by
            )


def _sent_back(article: Article) -> list[dict]:
    """The notes of the pending changes a reviewer sent back, with who sent them and when
    (or of the story itself, sent back before its first publication)."""
    note = review.story_note(article)
    if note is not None:
        return [
            {
                "name": gettext("New story"),
                "comment": note.comment,
                "by": person(note.created_by),
                "when": note.created_at,
            }
        ]
    changes = list(
        article.pending_changes.filter(state=PendingChange.State.SENT_BACK).order_by("language")
    )
    if not changes:
        return []
    sent = list(
        article.revisions.filter(kind=Revision.Kind.SENT_BACK)
        .select_related("created_by")
        .order_by("-number")
    )
    rows = []
    for change in changes:
        marker = change.language or "*"
        revision = next((r for r in sent if marker in (r.languages or [])), None)
        rows.append(
            {
                "name": part_name(change.language),
                "comment": change.comment,
                "by": person(revision.created_by) if revision is not None else "",
                "when": revision.created_at if revision is not None else change.updated_at,
            }
        )
    return rows


def person(user) -> str:
    """How a person is named on these pages: their full name, else their user name."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _links(article: Article) -> list:
    return list(article.preview_links.select_related("created_by").order_by("-created_at"))


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


class PageEntryAdmin(admin.ModelAdmin):
    """An entry in the admin index and sidebar for a page of the newsroom's own (the review
    queue, the translation desk): seen by whoever may change articles, never a list of rows
    to add, change or delete."""

    def has_module_permission(self, request):
        return request.user.has_perm("articles.change_article")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.change_article")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReviewQueue)
class ReviewQueueAdmin(PageEntryAdmin):
    """The review queue's entry in the admin index and sidebar: it opens the queue page."""

    def changelist_view(self, request, extra_context=None):
        return HttpResponseRedirect(
            reverse("admin:articles_article_review_queue", current_app=self.admin_site.name)
        )
