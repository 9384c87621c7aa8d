"""Template tags for pictures and embeds.

`{% picture image spec %}` renders a responsive <picture> from stored renditions,
making them on first use; `{% embed_card embed %}` a privacy-first placeholder.
`placed_item()` is the figure an article body puts where a placement is referenced
(the body itself is articles' `{% article_body %}`).
"""

from __future__ import annotations

from django import template
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from media import renditions as pillow
from media import services
from media.models import ReadyRendition
from newsroom.languages import ReaderText, reader_text

register = template.Library()

# The widest rendition the no-srcset fallback <img src> points at.
FALLBACK_WIDTH = 960


def localized_text(obj, field):
    """(text, lang) for an attribute (alt text): lang is set only when it is another language's.

    The one fallback policy (newsroom.languages.reader_text): the reader's language, else
    the default language's, else any. An attribute has no room for a visible marker, so the
    element carries the text's `lang`; saying nothing would be worse for alt text.
    """
    shown = reader_text(obj, field)
    return shown.text, shown.lang


def content_warning(obj) -> ReaderText:
    """The object's content warning for the reader (empty when it has none in any language).

    A warning set in any language warns every reader: a missing translation shows the
    default language's text (then any language's), marked with its `lang` and a visible
    "(in English)", and never shows a graphic picture unannounced.
    """
    return reader_text(obj, "content_warning")


def _placeholder(alt, lang=""):
    return format_html(
        '<span class="picture-missing" role="img" aria-label="{}"{}></span>',
        alt,
        format_html(' lang="{}"', lang) if lang else "",
    )


def _srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


def render_picture(image, spec="wide", lead=False, sizes="100vw", css_class=""):
    """The <picture> markup (see the `picture` tag); a placeholder when it cannot be shown."""
    if image is None:
        return _placeholder("")
    alt, alt_lang = localized_text(image, "alt_text")
    crop = spec if spec in pillow.CROPS else "full"
    if not image.file:
        return _placeholder(alt, alt_lang)
    # The image's manifest of ready renditions: no row per rendition. The markup made from
    # a stored manifest is kept with it (Manifest.memo): the same picture in every listing
    # of this process is made once per crop, size and text.
    memo = getattr(image.renditions_ready, "memo", None)
    key = ("picture", crop, sizes, bool(lead), css_class, alt, alt_lang)
    key += (services.rendition_spec(), services.media_url_base())
    if memo is not None and key in memo:
        return _with_warning(image, memo[key])
    renditions = services.picture_renditions(image=image, crop=crop)
    if renditions is None:
        # Nothing ready yet (the background job is still making them, or failed): the
        # original, scaled by the browser.
        return _with_warning(image, _original(image, crop, alt, alt_lang, lead, css_class))
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
    loading = _loading(lead)
    img = format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{} {} '
        'decoding="async">',
        fallback[-1].url,
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
    # Kept only when it was made from that same manifest (not from rows, nor from a manifest
    # rewritten meanwhile).
    from_manifest = all(isinstance(r, ReadyRendition) for r in renditions)
    same_manifest = getattr(image.renditions_ready, "memo", None) is memo
    if memo is not None and from_manifest and same_manifest:
        memo[key] = html
    return _with_warning(image, html)


def _with_warning(image, html):
    warning = content_warning(image)
    if warning:
        html = warning_wrap(html, warning, kind="image")
    return html


def _loading(lead):
    return (
        mark_safe('loading="eager" fetchpriority="high"') if lead else mark_safe('loading="lazy"')
    )


def _original(image, crop, alt, alt_lang, lead, css_class):
    """The stored original in an <img> sized as the crop will be (no layout shift); CSS
    cuts it to the crop around the focal point (object-fit) until the renditions exist."""
    left, top, right, bottom = pillow.crop_box(
        (image.width, image.height), pillow.CROPS[crop], image.focal_point
    )
    img = format_html(
        '<img src="{}" width="{}" height="{}" alt="{}"{}{} {} decoding="async" '
        'style="object-position: {}% {}%">',
        image.file.url,
        right - left,
        bottom - top,
        alt,
        format_html(' lang="{}"', alt_lang) if alt_lang else "",
        format_html(' class="{}"', css_class) if css_class else "",
        _loading(lead),
        round(image.focal_x * 100),
        round(image.focal_y * 100),
    )
    return format_html(
        '<picture class="picture picture--{} picture--original">{}</picture>', crop, img
    )


def warning_wrap(content, warning: ReaderText, kind="image"):
    """Hide `content` behind a content warning the reader opens (a <details>: no JS needed).

    The warning renders marked when it is another language's text (see ReaderText).
    """
    return template.loader.render_to_string(
        "media/content_warning.html",
        {"content": content, "warning": warning, "kind": kind},
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
    html = template.loader.render_to_string(
        "media/embed.html",
        {
            "embed": embed,
            # Rendered marked when it is another language's title (see ReaderText).
            "title": reader_text(embed, "title"),
            "player_url": embed.player_url,
            "provider": embed.get_provider_display(),
        },
    )
    warning = content_warning(embed)
    if warning:
        html = warning_wrap(mark_safe(html), warning, kind="embed")
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
