"""The editors' and translators' admin: articles in every language, and what files them."""

import copy
import re

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When
from django.utils import translation
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from taggit.models import Tag as TaggitTag

from media.admin import ImagePickerMixin
from newsroom.admin import Refused, ServiceAdminMixin, error_messages
from newsroom.languages import columns, language_name, text_direction

from . import services
from .correction_admin import CorrectionInline
from .forms import (
    ArticleAdminForm,
    ArticleVariantFormSet,
    translated_field_names,
)
from .models import (
    Article,
    ArticleVariant,
    Author,
    Byline,
    Section,
    Tag,
    TaggedArticle,
    fallback_addresses,
    language_codes,
    localized,
)
from .placement_admin import PlacementInline

# What the changelist shows for each language state; the words go alongside for screen
# readers and as a tooltip, the symbol is only a visual shorthand.
STATE_SYMBOLS = {
    ArticleVariant.State.PUBLISHED: "✓",
    ArticleVariant.State.READY: "●",
    ArticleVariant.State.IN_PROGRESS: "…",
    ArticleVariant.State.MISSING: "–",
}
OUTDATED_SYMBOL = "!"


def _language_order():
    """Order variants the way settings.LANGUAGES lists them, not alphabetically."""
    return Case(
        *[When(language=code, then=Value(i)) for i, code in enumerate(language_codes())],
        default=Value(len(language_codes())),
        output_field=IntegerField(),
    )


# -- Things an article is filed under: registered so that autocomplete can search them. --

# Our tags are articles.Tag (translated); taggit's own, unused Tag would be a second "Tags"
# entry on the admin index.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


class FallbackAddressNoticeMixin:
    """After a save, say which addresses fell back to the id-based slug, and where they are.

    A name with no letters or digits ("★") gives no slug, so the model files the object
    under "section-12"; the editor should not have to find that out from the site.
    """

    slug_source = "name"

    def _notice_fallback_addresses(self, request, obj):
        for text, url in fallback_addresses(obj, self.slug_source):
            self.message_user(
                request,
                gettext(
                    "“%(name)s” has no letters or digits for its address; "
                    "it is reachable at %(url)s"
                )
                % {"name": text, "url": request.build_absolute_uri(url)},
                messages.WARNING,
            )

    def response_add(self, request, obj, post_url_continue=None):
        self._notice_fallback_addresses(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._notice_fallback_addresses(request, obj)
        return super().response_change(request, obj)


class FilingAdmin(FallbackAddressNoticeMixin, ServiceAdminMixin, TranslationAdmin):
    """Sections, authors and tags are written through their services (`<model>_create`,
    `_update`, `_delete` in articles.services)."""

    def _service(self, action):
        return getattr(services, f"{self.opts.model_name}_{action}")

    def save_model(self, request, obj, form, change):
        name = self.opts.model_name
        if change:
            save = self._service("update")
            self.save_through(lambda: save(**{name: obj}, by=request.user))
        else:
            create = self._service("create")
            self.save_through(lambda: create(**{name: obj}, by=request.user))

    def delete_model(self, request, obj):
        self._service("delete")(**{self.opts.model_name: obj}, by=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(Section)
class SectionAdmin(FilingAdmin):
    list_display = ["__str__", "position"]
    list_editable = ["position"]
    search_fields = columns("name")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Author)
class AuthorAdmin(FilingAdmin):
    list_display = ["name", "slug", "kind", "user"]
    # A one-to-one is not joined automatically by the changelist.
    list_select_related = ["user"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ["user"]


@admin.register(Tag)
class TagAdmin(FilingAdmin):
    list_display = ["__str__", *columns("name")]
    search_fields = columns("name")
    prepopulated_fields = {"slug": ("name",)}


# -- Article inlines --


class BylineInline(admin.TabularInline):
    """The byline, in order: the position decides who is named first."""

    model = Byline
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    extra = 0
    verbose_name = _("author")
    verbose_name_plural = _("bylines")
    # Rendered inside the "Filing" part of the form (see the change_form template).
    newsroom_group = "filing"


class TaggedArticleInline(admin.TabularInline):
    """Tags with autocomplete; TaggableManager itself cannot use autocomplete_fields."""

    model = TaggedArticle
    fk_name = "content_object"
    fields = ["tag"]
    autocomplete_fields = ["tag"]
    extra = 0
    verbose_name = _("tag")
    verbose_name_plural = _("tags")
    newsroom_group = "filing"


class ArticleVariantInline(admin.TabularInline):
    """Where each language version stands; state changes go through the services."""

    model = ArticleVariant
    formset = ArticleVariantFormSet
    fields = ["language", "state", "source_version", "outdated"]
    readonly_fields = ["language", "source_version", "outdated"]
    extra = 0
    max_num = len(settings.LANGUAGES)
    can_delete = False
    verbose_name = _("language version")
    verbose_name_plural = _("language versions")

    def has_add_permission(self, request, obj=None):
        # One row per language is made by services.article_saved, never by hand.
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("article")
            .order_by(_language_order(), "pk")
        )

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        refusal = getattr(request, "newsroom_refusal", None)
        if refusal is None or not refusal.rows:
            return formset
        # What variant_set_state refused in the first attempt, by language (see save_formset).
        return type(formset.__name__, (formset,), {"service_errors": refusal.rows})

    @admin.display(description=_("outdated"))
    def outdated(self, variant):
        if variant.pk is None or not variant.is_outdated:
            return "–"
        return format_html(
            '<span class="nr-outdated">{} {}</span>',
            OUTDATED_SYMBOL,
            gettext(
                "Outdated: the source text has changed since this translation was last "
                "brought up to date (the source is now at version %(version)s)."
            )
            % {"version": variant.article.source_version},
        )


# -- Changelist helpers --


def variant_state_filter(code):
    """A sidebar filter on one language's state: "Dutch version: missing / … / published"."""

    def title():
        return gettext("%(language)s version") % {"language": language_name(code)}

    class VariantStateFilter(admin.SimpleListFilter):
        parameter_name = f"lang_{code}"

        def lookups(self, request, model_admin):
            return [
                *ArticleVariant.State.choices,
                ("outdated", _("Outdated")),
            ]

        def queryset(self, request, queryset):
            value = self.value()
            if not value:
                return queryset
            variants = ArticleVariant.objects.filter(article=OuterRef("pk"), language=code)
            missing = ArticleVariant.State.MISSING
            if value == missing:
                # No row at all counts as missing too (an article saved outside the admin).
                return queryset.exclude(Exists(variants.exclude(state=missing)))
            if value == "outdated":
                return queryset.filter(Exists(variants.outdated()))
            return queryset.filter(Exists(variants.filter(state=value)))

    VariantStateFilter.title = lazy(title, str)()
    VariantStateFilter.__name__ = f"VariantState{code.title()}Filter"
    return VariantStateFilter


class ArticleChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        # The per-language summary reads every row's variants: one query for the page.
        self.result_list = self.result_list.prefetch_related("variants")


# -- The article --


@admin.register(Article)
class ArticleAdmin(
    FallbackAddressNoticeMixin, ServiceAdminMixin, ImagePickerMixin, TranslationAdmin
):
    """Articles in every language on one form, with our own language switcher.

    modeltranslation's TabbedTranslationAdmin is not used: it loads jQuery UI from a CDN.
    """

    slug_source = "title"
    form = ArticleAdminForm
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
        (_("Filing"), {"fields": ["section"], "classes": ["nr-filing"]}),
        (_("Media"), {"fields": ["lead_image"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "source_language", "site_links"]},
        ),
    ]
    readonly_fields = ["site_links"]
    # The picture desk's picker: a thumbnail beside the field, the image library in the lookup.
    raw_id_fields = ["lead_image"]
    prepopulated_fields = {"slug": ("title",)}
    inlines = [
        BylineInline,
        TaggedArticleInline,
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
    ]
    list_filter = [
        "status",
        "section",
        *[variant_state_filter(code) for code in language_codes()],
    ]
    list_select_related = ["section"]
    search_fields = columns("title")
    date_hierarchy = "published_at"
    actions = ["publish_selected", "unpublish_selected"]
    # The built-in button links whatever the language state; site_links shows per language
    # whether a reader can see it.
    view_on_site = False

    class Media:
        css = {"all": ["newsroom/admin/translations.css", "articles/admin/placement-node.css"]}
        js = ["newsroom/admin/translations.js"]

    # Permissions

    def has_publish_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_article")

    # Form

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
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _switcher_config(self, context):
        """What translations.js needs: languages, fields, source, errors per language."""
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
        source = form["source_language"].value() or settings.LANGUAGE_CODE
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
            "labels": {
                "switcher": gettext("Language to show"),
                "source": pgettext("language switcher", "source language"),
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

    # Saving: one service call for the fields, byline and tags (and the placement inline
    # inside its transaction), then publishing and language states through theirs. What a
    # service refuses is shown on the form (ServiceAdminMixin) and nothing is saved.

    def save_model(self, request, obj, form, change):
        # Written in save_related, where the byline and tag inlines are at hand.
        pass

    def save_related(self, request, form, formsets, change):
        article, by = form.instance, request.user
        was = form.initial.get("status") if change else Article.Status.DRAFT
        wanted = article.status
        published = Article.Status.PUBLISHED
        publish = wanted == published and was != published
        unpublish = was == published and wanted != published
        if publish or unpublish:
            # Onto or off the site only through article_publish / article_unpublish.
            article.status = was

        inlines = {formset.model: formset for formset in formsets}
        for model in (Byline, TaggedArticle):
            if model in inlines:
                # Records what changed, for the history message; writes nothing.
                inlines[model].save(commit=False)
        bylines = self._bylines(inlines[Byline]) if Byline in inlines else None
        tags = (
            [row["tag"] for row in self._rows(inlines[TaggedArticle])]
            if TaggedArticle in inlines
            else None
        )

        def related(saved):
            for formset in formsets:
                if formset.model not in (Byline, TaggedArticle, ArticleVariant):
                    self.save_formset(request, form, formset, change=change)

        write = {"by": by, "bylines": bylines, "tags": tags, "related": related}
        if change:
            self.save_through(
                lambda: services.article_update(article=article, **write), "published_at"
            )
        else:
            self.save_through(lambda: services.article_create(article=article, **write))
        if publish:
            self.save_through(lambda: services.article_publish(article=article, by=by), "status")
        elif unpublish:
            self.save_through(
                lambda: services.article_unpublish(article=article, by=by, status=wanted),
                "status",
            )
        if ArticleVariant in inlines:
            self.save_formset(request, form, inlines[ArticleVariant], change=change)

    @staticmethod
    def _rows(formset):
        """The cleaned rows an inline keeps (not deleted, not left empty)."""
        return [
            form.cleaned_data
            for form in formset.forms
            if getattr(form, "cleaned_data", None) and not formset._should_delete_form(form)
        ]

    def _bylines(self, formset):
        rows = [row for row in self._rows(formset) if row.get("author")]
        ordered = sorted(enumerate(rows), key=lambda pair: (pair[1].get("position") or 0, pair[0]))
        return [row["author"] for _index, row in ordered]

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

    # Changelist

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    @admin.display(description=_("title"))
    def display_title(self, obj):
        language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        title = localized(obj, "title", language)
        if title:
            return title
        source = obj.source_language
        return format_html(
            '<span lang="{}" dir="{}">{}</span> <span class="nr-fallback">({})</span>',
            source,
            text_direction(source),
            localized(obj, "title", source) or f"#{obj.pk}",
            source.upper(),
        )

    @admin.display(description=_("languages"))
    def language_summary(self, obj):
        variants = {v.language: v for v in obj.variants.all()}
        states = dict(ArticleVariant.State.choices)
        rows = []
        for code in language_codes():
            variant = variants.get(code)
            state = variant.state if variant else ArticleVariant.State.MISSING
            outdated = variant is not None and variant.is_outdated
            text = gettext("%(language)s: %(state)s") % {
                "language": language_name(code),
                "state": states[state],
            }
            if outdated:
                text = gettext("%(language_and_state)s, outdated") % {"language_and_state": text}
            rows.append(
                (
                    state,
                    " nr-state-outdated" if outdated else "",
                    text,
                    code.upper(),
                    OUTDATED_SYMBOL if outdated else STATE_SYMBOLS[state],
                    text,
                )
            )
        return format_html(
            '<span class="nr-langs">{}</span>',
            format_html_join(
                " ",
                '<span class="nr-lang nr-state-{}{}" title="{}">'
                '<span aria-hidden="true">{} {}</span>'
                '<span class="nr-visually-hidden">{}</span></span>',
                rows,
            ),
        )

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
