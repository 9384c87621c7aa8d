"""The article list: a filter per language state, titles in the editor's language and the
per-language summary, read in one query for the page."""

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db.models import Exists, OuterRef
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from newsroom.languages import active_language, language_name, text_direction

from ..models import ArticleVariant, PendingChange, language_codes, localized

# What the changelist shows for each language state; the words go alongside for screen
# readers and as a tooltip, the symbol is only a visual shorthand.
STATE_SYMBOLS = {
    ArticleVariant.State.PUBLISHED: "✓",
    ArticleVariant.State.READY: "●",
    ArticleVariant.State.IN_PROGRESS: "…",
    ArticleVariant.State.MISSING: "–",
}
OUTDATED_SYMBOL = "!"
PENDING_SYMBOL = "✎"


def _pending_exists(code):
    return Exists(PendingChange.objects.filter(article=OuterRef("pk"), language=code))


def _pending_attribute(code):
    return f"nr_pending_{code or 'shared'}"


class PendingChangesFilter(admin.SimpleListFilter):
    """Articles with pending changes (in any part, or in one language)."""

    title = _("pending changes")
    parameter_name = "pending"

    def lookups(self, request, model_admin):
        return [
            ("any", _("Any")),
            ("none", _("None")),
            ("shared", _("Shared fields")),
            *[(code, language_name(code)) for code in language_codes()],
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        pending = PendingChange.objects.filter(article=OuterRef("pk"))
        if value == "any":
            return queryset.filter(Exists(pending))
        if value == "none":
            return queryset.exclude(Exists(pending))
        code = "" if value == "shared" else value
        return queryset.filter(Exists(pending.filter(language=code)))


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
    def get_queryset(self, request, exclude_parameters=None):
        # Which parts have pending changes, in the page's own query (no query per row).
        return (
            super()
            .get_queryset(request, exclude_parameters)
            .annotate(
                **{
                    _pending_attribute(code): _pending_exists(code)
                    for code in ["", *language_codes()]
                }
            )
        )

    def get_results(self, request):
        super().get_results(request)
        # The per-language summary reads every row's variants: one query for the page.
        self.result_list = self.result_list.prefetch_related("variants")


class ArticleChangelistMixin:
    """The columns of the article list that need more than a field (see ArticleAdmin)."""

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    @admin.display(description=_("title"))
    def display_title(self, obj):
        title = localized(obj, "title", active_language())
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
            pending = getattr(obj, _pending_attribute(code), False)
            if pending:
                text = gettext("%(language_and_state)s, pending change") % {
                    "language_and_state": text
                }
            symbol = OUTDATED_SYMBOL if outdated else STATE_SYMBOLS[state]
            rows.append(
                (
                    state,
                    (" nr-state-outdated" if outdated else "")
                    + (" nr-state-pending" if pending else ""),
                    text,
                    code.upper(),
                    f"{symbol}{PENDING_SYMBOL}" if pending else symbol,
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

    @admin.display(description=_("pending changes"))
    def pending_summary(self, obj):
        parts = [
            gettext("shared fields") if code == "" else code.upper()
            for code in ["", *language_codes()]
            if getattr(obj, _pending_attribute(code), False)
        ]
        if not parts:
            return "–"
        return format_html(
            '<span class="nr-pending">{} {}</span>', PENDING_SYMBOL, ", ".join(parts)
        )
