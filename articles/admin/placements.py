"""The placed pictures and videos of an article in its admin form.

Items are placed by inserting them in the body editor (the references create the rows on
save); this inline is where their captions are translated, where an item can be swapped
or removed, and where a language version that leaves an item out says so.
"""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from media.admin import ImagePickerMixin
from newsroom.languages import language_name

from ..forms import PlacementForm
from ..models import Placement
from ..placements import placement_gaps
from .roles import PlacementRoleMixin


class PlacementInline(PlacementRoleMixin, ImagePickerMixin, TranslationStackedInline):
    """Images and embeds placed in the article's body; shared by every language, with a
    caption per language."""

    model = Placement
    form = PlacementForm
    extra = 0
    raw_id_fields = ["image", "embed"]
    fields = ["key", "missing_in", "image", "embed", "caption_override", "accepted_gaps"]
    readonly_fields = ["key", "missing_in"]
    verbose_name = _("placed image or embed")
    verbose_name_plural = _("images and embeds in the story")

    def has_add_permission(self, request, obj=None):
        # An item is placed by inserting it in the body, which says where it goes.
        return False

    @admin.display(description=_("missing in"))
    def missing_in(self, placement):
        if placement is None or placement.pk is None:
            return "–"
        languages = [
            gap.language
            for gap in placement_gaps(placement.article)
            if gap.placement.pk == placement.pk
        ]
        if not languages:
            return "–"
        return format_html(
            '<span class="nr-placement-gap">{}</span>',
            gettext("Not in the text in: %(languages)s")
            % {"languages": ", ".join(language_name(code) for code in languages)},
        )


def gaps_summary(article):
    """The warning at the top of the article form: which language lacks which item."""
    if article is None or article.pk is None:
        return ""
    gaps = placement_gaps(article)
    if not gaps:
        return ""
    rows = [
        (
            gettext("The %(language)s text has no place for “%(item)s” (%(key)s).")
            % {
                "language": language_name(gap.language),
                "item": str(gap.placement),
                "key": gap.placement.key,
            },
        )
        for gap in gaps
    ]
    return format_html(
        '<div class="nr-placement-gaps messagelist"><p class="warning">{}</p><ul>{}</ul>'
        '<p class="help">{}</p></div>',
        gettext("Some pictures or videos are missing from a translation."),
        format_html_join("", "<li>{}</li>", rows),
        gettext(
            "Insert them in that language's text, or tick the language under “left out on "
            "purpose in” in “Images and embeds in the story” to accept the gap."
        ),
    )
