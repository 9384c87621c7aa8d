"""The article: every language on one form with our own language switcher, saved through the
services, and the bulk publishing actions."""

import copy
import re

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from media.admin import ImagePickerMixin
from media.library import library_config
from newsroom.admin import Refused, ServiceAdminMixin, error_messages
from newsroom.languages import columns, language_name, localized, text_direction

from .. import presence, selectors, services
from ..forms import translated_field_names
from ..models import Article, ArticleVariant, Correction, language_codes
from .changelist import ArticleChangelistMixin, PendingChangesFilter, variant_state_filter
from .corrections import CorrectionInline
from .creatable import StoryForm
from .desk import SourceChangesFormMixin
from .filing import FallbackAddressNoticeMixin
from .inlines import ArticleVariantInline
from .linked import linked_context, linked_save, shown_names
from .panels import article_panels, panels_label
from .placements import PlacementInline
from .review import ReviewAdminMixin
from .roles import RoleFieldsMixin
from .sections import section_create_attrs
from .xliff import XliffAdminMixin


@admin.register(Article)
class ArticleAdmin(
    RoleFieldsMixin,
    XliffAdminMixin,
    SourceChangesFormMixin,
    ReviewAdminMixin,
    FallbackAddressNoticeMixin,
    ServiceAdminMixin,
    ImagePickerMixin,
    ArticleChangelistMixin,
    TranslationAdmin,
):
    """Articles in every language on one form, with our own language switcher.

    modeltranslation's TabbedTranslationAdmin is not used: it loads jQuery UI from a CDN.
    """

    slug_source = "title"
    form = StoryForm
    fieldsets = [
        (
            _("Content"),
            {
                "fields": translated_field_names(),
                "classes": ["nr-translations"],
                "description": _(
                    "Choose a language above the fields to translate it; "
                    "the source language is shown beside it."
                ),
            },
        ),
        (_("Filing"), {"fields": ["section", "bylines", "tags"], "classes": ["nr-filing"]}),
        (_("Media"), {"fields": ["lead_image"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "source_language",
                    "site_links",
                    "opened_version",
                    "panels",
                ]
            },
        ),
    ]
    readonly_fields = ["site_links", "panels"]
    # The picture desk's picker: a thumbnail beside the field, the library in a dialog.
    raw_id_fields = ["lead_image"]
    prepopulated_fields = {"slug": ("title",)}
    # The byline and tags are StoryForm's autocomplete fields (new names created on save).
    inlines = [
        PlacementInline,
        ArticleVariantInline,
        CorrectionInline,
    ]

    list_display = [
        "display_title",
        "section",
        "status",
        "published_at",
        "language_summary",
        "pending_summary",
    ]
    list_filter = [
        "status",
        PendingChangesFilter,
        "section",
        *[variant_state_filter(code) for code in language_codes()],
    ]
    list_select_related = ["section"]
    search_fields = columns("title")
    date_hierarchy = "published_at"
    actions = ["publish_selected", "unpublish_selected", "export_xliff"]
    # The built-in button links whatever the language state; site_links shows per language
    # whether a reader can see it.
    view_on_site = False

    class Media:
        css = {"all": ["articles/admin/translations.css", "articles/admin/placement-node.css"]}
        js = [
            "articles/admin/translations.js",
            "articles/admin/form-limit.js",
            "articles/admin/presence.js",
            "articles/admin/linked.js",
            "articles/admin/section-create.js",
            "media/admin/library.js",
        ]

    # Permissions

    def has_publish_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_article")

    # Form: a published article's form shows its pending view (the live version with the
    # pending changes applied), which is what a save starts from.

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "section" and formfield is not None:
            # No add, change or view links: each opens a pop-up window. A new section is
            # made in an in-page dialog instead (sections.py, section-create.js).
            wrapper = formfield.widget
            for name in ("can_add_related", "can_change_related", "can_view_related"):
                setattr(wrapper, name, False)
            wrapper.can_delete_related = False
            inner = getattr(wrapper, "widget", wrapper)
            inner.attrs.update(section_create_attrs(request))
        return formfield

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        return selectors.pending_view(obj) if obj is not None else None

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        placements = getattr(obj, "pending_placements", None)
        if isinstance(inline, PlacementInline) and placements is not None:
            kwargs["form_kwargs"] = {"pending_placements": {p["key"]: p for p in placements}}
            # What will be live after publishing, as the body above it: an item the pending
            # body dropped is not listed (readers keep it until then).
            kwargs["queryset"] = kwargs["queryset"].filter(key__in=[p["key"] for p in placements])
        return kwargs

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # Whether the byline and tags can be changed is the user's (StoryForm).
        return type(form.__name__, (form,), {"filing_user": request.user})

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<int:object_id>/presence/",
                self.admin_site.admin_view(self.presence_view),
                name="{}_{}_presence".format(*info),
            ),
            *super().get_urls(),
        ]

    def presence_view(self, request, object_id):
        """The form's heartbeat (presence.js): records that this editor has the article
        open, answers with the others who have."""
        return _presence(self, request, object_id)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        conflict = getattr(request, "newsroom_conflict", None)
        if conflict is None:
            return response
        # The save was refused and the input kept as a revision (committed by now). Show
        # the same input again, with what changed since, and the current version: a second
        # save after comparing is a deliberate choice to replace the other version.
        request.newsroom_conflict = None
        request.newsroom_conflict_shown = conflict
        post = request.POST.copy()
        post["opened_version"] = str(Article.objects.get(pk=object_id).version)
        request.POST = post
        request.newsroom_refusal = Refused(errors={None: conflict.messages})
        return super().changeform_view(request, object_id, form_url, extra_context)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "newsroom_conflict", None) is not None:
            return []  # nothing was saved
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if getattr(request, "newsroom_conflict", None) is None:
            return super().log_change(request, obj, message)
        return None

    def response_change(self, request, obj):
        if getattr(request, "newsroom_conflict", None) is not None:
            return HttpResponse(status=409)  # replaced in changeform_view
        if getattr(request, "newsroom_saved_pending", False):
            self.message_user(
                request,
                gettext(
                    "Saved as a pending change: readers see the published version until "
                    "the change is published."
                ),
                messages.INFO,
            )
        return super().response_change(request, obj)

    def get_inlines(self, request, obj):
        if obj is None:
            # Language versions are created by the first save.
            return [i for i in self.inlines if i is not ArticleVariantInline]
        return self.inlines

    def get_fieldsets(self, request, obj=None):
        fieldsets = copy.deepcopy(super().get_fieldsets(request, obj))
        source = obj.source_language if obj is not None else settings.LANGUAGE_CODE
        order = [source] + [code for code in language_codes() if code != source]
        for _name, options in fieldsets:
            if "nr-translations" in options.get("classes", ()):
                # Source language first in each field's group: without JavaScript (and in
                # tab order) the translator reads the original before the translation.
                options["fields"] = [
                    f"{base}_{code}" for base in translated_field_names() for code in order
                ]
        return fieldsets

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["newsroom_translations"] = self._switcher_config(context)
        context["newsroom_can_publish"] = self.has_publish_permission(request)
        context["newsroom_library"] = library_config()  # the in-page picture library
        if obj is not None and obj.pk is not None:
            context["newsroom_linked"] = linked_context(request, obj)
            context["newsroom_pending"] = _pending_rows(obj)
            others = presence.presence_seen(article_id=obj.pk, user=request.user)
            # presence.js fills %(names)s in again at each heartbeat.
            label = gettext("Also editing this article now: %(names)s.")
            context["newsroom_presence"] = {
                "url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_presence",
                    args=[obj.pk],
                ),
                "interval": presence.HEARTBEAT,
                "label": label,
                "text": label % {"names": ", ".join(others)} if others else "",
            }
            conflict = getattr(request, "newsroom_conflict_shown", None)
            if conflict is not None:
                context["newsroom_conflict"] = _conflict_rows(obj, conflict)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _switcher_config(self, context):
        """What translations.js needs: languages, fields, source, errors per language, and
        the source body (sanitized HTML, as stored) that "Start from the source text" copies:
        a translator sees the source read-only, without an editor to copy from."""
        form = context["adminform"].form
        bases = translated_field_names()
        codes = language_codes()
        errors = dict.fromkeys(codes, 0)
        pattern = re.compile(r"^(?P<base>\w+)_(?P<code>{})$".format("|".join(codes)))
        for name, field_errors in form.errors.items():
            match = pattern.match(name)
            if match and match["base"] in bases:
                errors[match["code"]] += len(field_errors)
        for inline in context.get("inline_admin_formsets", []):
            if inline.formset.model is ArticleVariant:
                for variant_form in inline.formset.forms:
                    if variant_form.errors and variant_form.instance.language in errors:
                        errors[variant_form.instance.language] += len(variant_form.errors)
        original = context.get("original")
        if "source_language" in form.fields:
            source = form["source_language"].value() or settings.LANGUAGE_CODE
        else:  # read-only for this user (roles.py)
            source = original.source_language
        languages = []
        for code in codes:
            name = language_name(code)
            languages.append(
                {
                    "code": code,
                    "name": str(name),
                    "dir": text_direction(code),
                    "errors": errors[code],
                    "errorsLabel": ngettext("%(count)d error", "%(count)d errors", errors[code])
                    % {"count": errors[code]},
                    "sourceHeading": gettext("%(language)s (source)") % {"language": name},
                    "targetHeading": gettext("%(language)s (translation)") % {"language": name},
                }
            )
        return {
            "fields": bases,
            "languages": languages,
            "source": source,
            "sourceBody": localized(original, "body", source) if original is not None else "",
            "maxFields": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
            "labels": {
                "switcher": gettext("Language to show"),
                "source": pgettext("language switcher", "source language"),
                "startFromSource": gettext("Start from the source text"),
                "tooManyFields": gettext(
                    "Not saved yet: this form has %(count)s fields and the server accepts at "
                    "most %(limit)s. Your work is still here; remove some placed items or "
                    "save the story in parts."
                ),
            },
        }

    # Read-only parts of the form

    @admin.display(description=_("view on site"))
    def site_links(self, obj):
        published = set()
        if obj is not None and obj.pk is not None and obj.is_published():
            published = obj.published_languages()
        items = []
        for code in language_codes():
            name = language_name(code)
            if code in published:
                items.append(
                    format_html(
                        '<li><a href="{}" hreflang="{}">{}</a></li>',
                        obj.get_absolute_url(code),
                        code,
                        name,
                    )
                )
            else:
                items.append(
                    format_html(
                        "<li>{}: {}</li>",
                        name,
                        gettext("not published"),
                    )
                )
        return format_html(
            '<ul class="nr-site-links">{}</ul>', format_html_join("", "{}", ((i,) for i in items))
        )

    @admin.display(description=panels_label())
    def panels(self, obj):
        """What apps built on articles keep about the story (articles/admin/panels.py)."""
        if obj is None or obj.pk is None:
            return "–"
        return article_panels(obj) or "–"

    # Saving: one service call for the fields, byline and tags (and the placement inline
    # inside its transaction), then publishing and language states through theirs. What a
    # service refuses is shown on the form (ServiceAdminMixin) and nothing is saved.

    def save_model(self, request, obj, form, change):
        # Written in save_related, where the byline and tag inlines are at hand.
        pass

    def save_related(self, request, form, formsets, change):
        article, by = form.instance, request.user
        self.refuse_view_only_changes(request, formsets)
        self.refuse_read_only_posts(request, article, formsets)
        # A status shown read-only (roles.py) is not on the form: it stays as it is.
        was = form.initial.get("status", article.status) if change else Article.Status.DRAFT
        wanted = article.status
        published = Article.Status.PUBLISHED
        publish = wanted == published and was != published
        unpublish = was == published and wanted != published
        if publish or unpublish:
            # Onto or off the site only through article_publish / article_unpublish.
            article.status = was

        inlines = {formset.model: formset for formset in formsets}
        # None (kept as they are) when the user may not change them (StoryForm disables them).
        bylines = form.cleaned_data.get("bylines")
        tags = form.cleaned_data.get("tags")

        # Correction notes are not part of the story's draft: they are written as they are
        # (through their own services, after the save), so a pending save keeps them too.
        separate = (ArticleVariant, Correction)

        def related(saved):
            for formset in formsets:
                if formset.model not in separate:
                    self.save_formset(request, form, formset, change=change)

        write = {"by": by, "bylines": bylines, "tags": tags, "related": related}
        if change:
            stored = Article.objects.get(pk=article.pk)
            was_live = services.is_live(stored)
            shown_before = shown_names(selectors.pending_view(stored))

            def save_draft():
                try:
                    services.article_save_draft(
                        article=article,
                        expected_version=form.cleaned_data.get("opened_version"),
                        **write,
                    )
                except services.EditConflict as conflict:
                    # Not a Refused: the kept revision must be committed with this request.
                    request.newsroom_conflict = conflict

            self.save_through(save_draft, "published_at")
            if getattr(request, "newsroom_conflict", None) is not None:
                return
            # The texts of its pictures, videos, tags and section: other objects' columns.
            linked_save(request, article, shown_before=shown_before)
            if Correction in inlines:
                self.save_formset(request, form, inlines[Correction], change=change)
            request.newsroom_saved_pending = was_live and "_publish" not in request.POST
        else:
            self.save_through(lambda: services.article_create(article=article, **write))
            if Correction in inlines and article.pk:
                self.save_formset(request, form, inlines[Correction], change=change)
        language = request.POST.get("_publish_language")
        if publish or "_publish" in request.POST:
            request.newsroom_saved_pending = False
            self.save_through(lambda: services.article_publish(article=article, by=by), "status")
        elif language is not None and language in ["", *language_codes()]:
            self.save_through(
                lambda: services.article_publish(article=article, by=by, languages=[language]),
                "status",
            )
        elif "_schedule" in request.POST:
            at = _parse_time(request.POST.get("_schedule_at", ""))
            if at is None:
                raise Refused(errors={None: [gettext("Enter the time the changes go live.")]})
            self.save_through(lambda: services.pending_schedule(article=article, by=by, at=at))
        elif unpublish:
            self.save_through(
                lambda: services.article_unpublish(article=article, by=by, status=wanted),
                "status",
            )
        if ArticleVariant in inlines:
            self.save_formset(request, form, inlines[ArticleVariant], change=change)
        if change:
            self.save_marked_up_to_date(request, form.instance)

    def save_formset(self, request, form, formset, change):
        if formset.model is not ArticleVariant:
            return super().save_formset(request, form, formset, change)
        # commit=False records what changed (for the history message) without writing.
        formset.save(commit=False)
        for variant, changed in formset.changed_objects:
            if "state" not in changed:
                continue
            try:
                services.variant_set_state(
                    article=form.instance,
                    language=variant.language,
                    state=variant.state,
                    by=request.user,
                )
            except (ValidationError, PermissionDenied) as error:
                texts = [text for texts in error_messages(error).values() for text in texts]
                raise Refused(rows={variant.language: texts}) from error

    def delete_model(self, request, obj):
        services.article_delete(article=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            services.article_delete(article=article, by=request.user)

    # Bulk actions

    @admin.action(permissions=["publish"], description=_("Publish selected articles"))
    def publish_selected(self, request, queryset):
        changed, refused = 0, []
        for article in queryset:
            if article.status == Article.Status.PUBLISHED:
                continue
            try:
                services.article_publish(article=article, by=request.user)
            except (ValidationError, PermissionDenied):
                refused.append(str(article))
                continue
            changed += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d article was published.",
                "%(count)d articles were published.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )
        if refused:
            self.message_user(
                request,
                gettext("These articles were not published; fix them first: %(titles)s")
                % {"titles": ", ".join(refused)},
                messages.WARNING,
            )

    @admin.action(permissions=["publish"], description=_("Unpublish selected articles"))
    def unpublish_selected(self, request, queryset):
        changed = 0
        for article in queryset:
            if article.status != Article.Status.PUBLISHED:
                continue
            try:
                services.article_unpublish(article=article, by=request.user)
            except PermissionDenied:
                continue
            changed += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d article was taken off the site.",
                "%(count)d articles were taken off the site.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )


def _parse_time(text: str):
    moment = parse_datetime(text.strip()) if text else None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _part_name(code: str) -> str:
    return language_name(code) if code else gettext("Shared fields, byline, tags and media")


def _pending_rows(obj) -> list[dict]:
    """The pending changes above the form: which part, by whom, when, in what state."""
    pending = getattr(obj, "pending", None) or {}
    order = ["", *language_codes()]
    return [
        {
            "code": code,
            "name": _part_name(code),
            "by": services.user_name(pending[code].created_by) if pending[code].created_by else "",
            "when": pending[code].updated_at,
            "state": pending[code].get_state_display(),
            "scheduled_at": pending[code].scheduled_at,
            "comment": pending[code].comment,
        }
        for code in order
        if code in pending
    ]


def _conflict_rows(obj, conflict) -> dict:
    """What the refused editor needs to merge: who wrote since, and each changed field's
    current value beside the kept revision."""
    from ..revisions import part

    now = services._pending_snapshot(obj)
    fields = []
    for code, field in conflict.changed:
        if code:
            value = part(now, code).get(field, "")
        else:
            value = now.get(field) if field in now else now["shared"].get(field)
        fields.append({"label": services.field_label(code, field), "value": value})
    return {
        "revisions": [
            {
                "number": revision.number,
                "kind": revision.get_kind_display(),
                "when": revision.created_at,
                "who": services.user_name(revision.created_by),
            }
            for revision in conflict.revisions_since
        ],
        "kept": conflict.kept_revision,
        "fields": fields,
    }


def _presence(model_admin, request, object_id):
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    article = get_object_or_404(Article, pk=object_id)
    if not model_admin.has_view_or_change_permission(request, article):
        raise PermissionDenied
    others = presence.presence_seen(article_id=article.pk, user=request.user)
    return JsonResponse({"others": others})
