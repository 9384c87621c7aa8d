"""Outside judges of the reader pages, in Chromium: axe-core (accessibility) on every page
type in English and Arabic, and the article page's JSON-LD parsed as a search engine reads it.

axe-core comes from the npm package (`make axe`, a prerequisite of `make test-browser`) and
is injected from that file into each page: nothing is loaded from a CDN. Any violation,
of any impact, fails the test. The same pages go through the W3C checker in
test_html_validity.py.
"""

import json
import os
from pathlib import Path

import pytest

from tests.browser.site import judged_pages, judged_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_JS = Path(
    os.environ.get("AXE_JS")
    or Path(__file__).resolve().parents[2] / "var/tools/node_modules/axe-core/axe.min.js"
)
LANGUAGES = ("en", "ar")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]  # fast renditions; sizes are tested elsewhere


def _axe():
    if not AXE_JS.exists():
        raise RuntimeError(f"No axe-core at {AXE_JS}: run `make axe`")
    return str(AXE_JS)


def test_axe_finds_no_accessibility_violation_in_english_or_arabic(page, live_server):
    # An init script, not a <script> tag: the pages' Content-Security-Policy refuses inline
    # scripts, and the judge must see the pages exactly as readers get them.
    page.add_init_script(path=_axe())
    found = []
    for name, address, status in judged_pages(judged_site(), LANGUAGES):
        response = page.goto(live_server.url + address)
        assert response.status == status, address
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"]]
            found.append(f"{name}: {violation['id']} ({violation['impact']}): {targets}")
    assert found == [], "\n".join(found)


REQUIRED_NEWS_ARTICLE = (
    "headline",
    "image",
    "datePublished",
    "dateModified",
    "inLanguage",
    "author",
    "publisher",
    "isAccessibleForFree",
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_article_pages_json_ld_parses_and_has_the_required_fields(page, live_server, language):
    objects = judged_site()
    page.goto(live_server.url + objects["article"].get_absolute_url(language))
    blocks = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "scripts => scripts.map(s => s.textContent)"
    )
    data = {item["@type"]: item for item in map(json.loads, blocks)}

    article = data["NewsArticle"]
    missing = [field for field in REQUIRED_NEWS_ARTICLE if field not in article]
    assert missing == []
    assert article["inLanguage"] == language
    assert article["headline"] == page.locator("h1.article__title").inner_text()
    assert len(article["image"]) == 3
    assert [a["@type"] for a in article["author"]] == ["Person", "Organization"]
    assert article["publisher"]["name"] and article["publisher"]["logo"]["url"]
    assert article["dateModified"] > article["datePublished"]  # the correction
    versions = article.get("workTranslation") or [article["translationOfWork"]]
    assert all(v["url"].startswith(live_server.url) for v in versions)
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert crumbs[-1]["item"] == page.url
    # The block is data: the page's scripts never ran it, nor did it break the page.
    assert page.locator("h1.article__title").count() == 1
