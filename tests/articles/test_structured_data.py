"""What search engines and social sites read on an article page: JSON-LD and social cards;
and the author kinds an organisation's byline is credited with."""

import io
import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation
from PIL import Image as PillowImage

from articles import services, structured_data
from articles.models import Author
from media.services import image_create
from newsroom.languages import language_codes
from tests import factories
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    """The JSON-LD blocks and the <meta> tags of a page."""

    def __init__(self):
        super().__init__()
        self.json_ld, self.meta, self._script = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = []
        elif tag == "meta":
            self.meta.append(attrs)

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.json_ld.append(json.loads("".join(self._script)))
            self._script = None


def head(client, path):
    response = client.get(path)
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def of_type(parser, kind):
    return next(data for data in parser.json_ld if data["@type"] == kind)


def og(parser, name):
    return [m["content"] for m in parser.meta if m.get("property") == name or m.get("name") == name]


def big_image(**fields):
    """A real 1600×1000 JPEG: wide enough for a rendition of at least 1200 pixels."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 1000), (40, 90, 160)).save(buffer, "JPEG")
    upload = SimpleUploadedFile("big.jpg", buffer.getvalue(), content_type="image/jpeg")
    for code in language_codes():  # publishing asks for alt text in each published language
        fields.setdefault(f"alt_text_{code}", f"A blue picture ({code})")
    # As the background job leaves it: every crop's renditions made.
    return media_factories.processed(image_create(file=upload, by=factories.superuser(), **fields))


def story(**fields):
    section = factories.section(name_en="World", name_nl="Wereld")
    fields.setdefault("languages", ("en", "nl"))
    return factories.article(
        section=section,
        title_en="Floods in the delta",
        title_nl="Overstromingen in de delta",
        standfirst_en="Rivers rose overnight.",
        standfirst_nl="De rivieren stegen vannacht.",
        **fields,
    )


def test_news_article_names_headline_dates_language_and_publisher(client):
    article = story(authors=[factories.author(name="Ada Reporter")])
    data = of_type(head(client, article.get_absolute_url("nl")), "NewsArticle")

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "Overstromingen in de delta"
    assert data["description"] == "De rivieren stegen vannacht."
    assert data["inLanguage"] == "nl"
    assert data["url"] == "http://testserver" + article.get_absolute_url("nl")
    assert data["datePublished"] == timezone.localtime(article.published_at).isoformat(
        timespec="seconds"
    )
    assert data["dateModified"] == data["datePublished"]
    assert data["isAccessibleForFree"] is True
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Ada Reporter",
            "url": "http://testserver/nl/authors/" + article.authors.get().slug + "/",
        }
    ]
    publisher = data["publisher"]
    assert publisher["name"] == "Newsroom"
    assert publisher["logo"]["url"].startswith("http://testserver/static/")
    assert publisher["logo"]["url"].endswith("logo.png")


def test_news_article_images_come_in_16_9_4_3_and_1_1(client):
    article = story(lead_image=big_image(alt_text_en="Flooded street"))
    data = of_type(head(client, article.get_absolute_url("en")), "NewsArticle")

    sizes = [
        tuple(map(int, re.search(r"-(\d+)x(\d+)\.jpg$", url).groups())) for url in data["image"]
    ]
    assert [round(w / h, 2) for w, h in sizes] == [round(16 / 9, 2), round(4 / 3, 2), 1.0]
    assert all(url.startswith("http://testserver/") for url in data["image"])
    assert all(w >= 1200 or h >= 1000 for w, h in sizes)


def test_source_version_lists_translations_and_a_translation_names_its_source(client):
    article = story(languages=("en", "nl", "de"))
    en = of_type(head(client, article.get_absolute_url("en")), "NewsArticle")
    nl = of_type(head(client, article.get_absolute_url("nl")), "NewsArticle")

    assert [(v["inLanguage"], v["url"]) for v in en["workTranslation"]] == [
        ("nl", "http://testserver" + article.get_absolute_url("nl")),
        ("de", "http://testserver" + article.get_absolute_url("de")),
    ]
    assert "translationOfWork" not in en
    assert nl["translationOfWork"]["inLanguage"] == "en"
    assert nl["translationOfWork"]["url"] == "http://testserver" + article.get_absolute_url("en")
    assert "workTranslation" not in nl


def test_unpublished_language_versions_are_not_named_as_translations(client):
    article = story(languages=("en",), title_de="Hochwasser")  # German text, not published
    data = of_type(head(client, article.get_absolute_url("en")), "NewsArticle")
    assert "workTranslation" not in data


def test_breadcrumbs_go_home_section_article(client):
    article = story()
    with translation.override("nl"):
        section_nl = article.section.get_absolute_url()
    data = of_type(head(client, article.get_absolute_url("nl")), "BreadcrumbList")
    assert [(i["position"], i["name"], i["item"]) for i in data["itemListElement"]] == [
        (1, "Newsroom", "http://testserver/nl/"),
        (2, "Wereld", "http://testserver" + section_nl),
        (3, "Overstromingen in de delta", "http://testserver" + article.get_absolute_url("nl")),
    ]


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        (Author.Kind.PERSON, "Person"),
        (Author.Kind.NEWSROOM, "Organization"),
        (Author.Kind.PARTNER, "Organization"),
        (Author.Kind.AGENCY, "Organization"),
    ],
)
def test_an_organisations_byline_is_an_organization(client, kind, schema_type):
    author = factories.author(name="Byline", kind=kind)
    article = story(authors=[author])
    data = of_type(head(client, article.get_absolute_url("en")), "NewsArticle")
    assert data["author"][0]["@type"] == schema_type


def test_a_wire_agencys_byline_is_not_rel_author_and_not_the_newsroom(client):
    agency = factories.author(name="Wire Press", kind=Author.Kind.AGENCY)
    page = client.get(story(authors=[agency]).get_absolute_url("en")).content.decode()
    link = re.search(r'<a href="/en/authors/[^"]+"[^>]*>Wire Press</a>', page)[0]
    assert 'class="byline-organisation"' in link
    assert 'rel="author"' not in link
    assert agency.is_organisation
    assert agency.kind == Author.Kind.AGENCY


def test_is_organisation_still_reads_and_writes_as_the_newsroom():
    staff = factories.author(name="Newsroom staff", is_organisation=True)
    assert staff.kind == Author.Kind.NEWSROOM
    assert staff.is_organisation
    services.author_update(author=staff, by=factories.superuser(), is_organisation=False)
    staff.refresh_from_db()
    assert staff.kind == Author.Kind.PERSON


@pytest.mark.django_db(transaction=True)
def test_the_migration_makes_ticked_organisations_newsroom_bylines():
    before = [("articles", "0005_placements_from_media")]
    after = [("articles", "0006_author_kind")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("articles", "Author")
    old.objects.create(name="Staff", slug="staff", is_organisation=True)
    old.objects.create(name="Ada", slug="ada", is_organisation=False)

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("articles", "Author")
    assert dict(new.objects.values_list("slug", "kind")) == {"staff": "newsroom", "ada": "person"}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_json_ld_cannot_be_closed_by_the_text_it_carries(client):
    title = "Why </script><script>alert(1)</script> & <!-- matter"
    article = factories.article(title_en=title)
    page = client.get(article.get_absolute_url("en")).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 2
    assert "<" not in blocks[0] and ">" not in blocks[0]
    assert json.loads(blocks[0])["headline"] == title
    assert "<script>alert(1)" not in page


def test_json_ld_block_is_data_not_a_script_to_run():
    html = structured_data.json_ld({"a": "</script>"})
    assert html.startswith('<script type="application/ld+json">')
    assert "nonce" not in html


def test_social_cards_name_locale_alternates_and_the_1200_wide_image(client):
    article = story(
        languages=("en", "nl", "ar"), lead_image=big_image(alt_text_nl="Ondergelopen straat")
    )
    parser = head(client, article.get_absolute_url("nl"))

    assert og(parser, "og:type") == ["article"]
    assert og(parser, "og:title") == ["Overstromingen in de delta"]
    assert og(parser, "og:description") == ["De rivieren stegen vannacht."]
    assert og(parser, "og:url") == ["http://testserver" + article.get_absolute_url("nl")]
    assert og(parser, "og:locale") == ["nl_NL"]
    assert og(parser, "og:locale:alternate") == ["en_GB", "ar_AR"]
    [image] = og(parser, "og:image")
    assert image.startswith("http://testserver/") and image.endswith(".jpg")
    assert og(parser, "og:image:width") == ["1200"]
    assert og(parser, "og:image:height") == ["675"]
    assert og(parser, "og:image:alt") == ["Ondergelopen straat"]
    assert og(parser, "twitter:card") == ["summary_large_image"]
    assert og(parser, "twitter:image") == [image]
    assert og(parser, "article:section") == ["Wereld"]


def test_a_story_without_a_picture_gets_a_summary_card(client):
    parser = head(client, story().get_absolute_url("en"))
    assert og(parser, "twitter:card") == ["summary"]
    assert og(parser, "og:image") == []
    assert of_type(parser, "NewsArticle")["image"] == []


def test_og_locale_uses_the_territory_social_sites_know():
    assert {code: structured_data.og_locale(code) for code in language_codes()} == {
        "en": "en_GB",
        "nl": "nl_NL",
        "de": "de_DE",
        "fr": "fr_FR",
        "ar": "ar_AR",
    }


def test_date_modified_follows_a_dutch_text_change_after_publication(client):
    article = story(published_at=timezone.now() - timedelta(days=2))
    services.article_update(article=article, by=factories.superuser(), body_nl="<p>Nieuw.</p>")
    services.article_publish(article=article, by=factories.superuser(), languages=["nl"])
    nl = of_type(head(client, article.get_absolute_url("nl")), "NewsArticle")
    en = of_type(head(client, article.get_absolute_url("en")), "NewsArticle")
    assert nl["dateModified"] > nl["datePublished"]
    assert en["dateModified"] == en["datePublished"]
