import xml.etree.ElementTree as ET
from datetime import timedelta
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from django.utils import timezone

from media.models import Rendition
from tests import factories
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).findall("channel/item")


def atom_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def test_rss_item_has_the_localized_title_standfirst_link_dates_and_authors(client):
    ana, ben = factories.author(name="Ana Ruiz"), factories.author(name="Ben Okafor")
    story = factories.article(
        languages=("en", "nl"),
        title_nl="Dijken worden verhoogd",
        standfirst_nl="Het water stijgt.",
        authors=[ana, ben],
    )

    (item,) = rss_items(client, "/nl/feed/")

    assert item.findtext("title") == "Dijken worden verhoogd"
    assert item.findtext("description") == "Het water stijgt."
    assert item.findtext("link") == "http://testserver" + story.get_absolute_url("nl")
    assert parsedate_to_datetime(item.findtext("pubDate")) == story.published_at.replace(
        microsecond=0
    )
    assert item.findtext(f"{DCTERMS}modified")
    assert [c.text for c in item.findall(f"{DC}creator")] == ["Ana Ruiz", "Ben Okafor"]


def test_atom_entry_has_every_author_and_both_dates(client):
    ana, ben = factories.author(name="Ana Ruiz"), factories.author(name="Ben Okafor")
    factories.article(title_en="Dykes raised", authors=[ana, ben])

    (entry,) = atom_entries(client, "/en/feed/atom/")

    assert entry.findtext(f"{ATOM}title") == "Dykes raised"
    assert [a.findtext(f"{ATOM}name") for a in entry.findall(f"{ATOM}author")] == [
        "Ana Ruiz",
        "Ben Okafor",
    ]
    assert entry.findtext(f"{ATOM}published") and entry.findtext(f"{ATOM}updated")
    link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert link.startswith("http://testserver/en/20")


def test_feeds_list_exactly_the_articles_visible_in_their_language(client):
    both = factories.article(languages=("en", "de"), title_en="Both", title_de="Beide")
    factories.article(languages=("en",), title_en="English only")
    factories.article(published=False, languages=("en", "de"), title_en="Draft")
    factories.article(published_at=timezone.now() + timedelta(hours=3), title_en="Later")
    # German text written, German version not published.
    factories.article(languages=("en",), title_en="Pending", title_de="Ausstehend")

    english = [i.findtext("title") for i in rss_items(client, "/en/feed/")]
    german = [e.findtext(f"{ATOM}title") for e in atom_entries(client, "/de/feed/atom/")]

    assert sorted(english) == ["Both", "English only", "Pending"]
    assert german == ["Beide"]
    assert both.get_absolute_url("de") in client.get("/de/feed/").content.decode()


def test_a_feed_has_the_newest_twenty(client):
    now = timezone.now()
    for n in range(22):
        factories.article(title_en=f"Story {n:02d}", published_at=now - timedelta(hours=22 - n))

    titles = [i.findtext("title") for i in rss_items(client, "/en/feed/")]

    assert titles == [f"Story {n:02d}" for n in range(21, 1, -1)]


def test_section_tag_and_author_feeds_list_only_their_stories(client):
    world = factories.section(name_en="World", slug_en="world", slug_fr="monde")
    climate = factories.tag(name_en="Climate", slug_en="climate")
    ana = factories.author(name="Ana Ruiz", slug="ana-ruiz")
    factories.article(languages=("en", "fr"), title_en="In world", title_fr="Monde", section=world)
    factories.article(title_en="Tagged", tags=[climate])
    factories.article(title_en="By Ana", authors=[ana])
    factories.article(title_en="Other")

    def titles(url):
        return [i.findtext("title") for i in rss_items(client, url)]

    assert titles("/en/sections/world/feed/") == ["In world"]
    assert titles("/fr/sections/monde/feed/") == ["Monde"]
    assert titles("/en/tags/climate/feed/") == ["Tagged"]
    assert titles("/en/authors/ana-ruiz/feed/") == ["By Ana"]
    assert [
        e.findtext(f"{ATOM}title") for e in atom_entries(client, "/en/tags/climate/feed/atom/")
    ] == ["Tagged"]
    assert client.get("/en/sections/nowhere/feed/").status_code == 404
    assert client.get("/en/authors/nobody/feed/atom/").status_code == 404


def test_the_lead_picture_is_an_enclosure_with_length_and_type(client, settings):
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]
    factories.article(lead_image=media_factories.processed(factories.image()))

    (item,) = rss_items(client, "/en/feed/")
    enclosure = item.find("enclosure")
    (entry,) = atom_entries(client, "/en/feed/atom/")
    link = entry.find(f"{ATOM}link[@rel='enclosure']")

    assert enclosure.get("type") == "image/jpeg"
    assert enclosure.get("url").startswith("http://testserver/")
    (rendition,) = Rendition.objects.filter(
        crop="wide", format="jpeg", file__in=[enclosure.get("url").split("/uploads/")[1]]
    )
    with rendition.file.open("rb") as stored:
        assert int(enclosure.get("length")) == len(stored.read()) > 0
    assert link.get("href") == enclosure.get("url")


def test_every_page_advertises_the_feeds_in_its_language(client):
    section = factories.section(name_en="World", slug_en="world", slug_nl="wereld")
    factories.article(languages=("en", "nl"), section=section)

    home = client.get("/nl/").content.decode()
    listing = client.get("/nl/sections/wereld/").content.decode()

    assert (
        '<link rel="alternate" type="application/rss+xml" title="Newsroom" href="/nl/feed/">'
        in home
    )
    assert 'type="application/atom+xml" title="Newsroom" href="/nl/feed/atom/"' in home
    assert 'href="/nl/sections/wereld/feed/"' in listing
    assert 'href="/nl/sections/wereld/feed/atom/"' in listing
    assert "/sections/" not in home.split("</head>")[0].split("feed")[0]


@pytest.mark.parametrize("url", ["/en/feed/", "/en/feed/atom/", "/en/sections/world/feed/"])
@pytest.mark.parametrize("size", [1, 5])
def test_feed_query_count_does_not_grow_with_items(client, django_assert_num_queries, url, size):
    world = factories.section(name_en="World", slug_en="world")
    for _ in range(size):
        factories.article(
            section=world,
            authors=[factories.author()],
            tags=[factories.tag()],
            lead_image=factories.image(),
        )
    client.get(url)  # the pictures' renditions are made once

    # (the section), articles (their pictures' renditions come from each image's manifest),
    # bylines, tags
    with django_assert_num_queries(4 if "sections" in url else 3):
        client.get(url)


@pytest.mark.parametrize(
    "url",
    ["/en/feed/", "/en/feed/atom/", "/ar/feed/", "/ar/feed/atom/", "/en/sections/world/feed/"],
)
def test_a_feed_reader_parses_every_feed_without_complaint(client, url):
    """feedparser, as feed readers use it, reads each feed whole: no error, every item."""
    world = factories.section(name_en="World", slug_en="world", name_ar="العالم")
    factories.article(
        languages=("en", "ar"),
        section=world,
        title_en="Floods & storms <live>",
        title_ar="فيضانات",
        authors=[factories.author(name="Ana O'Neil"), factories.author(name="Ben Okafor")],
        tags=[factories.tag(name_en="Climate & weather", name_ar="المناخ")],
        lead_image=media_factories.processed(factories.image()),
    )
    factories.article(languages=("en",), section=world, title_en="Bridge opens")

    feed = feedparser.parse(client.get(url).content)

    assert not feed.bozo, feed.get("bozo_exception")
    language = url.split("/")[1]
    expected = {"en": ["Bridge opens", "Floods & storms <live>"], "ar": ["فيضانات"]}[language]
    assert sorted(entry.title for entry in feed.entries) == sorted(expected)
    for entry in feed.entries:
        assert entry.link.startswith(f"http://testserver/{language}/")
        assert entry.published_parsed and entry.updated_parsed
        assert entry.get("authors")
    stormy = [e for e in feed.entries if e.title in ("Floods & storms <live>", "فيضانات")]
    assert [a.get("name") for a in stormy[0].authors] == ["Ana O'Neil", "Ben Okafor"]
    assert stormy[0].enclosures and stormy[0].enclosures[0].type == "image/jpeg"
