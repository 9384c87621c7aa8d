"""Preview links (articles/previews.py): the pending version, without login, never cached or
indexed, and dead once expired or revoked."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles import previews, services
from articles.models import PreviewLink
from tests import factories

pytestmark = pytest.mark.django_db


def _story_with_pending_dutch():
    story = factories.article(
        languages=("en", "nl"), title_nl="Oude kop", body_nl="<p>Oude tekst.</p>"
    )
    services.article_save_draft(
        article=story,
        by=factories.superuser(),
        expected_version=story.version,
        title_nl="Nieuwe kop",
        body_nl="<p>Nieuwe tekst.</p>",
    )
    story.refresh_from_db()
    return story


def _link(story, language="nl", **kwargs):
    return previews.preview_link_create(
        article=story, language=language, by=factories.superuser(), **kwargs
    )


def test_a_preview_link_shows_the_pending_version_without_login_while_readers_see_the_live_one(
    client,
):
    story = _story_with_pending_dutch()
    link = _link(story)

    preview = client.get(link.get_absolute_url())
    reader = client.get(story.get_absolute_url("nl"))

    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Nieuwe kop" in html and "Nieuwe tekst." in html
    assert '<html lang="nl"' in html
    assert "Oude kop" in reader.content.decode()
    assert "Nieuwe kop" not in reader.content.decode()


def test_a_preview_says_it_is_one_and_is_never_cached_or_indexed(client):
    response = client.get(_link(_story_with_pending_dutch()).get_absolute_url())

    html = response.content.decode()
    assert 'class="preview-banner" role="status"' in html
    assert "<strong>Voorbeeld</strong>" in html  # "Preview", in the link's language
    assert '<meta name="robots" content="noindex, nofollow">' in html
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_preview_shows_the_pending_byline_and_tags(client):
    story = factories.article(languages=("en",))
    writer, topic = factories.author(name="Iris Vos"), factories.tag(name_en="Dikes")
    services.article_save_draft(
        article=story,
        by=factories.superuser(),
        expected_version=story.version,
        bylines=[writer],
        tags=[topic],
    )

    html = client.get(_link(story, "en").get_absolute_url()).content.decode()

    assert "Iris Vos" in html and "Dikes" in html
    assert "Iris Vos" not in client.get(story.get_absolute_url("en")).content.decode()


def test_an_expired_link_answers_gone_with_a_message(client):
    link = _link(_story_with_pending_dutch())
    PreviewLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    response = client.get(link.get_absolute_url())

    assert response.status_code == 410
    assert "verlopen" not in response.content.decode()  # the message is in the site language
    assert "This preview link has expired. Ask for a new one." in response.content.decode()
    assert "Nieuwe kop" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_revoked_link_stops_working_at_once(client):
    link = _link(_story_with_pending_dutch())
    assert client.get(link.get_absolute_url()).status_code == 200

    previews.preview_link_revoke(link=link, by=factories.superuser())
    response = client.get(link.get_absolute_url())

    assert response.status_code == 410
    assert "This preview link was withdrawn. Ask for a new one." in response.content.decode()
    assert not PreviewLink.objects.active().filter(pk=link.pk).exists()


@pytest.mark.parametrize(
    "mangle",
    [
        lambda url: url.replace("/preview/", "/preview/0"),
        lambda url: url[:-3] + ("A/" if url[-2] != "A" else "B/"),
    ],
    ids=["token", "signature"],
)
def test_an_altered_link_is_not_found(client, mangle):
    url = _link(_story_with_pending_dutch()).get_absolute_url()

    response = client.get(mangle(url))

    assert response.status_code == 404
    assert "This preview link is not valid. Ask for a new one." in response.content.decode()


def test_a_link_works_at_most_the_longest_lifetime():
    link = _link(_story_with_pending_dutch(), lifetime=timedelta(days=365))

    assert link.expires_at - link.created_at == previews.MAX_LIFETIME


def test_a_signature_older_than_the_longest_lifetime_is_refused_whatever_the_row_says(client):
    link = _link(_story_with_pending_dutch())
    PreviewLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() + timedelta(days=400))

    class Then(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 31 * 24 * 3600)

    old = Then(salt=previews.SALT).sign(link.token.hex)

    response = client.get(reverse("article_preview", kwargs={"token": old}))

    assert response.status_code == 404


def test_only_someone_who_may_publish_makes_or_revokes_preview_links():
    story = _story_with_pending_dutch()
    writer = factories.user()
    writer.user_permissions.add(Permission.objects.get(codename="change_article"))

    with pytest.raises(PermissionDenied):
        previews.preview_link_create(article=story, language="nl", by=writer)
    link = _link(story)
    with pytest.raises(PermissionDenied):
        previews.preview_link_revoke(link=link, by=writer)
    assert PreviewLink.objects.active().count() == 1
