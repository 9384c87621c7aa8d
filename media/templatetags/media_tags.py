"""Template tags for pictures and for the article body with its placed media.

Interim version: the picture desk (issue 3) replaces the bodies of these tags, keeping
their names and arguments.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def picture(image, spec="wide", lead=False, sizes="100vw", css_class=""):
    """A <picture> for `image` cut to `spec` ("wide" 16:9, "square" 1:1, "full" as is).

    `lead=True` loads eagerly (the image at the top of the page); others load lazily.
    A missing image or file renders a placeholder instead of failing the page.
    """
    if image is None or not image.file:
        return format_html('<span class="picture-missing" role="img" aria-label=""></span>')
    try:
        url = image.file.url
    except ValueError:
        return format_html('<span class="picture-missing" role="img" aria-label=""></span>')
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" class="{}" loading="{}" decoding="async">',
        url,
        image.alt_text or "",
        image.width,
        image.height,
        css_class,
        "eager" if lead else "lazy",
    )


@register.simple_tag(takes_context=True)
def article_body(context, article):
    """The article body in the active language, with its placed images and embeds."""
    return mark_safe(article.body or "")  # sanitized on save (ProseEditorField + nh3)
