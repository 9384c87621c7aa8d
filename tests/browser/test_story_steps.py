"""Issue 8 point 9: the long story with an outside organisation's byline, four tags (two
new), a lead picture and a placed map and video, entered as a new editor would, in under
30 actions, with no pop-up window and one save (tests/browser/story_steps.py counts)."""

import pytest

from articles.models import Article, Author, Placement, Section, Tag
from demo.seed import ensure_groups
from tests import factories
from tests.browser import story_steps
from tests.browser.admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.NEWSROOM_IMAGE_WIDTHS = [320]


def log_in_with_filing(page, live_server):
    """An editor logged in; the section and the two tags that exist already."""
    editors, _translators = ensure_groups()
    editor = factories.user()
    editor.groups.add(editors)
    log_in(page, live_server, editor)
    for name in story_steps.EXISTING_TAGS:
        factories.tag(name_en=name)
    return editor, factories.section(name_en="Cities")


def test_the_story_takes_under_30_actions_no_pop_up_and_one_save(page, live_server, tmp_path):
    editor, section = log_in_with_filing(page, live_server)
    page.on("popup", lambda popup: pytest.fail(f"a pop-up window opened: {popup.url}"))

    steps = story_steps.enter_story_after(page, live_server.url, tmp_path, section)

    print(f"\nafter: {steps.summary()}")
    assert steps.actions < 30, steps.log
    assert (steps.popups, steps.saves) == (0, 1)
    story = Article.objects.get()
    assert story.title_en == story_steps.TITLE
    reuters = story.authors.get()
    assert (reuters.name, reuters.kind) == ("Reuters", Author.Kind.AGENCY)
    assert sorted(str(tag) for tag in story.tags.all()) == sorted(
        story_steps.EXISTING_TAGS + story_steps.NEW_TAGS
    )
    assert Tag.objects.count() == 4  # the existing two were not made again
    new = Tag.objects.get(name_en="Rotterdam")
    assert (new.slug_en, new.name_nl, new.slug_nl) == ("rotterdam", None, None)
    assert story.lead_image.alt_text_en == "Boats"
    kinds = sorted(
        "image" if p.image_id else "embed" for p in Placement.objects.filter(article=story)
    )
    assert kinds == ["embed", "image"]
    assert Placement.objects.get(article=story, image__isnull=False).image.alt_text_en == "A map"


# Everything Django's admin opens a window with (RelatedObjectLookups.js), and any link
# that would open a new window or tab.
WINDOW_OPENERS = (
    "a[target], a[href*='_popup'], [onclick], .related-lookup, .related-widget-wrapper-link,"
    " .add-related, .change-related, .view-related, .delete-related"
)


def test_nothing_on_the_article_form_opens_a_window(page, live_server, tmp_path):
    editor, section = log_in_with_filing(page, live_server)
    page.on("popup", lambda popup: pytest.fail(f"a pop-up window opened: {popup.url}"))
    story_steps.enter_story_after(page, live_server.url, tmp_path, section)
    story = Article.objects.get()
    page.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")

    openers = page.locator(f"#article_form :is({WINDOW_OPENERS})")
    assert openers.count() == 0, openers.evaluate_all("els => els.map(e => e.outerHTML)")

    # A new section is made in an in-page dialog and chosen at once.
    page.click(".nr-section-new")
    dialog = page.locator("dialog.nr-section-dialog")
    assert dialog.is_visible()
    dialog.get_by_label("Name (English)").fill("Harbour")
    dialog.get_by_role("button", name="Create and choose").click()
    dialog.wait_for(state="hidden")
    harbour = Section.objects.get(name_en="Harbour")
    assert page.locator("#id_section").input_value() == str(harbour.pk)

    # A placed video's row chooses another video in the library dialog.
    row = page.locator(".media-picker--embed").first
    row.locator(".media-picker__choose-embed").click()
    library = page.locator("dialog.nr-library[open]")
    assert library.is_visible()
    library.locator(".nr-library__item").first.click()
    assert row.locator("input").input_value().isdigit()
