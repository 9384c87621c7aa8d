"""Uploading a picture in Chromium: the editor sees it is being processed, and a second
click does not upload it twice."""

import io
import json

import pytest
from PIL import Image as PillowImage

from media.models import Image
from tests import factories
from tests.browser.admin import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "uploads")


def _photo(tmp_path):
    path = tmp_path / "harbour.jpg"
    picture = PillowImage.effect_mandelbrot((2400, 1600), (-2.0, -1.0, 1.0, 1.0), 100)
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, "JPEG", quality=90)
    path.write_bytes(buffer.getvalue())
    return path


def test_upload_shows_it_is_being_processed_and_a_second_click_sends_nothing(
    page, live_server, tmp_path
):
    editor = factories.user(superuser=True)
    log_in(page, live_server, editor, "/admin/media/image/add/")
    page.set_input_files("#id_file", str(_photo(tmp_path)))
    page.fill("#id_alt_text_en", "The harbour from above")

    # Hold the upload in the browser, as a slow server would, to look at the form meanwhile.
    held = []
    page.route(
        "**/admin/media/image/add/",
        lambda route: held.append(route) if route.request.method == "POST" else route.continue_(),
    )
    posts = []
    page.on("request", lambda request: request.method == "POST" and posts.append(request.url))
    # While a navigation is pending Playwright waits before it looks at the page, so the
    # page reports what the editor sees right after the click, and clicks once more
    # (on the disabled button, and as Enter in a field would: the form's own submit).
    reports = []
    page.on("console", lambda message: reports.append(message.text))
    page.evaluate(
        """() => {
            const form = document.getElementById("image_form");
            const seen = () => JSON.stringify({
                status: Array.from(document.querySelectorAll("[role=status]"),
                                   (el) => el.textContent.trim()),
                buttons: Array.from(form.querySelectorAll(".submit-row input[type=submit]"),
                                    (el) => [el.name, el.disabled]),
            });
            form.addEventListener("submit", () => setTimeout(() => {
                if (window.lookedOnce) return;
                window.lookedOnce = true;
                console.log(seen());
                form.querySelector("input[name=_save]").click();
                form.requestSubmit();
                setTimeout(() => console.log("clicked again"), 300);
            }));
        }"""
    )

    page.click("input[name=_continue]", no_wait_after=True)
    for _attempt in range(100):
        if "clicked again" in reports:
            break
        page.wait_for_timeout(100)

    first_look = json.loads(reports[0])
    assert first_look["status"] == ["Uploading and preparing the picture…"]
    assert first_look["buttons"] == [["_save", True], ["_addanother", True], ["_continue", True]]
    assert reports[1:] == ["clicked again"]
    assert len(held) == 1 and len(posts) == 1

    held[0].continue_()
    page.wait_for_url("**/admin/media/image/*/change/")  # "Save and continue" was kept
    image = Image.objects.get()
    assert image.alt_text_en == "The harbour from above"
    assert image.renditions.exists()
    assert "harbour" not in image.file.name
