"""The language kernel, and the one fallback policy every reader page shows texts by."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from newsroom.languages import (
    active_language,
    column,
    fallback_marker,
    language_codes,
    language_order,
    reader_text,
)
from tests import factories
from tests.media import factories as media_factories

EN_MARKED_NL = (
    '<span lang="en" dir="ltr" class="fallback">{}</span> '
    '<span class="fallback-marker">(in het Engels)</span>'
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.NEWSROOM_IMAGE_WIDTHS = [320]


def _render(source, **context):
    return Template("{% load media_tags %}" + source).render(Context(context))


def _article_warning(client, texts):
    story = factories.article(languages=("en", "nl"), **column_values("content_warning", texts))
    return client.get(story.get_absolute_url("nl")).content.decode()


def _image_warning(client, texts):
    image = media_factories.image(**column_values("content_warning", texts))
    with translation.override("nl"):
        return _render("{% picture image %}", image=image)


def _embed_warning(client, texts):
    embed = media_factories.embed(title_nl="De video", **column_values("content_warning", texts))
    with translation.override("nl"):
        return _render("{% embed_card embed %}", embed=embed)


def _embed_title(client, texts):
    titles = {"title_en": ""} | column_values("title", texts)  # the factory's default is English
    embed = media_factories.embed("https://youtu.be/dQw4w9WgXcQ", **titles)
    with translation.override("nl"):
        return _render("{% embed_card embed %}", embed=embed)


def column_values(field, texts):
    return {column(field, code): text for code, text in texts.items()}


# What each kind of text shows when it is absent in every language.
SHOWN_WHEN_NONE = {
    _article_warning: ('role="note"', False),
    _image_warning: ("<details", False),
    _embed_warning: ("<details", False),
    _embed_title: ("Video op YouTube", True),
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page",
    [_article_warning, _image_warning, _embed_warning, _embed_title],
    ids=lambda f: f.__name__,
)
@pytest.mark.parametrize("case", ["own", "fallback", "none"])
def test_a_dutch_reader_gets_dutch_text_or_the_english_marked_or_nothing(client, page, case):
    texts = {
        "own": {"en": "Graphic scenes", "nl": "Schokkende beelden"},
        "fallback": {"en": "Graphic scenes"},
        "none": {},
    }[case]

    html = page(client, texts)

    if case == "own":
        assert "Schokkende beelden" in html
        assert "Graphic scenes" not in html and "fallback-marker" not in html
    elif case == "fallback":
        assert EN_MARKED_NL.format("Graphic scenes") in html
    else:
        needle, present = SHOWN_WHEN_NONE[page]
        assert (needle in html) is present
        assert "fallback-marker" not in html


@pytest.mark.django_db
def test_a_warning_in_any_language_is_never_left_out():
    image = media_factories.image(content_warning_fr="Images choquantes")

    text = reader_text(image, "content_warning", language="nl")

    assert (text.text, text.lang) == ("Images choquantes", "fr")


@pytest.mark.django_db
def test_the_original_language_comes_before_the_default():
    image = media_factories.image(content_warning_en="Graphic", content_warning_de="Drastisch")

    assert reader_text(image, "content_warning", original="de", language="nl").lang == "de"
    assert reader_text(image, "content_warning", language="nl").lang == "en"


@pytest.mark.django_db
def test_right_to_left_fallback_on_a_left_to_right_page_keeps_its_direction():
    image = media_factories.image(content_warning_ar="مشاهد صادمة")

    with translation.override("en"):
        html = str(reader_text(image, "content_warning"))

    assert html == (
        '<span lang="ar" dir="rtl" class="fallback">مشاهد صادمة</span> '
        '<span class="fallback-marker">(in Arabic)</span>'
    )


@pytest.mark.django_db
def test_own_text_is_escaped_and_unmarked():
    image = media_factories.image(content_warning_en="Blood & <gore>")

    assert str(reader_text(image, "content_warning", language="en")) == "Blood &amp; &lt;gore&gt;"


@pytest.mark.parametrize(
    ("reader", "marker"),
    [
        ("en", "(in English)"),
        ("nl", "(in het Engels)"),
        ("de", "(auf Englisch)"),
        ("fr", "(en anglais)"),
        ("ar", "(بالإنجليزية)"),
    ],
)
def test_the_marker_names_the_language_in_the_readers_language(reader, marker):
    with translation.override(reader):
        assert fallback_marker("en") == marker


def test_language_order_is_reader_original_default_then_the_rest():
    assert language_order("nl") == ["nl", *(code for code in language_codes() if code != "nl")]
    assert language_order("nl", "fr")[:3] == ["nl", "fr", "en"]
    assert sorted(language_order("nl", "fr")) == sorted(language_codes())
    assert language_order("en", "en") == language_codes()


def test_active_language_is_the_default_when_translations_are_off():
    with translation.override(None):
        assert active_language() == "en"
    with translation.override("de"):
        assert active_language() == "de"


def test_a_regional_variant_is_its_site_language():
    with translation.override("nl-be"):
        assert active_language() == "nl"
    with translation.override("pt-br"):  # not a site language: left as it is
        assert active_language() == "pt-br"


@pytest.mark.django_db
def test_the_article_list_titles_follow_a_regional_variant_of_the_editors_language(
    admin_client,
):
    factories.article(languages=("en", "nl"), title_en="Harbour", title_nl="Haven")

    html = admin_client.get(
        "/admin/articles/article/", HTTP_ACCEPT_LANGUAGE="nl-be"
    ).content.decode()

    assert "Haven" in html


# What reads a language code's parts ("nl-be" -> "nl"), or falls back from the active
# language to the default, by hand. newsroom/languages.py does it once (active_language).
HAND_BUILT_LANGUAGE = re.compile(
    r"""\.(split|partition)\(\s*["']-["']\s*\)\s*\[0\]|get_language\(\)\s+or\b"""
)


def test_no_module_parses_language_codes_by_hand():
    root = Path(__file__).resolve().parents[2]
    kernel = root / "newsroom" / "languages.py"
    found = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for app in ("newsroom", "articles", "media", "audit", "demo")
        for path in sorted((root / app).rglob("*.py"))
        if path != kernel
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if HAND_BUILT_LANGUAGE.search(line)
    ]

    assert found == []


# The site's language list (four or more of its codes) written out: tests take it from
# settings (language_codes()), so a language added to the site is tested too.
_CODE = r"""["'](?:en|nl|de|fr|ar)["']"""
LANGUAGE_LIST = re.compile(rf"(?:{_CODE}\s*,\s*){{3,}}{_CODE}")


def test_no_test_writes_out_the_site_languages():
    tests = Path(__file__).resolve().parents[1]
    found = [
        f"{path.relative_to(tests)}:{number}"
        for path in sorted(tests.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if LANGUAGE_LIST.search(line)
    ]

    assert found == []
