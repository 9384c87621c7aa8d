"""Every kind of reader page is valid HTML, by the W3C's Nu HTML checker (vnu.jar).

The checker comes from the npm package vnu-jar (`make vnu`, a prerequisite of
`make test-browser`) and runs on the system's Java. It checks all pages in one run: one
Java start-up instead of one per page.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

from articles import body as body_references
from articles import services
from tests import factories
from tests.browser.test_judges import SEARCH_PAGE_MERGED
from tests.media import factories as media_factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VNU_JAR = Path(
    os.environ.get("VNU_JAR")
    or Path(__file__).resolve().parents[2] / "var/tools/node_modules/vnu-jar/build/dist/vnu.jar"
)
LANGUAGES = ("en", "nl", "ar")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]  # fast renditions; sizes are tested elsewhere


def _site():
    """A small site with one of everything a reader page can show, in en, nl and ar."""
    section = factories.section(name_en="World", name_nl="Wereld", name_ar="العالم")
    tag = factories.tag(name_en="Climate", name_nl="Klimaat", name_ar="المناخ")
    person = factories.author(name="Ada Lovelace", bio_en="Writes about engines.")
    staff = factories.author(name="Newsroom staff", is_organisation=True)
    picture = media_factories.image(caption_nl="Een dijk")
    video = media_factories.embed(content_warning_en="Shows injured people")
    body = (
        "<p>One.</p>"
        + body_references.reference(body_references.key_for("image", picture.pk))
        + "<h2>Two</h2><p>Three <a href='https://example.org/'>x</a>.</p>"
        + body_references.reference(body_references.key_for("embed", video.pk))
    )
    text = {f"body_{code}": body for code in LANGUAGES}
    # English only: the Dutch and Arabic pages show it marked, as every fallback is.
    text["content_warning_en"] = "Warning (en)"
    story = factories.article(
        languages=LANGUAGES,
        section=section,
        tags=(tag,),
        authors=(person, staff),
        lead_image=media_factories.image(
            size=(800, 450),
            caption_en="The dyke",
            credit="A. Photographer",
            # Publishing in a language needs the lead image's alt text in it.
            **{f"alt_text_{code}": f"A dyke ({code})" for code in LANGUAGES},
        ),
        **text,
    )
    assert story.placements.count() == 2
    factories.article(languages=LANGUAGES, section=section, tags=(tag,), authors=(person,))
    services.correction_create(
        article=story, language="nl", text="Gecorrigeerd.", by=factories.superuser()
    )
    english_only = factories.article(languages=("en",), section=section)
    return {
        "section": section,
        "tag": tag,
        "author": person,
        "article": story,
        "english_only": english_only,
    }


def _addresses(objects):
    """(name, address) of every page type in every language checked."""
    for code in LANGUAGES:
        with translation.override(code):
            yield f"home-{code}", f"/{code}/"
            yield f"article-{code}", objects["article"].get_absolute_url(code)
            for kind in ("section", "tag", "author"):
                yield f"{kind}-{code}", objects[kind].get_absolute_url()
            yield f"404-{code}", f"/{code}/sections/no-such-section/"
            if code != "en":
                # The 404 that links the story's other language versions.
                address = objects["english_only"].get_absolute_url("en")
                yield f"404-story-{code}", address.replace("/en/", f"/{code}/", 1)
            if SEARCH_PAGE_MERGED:  # needs the search branch (issue 10, point 1)
                yield f"search-{code}", f"/{code}/search/?q=flood"


def _java():
    java = shutil.which("java")
    if not java:
        raise RuntimeError("The HTML checker needs Java 17 or later: apt-get install default-jre")
    if not VNU_JAR.exists():
        raise RuntimeError(f"No HTML checker at {VNU_JAR}: run `make vnu`")
    return java


def test_every_reader_page_is_valid_html_in_english_dutch_and_arabic(client, tmp_path):
    java = _java()
    files = []
    for name, address in _addresses(_site()):
        response = client.get(address)
        assert response.status_code == (404 if name.startswith("404") else 200), address
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')} "
        f"[{m.get('extract', '').strip()}]"
        for m in messages
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr
