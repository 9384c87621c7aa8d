import xml.etree.ElementTree as ET

import pytest

from newsroom.languages import language_codes
from tests import factories

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_each_article_in_its_visible_languages_with_alternates(client):
    story = factories.article(languages=("en", "nl"))
    base = "http://testserver"

    entries = _entries(client)

    en, nl = base + story.get_absolute_url("en"), base + story.get_absolute_url("nl")
    assert entries[en] == entries[nl] == {"en": en, "nl": nl, "x-default": en}
    assert not any("/de/" in loc and "/20" in loc for loc in entries)


def test_sitemap_leaves_out_drafts_and_scheduled_articles(client):
    factories.article(published=False, title_en="Draft")
    from datetime import timedelta

    from django.utils import timezone

    factories.article(published_at=timezone.now() + timedelta(days=1))

    assert not any("/20" in loc for loc in _entries(client))


def test_x_default_is_the_source_language_when_there_is_no_english_version(client):
    story = factories.article(languages=("nl", "de"), source_language="nl")
    nl = "http://testserver" + story.get_absolute_url("nl")

    assert _entries(client)[nl]["x-default"] == nl


def test_every_sitemap_address_answers(client):
    factories.article(languages=("en", "ar"))
    factories.article(languages=("fr",), source_language="fr")

    entries = _entries(client)

    # The home page in every language, the first article twice and the second once, and
    # their byline's author page in the three languages it has stories in: an empty sitemap
    # must not pass.
    assert len(entries) == len(language_codes()) + 3 + 3
    for loc, alternates in entries.items():
        for href in {loc, *alternates.values()}:
            response = client.get(href.removeprefix("http://testserver"), follow=True)
            assert response.status_code == 200, href


def test_home_x_default_is_the_same_in_the_sitemap_and_in_the_page(client):
    from html.parser import HTMLParser

    factories.article()

    class Alternates(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found = {}

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
                self.found[attrs["hreflang"]] = attrs["href"]

    for code in ("en", "nl", "ar"):
        page = Alternates()
        page.feed(client.get(f"/{code}/").content.decode())
        in_sitemap = _entries(client)[f"http://testserver/{code}/"]
        assert page.found == in_sitemap
        # `/` picks the reader's language: the address for a reader of no listed language.
        assert in_sitemap["x-default"] == "http://testserver/"


# Sections, tags and authors; the index; the news sitemap ---------------------------------------

NEWS = {"s": NS["s"], "n": "http://www.google.com/schemas/sitemap-news/0.9"}


def _lastmods(client, url="/sitemap.xml"):
    root = ET.fromstring(client.get(url).content)
    return {
        u.find("s:loc", NS).text: u.findtext("s:lastmod", None, NS)
        for u in root.findall("s:url", NS)
    }


def test_sections_tags_and_authors_are_listed_in_the_languages_they_have_stories_in(client):
    world = factories.section(name_en="World", slug_en="world", slug_nl="wereld", slug_de="welt")
    climate = factories.tag(name_en="Climate", slug_en="climate", slug_nl="klimaat")
    ana = factories.author(name="Ana", slug="ana")
    factories.section(name_en="Empty", slug_en="empty")
    factories.article(languages=("en", "nl"), section=world, tags=[climate], authors=[ana])
    # A German version that is not published lists nothing in German.
    factories.article(languages=("en",), section=world, title_de="Entwurf")
    base = "http://testserver"

    entries = _entries(client)

    en, nl = f"{base}/en/sections/world/", f"{base}/nl/sections/wereld/"
    assert entries[en] == entries[nl] == {"en": en, "nl": nl, "x-default": en}
    assert f"{base}/de/sections/welt/" not in entries
    assert not any("/sections/empty/" in loc for loc in entries)
    tag_en, tag_nl = f"{base}/en/tags/climate/", f"{base}/nl/tags/klimaat/"
    assert entries[tag_en] == {"en": tag_en, "nl": tag_nl, "x-default": tag_en}
    assert entries[f"{base}/nl/authors/ana/"]["en"] == f"{base}/en/authors/ana/"
    # Every listed address answers.
    for loc in entries:
        assert client.get(loc.removeprefix(base)).status_code == 200, loc


def test_a_filing_page_in_another_language_only_has_x_default_in_that_language(client):
    world = factories.section(name_en="World", slug_en="world", slug_fr="monde")
    factories.article(languages=("fr",), source_language="fr", section=world)
    fr = "http://testserver/fr/sections/monde/"

    assert _entries(client)[fr] == {"fr": fr, "x-default": fr}


def test_lastmod_is_the_latest_change_of_a_visible_story_in_that_language(client):
    from datetime import timedelta

    from django.utils import timezone

    from articles import services
    from articles.models import Article, ArticleVariant

    world = factories.section(name_en="World", slug_en="world", slug_nl="wereld")
    old = factories.article(languages=("en", "nl"), section=world)
    new = factories.article(languages=("en",), section=world)
    long_ago = timezone.now() - timedelta(days=30)
    Article.objects.filter(pk=old.pk).update(updated_at=long_ago)
    ArticleVariant.objects.filter(article=old).update(updated_at=long_ago)
    new.refresh_from_db()
    # A draft in the section is not on the page: it does not change its lastmod.
    services.article_create(by=factories.superuser(), title_en="Draft", section=world)

    lastmods = _lastmods(client)

    en = lastmods["http://testserver/en/sections/world/"]
    nl = lastmods["http://testserver/nl/sections/wereld/"]
    # The sitemaps protocol's W3C date: Django writes the day.
    assert en == timezone.localtime(new.updated_at).date().isoformat()
    assert nl == timezone.localtime(long_ago).date().isoformat()
    story_nl = "http://testserver" + old.get_absolute_url("nl")
    assert lastmods[story_nl] == timezone.localtime(long_ago).date().isoformat()


def test_past_the_limit_the_sitemap_becomes_an_index_of_section_files(client, settings):
    settings.NEWSROOM_SITEMAP_LIMIT = 3
    section = factories.section()
    for _ in range(2):
        factories.article(languages=("en", "nl"), section=section)

    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    files = [s.findtext("s:loc", None, NS) for s in root.findall("s:sitemap", NS)]

    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    assert "http://testserver/sitemap-articles.xml" in files
    assert "http://testserver/sitemap-articles.xml?p=2" in files
    listed = set()
    for file in files:
        part = client.get(file.removeprefix("http://testserver"))
        assert part.status_code == 200
        urls = ET.fromstring(part.content).findall("s:url", NS)
        assert len(urls) <= 3
        listed |= {u.findtext("s:loc", None, NS) for u in urls}
    settings.NEWSROOM_SITEMAP_LIMIT = 50_000
    assert listed == set(_entries(client))


def test_robots_txt_names_both_sitemaps(client):
    text = client.get("/robots.txt").content.decode()

    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/news-sitemap.xml" in text


def _news(client):
    response = client.get("/news-sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", None, NEWS): {
            "name": url.findtext("n:news/n:publication/n:name", None, NEWS),
            "language": url.findtext("n:news/n:publication/n:language", None, NEWS),
            "date": url.findtext("n:news/n:publication_date", None, NEWS),
            "title": url.findtext("n:news/n:title", None, NEWS),
        }
        for url in root.findall("s:url", NEWS)
    }


def test_news_sitemap_lists_each_visible_language_version_of_recent_stories(client):
    story = factories.article(
        languages=("en", "ar"), title_en="Ceasefire holds", title_ar="الهدنة صامدة"
    )
    factories.article(languages=("en",), title_en="Pending", title_de="Ausstehend")
    factories.article(published=False, title_en="Draft")

    news = _news(client)

    ar = "http://testserver" + story.get_absolute_url("ar")
    assert news[ar] == {
        "name": "Newsroom",
        "language": "ar",
        "date": news[ar]["date"],
        "title": "الهدنة صامدة",
    }
    assert news["http://testserver" + story.get_absolute_url("en")]["title"] == "Ceasefire holds"
    assert sorted(entry["title"] for entry in news.values()) == [
        "Ceasefire holds",
        "Pending",
        "الهدنة صامدة",
    ]


def test_news_sitemap_window_is_48_hours(client):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    factories.article(title_en="47 hours ago", published_at=now - timedelta(hours=47))
    factories.article(title_en="49 hours ago", published_at=now - timedelta(hours=49))
    factories.article(title_en="Tomorrow", published_at=now + timedelta(hours=24))

    assert [entry["title"] for entry in _news(client).values()] == ["47 hours ago"]


@pytest.mark.parametrize("size", [1, 5])
def test_sitemap_query_counts_do_not_grow_with_urls(client, django_assert_num_queries, size):
    for _ in range(size):
        factories.article(
            languages=("en", "nl"),
            section=factories.section(),
            tags=[factories.tag()],
            authors=[factories.author()],
        )

    # articles + variants; sections, tags and authors: latest times + objects
    with django_assert_num_queries(8):
        client.get("/sitemap.xml")
    with django_assert_num_queries(2):  # articles + variants
        client.get("/news-sitemap.xml")
