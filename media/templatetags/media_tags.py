"""Template tags for pictures and embeds.

`{% picture image spec %}` renders a responsive <picture> from stored renditions,
making them on first use; `{% embed_card embed %}` a privacy-first placeholder.
`placed_item()` is the figure an article body puts where a placement is referenced
(the body itself is articles' `{% article_body %}`).
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from media import renditions as pillow
from media import services
from newsroom.languages import language_codes, localized

register = template.Library()

# The widest rendition the no-srcset fallback <img src> points at.
FALLBACK_WIDTH = 960


def localized_text(obj, field):
    """(text, lang) in the active language; lang is set only when it is another language's text.

    Used for alt text and warnings, where saying nothing is worse than the default language.
    """
    if own := localized(obj, field):
        return own, ""
    if default := localized(obj, field, settings.LANGUAGE_CODE):
        return default, settings.LANGUAGE_CODE
    return "", ""


def content_warning(obj):
    """(text, lang) of the object's content warning, or ("", "") when it has none.

    A warning set in any language warns every reader: a missing translation must not
    show a graphic picture unannounced. The text falls back to the default language,
    then to a generic one.
    """
    text, lang = localized_text(obj, "content_warning")
    if text:
        return text, lang
    if any(localized(obj, "content_warning", code) for code in language_codes()):
        return translation.gettext("This may be distressing."), ""
    return "", ""


def _placeholder(alt, lang=""):
    return format_html(
        '<span class="picture-missing" role="img" aria-label="{}"{}></span>',
        alt,
        format_html(' lang="{}"', lang) if lang else "",
    )


def _srcset(renditions):
    return ", ".join(f"{r.file.url} {r.width}w" for r in renditions)


def render_picture(image, spec="wide", lead=False, sizes="100vw", css_class=""):
    """The <picture> markup (see the `picture` tag); a placeholder when it cannot be shown."""
    if image is None:
        return _placeholder("")
    alt, alt_lang = localized_text(image, "alt_text")
    crop = spec if spec in pillow.CROPS else "full"
    if not image.file:
        return _placeholder(alt, alt_lang)
    renditions = services.image_renditions(image=image, crop=crop)
    if not renditions:
        return _placeholder(alt, alt_lang)
    by_format = {}
    for rendition in renditions:
        by_format.setdefault(rendition.format, []).append(rendition)
    fallback_set = by_format.get("jpeg") or next(iter(by_format.values()))
    largest = fallback_set[-1]
    fallback = [r for r in fallback_set if r.width <= FALLBACK_WIDTH] or fallback_set[:1]
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        (
            (pillow.MIME_TYPES[fmt], _srcset(by_format[fmt]), sizes)
            for fmt in pillow.MIME_TYPES
            if fmt in by_format and fmt != "jpeg"
        ),
    )
    loading = (
        mark_safe('loading="eager" fetchpriority="high"') if lead else mark_safe('loading="lazy"')
    )
    img = format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{} {} '
        'decoding="async">',
        fallback[-1].file.url,
        _srcset(fallback_set),
        sizes,
        largest.width,
        largest.height,
        alt,
        format_html(' lang="{}"', alt_lang) if alt_lang else "",
        format_html(' class="{}"', css_class) if css_class else "",
        loading,
    )
    html = format_html('<picture class="picture picture--{}">{}{}</picture>', crop, sources, img)
    warning, warning_lang = content_warning(image)
    if warning:
        html = warning_wrap(html, warning, warning_lang, kind="image")
    return html


def warning_wrap(content, text, lang="", kind="image"):
    """Hide `content` behind a content warning the reader opens (a <details>: no JS needed)."""
    return template.loader.render_to_string(
        "media/content_warning.html",
        {"content": content, "text": text, "lang": lang, "kind": kind},
    )


@register.simple_tag
def picture(image, spec="wide", lead=False, sizes="100vw", css_class=""):
    """A <picture> for `image` cut to `spec` ("wide" 16:9, "square" 1:1, "full" as is).

    AVIF/WebP sources and a JPEG <img> with srcset, sizes, width and height (no layout
    shift). `lead=True` loads eagerly with high priority (the image at the top of the
    page); others load lazily. Renditions are made on first use and stored. A missing
    image or source file renders a placeholder instead of failing the page; a picture
    with a content warning is hidden behind it until the reader opens it.
    """
    return render_picture(image, spec, lead, sizes, css_class)


@register.simple_tag
def embed_card(embed):
    """An embed's privacy-first placeholder: nothing is requested from the provider until
    the reader clicks (with JavaScript the player then loads in place; without it the
    placeholder is a link to the video's page)."""
    title, title_lang = localized_text(embed, "title")
    html = template.loader.render_to_string(
        "media/embed.html",
        {
            "embed": embed,
            "title": title,
            "title_lang": title_lang,
            "player_url": embed.player_url,
            "provider": embed.get_provider_display(),
        },
    )
    warning, warning_lang = content_warning(embed)
    if warning:
        html = warning_wrap(mark_safe(html), warning, warning_lang, kind="embed")
    return mark_safe(html)


@register.simple_tag(takes_context=True)
def media_assets(context):
    """The picture desk's CSS and JS; put it in <head>. `article_body` adds it when missing."""
    _mark_assets_done(context)
    return _assets()


def _assets():
    return format_html(
        '<link rel="stylesheet" href="{}"><script src="{}" defer></script>',
        static("media/media.css"),
        static("media/media.js"),
    )


def _mark_assets_done(context):
    request = context.get("request")
    if request is not None:
        request._newsroom_media_assets = True


def _assets_done(context):
    request = context.get("request")
    return bool(request is not None and getattr(request, "_newsroom_media_assets", False))


def assets_once(context):
    """The picture desk's CSS and JS unless the page has them already (then "")."""
    if _assets_done(context):
        return ""
    _mark_assets_done(context)
    return _assets()


def placed_item(*, image=None, embed=None, caption="", key=""):
    """A picture or embed placed in a text, as a <figure> with its caption and credit.

    The caller chooses the caption (media knows nothing about the text it sits in).
    """
    if image is not None:
        media = render_picture(image, "full", sizes="(min-width: 48rem) 48rem, 100vw")
    else:
        media = embed_card(embed)
    return template.loader.render_to_string(
        "media/placement.html",
        {
            "key": key,
            "media": mark_safe(media),
            "caption": caption,
            "credit": image.credit if image is not None else "",
            "kind": "image" if image is not None else "embed",
        },
    )
