"""What an article page tells search engines and social sites: schema.org JSON-LD and the
Open Graph / Twitter card tags.

Pure functions from plain values (strings, times, absolute URLs) to plain values (dicts,
lists of tags); the view gathers the values, the template prints them. Nothing here reads
the database or the request.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# og:locale wants language_TERRITORY. A site language has no territory of its own: these
# are the territories the social sites know each language by (Facebook lists Arabic as
# ar_AR).
OG_LOCALES = {"en": "en_GB", "nl": "nl_NL", "de": "de_DE", "fr": "fr_FR", "ar": "ar_AR"}

# Social sites and Google ask for a lead image at least 1200 pixels wide.
SHARE_MIN_WIDTH = 1200

# The three shapes Google asks of a news story's image, and the crops that cut them.
IMAGE_CROPS = ("wide", "standard", "square")  # 16:9, 4:3, 1:1

SCHEMA = "https://schema.org"


@dataclass(frozen=True)
class Credit:
    """One name in the byline: `organisation` for the newsroom, a partner or an agency."""

    name: str
    url: str
    organisation: bool = False


@dataclass(frozen=True)
class Version:
    """One language version of the story that a reader can see: its absolute URL."""

    language: str
    url: str
    headline: str


@dataclass(frozen=True)
class SharedImage:
    url: str
    width: int
    height: int


def og_locale(code: str) -> str:
    """The Open Graph locale of a site language ("nl" → "nl_NL")."""
    return OG_LOCALES.get(code) or f"{code}_{code.upper()}"


def share_rendition(renditions: Sequence, *, min_width: int = SHARE_MIN_WIDTH):
    """The rendition to hand to search engines and social sites: a JPEG (every crawler
    reads it), the narrowest at least `min_width` wide, else the widest there is.

    `renditions` are one crop's (objects with `width` and `format`); None when empty.
    """
    jpegs = [r for r in renditions if r.format == "jpeg"] or list(renditions)
    if not jpegs:
        return None
    wide_enough = [r for r in jpegs if r.width >= min_width]
    if wide_enough:
        return min(wide_enough, key=lambda r: r.width)
    return max(jpegs, key=lambda r: r.width)


def _time(moment: datetime | None) -> str | None:
    # The site's local time with its offset, to the second: as the page's <time> says it.
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def credit_node(credit: Credit) -> dict:
    """A byline name as schema.org: a Person, or an Organization for an organisation's
    byline (the newsroom itself, a partner, a wire agency)."""
    return {
        "@type": "Organization" if credit.organisation else "Person",
        "name": credit.name,
        "url": credit.url,
    }


def publisher_node(*, name: str, url: str, logo: SharedImage) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": name,
        "url": url,
        "logo": {
            "@type": "ImageObject",
            "url": logo.url,
            "width": logo.width,
            "height": logo.height,
        },
    }


def _version_node(version: Version) -> dict:
    return {
        "@type": "NewsArticle",
        "@id": version.url,
        "url": version.url,
        "inLanguage": version.language,
        "headline": version.headline,
    }


def news_article(
    *,
    url: str,
    headline: str,
    description: str,
    language: str,
    published: datetime,
    modified: datetime | None,
    images: Iterable[str],
    credits: Iterable[Credit],
    publisher: dict,
    section: str = "",
    keywords: Iterable[str] = (),
    is_free: bool = True,
    source: Version | None = None,
    translations: Iterable[Version] = (),
) -> dict:
    """A schema.org NewsArticle for one language version of a story.

    The version in the source language lists the other visible versions as its
    `workTranslation`; a translation names the source version, when readers can see it,
    as its `translationOfWork`. `modified` falls back to `published`.
    """
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "@id": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": headline,
        "description": description,
        "inLanguage": language,
        "datePublished": _time(published),
        "dateModified": _time(modified or published),
        "image": list(images),
        "author": [credit_node(c) for c in credits],
        "publisher": publisher,
        "isAccessibleForFree": is_free,
    }
    if section:
        data["articleSection"] = section
    if keywords := list(keywords):
        data["keywords"] = keywords
    if source is not None and source.language != language:
        data["translationOfWork"] = _version_node(source)
    elif translations := [v for v in translations if v.language != language]:
        data["workTranslation"] = [_version_node(v) for v in translations]
    if not data["description"]:
        del data["description"]
    return data


def breadcrumb_list(crumbs: Sequence[tuple[str, str]]) -> dict:
    """A schema.org BreadcrumbList of (name, absolute URL) from the home page down."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


# As django.utils.html.json_script: "<", ">" and "&" as JSON escapes, so no text in the data
# ("</script>", "<!--") can end the script element or change how it is parsed. Replaced one
# by one: str.translate() with a table walks the text in Python, a character at a time.
_SCRIPT_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def json_ld(data) -> SafeString:
    """`data` in a <script type="application/ld+json"> element, safe to embed in HTML.

    A data block is not executed, so a Content-Security-Policy without 'unsafe-inline'
    lets it be and it needs no nonce.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _SCRIPT_ESCAPES:
        text = text.replace(character, escape)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def social_tags(
    *,
    url: str,
    title: str,
    description: str,
    site_name: str,
    language: str,
    other_languages: Iterable[str],
    image: SharedImage | None,
    image_alt: str,
    published: datetime,
    modified: datetime | None,
    section: str = "",
    tags: Iterable[str] = (),
) -> list[tuple[str, str, str]]:
    """Open Graph and Twitter card tags as (attribute, name, content): "property" for Open
    Graph's, "name" for Twitter's. og:locale:alternate lists the other languages the story
    is published in; the image is the lead image's share rendition (absolute URL)."""
    tags_out = [
        ("property", "og:type", "article"),
        ("property", "og:site_name", site_name),
        ("property", "og:url", url),
        ("property", "og:title", title),
    ]
    if description:
        tags_out.append(("property", "og:description", description))
    tags_out.append(("property", "og:locale", og_locale(language)))
    tags_out += [
        ("property", "og:locale:alternate", og_locale(code))
        for code in other_languages
        if code != language
    ]
    if image is not None:
        tags_out += [
            ("property", "og:image", image.url),
            ("property", "og:image:width", str(image.width)),
            ("property", "og:image:height", str(image.height)),
        ]
        if image_alt:
            tags_out.append(("property", "og:image:alt", image_alt))
    tags_out.append(("property", "article:published_time", _time(published)))
    if modified is not None and modified != published:
        tags_out.append(("property", "article:modified_time", _time(modified)))
    if section:
        tags_out.append(("property", "article:section", section))
    tags_out += [("property", "article:tag", tag) for tag in tags]
    tags_out += [
        ("name", "twitter:card", "summary_large_image" if image is not None else "summary"),
        ("name", "twitter:title", title),
    ]
    if description:
        tags_out.append(("name", "twitter:description", description))
    if image is not None:
        tags_out.append(("name", "twitter:image", image.url))
        if image_alt:
            tags_out.append(("name", "twitter:image:alt", image_alt))
    return tags_out
