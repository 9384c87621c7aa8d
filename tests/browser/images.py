"""Waiting for pictures the way a reader's browser loads them: lazily, after they are shown."""

# Resolves with the image's natural width once it has loaded (0 if it failed), so a test
# never races a lazy image that started loading the moment it was revealed.
_LOADED_WIDTH = """img => img.complete ? img.naturalWidth : new Promise(done => {
    img.addEventListener("load", () => done(img.naturalWidth), {once: true});
    img.addEventListener("error", () => done(0), {once: true});
})"""


def loaded_width(image):
    """The natural width of `image` (a Playwright locator) after it loaded; 0 if it failed."""
    return image.evaluate(_LOADED_WIDTH)
