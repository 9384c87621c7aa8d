"""The sitemaps against the official XML Schemas (sitemaps.org, Google News, xhtml:link).

Runs in the browser pass (`make test-browser`, which CI runs beside ../shared): the schemas
are reference data outside the repository (../shared/schemas, or NEWSROOM_SCHEMAS), so the
embedded suite (`make test`) does not depend on them. No browser is needed.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SCHEMAS = Path(
    os.environ.get("NEWSROOM_SCHEMAS") or Path(__file__).resolve().parents[3] / "shared" / "schemas"
)


class LocalXml(etree.Resolver):
    """xhtml1-strict.xsd imports the W3C's xml.xsd by its web address: use the local copy."""

    def resolve(self, url, public_id, context):
        if url and url.endswith("/xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        return None


def schema(name: str, imports: dict[str, str] = {}) -> etree.XMLSchema:  # noqa: B006
    """The schema `name`, with other namespaces' schemas imported from the local copies."""
    if not SCHEMAS.is_dir():
        raise RuntimeError(f"The sitemap schemas are missing: {SCHEMAS} (../shared/schemas)")
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalXml())
    document = etree.parse(str(SCHEMAS / name), parser)
    root = document.getroot()
    xs = "http://www.w3.org/2001/XMLSchema"
    for namespace, file in imports.items():
        # sitemap.xsd admits other namespaces with processContents="strict": load them.
        element = etree.Element(f"{{{xs}}}import", namespace=namespace)
        element.set("schemaLocation", (SCHEMAS / file).as_uri())
        root.insert(0, element)
    return etree.XMLSchema(document)


def validate(xsd: etree.XMLSchema, content: bytes) -> None:
    document = etree.fromstring(content)
    assert xsd.validate(document), xsd.error_log


@pytest.fixture
def site():
    world = factories.section(name_en="World", slug_en="world", slug_ar="alam")
    tag = factories.tag(name_en="Climate & <weather>")
    author = factories.author(name="Ana O'Neil")
    factories.article(
        languages=("en", "ar"),
        title_en="Floods & storms <live>",
        title_ar="فيضانات",
        section=world,
        tags=[tag],
        authors=[author],
    )
    factories.article(languages=("nl",), source_language="nl", section=world)
    factories.article(published_at=timezone.now() - timedelta(days=5))


def test_sitemap_is_valid_against_the_sitemaps_org_schema_with_xhtml_links(client, site):
    xsd = schema("sitemap.xsd", {"http://www.w3.org/1999/xhtml": "xhtml1-strict.xsd"})

    validate(xsd, client.get("/sitemap.xml").content)


def test_sitemap_index_and_its_files_are_valid(client, site, settings):
    settings.NEWSROOM_SITEMAP_LIMIT = 2
    index = client.get("/sitemap.xml").content
    validate(schema("siteindex.xsd"), index)
    xsd = schema("sitemap.xsd", {"http://www.w3.org/1999/xhtml": "xhtml1-strict.xsd"})
    for loc in etree.fromstring(index).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        validate(xsd, client.get(loc.text.removeprefix("http://testserver")).content)


def test_news_sitemap_is_valid_against_the_google_news_schema(client, site):
    xsd = schema(
        "sitemap.xsd", {"http://www.google.com/schemas/sitemap-news/0.9": "sitemap-news.xsd"}
    )

    validate(xsd, client.get("/news-sitemap.xml").content)


def test_every_hreflang_alternate_in_the_sitemap_points_back(client, site):
    """Reciprocity, as search engines require it: each alternate of an address is itself
    listed, with the same set of alternates (and so naming the first address back)."""
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    xhtml = "{http://www.w3.org/1999/xhtml}"
    root = etree.fromstring(client.get("/sitemap.xml").content)
    alternates = {}
    for url in root.iter(f"{sm}url"):
        links = {
            link.get("hreflang"): link.get("href")
            for link in url.iter(f"{xhtml}link")
            if link.get("rel") == "alternate"
        }
        alternates[url.findtext(f"{sm}loc")] = links

    assert len(alternates) > 5  # home pages, articles, the section, the tag, the author
    for loc, links in alternates.items():
        assert loc in links.values(), loc
        for language, href in links.items():
            if language == "x-default":
                continue
            assert href in alternates, (loc, href)
            assert alternates[href] == links, (loc, href)
