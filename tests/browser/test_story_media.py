"""A picture placed in the story's text in Chromium: inserted at the cursor in English,
carried into a Dutch translation with fewer paragraphs, shown after the same sentence."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from articles.models import Article, Placement
from demo.seed import ensure_groups
from tests import factories
from tests.browser.admin import log_in
from tests.browser.images import loaded_width
from tests.media import factories as media_factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY_EN = (
    "<p>The river rose overnight.</p><p>Boats filled the square.</p><p>The council met at noon.</p>"
)
PASTE = """async (el, html) => {
  el.focus();
  // One task later: the editor has taken in a selection the test just made (selectionchange
  // is delivered as a task of its own), so the paste lands where the caret is.
  await new Promise(resolve => setTimeout(resolve, 0));
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", el.innerText);
  el.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                cancelable: true}));
}"""

# The caret is collapsed at the end of the editor's last block.
CARET_AT_THE_END = """el => {
  const s = getSelection(), last = el.lastElementChild, node = s.anchorNode;
  if (!s.isCollapsed || !last || !node || !last.contains(node)) return false;
  const end = node.nodeType === Node.TEXT_NODE ? node.length : node.childNodes.length;
  return s.anchorOffset === end;
}"""


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]


def test_a_picture_inserted_in_english_follows_the_same_sentence_in_dutch(page, live_server):
    editors, _translators = ensure_groups()
    editor = factories.user()
    editor.groups.add(editors)
    photo = media_factories.image(
        alt_text_en="Boats on the square", caption_en="The square", caption_nl="Het plein"
    )
    story = factories.article(published=False, body_en=BODY_EN, title_en="The flood")

    log_in(page, live_server, editor, f"/admin/articles/article/{story.pk}/change/")

    # The editor puts the cursor after "Boats filled the square." and inserts the picture.
    english = page.locator(".field-body_en [contenteditable=true]")
    english.locator("p", has_text="Boats filled the square.").click()
    page.keyboard.press("End")
    # The library opens in the page (a dialog, no pop-up window); the picture is chosen there.
    page.locator(".field-body_en button[title='Insert picture']").click()
    dialog = page.locator("dialog.nr-library[open]")
    dialog.locator(f"button.nr-library__item[data-id='{photo.pk}']").click()
    dialog.wait_for(state="hidden")
    node = english.locator("figure.nr-placement-node")
    node.wait_for()
    key = node.get_attribute("data-placement")
    assert key == f"image-{photo.pk}"
    thumbnail = node.locator("img")
    thumbnail.wait_for()
    assert loaded_width(thumbnail) > 0
    assert english.evaluate(
        "el => Array.from(el.children).map(c => c.tagName + ':' + c.textContent.trim())"
    )[:3] == [
        "P:The river rose overnight.",
        "P:Boats filled the square.",
        f"FIGURE:Picture ({key})",
    ]

    # The translator copies the source and edits it: two paragraphs, the reference after
    # the sentence about the boats.
    page.click(".nr-switcher-button[data-nr-lang=nl]")
    page.fill("#id_title_nl", "De overstroming")
    dutch = page.locator(".field-body_nl [contenteditable=true]")
    dutch.evaluate(
        PASTE,
        "<p>De rivier steeg vannacht. Boten vulden het plein.</p>"
        f'<figure data-placement="{key}"></figure>'
        "<p>De gemeenteraad kwam om twaalf uur bijeen.</p>",
    )
    dutch.locator("figure.nr-placement-node img").wait_for()
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")

    story = Article.objects.get(pk=story.pk)
    assert Placement.objects.get(article=story).image == photo
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    page.locator("tr", has_text="Dutch").locator("select").select_option("published")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")

    page.goto(f"{live_server.url}{Article.objects.get(pk=story.pk).get_absolute_url('nl')}")
    figure = page.locator("figure.placed--image")
    assert figure.count() == 1
    assert figure.evaluate("f => f.previousElementSibling.textContent.trim()") == (
        "De rivier steeg vannacht. Boten vulden het plein."
    )
    assert "Het plein" in figure.inner_text()
    picture = figure.locator("img")
    picture.scroll_into_view_if_needed()
    assert loaded_width(picture) > 0


def test_a_translation_started_from_the_source_keeps_its_layout_and_pictures(page, live_server):
    editors, _translators = ensure_groups()
    editor = factories.user()
    editor.groups.add(editors)
    photo = media_factories.image(alt_text_en="Boats on the square")
    key = f"image-{photo.pk}"
    story = factories.article(
        published=False,
        title_en="The flood",
        body_en=f'<h2>Overnight</h2><p>Boats filled the square.</p><figure data-placement="{key}">'
        '</figure><blockquote><p>"We lost everything," she said.</p></blockquote>',
    )
    log_in(page, live_server, editor, f"/admin/articles/article/{story.pk}/change/")

    page.click(".nr-switcher-button[data-nr-lang=nl]")
    start = page.locator(".field-body_nl .nr-start-from-source")
    assert start.inner_text() == "Start from the source text"
    start.click()

    dutch = page.locator(".field-body_nl [contenteditable=true]")
    dutch.locator("figure.nr-placement-node img").wait_for()
    assert dutch.evaluate("el => Array.from(el.children).map(c => c.tagName)") == [
        "H2",
        "P",
        "FIGURE",
        "BLOCKQUOTE",
    ]
    assert start.is_hidden()  # a translation with text is never overwritten
    page.fill("#id_title_nl", "De overstroming")
    page.click("input[name=_continue]")
    page.wait_for_load_state("load")

    body_nl = Article.objects.get(pk=story.pk).body_nl
    assert f'<figure data-placement="{key}"></figure>' in body_nl
    assert "<h2>Overnight</h2>" in body_nl and "<blockquote>" in body_nl


def test_a_placed_picture_is_moved_and_removed_like_any_other_block(page, live_server):
    """Issue 7.2: the editor moves a placed picture to another place in the text (cut and
    paste), then deletes it; what is saved is what the editor sees."""
    editors, _translators = ensure_groups()
    editor = factories.user()
    editor.groups.add(editors)
    photo = media_factories.image(alt_text_en="Boats on the square")
    key = f"image-{photo.pk}"
    story = factories.article(
        published=False,
        title_en="The flood",
        body_en=(
            f'<p>The river rose overnight.</p><figure data-placement="{key}"></figure>'
            "<p>Boats filled the square.</p><p>The council met at noon.</p>"
        ),
    )
    log_in(page, live_server, editor, f"/admin/articles/article/{story.pk}/change/")
    english = page.locator(".field-body_en [contenteditable=true]")
    node = english.locator("figure.nr-placement-node")
    node.wait_for()

    def blocks():
        return english.evaluate("el => Array.from(el.children).map(c => c.tagName)")

    assert blocks() == ["P", "FIGURE", "P", "P"]

    # Moved: cut and pasted after the last paragraph.
    node.click()
    page.keyboard.press("Control+x")
    page.wait_for_function("el => !el.querySelector('figure')", arg=english.element_handle())
    english.locator("p", has_text="The council met at noon.").click()
    page.keyboard.press("End")
    page.wait_for_function(CARET_AT_THE_END, arg=english.element_handle())
    # Headless Chromium has no system clipboard: the paste carries what the cut put there.
    english.evaluate(PASTE, f'<figure data-placement="{key}"></figure>')
    try:
        page.wait_for_function(
            "el => Array.from(el.children).map(c => c.tagName).join() === 'P,P,P,FIGURE'",
            arg=english.element_handle(),
            timeout=10_000,
        )
    except PlaywrightTimeoutError:
        pytest.fail(f"The pasted picture is not after the last paragraph: {blocks()}")

    # Removed: selected with a click and deleted with the keyboard.
    english.locator("figure.nr-placement-node").click()
    page.keyboard.press("Delete")
    page.wait_for_function("el => !el.querySelector('figure')", arg=english.element_handle())
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/articles/article/")

    story = Article.objects.get(pk=story.pk)
    assert "data-placement" not in story.body_en
    assert "Boats filled the square." in story.body_en
