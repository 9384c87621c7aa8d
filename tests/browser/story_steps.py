"""The story a new editor enters, driven in Chromium with every action counted.

The story (issue 8, point 9): a long text, a byline from an outside organisation (the wire
agency Reuters, not yet an author), four tags (two that exist, two new), a lead picture and
a map uploaded on the way, the map placed in the text and a video (a new embed) after it.

How actions are counted, as a person would do them: each click (a button, a link, a
dropdown entry, a place in the text) is one action, a run of typing into one field is one,
each file chosen is one, each dropdown choice is one. A pop-up window is counted when it
opens, a save when the form is sent. `before` is the flow of the form with inlines and
pop-ups; `after` the flow of the form with autocomplete fields and the in-page library.
"""

import io
from dataclasses import dataclass, field

from PIL import Image as PillowImage

PARAGRAPHS = [
    "The river rose a metre overnight and the old quays were under water by dawn.",
    "Boats filled the square in front of the town hall, where the market usually stands.",
    "The council met at noon and asked people in the lower streets to leave their homes.",
    "By the evening the water had begun to fall, but the dykes upstream are still watched.",
    "Engineers say the pumps held; the question now is how long the clean-up will take.",
]
TITLE = "Floodwater reaches the market square"
STANDFIRST = "The river rose overnight; the council asked the lower streets to leave."
BYLINE = "Reuters"
EXISTING_TAGS = ["Floods", "Climate"]
NEW_TAGS = ["Rotterdam", "Dykes"]
VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@dataclass
class Steps:
    """What the editor did: actions, pop-up windows opened and saves."""

    actions: int = 0
    popups: int = 0
    saves: int = 0
    log: list[str] = field(default_factory=list)

    def act(self, what: str, count: int = 1) -> None:
        self.actions += count
        self.log.append(what)

    def click(self, locator, what=""):
        locator.click()
        self.act(f"click {what}")

    def fill(self, locator, text, what=""):
        locator.fill(text)
        self.act(f"type {what}")

    def choose_file(self, locator, path, what=""):
        locator.set_input_files(str(path))
        self.act(f"file {what}")

    def select(self, locator, value, what=""):
        locator.select_option(value)
        self.act(f"select {what}")

    def popup(self, page, click, what=""):
        with page.expect_popup() as info:
            click()
        self.popups += 1
        self.log.append(f"pop-up {what}")
        popup = info.value
        popup.wait_for_load_state()
        return popup

    def save(self, locator, what=""):
        self.click(locator, what or "save")
        self.saves += 1

    def summary(self) -> str:
        return f"{self.actions} actions, {self.popups} pop-up windows, {self.saves} saves"


def picture_file(tmp_path, name, color):
    path = tmp_path / name
    picture = PillowImage.new("RGB", (1200, 800), color)
    picture.paste((240, 200, 40), (500, 300, 700, 500))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _type_body(page, steps):
    """The long text, typed in one run into the field (as a fill: one action)."""
    body = page.locator(".field-body_en [contenteditable=true]")
    body.click()
    page.keyboard.type("\n".join(PARAGRAPHS))
    steps.act("type the text")
    return body


def _cursor_after(page, body, steps, paragraph):
    steps.click(body.locator("p", has_text=paragraph), "a place in the text")
    page.keyboard.press("End")


def enter_story_before(page, base_url, tmp_path, section) -> Steps:
    """The form with inline bylines and tags, the raw-id lead image and pop-up lookups."""
    steps = Steps()
    page.goto(f"{base_url}/admin/articles/article/add/")
    steps.fill(page.locator("#id_title_en"), TITLE, "title")
    steps.fill(page.locator("#id_standfirst_en"), STANDFIRST, "standfirst")
    body = _type_body(page, steps)

    # The map, uploaded from the library pop-up and placed after the second paragraph.
    _cursor_after(page, body, steps, PARAGRAPHS[1][:20])
    popup = steps.popup(
        page,
        lambda: page.locator(".field-body_en button[title='Insert picture']").click(),
        "insert picture",
    )
    steps.act("click insert picture")
    _upload_in_popup(popup, steps, picture_file(tmp_path, "map.jpg", (30, 120, 60)), "A map")
    body.locator("figure.nr-placement-node").wait_for()

    # The video: no embed yet, so one is added in the lookup pop-up.
    _cursor_after(page, body, steps, PARAGRAPHS[3][:20])
    popup = steps.popup(
        page,
        lambda: page.locator(".field-body_en button[title='Insert video or link']").click(),
        "insert video",
    )
    steps.act("click insert video")
    steps.click(popup.locator("a.addlink"), "add embed")
    steps.fill(popup.locator("#id_url"), VIDEO_URL, "video address")
    steps.save(popup.locator("input[name=_save]"), "save embed")
    page.wait_for_function("() => document.querySelectorAll('figure.nr-placement-node').length > 1")

    steps.select(page.locator("#id_section"), str(section.pk), "section")

    # The lead picture: the raw-id lookup pop-up, an upload inside it.
    popup = steps.popup(page, lambda: page.click("#lookup_id_lead_image"), "lead picture")
    steps.act("click lead picture lookup")
    _upload_in_popup(popup, steps, picture_file(tmp_path, "lead.jpg", (20, 90, 140)), "Boats")
    page.wait_for_function("() => document.querySelector('#id_lead_image').value !== ''")

    # The byline: Reuters is no author yet; the add pop-up makes one, as an agency.
    steps.click(page.locator("a:has-text('Add another Author')"), "add author row")
    row = page.locator("#bylines-group tr.form-row:not(.empty-form)").last
    popup = steps.popup(page, lambda: row.locator("a.add-related").click(), "add author")
    steps.act("click add author")
    steps.fill(popup.locator("#id_name"), BYLINE, "author name")
    steps.select(popup.locator("#id_kind"), "agency", "author kind")
    steps.save(popup.locator("input[name=_save]"), "save author")
    popup.wait_for_event("close")

    # Four tags: two found by typing, two made in the tag pop-up (every language's name).
    for name in EXISTING_TAGS:
        steps.click(page.locator("a:has-text('Add another Tag')"), "add tag row")
        row = page.locator("#taggedarticle_set-group tr.form-row:not(.empty-form)").last
        steps.click(row.locator(".select2-selection"), "tag box")
        page.keyboard.type(name[:4])
        steps.act("type tag")
        steps.click(page.locator(".select2-results__option", has_text=name), "tag found")
    for name in NEW_TAGS:
        steps.click(page.locator("a:has-text('Add another Tag')"), "add tag row")
        row = page.locator("#taggedarticle_set-group tr.form-row:not(.empty-form)").last
        popup = steps.popup(page, lambda row=row: row.locator("a.add-related").click(), "add tag")
        steps.act("click add tag")
        steps.fill(popup.locator("#id_name_en"), name, "tag name")
        steps.save(popup.locator("input[name=_save]"), "save tag")
        popup.wait_for_event("close")

    steps.save(page.locator("input[name=_save]"), "save story")
    page.wait_for_url("**/admin/articles/article/")
    return steps


def _upload_in_popup(popup, steps, path, alt):
    """In the image library pop-up: add an image, upload, describe, save (selects it)."""
    steps.click(popup.locator("a.addlink"), "add image")
    steps.choose_file(popup.locator("#id_file"), path, "picture")
    steps.fill(popup.locator("#id_alt_text_en"), alt, "alt text")
    steps.save(popup.locator("input[name=_save]"), "save picture")
    popup.wait_for_event("close")


def enter_story_after(page, base_url, tmp_path, section) -> Steps:
    """The form with the byline and tags as autocomplete fields that create new names, and
    the library in an in-page dialog with an upload (or a video's address) inside it."""
    steps = Steps()
    page.goto(f"{base_url}/admin/articles/article/add/")
    steps.fill(page.locator("#id_title_en"), TITLE, "title")
    steps.fill(page.locator("#id_standfirst_en"), STANDFIRST, "standfirst")
    body = _type_body(page, steps)

    # The map: uploaded in the library dialog, placed at the cursor at once.
    _cursor_after(page, body, steps, PARAGRAPHS[1][:20])
    steps.click(page.locator(".field-body_en button[title='Insert picture']"), "insert picture")
    _upload_in_dialog(page, steps, picture_file(tmp_path, "map.jpg", (30, 120, 60)), "A map")
    body.locator("figure.nr-placement-node").wait_for()

    # The video: its address pasted in the dialog.
    _cursor_after(page, body, steps, PARAGRAPHS[3][:20])
    steps.click(page.locator(".field-body_en button[title='Insert video or link']"), "video")
    dialog = page.locator("dialog.nr-library[open]")
    steps.fill(dialog.locator("input[name=url]"), VIDEO_URL, "video address")
    steps.click(dialog.locator("button[type=submit]"), "add video")
    page.wait_for_function("() => document.querySelectorAll('figure.nr-placement-node').length > 1")

    steps.select(page.locator("#id_section"), str(section.pk), "section")

    # The lead picture: the same dialog from the picker.
    steps.click(page.locator(".field-lead_image .media-picker__choose"), "choose lead picture")
    _upload_in_dialog(page, steps, picture_file(tmp_path, "lead.jpg", (20, 90, 140)), "Boats")
    page.wait_for_function("() => document.querySelector('#id_lead_image').value !== ''")

    # The byline: a name not known yet, added as a news agency from the list.
    steps.click(page.locator(".field-bylines .select2-selection"), "byline box")
    page.keyboard.type(BYLINE)
    steps.act("type byline")
    steps.click(page.locator(".select2-results__option", has_text="News agency"), "add as agency")

    # Tags: one found by typing, then the other three typed as a list (two are new).
    steps.click(page.locator(".field-tags .select2-selection"), "tags box")
    page.keyboard.type(EXISTING_TAGS[0][:4])
    steps.act("type tag")
    steps.click(page.locator(".select2-results__option", has_text=EXISTING_TAGS[0]), "tag")
    page.keyboard.type(", ".join([EXISTING_TAGS[1], *NEW_TAGS]) + ",")
    steps.act("type tags")

    steps.save(page.locator("input[name=_save]"), "save story")
    page.wait_for_url("**/admin/articles/article/")
    return steps


def _upload_in_dialog(page, steps, path, alt):
    dialog = page.locator("dialog.nr-library[open]")
    steps.choose_file(dialog.locator("input[type=file]"), path, "picture")
    steps.fill(dialog.locator("input[name$=alt_text_en]"), alt, "alt text")
    steps.click(dialog.locator("button[type=submit]"), "upload picture")
    dialog.wait_for(state="hidden")
