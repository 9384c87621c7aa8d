"""Translation memory (articles/memory.py, issue 9 point 7): what was translated and published
before is offered again, for the same text and the same language pair only, with where it
was published."""

import pytest
from django.core.management import call_command

from articles import memory, services
from articles.models import Article, TranslationMemory
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def committed(django_capture_on_commit_callbacks, monkeypatch):
    """Each factory's and service's write commits (its events reach the memory), as in a
    running site; the test's own transaction would otherwise hold them back."""
    for name in ("article", "image", "tag"):
        make = getattr(factories, name)

        def after_commit(*args, _make=make, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return _make(*args, **kwargs)

        monkeypatch.setattr(factories, name, after_commit)
    for name in ("article_update", "article_publish"):
        write = getattr(services, name)

        def service(*args, _write=write, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return _write(*args, **kwargs)

        monkeypatch.setattr(services, name, service)


DATELINE = "GHENT, Monday (Newsroom) —"


def _story(**fields):
    fields.setdefault("body_en", f"<p>{DATELINE}</p><h2>The river</h2><p>Water rose.</p>")
    fields.setdefault(
        "body_nl", "<p>GENT, maandag (Newsroom) —</p><h2>De rivier</h2><p>Water steeg.</p>"
    )
    return factories.article(languages=("en", "nl"), **fields)


def test_a_published_translations_paragraphs_are_suggested_for_the_same_text():
    story = _story(title_en="Flood in Ghent")

    found = memory.suggestions("GHENT,   Monday (Newsroom) —\n", "en", "nl")

    assert [s.text for s in found] == ["GENT, maandag (Newsroom) —"]
    assert found[0].source == DATELINE
    assert f"Article {story.pk}" in found[0].origin
    assert "Flood in Ghent" in found[0].origin
    assert "body" in found[0].origin
    assert memory.suggestions("The river", "en", "nl")[0].text == "De rivier"


def test_another_language_pair_or_another_text_is_not_suggested():
    _story()

    assert memory.suggestions(DATELINE, "en", "de") == []
    assert memory.suggestions(DATELINE, "nl", "en") == []
    assert memory.suggestions("GHENT, Tuesday (Newsroom) —", "en", "nl") == []


def test_bodies_of_another_structure_pair_no_paragraphs():
    _story(body_nl="<p>GENT, maandag (Newsroom) — Water steeg.</p><h2>De rivier</h2>")

    assert memory.suggestions(DATELINE, "en", "nl") == []


def test_a_translation_not_published_is_not_remembered():
    factories.article(
        languages=("en",),
        body_en=f"<p>{DATELINE}</p>",
        body_nl="<p>GENT, maandag (Newsroom) —</p>",
        title_nl="Nog niet klaar",
    )

    assert memory.suggestions(DATELINE, "en", "nl") == []


def test_an_outdated_translations_body_is_not_remembered():
    story = _story()
    services.article_update(
        article=Article.objects.get(pk=story.pk),
        by=factories.superuser(),
        body_en=f"<p>{DATELINE}</p><p>Rewritten.</p>",
    )
    services.article_publish(article=Article.objects.get(pk=story.pk), by=factories.superuser())

    assert memory.suggestions(DATELINE, "en", "nl") == []


def test_pictures_tags_and_warnings_are_remembered_one_to_one():
    picture = factories.image(
        caption_en="Photo: Newsroom archive", caption_nl="Foto: archief Newsroom"
    )
    tag = factories.tag(name_en="Floods", name_nl="Overstromingen")
    _story(lead_image=picture, tags=[tag])

    assert memory.suggestions("Photo: Newsroom archive", "en", "nl")[0].text == (
        "Foto: archief Newsroom"
    )
    assert memory.suggestions("Floods", "en", "nl")[0].text == "Overstromingen"


def test_the_rebuild_command_remembers_existing_content_again():
    _story()
    TranslationMemory.objects.all().delete()
    assert memory.suggestions(DATELINE, "en", "nl") == []

    call_command("rebuild_translation_memory", stdout=open("/dev/null", "w"))

    assert memory.suggestions(DATELINE, "en", "nl")[0].text == "GENT, maandag (Newsroom) —"


def test_segments_are_the_bodys_paragraphs_headings_and_list_items():
    html = (
        '<p>One <strong>bold</strong> line.</p><figure data-placement="image-3"></figure>'
        "<h2>Head</h2><ul><li>First</li><li>Second</li></ul><blockquote><p>Said.</p>"
        "</blockquote>"
    )

    assert memory.segments(html) == ["One bold line.", "Head", "First", "Second", "Said."]


def test_suggestions_are_found_by_an_indexed_hash(django_assert_num_queries):
    _story()

    with django_assert_num_queries(1):
        memory.suggestions(DATELINE, "en", "nl")
