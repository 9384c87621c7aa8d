from django.urls import path, re_path, register_converter

from . import feeds, search, views


class SlugConverter:
    """What a slug can be: letters and digits of any script, hyphens and underscores.

    The same alphabet as SlugField(allow_unicode=True) and slugify(allow_unicode=True), so
    every slug reverses; an address with anything else (a NUL byte, a dot) is no page, and
    answers 404 before it reaches the database.
    """

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SlugConverter, "unicode_slug")

app_name = "articles"
urlpatterns = [
    path("", views.home, name="home"),
    re_path(
        r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/(?P<slug>[-\w]+)/$",
        views.article_detail,
        name="article",
    ),
    path("sections/<unicode_slug:slug>/", views.section_detail, name="section"),
    path("tags/<unicode_slug:slug>/", views.tag_detail, name="tag"),
    path("authors/<unicode_slug:slug>/", views.author_detail, name="author"),
    path("search/", search.search_page, name="search"),
    path("feed/", feeds.SiteFeed(), name="feed"),
    path("feed/atom/", feeds.SiteAtomFeed(), name="feed_atom"),
    path("sections/<unicode_slug:slug>/feed/", feeds.SectionFeed(), name="section_feed"),
    path(
        "sections/<unicode_slug:slug>/feed/atom/",
        feeds.SectionAtomFeed(),
        name="section_feed_atom",
    ),
    path("tags/<unicode_slug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("tags/<unicode_slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
    path("authors/<unicode_slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("authors/<unicode_slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_feed_atom"),
]
