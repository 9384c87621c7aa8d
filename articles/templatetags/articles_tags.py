"""Template tags for the reader pages: site name, section navigation, marked fallbacks, bylines,
and the article body with its placed pictures and videos."""

import functools
import logging
import re
from datetime import date

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import prefetch_related_objects
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, get_text_list, slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles import body as body_references
from articles import structured_data
from articles.models import Section, Tag, placements_prefetch, slug_for
from media.templatetags.media_tags import assets_once, placed_item, render_picture
from newsroom import prepared
from newsroom.addresses import slug_address
from newsroom.languages import ReaderText, active_language, columns, reader_text

logger = logging.getLogger(__name__)
register = template.Library()


@register.simple_tag
def site_name():
    """The name of the site (settings.NEWSROOM_SITE_NAME)."""
    return settings.NEWSROOM_SITE_NAME


@register.simple_tag
def translated(obj, field):
    """`obj.<field>` in the active language, or a marked fallback.

    The one fallback policy (newsroom.languages.reader_text): when the active language has
    no text, the default language's (then any other's) is shown with its own `lang` and a
    visible, localized marker ("(in het Engels)").
    """
    return reader_text(obj, field)


@register.simple_tag
def translated_url(obj):
    """The address of a section or tag page in the active language."""
    name = {Section: "articles:section", Tag: "articles:tag"}[type(obj)]
    language = active_language()
    return slug_address(name, slug_for(obj, language), language)


def _all_sections(key):
    return Section.objects.all()


# On every page: compiled once per process (newsroom.prepared).
_SECTIONS = prepared.PreparedQuery(Section, _all_sections)


# The navigation's markup per language, current section and the sections' names and slugs:
# the same on nearly every page, and made again only when one of those changes.
_NAV_MARKUP = {}
_NAV_MARKUP_LIMIT = 64


@register.simple_tag(takes_context=True)
def section_nav(context):
    """The sections, in order, for the site header; the current one is marked.

    It is on every page, the 404 page included, so a section without an address is left
    out (and logged) rather than taking the whole site down with it. Built in one pass in
    Python: a template include with a tag per section cost more than the rest of the header.
    """
    current = context.get("nav_section")  # set by the section page only
    current_pk = getattr(current, "pk", None)
    language = active_language()
    sections = _SECTIONS.run(None)
    texts = columns("name", "slug")
    key = (
        language,
        current_pk,
        tuple((s.pk, *(getattr(s, name) for name in texts)) for s in sections),
    )
    markup = _NAV_MARKUP.get(key)
    if markup is None:
        markup = _section_nav_markup(sections, current_pk, language)
        if len(_NAV_MARKUP) >= _NAV_MARKUP_LIMIT:
            _NAV_MARKUP.clear()
        _NAV_MARKUP[key] = markup
    return markup


def _section_nav_markup(sections, current_pk, language):
    items = []
    for section in sections:
        try:
            url = slug_address("articles:section", slug_for(section, language), language)
        except NoReverseMatch:
            logger.error("Section %s has no address in %s.", section.pk, language)
            continue
        current_mark = mark_safe(' aria-current="page"') if section.pk == current_pk else ""
        items.append((url, current_mark, reader_text(section, "name", language=language)))
    if not items:
        return ""
    return format_html(
        '<nav class="section-nav" aria-label="{}">\n  <div class="wrap"><ul>{}\n  </ul></div>\n'
        "</nav>",
        _("Sections"),
        format_html_join("", '\n    <li><a href="{}"{}>{}</a></li>', items),
    )


@register.simple_tag(takes_context=True)
def language_nav(context):
    """The language switcher of the page's `switcher` entries (newsroom.pages): a link to
    the page in each language it exists in, the others shown as unavailable."""
    items = []
    for item in context.get("switcher") or ():
        name = capfirst(item["name"])
        if item["url"]:
            current = item["current"]
            items.append(
                format_html(
                    '<a href="{}" lang="{}" hreflang="{}" dir="{}"{}>{}</a>',
                    item["url"],
                    item["code"],
                    item["code"],
                    item["dir"],
                    format_html(' aria-current="{}"', current) if current else "",
                    name,
                )
            )
        else:
            unavailable = _("Not available in %(language)s") % {"language": item["name_translated"]}
            items.append(
                format_html(
                    '<span class="language-switcher__unavailable" title="{}"><span lang="{}" '
                    'dir="{}">{}</span><span class="visually-hidden"> ({})</span></span>',
                    unavailable,
                    item["code"],
                    item["dir"],
                    name,
                    unavailable,
                )
            )
    if not items:
        return ""
    return format_html(
        '<nav class="language-switcher" aria-label="{}">\n  <ul>{}\n  </ul>\n</nav>',
        _("Language"),
        format_html_join("", "\n    <li>{}</li>", ((item,) for item in items)),
    )


# A listing's story: one format string filled in Python. Rendered with a template include
# per story, a listing of twenty spent more time in the template engine than in the rest.
_STORY_ITEM = (
    '<article class="story-item">{picture}<div class="story-item__text">'
    '<h{level} class="story-item__title"><a href="{url}">{title}</a></h{level}>'
    "{standfirst}"
    '<p class="story-item__meta"><time datetime="{machine}">{date}</time></p>'
    "</div></article>"
)
STORY_PICTURE_SIZES = "(min-width: 40em) 10rem, 6rem"


@register.simple_tag
def story_item(article, level=2):
    """A story in a listing: its square picture, linked title (an <h`level`>), standfirst
    and date, in the active language (the home page's list, sections, tags, authors and
    search results)."""
    picture = ""
    if article.lead_image_id is not None and article.lead_image is not None:
        picture = format_html(
            '<div class="story-item__picture">{}</div>',
            render_picture(article.lead_image, "square", sizes=STORY_PICTURE_SIZES),
        )
    standfirst = article.standfirst
    return format_html(
        _STORY_ITEM,
        picture=picture,
        level=int(level or 2),
        url=article.get_absolute_url(),
        title=article.title,
        standfirst=format_html('<p class="story-item__standfirst">{}</p>', standfirst)
        if standfirst
        else "",
        **_published(article),
    )


def _published(story) -> dict:
    """A listed story's publication time for a <time> element: `machine`, the datetime
    attribute, and `date`, its day as readers in the active language write it."""
    local = timezone.localtime(story.published_at)
    return {"machine": local.isoformat(timespec="seconds"), "date": day_text(local.date())}


@functools.lru_cache(maxsize=2048)
def _day_text(language: str, day: date) -> str:
    return date_format(day, "DATE_FORMAT")


def day_text(day: date) -> str:
    """`day` in the active language's DATE_FORMAT: what date_format() gives, without its
    cost for each of a listing's stories (a listing's stories share a few days)."""
    return _day_text(get_language(), day)


def _forget_day_texts(**kwargs):
    _day_text.cache_clear()  # a test may change the formats' settings


setting_changed.connect(_forget_day_texts)


@register.filter
def machine_datetime(value):
    """A time for a `datetime` attribute: local time to the second, with its UTC offset.

    Django's "c" format carries microseconds, and HTML allows at most three decimals.
    """
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


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


def article_placements(article):
    """The article's placed items by key, with images, embeds and renditions (one prefetch)."""
    cache = getattr(article, "_prefetched_objects_cache", {})
    if "placements" not in cache:
        prefetch_related_objects([article], placements_prefetch())
    return {placement.key: placement for placement in article.placements.all()}


def placement_caption(placement, original: str | None = None) -> ReaderText:
    """The caption a reader is shown under a placed item: this article's caption in the
    reader's language, else the picture's or video's own; else, marked, the article's
    caption in its source language (`original`), else the item's in any language.

    The one fallback policy (reader_text): a caption names who and what is in the picture,
    so a missing translation shows the original, marked, rather than nothing.
    """
    item = placement.image or placement.embed
    for shown in (
        reader_text(placement, "caption_override", original=original),
        reader_text(item, "caption") if item is not None else ReaderText(),
    ):
        if shown and not shown.fallback:
            return shown
    own = reader_text(placement, "caption_override", original=original)
    return own or (reader_text(item, "caption") if item is not None else ReaderText())


def render_placement(placement, context):
    article = context.get("article")
    original = getattr(article, "source_language", None)
    return assets_once(context) + placed_item(
        image=placement.image,
        embed=placement.embed,
        caption=placement_caption(placement, original),
        key=placement.key,
    )


# Words a reader reads in a minute: a common estimate for news prose on screen.
WORDS_PER_MINUTE = 200

# Ids the page itself uses, which a subheading's anchor must not take.
PAGE_IDS = frozenset({"main", "corrections", "corrections-title", "related-title"})

_SUBHEADING = re.compile(r"<h([23])>(.*?)</h\1>", re.DOTALL)


def reading_minutes(html: str) -> int:
    """Minutes to read `html`'s text at WORDS_PER_MINUTE, rounded, at least one."""
    words = len(strip_tags(html or "").split())
    return max(1, round(words / WORDS_PER_MINUTE))


@register.simple_tag
def reading_time(article):
    """The minutes a reader needs for the article's body in the active language."""
    return reading_minutes(article.body)


def subheading_anchors(html: str, used=PAGE_IDS) -> str:
    """Give each <h2> and <h3> of a body an id and a visible "#" link to itself.

    The id comes from the heading's text (the same text gives the same id, so a shared
    link keeps working across edits elsewhere in the story); a repeated text, or one the
    page uses, gets "-2", "-3"; a heading without letters or digits is "section". The link
    sits beside the heading, not in it (the heading's name stays its text), and tells a
    screen reader what it links to.
    """
    taken = set(used)

    def replace(match):
        level, inner = match[1], match[2]
        text = strip_tags(inner).strip()
        base = slugify(text, allow_unicode=True) or "section"
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        return format_html(
            '<div class="subheading"><h{level} id="{anchor}">{inner}</h{level}>'
            '<a class="subheading__anchor" href="#{anchor}">'
            '<span aria-hidden="true">#</span><span class="visually-hidden">{label}</span>'
            "</a></div>",
            level=level,
            anchor=anchor,
            inner=mark_safe(inner),  # sanitized with the body
            label=_("Link to the part “%(heading)s”") % {"heading": text},
        )

    return _SUBHEADING.sub(replace, html)


@register.simple_tag(takes_context=True)
def search_and_social(context):
    """The article page's social card <meta> tags and JSON-LD blocks (views._search_and_social)."""
    metas = format_html_join(
        "",
        '\n  <meta {}="{}" content="{}">',
        context.get("social_tags") or (),
    )
    blocks = format_html_join(
        "", "{}\n  ", ((json_ld(data),) for data in context.get("structured_data") or ())
    )
    return format_html("{}\n  {}", metas, blocks)


def _story_link(story, *, dated: bool):
    if not dated:
        return format_html('<a href="{}">{}</a>', story.get_absolute_url(), story.title)
    return format_html(
        '<a href="{url}">{title}</a> <time datetime="{machine}">{date}</time>',
        url=story.get_absolute_url(),
        title=story.title,
        **_published(story),
    )


@register.simple_tag(takes_context=True)
def more_stories(context):
    """Under the article: the section's previous and next stories, then related stories."""
    previous, following = context.get("previous_article"), context.get("next_article")
    related = context.get("related_articles")
    parts = []
    if previous or following:
        pager = []
        for story, kind, label in (
            (previous, "previous", _("Previous story")),
            (following, "next", _("Next story")),
        ):
            if story:
                pager.append(
                    format_html(
                        '<li class="section-pager__{}"><span class="section-pager__label">{}'
                        "</span> {}</li>",
                        kind,
                        label,
                        _story_link(story, dated=False),
                    )
                )
        parts.append(
            format_html(
                '<nav class="section-pager" aria-label="{}">\n  <ul role="list">\n    {}\n'
                "  </ul>\n</nav>",
                _("More in this section"),
                mark_safe("\n    ".join(pager)),
            )
        )
    if related:
        parts.append(
            format_html(
                '<section class="related" aria-labelledby="related-title">\n  <h2 '
                'id="related-title" class="related__title">{}</h2>\n  <ul class="related__list" '
                'role="list">{}\n  </ul>\n</section>',
                _("Related stories"),
                format_html_join(
                    "",
                    "\n    <li>{}</li>",
                    ((_story_link(story, dated=True),) for story in related),
                ),
            )
        )
    return mark_safe("\n".join(parts))


@register.filter
def json_ld(data):
    """`data` as a <script type="application/ld+json"> block, escaped to stay one."""
    return structured_data.json_ld(data)


@register.simple_tag(takes_context=True)
def article_body(context, article):
    """The article body in the active language, each placement reference replaced by its
    picture or video (captions in the active language), each subheading with an anchor.

    Each language's body carries its own references, so a picture sits where that
    language's text puts it; a reference to a key the article has no placement for
    renders nothing. Adds two queries (placements with their images and embeds, then
    renditions) unless the article was fetched with `placements_prefetch()`.
    """
    # Sanitized on save (ProseEditorField + nh3 + references).
    body = subheading_anchors(article.body or "")
    if "<figure" not in body:
        return mark_safe(body)
    placements = article_placements(article)

    def replace(match):
        placement = placements.get(match[1])
        return render_placement(placement, context) if placement is not None else ""

    return mark_safe(body_references.REFERENCE.sub(replace, body))
