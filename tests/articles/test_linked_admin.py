"""The article's translation page (issue 9 point 4): a translator fills in the texts of the
story's pictures, videos, tags and section in their language without leaving it; the
review queue shows them; a crafted post for another language changes nothing."""

import pytest
from django.urls import reverse

from articles.models import PendingChange, Section, Tag
from media.models import Embed, Image
from tests import factories
from tests.articles.test_admin_articles import _change_url, _form_data
from tests.articles.test_linked import _translator, make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return make_story()


def _name(code, text_name):
    return f"linked-{code}-{text_name}"


def test_a_translator_sees_the_texts_beside_the_source_in_their_language_only(client, story):
    client.force_login(_translator("nl"))

    html = client.get(_change_url(story)).content.decode()

    video = Embed.objects.get()
    assert "Pictures, videos, tags and section" in html
    assert f'name="{_name("nl", f"embed:{video.pk}.content_warning")}"' in html
    assert f'name="{_name("nl", f"section:{story.section_id}.name")}"' in html
    assert "Flashing lights" in html  # the source beside it
    assert _name("de", "") not in html and _name("en", "") not in html


def test_a_translator_saves_the_texts_from_the_form_and_an_editor_publishes_them(client, story):
    client.force_login(_translator("nl"))
    url = _change_url(story)
    video, tag = Embed.objects.get(), Tag.objects.get()
    data = _form_data(
        client,
        url,
        **{
            _name("nl", f"embed:{video.pk}.content_warning"): "Flitsende lichten",
            _name("nl", f"tag:{tag.pk}.name"): "Overstromingen",
        },
    )

    response = client.post(url, data)

    assert response.status_code == 302
    assert Embed.objects.get().content_warning_nl in (None, "")
    assert PendingChange.objects.filter(article=story, language="nl").exists()
    html = client.get(url).content.decode()
    assert 'value="Flitsende lichten"' in html  # what waits is what the form shows

    client.force_login(factories.superuser())
    client.post(
        reverse("admin:articles_article_review_action", args=[story.pk, "nl"]),
        {"action": "publish"},
    )
    assert Embed.objects.get().content_warning_nl == "Flitsende lichten"
    assert Tag.objects.get().name_nl == "Overstromingen"


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_crafted_post_for_another_language_or_the_source_changes_nothing(client, story, language):
    client.force_login(_translator("nl"))
    url = _change_url(story)
    data = _form_data(client, url, title_nl="Ook bijgewerkt")
    data[_name(language, f"section:{story.section_id}.name")] = "Crafted"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Translators" in response.content.decode() or "You may not" in (
        response.content.decode()
    )
    assert not PendingChange.objects.filter(article=story).exists()
    assert Section.objects.get().name_en == "Climate"


def test_the_review_queue_shows_the_waiting_texts_as_a_diff(client, story):
    translator = _translator("nl")
    client.force_login(translator)
    url = _change_url(story)
    lead = story.lead_image_id
    client.post(
        url,
        _form_data(client, url, **{_name("nl", f"image:{lead}.alt_text"): "De dijk"}),
    )
    client.post(
        reverse("admin:articles_article_review_action", args=[story.pk, "nl"]),
        {"action": "submit"},
    )

    client.force_login(factories.superuser())
    html = client.get(reverse("admin:articles_article_review_queue")).content.decode()

    assert "alt text" in html
    assert "<ins>De dijk</ins>" in html
    stored = Image.objects.get(pk=lead).alt_text_nl
    assert f"<del>{stored}</del>" in html


def test_the_page_offers_the_translation_memorys_suggestion_beside_an_empty_text(
    client, story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        picture = factories.image(
            caption_en="The dyke at dawn.", caption_nl="De dijk bij het ochtendgloren."
        )
        other = factories.article(languages=("en", "nl"), lead_image=picture)
    client.force_login(_translator("nl"))

    html = client.get(_change_url(story)).content.decode()

    assert "Suggested from translation memory" in html
    assert "De dijk bij het ochtendgloren." in html
    assert f"Article {other.pk}" in html
    assert 'class="button nr-memory-use"' in html
