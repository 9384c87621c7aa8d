"""The article form's inlines: where each language version stands (the byline and tags are
StoryForm's autocomplete fields, articles/admin/creatable.py)."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Case, IntegerField, Value, When
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..forms import ArticleVariantFormSet
from ..models import ArticleVariant, language_codes
from .changelist import OUTDATED_SYMBOL
from .roles import VariantRoleMixin


def _language_order():
    """Order variants the way settings.LANGUAGES lists them, not alphabetically."""
    return Case(
        *[When(language=code, then=Value(i)) for i, code in enumerate(language_codes())],
        default=Value(len(language_codes())),
        output_field=IntegerField(),
    )


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
