"""The site the outside judges (the W3C checker, axe-core, the JSON-LD check) look at: one of
everything a reader page can show, in English, Dutch and Arabic, and the address of every
reader page type."""

from django.utils import translation

from articles import body as body_references
from articles import services
from tests import factories
from tests.media import factories as media_factories

LANGUAGES = ("en", "nl", "ar")


def judged_site():
    """Section, tag, author, a story with a placed picture and a warned video, subheadings,
    a link, an English-only warning (shown marked elsewhere), notes in every language, and a
    story only in English (for the 404 that links its other versions)."""
    section = factories.section(name_en="World", name_nl="Wereld", name_ar="العالم")
    tag = factories.tag(name_en="Climate", name_nl="Klimaat", name_ar="المناخ")
    person = factories.author(name="Ada Lovelace", bio_en="Writes about engines.")
    staff = factories.author(name="Newsroom staff", is_organisation=True)
    picture = media_factories.image(caption_nl="Een dijk")
    video = media_factories.embed(content_warning_en="Shows injured people")
    body = (
        "<p>One flood.</p>"
        + body_references.reference(body_references.key_for("image", picture.pk))
        + "<h2>Two</h2><p>Three <a href='https://example.org/'>x</a>.</p><h3>Two</h3>"
        + body_references.reference(body_references.key_for("embed", video.pk))
    )
    factories.article(languages=LANGUAGES, section=section, tags=(tag,), authors=(person,))
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
        # English only: the Dutch and Arabic pages show it marked, as every fallback is.
        content_warning_en="Warning (en)",
        **{f"body_{code}": body for code in LANGUAGES},
    )
    assert story.placements.count() == 2
    notes = {"en": "The figure was corrected.", "nl": "Gecorrigeerd.", "ar": "تم تصحيح الرقم."}
    for code, text in notes.items():
        services.correction_create(
            article=story, language=code, text=text, by=factories.superuser()
        )
    english_only = factories.article(languages=("en",), section=section)
    return {
        "section": section,
        "tag": tag,
        "author": person,
        "article": story,
        "english_only": english_only,
    }


def judged_pages(objects, languages=LANGUAGES):
    """(name, address, status) of every reader page type in each of `languages`."""
    for code in languages:
        with translation.override(code):
            yield f"home-{code}", f"/{code}/", 200
            yield f"article-{code}", objects["article"].get_absolute_url(code), 200
            for kind in ("section", "tag", "author"):
                yield f"{kind}-{code}", objects[kind].get_absolute_url(), 200
            yield f"search-{code}", f"/{code}/search/?q=flood", 200
            yield f"404-{code}", f"/{code}/sections/no-such-section/", 404
            if code != "en":
                # The 404 that links the story's other language versions.
                address = objects["english_only"].get_absolute_url("en")
                yield f"404-story-{code}", address.replace("/en/", f"/{code}/", 1), 404
