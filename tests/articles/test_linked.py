"""Everything translatable from an article's page (articles/linked.py, issue 9 point 4): the
texts of its section, tags, pictures and videos, stored on those objects, pending for review
until an editor publishes them, and only in the translator's own languages."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from articles import linked, policy, services
from articles.models import Article, PendingChange, Section, Tag, TranslatorProfile
from articles.selectors import pending_view
from media.models import Embed, Image
from tests import factories
from tests.media.factories import embed as make_embed

pytestmark = pytest.mark.django_db


def _translator(*languages):
    person = factories.user()
    person.groups.add(Group.objects.get(name=policy.TRANSLATORS))
    TranslatorProfile.objects.create(user=person, languages=list(languages))
    return person


def _editor():
    person = factories.user()
    person.groups.add(Group.objects.get(name=policy.EDITORS))
    return person


@pytest.fixture
def story():
    return make_story()


def make_story():
    """A published English story with a Dutch version: a section, a tag, a lead picture, a
    placed picture (also placed twice), and a placed video."""
    lead = factories.image(caption_en="The dyke at dawn.")
    placed = factories.image(caption_en="Sandbags on the quay.")
    video = make_embed(title_en="Interview with the mayor", content_warning_en="Flashing lights")
    section = factories.section(name_en="Climate", name_nl=None)
    tag = factories.tag(name_en="Floods", name_nl=None)
    body = (
        f'<p>One.</p><figure data-placement="image-{placed.pk}"></figure>'
        f'<p>Two.</p><figure data-placement="embed-{video.pk}"></figure>'
    )
    article = factories.article(
        languages=("en", "nl"),
        tags=[tag],
        section=section,
        lead_image=lead,
        body_en=body,
        body_nl=body.replace("One", "Een").replace("Two", "Twee"),
    )
    return Article.objects.get(pk=article.pk)


def _names(article):
    return [item.name for item in linked.linked_texts(article)]


def test_linked_texts_list_section_tags_lead_image_placed_pictures_and_videos_in_order(story):
    lead, placed = story.lead_image_id, Image.objects.exclude(pk=story.lead_image_id).get().pk
    video = Embed.objects.get().pk
    assert _names(story) == [
        f"section:{story.section_id}.name",
        f"tag:{Tag.objects.get().pk}.name",
        f"image:{lead}.alt_text",
        f"image:{lead}.caption",
        f"image:{placed}.alt_text",
        f"image:{placed}.caption",
        f"embed:{video}.title",
        f"embed:{video}.content_warning",
    ]
    item = linked.linked_texts(story)[-1]
    assert (item.key, item.kind, item.pk, item.field) == (
        f"embed:{video}",
        "embed",
        video,
        "content_warning",
    )
    assert "Interview with the mayor" in item.label
    assert linked.source_value(story, item) == "Flashing lights"


def test_a_translators_texts_wait_for_review_and_readers_see_none_of_them(story, client):
    translator = _translator("nl")
    item = {i.field: i for i in linked.linked_texts(story) if i.kind == "embed"}
    tag = Tag.objects.get()

    services.linked_texts_save(
        article=story,
        language="nl",
        by=translator,
        texts={
            item["title"].name: "Interview met de burgemeester",
            item["content_warning"].name: "Flitsende lichten",
            f"tag:{tag.pk}.name": "Overstromingen",
        },
    )

    video = Embed.objects.get()
    assert video.title_nl in (None, "")
    assert video.content_warning_nl in (None, "")
    assert Tag.objects.get().name_nl in (None, "")
    assert linked.value(story, item["title"], "nl") == "Interview met de burgemeester"
    assert linked.value(story, item["title"], "nl", pending=False) == ""
    change = PendingChange.objects.get(article=story, language="nl")
    assert change.created_by == translator
    page = client.get(story.get_absolute_url("nl")).content.decode()
    assert "Flitsende lichten" not in page and "Overstromingen" not in page


def test_each_text_is_stored_where_it_belongs_when_an_editor_publishes_the_language(story):
    translator, editor = _translator("nl"), _editor()
    lead = story.lead_image_id
    texts = {
        f"section:{story.section_id}.name": "Klimaat",
        f"tag:{Tag.objects.get().pk}.name": "Overstromingen",
        f"image:{lead}.alt_text": "De dijk bij dageraad",
        f"image:{lead}.caption": "De dijk bij het ochtendgloren.",
        f"embed:{Embed.objects.get().pk}.title": "Interview met de burgemeester",
        f"embed:{Embed.objects.get().pk}.content_warning": "Flitsende lichten",
    }
    services.linked_texts_save(article=story, language="nl", by=translator, texts=texts)

    services.article_publish(article=story, by=editor, languages=["nl"])

    assert Section.objects.get().name_nl == "Klimaat"
    assert Tag.objects.get().name_nl == "Overstromingen"
    assert Tag.objects.get().slug_nl == "overstromingen"
    image = Image.objects.get(pk=lead)
    assert (image.alt_text_nl, image.caption_nl) == (
        "De dijk bij dageraad",
        "De dijk bij het ochtendgloren.",
    )
    assert image.alt_text_en.startswith("Picture")  # the other languages stay
    video = Embed.objects.get()
    assert (video.title_nl, video.content_warning_nl) == (
        "Interview met de burgemeester",
        "Flitsende lichten",
    )
    assert not PendingChange.objects.filter(article=story).exists()


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_translator_may_not_write_another_languages_or_the_source_languages_texts(
    story, language
):
    translator = _translator("nl")
    name = f"image:{story.lead_image_id}.alt_text"
    before = Image.objects.get(pk=story.lead_image_id).alt_text_en

    with pytest.raises(PermissionDenied):
        services.linked_texts_save(
            article=story, language=language, by=translator, texts={name: "Crafted"}
        )

    assert not PendingChange.objects.filter(article=story).exists()
    assert Image.objects.get(pk=story.lead_image_id).alt_text_en == before


def test_a_text_the_story_does_not_show_is_refused_and_nothing_is_written(story):
    translator = _translator("nl")
    other = factories.image()
    lead = story.lead_image_id

    with pytest.raises(ValidationError):
        services.linked_texts_save(
            article=story,
            language="nl",
            by=translator,
            texts={f"image:{lead}.alt_text": "Goed", f"image:{other.pk}.alt_text": "Elders"},
        )
    with pytest.raises(ValidationError):
        services.linked_texts_save(
            article=story, language="nl", by=translator, texts={f"image:{lead}.file": "x"}
        )

    assert not PendingChange.objects.filter(article=story).exists()


def test_an_editors_text_on_a_story_not_yet_published_is_written_at_once():
    editor = _editor()
    picture = factories.image()
    draft = factories.article(published=False, lead_image=picture)

    services.linked_texts_save(
        article=draft,
        language="nl",
        by=editor,
        texts={f"image:{picture.pk}.caption": "Een bijschrift."},
    )

    assert Image.objects.get(pk=picture.pk).caption_nl == "Een bijschrift."
    assert not PendingChange.objects.filter(article=draft).exists()


def test_a_translators_text_on_a_draft_still_waits_and_survives_a_save_of_the_story():
    translator, editor = _translator("nl"), _editor()
    picture = factories.image()
    draft = factories.article(published=False, lead_image=picture, languages=("en", "nl"))
    name = f"image:{picture.pk}.caption"

    services.linked_texts_save(article=draft, language="nl", by=translator, texts={name: "Nl."})
    services.article_update(article=draft, by=editor, title_en="Retitled")

    assert Image.objects.get(pk=picture.pk).caption_nl in (None, "")
    assert pending_view(draft).pending_linked == {"nl": {name: "Nl."}}
    services.article_publish(article=draft, by=editor)
    assert Image.objects.get(pk=picture.pk).caption_nl == "Nl."


def test_an_editors_save_of_a_published_story_keeps_the_texts_waiting(story):
    translator, editor = _translator("nl"), _editor()
    name = f"tag:{Tag.objects.get().pk}.name"
    services.linked_texts_save(
        article=story, language="nl", by=translator, texts={name: "Overstromingen"}
    )

    services.article_update(article=story, by=editor, title_en="A new English title")

    assert pending_view(story).pending_linked == {"nl": {name: "Overstromingen"}}


def test_a_text_set_back_to_what_is_stored_no_longer_waits(story):
    translator = _translator("nl")
    name = f"image:{story.lead_image_id}.caption"
    services.linked_texts_save(article=story, language="nl", by=translator, texts={name: "Nl."})

    services.linked_texts_save(article=story, language="nl", by=translator, texts={name: ""})

    assert not PendingChange.objects.filter(article=story, language="nl").exists()


def test_a_tag_name_another_tag_has_in_that_language_is_refused(story):
    factories.tag(name_nl="Overstromingen")
    with pytest.raises(ValidationError) as refused:
        services.linked_texts_save(
            article=story,
            language="nl",
            by=_translator("nl"),
            texts={f"tag:{Tag.objects.get(name_en='Floods').pk}.name": "Overstromingen"},
        )
    assert "already called" in str(refused.value)
