"""Scheduled publication meets the publishing requirements (articles/publishing.py): what
could not be published now cannot be scheduled, and what became unpublishable before its
time does not go live; it stays pending, unscheduled, with the reason for the editors."""

import time
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles import services
from articles.selectors import pending_view
from media.services import image_update
from newsroom.languages import language_codes
from tests import factories
from tests.articles.test_admin_articles import _change_url, _errors, _form_data
from tests.articles.test_drafts import _client_for, _reader

pytestmark = pytest.mark.django_db

SOON = timedelta(seconds=1)


@pytest.fixture
def story():
    """A live English story with a live Dutch version and a lead picture."""
    return factories.article(
        languages=("en", "nl"),
        title_nl="Oude titel",
        lead_image=factories.image(),
        authors=[factories.author()],
    )


def test_a_pending_change_without_the_source_body_cannot_be_scheduled(story):
    editor = factories.superuser()
    services.article_update(article=story, by=editor, body_en="<p></p>")

    with pytest.raises(ValidationError) as refused:
        services.pending_schedule(article=story, by=editor, at=timezone.now() + timedelta(days=1))

    assert "body_en" in refused.value.message_dict
    assert story.pending_changes.get(language="en").scheduled_at is None


def test_a_pending_change_dropping_every_byline_cannot_be_scheduled(story):
    editor = factories.superuser()
    services.article_update(article=story, by=editor, bylines=[])

    with pytest.raises(ValidationError) as refused:
        services.pending_schedule(article=story, by=editor, at=timezone.now() + timedelta(days=1))

    assert "bylines" in refused.value.message_dict


def test_a_language_whose_lead_image_lacks_alt_text_cannot_be_scheduled(story):
    editor = factories.superuser()
    image_update(image=story.lead_image, by=editor, alt_text_nl="")
    services.article_update(article=story, by=editor, title_nl="Nieuwe titel")

    with pytest.raises(ValidationError) as refused:
        services.pending_schedule(
            article=story, by=editor, at=timezone.now() + timedelta(days=1), languages=["nl"]
        )

    assert "Dutch" in str(refused.value.message_dict["lead_image"])
    # Unscheduling needs no requirement.
    services.pending_schedule(article=story, by=editor, at=None, languages=["nl"])


def test_scheduling_in_the_form_shows_what_is_missing_on_its_field(story):
    client = _client_for(factories.superuser())
    url = _change_url(story)
    at = timezone.localtime(timezone.now() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S")

    response = client.post(
        url, _form_data(client, url, title_en="", _schedule="1", _schedule_at=at)
    )

    assert response.status_code == 200
    assert "The source-language title is required." in str(_errors(response)["title_en"])
    assert not story.pending_changes.exists()  # nothing of the refused save is kept


def test_a_change_that_became_unpublishable_does_not_go_live_and_says_why(story):
    editor = factories.superuser()
    services.article_update(article=story, by=editor, title_nl="Nieuwe titel")
    services.pending_schedule(article=story, by=editor, at=timezone.now() + SOON, languages=["nl"])
    # Meanwhile the picture desk empties the Dutch alt text of the lead picture.
    image_update(image=story.lead_image, by=editor, alt_text_nl="")

    time.sleep(1.2)

    page = _reader(story, "nl")
    assert "Oude titel" in page and "Nieuwe titel" not in page
    change = story.pending_changes.get(language="nl")
    assert change.scheduled_at is None
    assert change.revision.data["text"]["nl"]["title"] == "Nieuwe titel"
    assert "Not published at its scheduled time" in change.comment
    assert "alt text in Dutch" in change.comment
    # The editor sees it above the form, beside the pending change.
    html = _client_for(editor).get(_change_url(story)).content.decode()
    assert "alt text in Dutch" in html


def test_a_publishable_scheduled_change_still_goes_live(story):
    editor = factories.superuser()
    services.article_update(article=story, by=editor, title_nl="Nieuwe titel")
    services.pending_schedule(article=story, by=editor, at=timezone.now() + SOON, languages=["nl"])

    time.sleep(1.2)

    assert "Nieuwe titel" in _reader(story, "nl")
    assert not story.pending_changes.exists()


def test_a_first_publication_is_checked_when_it_is_scheduled():
    draft = factories.article(published=False, languages=("en",))
    editor = factories.superuser()
    services.article_update(article=draft, by=editor, bylines=[])

    with pytest.raises(ValidationError) as refused:
        services.article_publish(article=draft, by=editor, at=timezone.now() + timedelta(days=1))

    assert "bylines" in refused.value.message_dict
    draft.refresh_from_db()
    assert draft.status != "published"


# -- The placements inline shows the pending state --


def test_a_picture_removed_in_a_pending_change_leaves_the_form_but_not_the_live_page():
    picture = factories.image(caption_en="The crane at dawn")
    story = factories.article(
        languages=("en",),
        body_en=f'<p>One.</p><figure data-placement="image-{picture.pk}"></figure>',
    )
    editor = factories.superuser()
    client = _client_for(editor)
    url = _change_url(story)

    # The editor takes the picture out of the body and removes the placed item.
    response = client.post(
        url,
        _form_data(
            client, url, body_en="<p>One, without a picture.</p>", **{"placements-0-DELETE": "on"}
        ),
    )
    assert response.status_code == 302, _errors(response)
    assert [p["key"] for p in pending_view(story).pending_placements] == []

    html = client.get(url).content.decode()
    assert 'name="placements-TOTAL_FORMS" value="0"' in html
    assert f"image-{picture.pk}" not in html.split('id="placements-group"')[1]
    assert "The crane at dawn" in _reader(story)  # readers keep it until publishing

    services.article_publish(article=story, by=editor)

    assert "The crane at dawn" not in _reader(story)
    assert not story.placements.exists()


# -- A first publication scheduled for later: what it needs stays until its time --


@pytest.fixture
def scheduled():
    """An English story with a Dutch version and a lead picture, scheduled for tomorrow."""
    story = factories.article(
        published_at=timezone.now() + timedelta(days=1),
        languages=("en", "nl"),
        lead_image=factories.image(alt_text_en="Boats", alt_text_nl="Boten"),
        authors=[factories.author()],
    )
    story.refresh_from_db()
    assert story.status == "published" and not story.is_published()  # not visible yet
    return story


def test_the_alt_text_a_scheduled_story_needs_cannot_be_removed(scheduled):
    editor = factories.superuser()
    picture = scheduled.lead_image

    with pytest.raises(ValidationError) as refused:
        image_update(image=picture, by=editor, alt_text_nl="")

    message = " ".join(refused.value.message_dict["alt_text_nl"])
    assert "is scheduled to go live" in message and "Dutch" in message
    assert scheduled.title_en in message
    picture.refresh_from_db()
    assert picture.alt_text_nl == "Boten"  # nothing of the refused change is written


def test_the_picture_desk_shows_the_refusal_on_the_alt_text_field(scheduled):
    picture = scheduled.lead_image
    client = _client_for(factories.superuser())
    url = f"/admin/media/image/{picture.pk}/change/"
    data = {
        "focal_x": picture.focal_x,
        "focal_y": picture.focal_y,
        **{
            f"{field}_{code}": getattr(picture, f"{field}_{code}") or ""
            for field in ("title", "alt_text", "caption", "content_warning")
            for code in language_codes()
        },
        "credit": picture.credit,
        "source": picture.source,
        "alt_text_nl": "",
    }

    response = client.post(url, data)

    assert response.status_code == 200
    assert "is scheduled to go live" in response.content.decode()
    picture.refresh_from_db()
    assert picture.alt_text_nl == "Boten"


def test_other_texts_of_a_scheduled_storys_picture_still_change(scheduled):
    picture = scheduled.lead_image

    image_update(image=picture, by=factories.superuser(), caption_nl="Boten in de haven")

    picture.refresh_from_db()
    assert picture.caption_nl == "Boten in de haven"


def test_the_alt_text_of_a_language_the_scheduled_story_does_not_publish_can_go(scheduled):
    picture = scheduled.lead_image
    image_update(image=picture, by=factories.superuser(), alt_text_de="Boote")

    image_update(image=picture, by=factories.superuser(), alt_text_de="")

    picture.refresh_from_db()
    assert picture.alt_text_de == ""


def test_once_the_story_is_live_its_time_no_longer_holds_the_alt_text(scheduled):
    services.article_unpublish(article=scheduled, by=factories.superuser())

    image_update(image=scheduled.lead_image, by=factories.superuser(), alt_text_nl="")

    scheduled.lead_image.refresh_from_db()
    assert scheduled.lead_image.alt_text_nl == ""
