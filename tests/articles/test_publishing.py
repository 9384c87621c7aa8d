"""The publishing requirements (articles/publishing.py), asked by every publish service."""

import pytest
from django.core.exceptions import ValidationError

from articles import services
from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def _refusal(call) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.message_dict


def test_publishing_needs_the_source_language_title_and_body():
    story = factories.article(languages=("nl",), source_language="nl", published=False)
    Article.objects.filter(pk=story.pk).update(title_nl="", body_nl="<p></p>")
    story.refresh_from_db()

    errors = _refusal(lambda: services.article_publish(article=story, by=factories.superuser()))

    assert errors["title_nl"] == ["The source-language title is required."]
    assert errors["body_nl"] == [
        "The story needs a body in its source language before it can be published."
    ]
    story.refresh_from_db()
    assert story.status == "draft" and not story.is_published()


def test_publishing_needs_a_byline():
    story = factories.article(published=False)
    story.bylines.all().delete()

    errors = _refusal(lambda: services.article_publish(article=story, by=factories.superuser()))

    assert errors == {"bylines": ["Add at least one byline before the story is published."]}
    assert not Article.objects.get(pk=story.pk).is_published()


def test_publishing_needs_the_lead_images_alt_text_in_the_source_language():
    picture = factories.image(alt_text_nl="Een dijk")
    story = factories.article(published=False, lead_image=picture)

    errors = _refusal(lambda: services.article_publish(article=story, by=factories.superuser()))

    assert errors == {
        "lead_image": [
            "The lead image needs alt text in English before the story is published in that "
            "language: describe what the picture shows."
        ]
    }

    picture.alt_text_en = "A dike"
    picture.save()
    services.article_publish(article=story, by=factories.superuser())
    assert Article.objects.get(pk=story.pk).is_published()


def test_publishing_a_language_needs_the_lead_images_alt_text_in_that_language():
    picture = factories.image(alt_text_en="A dike")
    story = factories.article(languages=("en", "nl"), published=False, lead_image=picture)
    services.article_publish(article=story, by=factories.superuser())

    errors = _refusal(
        lambda: services.variant_set_state(
            article=story, language="nl", state="published", by=factories.superuser()
        )
    )

    assert "Dutch" in errors["lead_image"][0]
    assert story.variants.get(language="nl").state != "published"


def test_publishing_a_language_needs_its_body():
    story = factories.article(languages=("en",), title_de="Regen")

    errors = _refusal(
        lambda: services.variant_set_state(
            article=story, language="de", state="published", by=factories.superuser()
        )
    )

    assert errors == {"body_de": ["The German version needs a body before it can be published."]}


def test_a_complete_story_publishes():
    story = factories.article(languages=("en", "fr"), published=False, lead_image=factories.image())

    services.article_publish(article=story, by=factories.superuser())
    services.variant_set_state(
        article=story, language="fr", state="published", by=factories.superuser()
    )

    assert story.published_languages() == {"en", "fr"}
