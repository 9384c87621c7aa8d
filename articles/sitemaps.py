"""Sitemaps with hreflang alternates: each page listed once per language it is visible in.

`/sitemap.xml` lists the home pages, the articles, and the section, tag and author pages; once
that is more than NEWSROOM_SITEMAP_LIMIT addresses (50,000, the protocol's limit per file) it
becomes a sitemap index of `/sitemap-<section>.xml` files, each paginated at that limit.
`/news-sitemap.xml` is the Google News sitemap: the stories published in the last 48 hours,
once per language version visible in.

lastmod is the time the page in that language last changed:
- an article: its own last change (updated_at) or its language version's (a translation
  published later changes that language's page only), whichever is later;
- a section, tag or author in language L: the latest such time among the articles visible in
  L on its page (a new or edited story changes the listing). A section, tag or author page
  is listed in L only when it has a story visible in L: an empty listing is no page to index.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.db.models.functions import Greatest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from newsroom import pagecache
from newsroom.languages import language_codes, localized

from .models import Article, ArticleVariant, Author, Section, Tag

# What Google News reads: stories published in the last two days.
NEWS_WINDOW = timedelta(hours=48)


def sitemap_limit() -> int:
    return settings.NEWSROOM_SITEMAP_LIMIT


class LanguageSitemap(Sitemap):
    """An i18n sitemap whose items know their languages, with per-language lastmod and an
    x-default alternate; the items are computed once per request."""

    i18n = True
    alternates = True

    @property
    def limit(self):
        return sitemap_limit()

    def _items(self):
        if not hasattr(self, "_cached_items"):
            self._cached_items = super()._items()
        return self._cached_items

    def _get(self, name, item, default=None):
        if name == "lastmod":
            return self.lastmod_in(*item)
        return super()._get(name, item, default)

    def lastmod_in(self, item, language):
        return None

    def get_latest_lastmod(self):
        times = [self.lastmod_in(*pair) for pair in self._items()]
        return max((t for t in times if t is not None), default=None)

    def x_default_language(self, item) -> str:
        return settings.LANGUAGE_CODE

    def _urls(self, page, protocol, domain):
        # x-default: the page in the default language, else in the item's own fallback (an
        # article's source language), else in its first listed language: as the pages'
        # own <link rel="alternate"> say. (Django's x_default only covers the first.)
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            item = info["item"][0]
            by_language = {alt["lang_code"]: alt["location"] for alt in info["alternates"]}
            default = (
                by_language.get(settings.LANGUAGE_CODE)
                or by_language.get(self.x_default_language(item))
                or next(iter(by_language.values()), None)
            )
            if default:
                info["alternates"].append({"lang_code": "x-default", "location": default})
        return urls


class ArticleSitemap(LanguageSitemap):
    """Every published article, in each language whose variant is published."""

    changefreq = "daily"

    def items(self):
        return Article.objects.published().prefetch_related("variants").order_by("pk")

    def get_languages_for_item(self, item):
        return [code for code in language_codes() if code in item.published_languages()]

    def location(self, item):
        return item.get_absolute_url()

    def lastmod_in(self, item, language):
        variant = next((v for v in item.variants.all() if v.language == language), None)
        return max(item.updated_at, variant.updated_at) if variant else item.updated_at

    def x_default_language(self, item):
        return item.source_language


class FilingSitemap(LanguageSitemap):
    """Section, tag or author pages, in each language they list a visible story in."""

    changefreq = "daily"
    model = None
    # The path from a language version (ArticleVariant) to the filing's id.
    through = ""

    def latest(self) -> dict[int, dict[str, object]]:
        """{object id: {language: latest change of a story visible there}} in one query."""
        if not hasattr(self, "_latest"):
            rows = (
                ArticleVariant.objects.filter(
                    state=ArticleVariant.State.PUBLISHED,
                    article__in=Article.objects.published(),
                    **{f"{self.through}__isnull": False},
                )
                .values_list(self.through, "language")
                .annotate(latest=Max(Greatest("updated_at", "article__updated_at")))
                .order_by()
            )
            self._latest = {}
            for pk, language, latest in rows:
                self._latest.setdefault(pk, {})[language] = latest
        return self._latest

    def items(self):
        return list(self.model.objects.filter(pk__in=list(self.latest())).order_by("pk"))

    def get_languages_for_item(self, item):
        found = self.latest().get(item.pk, {})
        return [code for code in language_codes() if code in found]

    def lastmod_in(self, item, language):
        return self.latest().get(item.pk, {}).get(language)


class SectionSitemap(FilingSitemap):
    model = Section
    through = "article__section"


class TagSitemap(FilingSitemap):
    model = Tag
    through = "article__tags"


class AuthorSitemap(FilingSitemap):
    model = Author
    through = "article__bylines__author"


class HomeSitemap(LanguageSitemap):
    """The home page in every language; x-default is `/`, which picks the reader's language."""

    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, item):
        return reverse(item)

    def _urls(self, page, protocol, domain):
        # The same x-default as the home page's own <link rel="alternate">.
        from .views import HOME_X_DEFAULT

        urls = Sitemap._urls(self, page, protocol, domain)
        for info in urls:
            info["alternates"].append(
                {"lang_code": "x-default", "location": f"{protocol}://{domain}{HOME_X_DEFAULT}"}
            )
        return urls


sitemaps = {
    "home": HomeSitemap,
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


# The sitemaps are kept in the page cache like the pages: every language's listing changes
# with what they list, and FILINGS with the sections', tags' and authors' addresses.


@pagecache.cached_page
def sitemap(request):
    """`/sitemap.xml`: every address in one file, or an index of per-section files once
    there are more than sitemap_limit() addresses."""
    pagecache.depends_on(request, *pagecache.every_listing())
    maps = {name: cls() for name, cls in sitemaps.items()}
    total = sum(site.paginator.count for site in maps.values())
    if total <= sitemap_limit():
        return sitemap_views.sitemap(request, maps)
    return sitemap_views.index(request, maps, sitemap_url_name="sitemap_section")


@pagecache.cached_page(query=("p",))
def sitemap_section(request, section):
    """One file of the index (`/sitemap-articles.xml?p=2`)."""
    pagecache.depends_on(request, *pagecache.every_listing())
    return sitemap_views.sitemap(request, sitemaps, section=section)


@pagecache.cached_page
@cache_control(public=True, max_age=600)
@require_safe
def news_sitemap(request):
    """`/news-sitemap.xml`: each story published in the last 48 hours, once per language
    version visible in, with the publication's name and the version's language and title."""
    since = timezone.now() - NEWS_WINDOW
    articles = (
        Article.objects.published()
        .filter(published_at__gte=since)
        .prefetch_related("variants")
        .order_by("-published_at", "-pk")
    )
    pagecache.depends_on(request, *pagecache.every_listing())
    entries = []
    for article in articles:
        # No event takes a story out of the window: the stored file ends when one leaves it.
        pagecache.ends_at(request, article.published_at + NEWS_WINDOW)
        for code in language_codes():
            if code not in article.published_languages():
                continue
            with translation.override(code):
                location = request.build_absolute_uri(article.get_absolute_url(code))
            entries.append(
                {
                    "location": location,
                    "language": code,
                    "title": localized(article, "title", code),
                    "published_at": timezone.localtime(article.published_at).isoformat(
                        timespec="seconds"
                    ),
                }
            )
    context = {"entries": entries, "site_name": settings.NEWSROOM_SITE_NAME}
    return render(request, "articles/news_sitemap.xml", context, content_type="application/xml")
