"""Sitemaps with hreflang alternates: each page listed once per language it is visible in."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from newsroom.languages import language_codes

from .models import Article
from .views import HOME_X_DEFAULT


class ArticleSitemap(Sitemap):
    """Every published article, in each language whose variant is published."""

    i18n = True
    alternates = True
    changefreq = "daily"
    limit = 5000

    def items(self):
        return Article.objects.published().prefetch_related("variants").order_by("pk")

    def get_languages_for_item(self, item):
        return [code for code in language_codes() if code in item.published_languages()]

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at

    def _urls(self, page, protocol, domain):
        # x-default is the article in the default language, else in its source language, as
        # in the pages' own <link rel="alternate">. (Django's x_default only covers the first.)
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            article = info["item"][0]
            by_language = {alt["lang_code"]: alt["location"] for alt in info["alternates"]}
            default = by_language.get(settings.LANGUAGE_CODE) or by_language.get(
                article.source_language
            )
            if default:
                info["alternates"].append({"lang_code": "x-default", "location": default})
        return urls


class HomeSitemap(Sitemap):
    """The home page in every language; x-default is `/`, which picks the reader's language."""

    i18n = True
    alternates = True
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, item):
        return reverse(item)

    def _urls(self, page, protocol, domain):
        # The same x-default as the home page's own <link rel="alternate">.
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            info["alternates"].append(
                {"lang_code": "x-default", "location": f"{protocol}://{domain}{HOME_X_DEFAULT}"}
            )
        return urls


sitemaps = {"home": HomeSitemap, "articles": ArticleSitemap}
