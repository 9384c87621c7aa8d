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

    # The home page in every language, the first article twice and the second once: an empty
    # sitemap must not pass.
    assert len(entries) == len(language_codes()) + 3
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
            if tag == "link" and attrs.get("rel") == "alternate":
                self.found[attrs["hreflang"]] = attrs["href"]

    for code in ("en", "nl", "ar"):
        page = Alternates()
        page.feed(client.get(f"/{code}/").content.decode())
        in_sitemap = _entries(client)[f"http://testserver/{code}/"]
        assert page.found == in_sitemap
        # `/` picks the reader's language: the address for a reader of no listed language.
        assert in_sitemap["x-default"] == "http://testserver/"
