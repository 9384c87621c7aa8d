"""The article form's inlines: the byline, the tags and where each language version stands."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import Case, IntegerField, Value, When
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..forms import ArticleVariantFormSet
from ..models import ArticleVariant, Byline, TaggedArticle, language_codes
from .changelist import OUTDATED_SYMBOL
from .roles import VariantRoleMixin


def _language_order():
    """Order variants the way settings.LANGUAGES lists them, not alphabetically."""
    return Case(
        *[When(language=code, then=Value(i)) for i, code in enumerate(language_codes())],
        default=Value(len(language_codes())),
        output_field=IntegerField(),
    )


class PendingRowsFormSet(forms.BaseInlineFormSet):
    """Rows given as `initial` (the pending byline or tags, see pending_rows) are kept when
    posted back unchanged: an extra form the user did not touch would count as empty."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if i >= self.initial_form_count() and i - self.initial_form_count() < len(
            self.initial_extra or []
        ):
            form.empty_permitted = False
        return form


def pending_rows(obj, model) -> list[dict] | None:
    """The rows the byline or tag inline shows when the article has a pending change of
    its shared part (a pending view, selectors.pending_view), else None (the stored rows)."""
    pending = getattr(obj, "pending", None) or {}
    if "" not in pending:
        return None
    if model is Byline:
        return [
            {"author": pk, "position": position}
            for position, pk in enumerate(obj.pending_bylines, start=1)
        ]
    return [{"tag": pk} for pk in obj.pending_tags]


class PendingRowsInlineMixin:
    """An inline that shows the pending rows of a published article's pending change."""

    formset = PendingRowsFormSet

    def get_extra(self, request, obj=None, **kwargs):
        rows = pending_rows(obj, self.model)
        return len(rows) if rows is not None else super().get_extra(request, obj, **kwargs)


class BylineInline(PendingRowsInlineMixin, admin.TabularInline):
    """The byline, in order: the position decides who is named first."""

    model = Byline
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    extra = 0
    verbose_name = _("author")
    verbose_name_plural = _("bylines")
    # Rendered inside the "Filing" part of the form (see the change_form template).
    newsroom_group = "filing"


class TaggedArticleInline(PendingRowsInlineMixin, admin.TabularInline):
    """Tags with autocomplete; TaggableManager itself cannot use autocomplete_fields."""

    model = TaggedArticle
    fk_name = "content_object"
    fields = ["tag"]
    autocomplete_fields = ["tag"]
    extra = 0
    verbose_name = _("tag")
    verbose_name_plural = _("tags")
    newsroom_group = "filing"


class ArticleVariantInline(VariantRoleMixin, admin.TabularInline):
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
