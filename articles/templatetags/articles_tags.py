"""Template tags for the reader pages: site name, section navigation, marked fallbacks, bylines."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from articles.models import Section, Tag, language_order, slug_for
from newsroom.languages import localized, text_direction

register = template.Library()


@register.simple_tag
def site_name():
    """The name of the site (settings.NEWSROOM_SITE_NAME)."""
    return settings.NEWSROOM_SITE_NAME


@register.simple_tag
def translated(obj, field):
    """`obj.<field>` in the active language, or a marked fallback.

    When the active language has no text, the default language's (then any other's) text is
    shown inside a span with its own `lang`, so it is announced and styled as what it is.
    """
    language = translation.get_language()
    value = localized(obj, field, language)
    if value:
        return value
    for code in language_order(language)[1:]:
        value = localized(obj, field, code)
        if value:
            return format_html(
                '<span lang="{}" dir="{}" class="fallback">{}</span>',
                code,
                text_direction(code),
                value,
            )
    return ""


@register.simple_tag
def translated_url(obj):
    """The address of a section or tag page in the active language."""
    name = {Section: "articles:section", Tag: "articles:tag"}[type(obj)]
    return reverse(name, kwargs={"slug": slug_for(obj, translation.get_language())})


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_nav(context):
    """The sections, in order, for the site header; the current one is marked."""
    current = context.get("nav_section")  # set by the section page only
    return {"sections": list(Section.objects.all()), "current_pk": getattr(current, "pk", None)}


@register.simple_tag
def byline(article):
    """ "By A, B and C", each linking to the author's page, in byline order.

    Uses the bylines prefetched by `for_listing()`. An author that is the organisation itself
    ("Newsroom staff") is credited without rel="author", which names a person.
    """
    names = []
    for line in article.bylines.all():
        author = line.author
        names.append(
            format_html(
                '<a href="{}" class="{}"{}>{}</a>',
                author.get_absolute_url(),
                "byline-organisation" if author.is_organisation else "byline-author",
                "" if author.is_organisation else mark_safe(' rel="author"'),
                author.name,
            )
        )
    if not names:
        return ""
    # get_text_list() joins with the translated ", " and the word given.
    return format_html(_("By {authors}"), authors=mark_safe(get_text_list(names, _("and"))))
