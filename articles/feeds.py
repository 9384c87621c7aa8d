"""RSS 2.0 and Atom feeds per language: the whole site, and each section, tag and author.

    /<lang>/feed/                      /<lang>/feed/atom/
    /<lang>/sections/<slug>/feed/      /<lang>/sections/<slug>/feed/atom/
    /<lang>/tags/<slug>/feed/          /<lang>/tags/<slug>/feed/atom/
    /<lang>/authors/<slug>/feed/       /<lang>/authors/<slug>/feed/atom/

Each lists the newest FEED_SIZE articles visible in the language (the reader pages' rule,
Article.objects.visible), in a fixed number of queries however many items: the title and
standfirst in that language, the absolute address, publication and update times, every author
in byline order, the tags, and the lead picture as an enclosure (its JPEG rendition nearest
1200 pixels wide, with its length and type). An item whose language version has correction or
update notes carries them, dated, after the standfirst in its description (one more query,
made only when an item has notes).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from media.renditions import MIME_TYPES
from media.services import picture_renditions
from newsroom import pagecache
from newsroom.addresses import address, slug_address
from newsroom.languages import active_language, localized, reader_text

from . import selectors
from .models import Article, Author, Correction, Section, Tag, slug_for

FEED_SIZE = 20
# The rendition width feed readers and aggregators show best (and Google's recommendation
# for large images); the nearest existing JPEG rendition is used.
ENCLOSURE_WIDTH = 1200

DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"


class NewsroomRss(Rss201rev2Feed):
    """RSS 2.0 with every author (dc:creator) and the update time (dcterms:modified)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC, "xmlns:dcterms": DCTERMS}

    def add_item_elements(self, handler, item):
        # Django writes the first author as dc:creator (with its own xmlns); the rest here.
        super().add_item_elements(handler, item)
        for name in item.get("authors", [])[1:]:
            handler.addQuickElement("dc:creator", name)
        if item["updateddate"] is not None:
            handler.addQuickElement("dcterms:modified", item["updateddate"].isoformat())


class NewsroomAtom(Atom1Feed):
    """Atom with one <author> per name in the byline."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors", [])[1:]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")


@dataclass
class Source:
    """What a feed lists: the site, or one section, tag or author, in one language."""

    request: object
    language: str
    section: Section | None = None
    tag: Tag | None = None
    author: Author | None = None


def lead_enclosure(request, article) -> Enclosure | None:
    """The lead picture's JPEG rendition nearest ENCLOSURE_WIDTH wide, or None.

    From the picture's manifest of ready renditions (no query); None while they are being
    made. The length is the stored file's size: a stat on the local file system (a HEAD
    request on object storage).
    """
    image = article.lead_image
    if image is None or not image.file:
        return None
    ready = picture_renditions(image=image, crop="wide") or []
    jpegs = [r for r in ready if r.format == "jpeg"]
    if not jpegs:
        return None
    rendition = min(jpegs, key=lambda r: (abs(r.width - ENCLOSURE_WIDTH), -r.width))
    name = getattr(rendition, "name", None) or rendition.file.name
    try:
        length = default_storage.size(name)
    except OSError:
        length = 0
    return Enclosure(
        request.build_absolute_uri(rendition.url), str(length), MIME_TYPES[rendition.format]
    )


class SiteFeed(Feed):
    """The newest stories of the whole site in the active language (RSS 2.0)."""

    feed_type = NewsroomRss

    # Served from the page cache to anonymous readers, like the pages (newsroom.pagecache).
    @method_decorator(pagecache.cached_page)
    def __call__(self, request, *args, **kwargs):
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return Source(request=request, language=active_language())

    def title(self, source):
        return settings.NEWSROOM_SITE_NAME

    def link(self, source):
        return reverse("articles:home")

    def description(self, source):
        return _("The latest stories from %(site)s.") % {"site": settings.NEWSROOM_SITE_NAME}

    def subtitle(self, source):
        return self.description(source)

    def articles(self, source):
        return Article.objects.visible(source.language)

    def items(self, source):
        listing = self.articles(source).for_listing().with_filing()
        noted = Correction.objects.filter(article=OuterRef("pk"), language=source.language)
        listing = selectors.with_modified_at(listing, source.language).annotate(
            has_notes=Exists(noted)
        )
        items = list(listing.order_by("-published_at", "-pk")[:FEED_SIZE])
        notes = {}
        if with_notes := [article.pk for article in items if article.has_notes]:
            for note in Correction.objects.filter(article__in=with_notes, language=source.language):
                notes.setdefault(note.article_id, []).append(note)
        for article in items:
            article.feed_enclosure = lead_enclosure(source.request, article)
            article.feed_notes = notes.get(article.pk, [])
        # The items, and the names of their tags and authors (and of this feed's section,
        # tag or author): any section, tag or author change purges FILINGS.
        pagecache.depends_on(
            source.request,
            pagecache.listing_tag(source.language),
            pagecache.FILINGS,
            *pagecache.article_tags(items),
        )
        return items

    def item_title(self, article):
        return localized(article, "title")

    def item_description(self, article):
        """The standfirst, then the language version's notes, dated, oldest first (as the
        page lists them): HTML, as feed readers read an item's description."""
        standfirst = localized(article, "standfirst")
        if not article.feed_notes:
            return standfirst
        notes = format_html_join(
            "",
            "<p><strong>{}</strong> {}</p>",
            (
                (
                    _("%(kind)s, %(date)s:")
                    % {
                        "kind": note.get_kind_display(),
                        "date": date_format(timezone.localtime(note.created_at), "DATETIME_FORMAT"),
                    },
                    mark_safe(note.text),  # cleaned by the service: links and emphasis only
                )
                for note in article.feed_notes
            ),
        )
        return format_html("<p>{}</p>{}", escape(standfirst), notes)

    def item_link(self, article):
        return article.get_absolute_url()

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        # When this language version last changed for readers: a text change after
        # publication or a correction or update note (selectors.with_modified_at).
        return getattr(article, "modified_at", None) or article.updated_at

    def item_author_name(self, article):
        names = self._authors(article)
        return names[0] if names else None

    def item_categories(self, article):
        return [name for tag in article.tag_objects() if (name := localized(tag, "name"))]

    def item_enclosures(self, article):
        return [article.feed_enclosure] if article.feed_enclosure else []

    def item_extra_kwargs(self, article):
        return {"authors": self._authors(article)}

    @staticmethod
    def _authors(article):
        return [line.author.name for line in article.bylines.all()]


class SectionFeed(SiteFeed):
    """The newest stories in one section."""

    def get_object(self, request, slug):
        section = selectors.section_or_tag_by_slug(Section, slug, active_language())
        if section is None:
            raise Http404("No such section.")
        return Source(request=request, language=active_language(), section=section)

    def title(self, source):
        # A feed's title is plain text: a name not in the reader's language says so in words.
        return f"{reader_text(source.section, 'name').plain} – {super().title(source)}"

    def link(self, source):
        return reverse("articles:section", kwargs={"slug": slug_for(source.section)})

    def description(self, source):
        return _("The latest stories in %(section)s from %(site)s.") % {
            "section": reader_text(source.section, "name").plain,
            "site": settings.NEWSROOM_SITE_NAME,
        }

    def articles(self, source):
        return super().articles(source).in_section(source.section)


class TagFeed(SiteFeed):
    """The newest stories with one tag."""

    def get_object(self, request, slug):
        tag = selectors.section_or_tag_by_slug(Tag, slug, active_language())
        if tag is None:
            raise Http404("No such tag.")
        return Source(request=request, language=active_language(), tag=tag)

    def title(self, source):
        return f"{reader_text(source.tag, 'name').plain} – {super().title(source)}"

    def link(self, source):
        return reverse("articles:tag", kwargs={"slug": slug_for(source.tag)})

    def description(self, source):
        return _("Stories about %(topic)s from %(site)s.") % {
            "topic": reader_text(source.tag, "name").plain,
            "site": settings.NEWSROOM_SITE_NAME,
        }

    def articles(self, source):
        return super().articles(source).filter(tags=source.tag)


class AuthorFeed(SiteFeed):
    """The newest stories with one author in the byline."""

    def get_object(self, request, slug):
        author = get_object_or_404(Author, slug=slug)
        return Source(request=request, language=active_language(), author=author)

    def title(self, source):
        return f"{source.author.name} – {super().title(source)}"

    def link(self, source):
        return source.author.get_absolute_url()

    def description(self, source):
        return _("Stories by %(author)s from %(site)s.") % {
            "author": source.author.name,
            "site": settings.NEWSROOM_SITE_NAME,
        }

    def articles(self, source):
        return super().articles(source).filter(bylines__author=source.author)


class SiteAtomFeed(SiteFeed):
    feed_type = NewsroomAtom


class SectionAtomFeed(SectionFeed):
    feed_type = NewsroomAtom


class TagAtomFeed(TagFeed):
    feed_type = NewsroomAtom


class AuthorAtomFeed(AuthorFeed):
    feed_type = NewsroomAtom


def feed_links(context) -> list[dict]:
    """The feeds a page advertises in its head: the site's in the active language, and the
    section's, tag's or author's on its own page (read from the page's context)."""
    language = active_language()
    links = [
        {
            "type": "application/rss+xml",
            "title": settings.NEWSROOM_SITE_NAME,
            "href": address("articles:feed", language),
        },
        {
            "type": "application/atom+xml",
            "title": settings.NEWSROOM_SITE_NAME,
            "href": address("articles:feed_atom", language),
        },
    ]
    for key, name, slug in (
        ("section", "articles:section", lambda o: slug_for(o, language)),
        ("tag", "articles:tag", lambda o: slug_for(o, language)),
        ("author", "articles:author", lambda o: o.slug),
    ):
        obj = context.get(key)
        if not isinstance(obj, (Section, Tag, Author)) or not obj.pk:
            continue
        shown = reader_text(obj, "name").plain if isinstance(obj, (Section, Tag)) else obj.name
        title = f"{shown} – {settings.NEWSROOM_SITE_NAME}"
        links += [
            {
                "type": "application/rss+xml",
                "title": title,
                "href": slug_address(f"{name}_feed", slug(obj), language),
            },
            {
                "type": "application/atom+xml",
                "title": title,
                "href": slug_address(f"{name}_feed_atom", slug(obj), language),
            },
        ]
    return links
