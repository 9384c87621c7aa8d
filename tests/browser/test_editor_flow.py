"""The editor's whole round trip in Chromium: upload a picture, write, tag, translate, publish."""

import io

import pytest
from PIL import Image as PillowImage

from articles.models import Article
from demo.seed import ensure_groups
from media.models import Image
from tests import factories
from tests.browser.admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _photo(tmp_path):
    path = tmp_path / "harbour.jpg"
    picture = PillowImage.new("RGB", (1200, 800), (20, 90, 140))
    picture.paste((240, 200, 40), (500, 300, 700, 500))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _type_body(page, field, text):
    page.locator(f".field-{field} [contenteditable=true]").click()
    page.keyboard.type(text)


def test_an_editor_publishes_a_tagged_story_with_a_picture_in_two_languages(
    page, live_server, tmp_path
):
    editors, _translators = ensure_groups()
    editor = factories.user()
    editor.groups.add(editors)
    section = factories.section(name_en="Cities", name_nl="Steden")
    factories.tag(name_en="Harbour", name_nl="Haven")
    factories.author(name="Mara Jansen")

    log_in(page, live_server, editor, "/admin/media/image/add/")

    # The picture, with its caption in English and Dutch.
    page.set_input_files("#id_file", str(_photo(tmp_path)))
    page.fill("#id_alt_text_en", "A blue harbour with a yellow crane")
    page.fill("#id_alt_text_nl", "Een blauwe haven met een gele kraan")
    page.fill("#id_caption_en", "The crane at the old harbour.")
    page.fill("#id_caption_nl", "De kraan in de oude haven.")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/media/image/")
    image = Image.objects.get()

    # The story: English first, then its Dutch translation, on one form.
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title_en", "The harbour crane turns again")
    page.fill("#id_standfirst_en", "Restored after ten years.")
    _type_body(page, "body_en", "The old crane moved for the first time in a decade.")
    page.click(".nr-switcher-button[data-nr-lang=nl]")
    page.fill("#id_title_nl", "De havenkraan draait weer")
    _type_body(page, "body_nl", "De oude kraan bewoog voor het eerst in tien jaar.")
    page.select_option("#id_section", str(section.pk))
    page.locator(".field-tags .select2-selection").click()
    page.keyboard.type("Harb")
    page.click(".select2-results__option:has-text('Harbour')")
    page.click(".field-lead_image .media-picker__choose")
    page.click(f"dialog.nr-library[open] button.nr-library__item[data-id='{image.pk}']")
    assert page.input_value("#id_lead_image") == str(image.pk)
    # Publishing needs a byline.
    page.locator(".field-bylines .select2-selection").click()
    page.keyboard.type("Mara")
    page.click(".select2-results__option:has-text('Mara Jansen')")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")

    story = Article.objects.get()
    assert not story.is_published("nl")
    # The Dutch version goes live when the editor marks it published.
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    row = page.locator("tr", has_text="Dutch").locator("select")
    row.select_option("published")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")

    for language, title, body, caption, tag in [
        (
            "en",
            "The harbour crane turns again",
            "The old crane moved",
            "The crane at the",
            "Harbour",
        ),
        ("nl", "De havenkraan draait weer", "De oude kraan bewoog", "De kraan in de", "Haven"),
    ]:
        page.goto(live_server.url + story.get_absolute_url(language))
        assert page.locator("h1").inner_text() == title
        assert body in page.locator("main").inner_text()
        assert caption in page.locator("figure").first.inner_text()
        assert page.locator(f"a[href*='/tags/']:has-text('{tag}')").count() == 1
