"""Production hardening: security headers, the deploy check, large forms, login throttling."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from articles import body as body_references
from articles.models import Placement
from tests import factories
from tests.articles.test_admin_articles import _form_data
from tests.media import factories as media_factories

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]


def _directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


# -- Content-Security-Policy and Permissions-Policy --


def test_reader_pages_allow_nothing_inline_and_frames_only_from_the_video_players(client):
    story = factories.article()
    for url in ["/en/", story.get_absolute_url("en"), "/en/no-such-page/"]:
        response = client.get(url)
        directives = _directives(response)
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert sorted(directives["frame-src"]) == [
            "https://player.vimeo.com",
            "https://www.youtube-nocookie.com",
        ]


def test_every_page_switches_off_camera_microphone_location_and_payment(client):
    for url in ["/en/", "/admin/login/", "/healthz"]:
        policy = client.get(url).headers["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in policy
        assert 'fullscreen=(self "https://www.youtube-nocookie.com"' in policy


def test_the_admin_runs_the_editors_import_map_by_this_responses_nonce_only(admin_client):
    story = factories.article()
    response = admin_client.get(reverse("admin:articles_article_change", args=[story.pk]))
    script_src = _directives(response)["script-src"]
    nonces = [value for value in script_src if value.startswith("'nonce-")]
    assert len(nonces) == 1 and "'unsafe-inline'" not in script_src
    nonce = nonces[0].removeprefix("'nonce-").removesuffix("'")
    import_map = re.search(r"<script[^>]*type=\"importmap\"[^>]*>", response.text).group(0)
    assert f'nonce="{nonce}"' in import_map
    # A new response, a new nonce.
    again = admin_client.get(reverse("admin:articles_article_change", args=[story.pk]))
    assert nonce not in again.headers["Content-Security-Policy"]


def test_error_page_for_a_server_error_has_no_inline_style(client):
    from newsroom.views import server_error

    html = server_error(None).content.decode()
    assert "<style" not in html and "style=" not in html
    assert "newsroom/error.css" in html


# -- check --deploy --


def _check_deploy(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEWSROOM_"))}
    clean.update(DJANGO_SETTINGS_MODULE="newsroom.settings", DJANGO_ALLOWED_HOSTS="example.org")
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_refuses_the_built_in_key_even_when_insecure_key_is_allowed():
    result = _check_deploy(DJANGO_ALLOW_INSECURE_KEY="1")
    assert result.returncode != 0
    assert "newsroom.E001" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_check_deploy_passes_with_a_key_of_our_own():
    result = _check_deploy(DJANGO_SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


# -- Large forms --


def _story_with_placements(count, *, body_en=""):
    """An article whose English body places the same picture `count` times."""
    image = media_factories.image()
    keys = []
    for _i in range(count):
        keys.append(body_references.key_for("image", image.pk, keys))
    body = body_en + "".join(f"<p>Item.</p>{body_references.reference(key)}" for key in keys)
    story = factories.article(body_en=body)
    assert Placement.objects.filter(article=story).count() == count
    return story


def test_an_article_with_many_placed_items_can_be_saved(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.NEWSROOM_IMAGE_WIDTHS = [320]
    story = _story_with_placements(120)
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = _form_data(admin_client, url)
    data[f"{_placement_prefix(data)}-0-caption_override_en"] = "The first one"
    data["_publish"] = "Publish"  # a published story: live at once, not a pending change
    assert len(data) > 1000  # Django's default limit

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content[:2000]
    assert Placement.objects.filter(article=story).count() == 120
    assert Placement.objects.filter(article=story, caption_override_en="The first one").exists()


def _placement_prefix(data):
    return next(
        name.removesuffix("-TOTAL_FORMS")
        for name in data
        if name.endswith("-TOTAL_FORMS") and "placement" in name
    )


def test_a_form_over_the_limit_is_explained_in_the_editors_language(
    admin_client, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.NEWSROOM_IMAGE_WIDTHS = [320]
    story = _story_with_placements(20, body_en="<p>Kept.</p>")
    before = story.body_en
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = _form_data(admin_client, url)
    data["body_en"] = "<p>A long edit.</p>"
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
    assert len(data) > 200

    response = admin_client.post(url, data, headers={"accept-language": "nl"})

    assert response.status_code == 400
    page = response.content.decode()
    assert '<html lang="nl"' in page
    assert "Niet opgeslagen: het formulier is te groot" in page
    assert "Laad deze pagina niet opnieuw." in page
    story.refresh_from_db()
    assert story.body_en == before


# -- Login throttling --


def _log_in(client, username, password, address="203.0.113.7", language="en"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        headers={"accept-language": language},
    )


def test_the_sixth_attempt_is_refused_with_a_message_even_with_the_right_password(client):
    editor = factories.user()
    for _ in range(5):
        response = _log_in(client, editor.username, "wrong password")
    assert response.status_code == 429

    response = _log_in(client, editor.username, "pw-for-tests-only")

    assert response.status_code == 429
    assert "Too many failed logins" in response.text
    assert "after 5 wrong passwords" in response.text
    assert "_auth_user_id" not in client.session


def test_the_lock_out_message_is_in_the_users_language(client):
    editor = factories.user()
    for _ in range(6):
        response = _log_in(client, editor.username, "wrong password", language="de")
    assert response.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldungen" in response.text


def test_a_lock_out_holds_one_account_from_one_address_only(client):
    editor, colleague = factories.user(), factories.user()
    for _ in range(5):
        _log_in(client, editor.username, "wrong password")

    assert _log_in(client, colleague.username, "pw-for-tests-only").status_code == 302
    client.logout()
    other_address = _log_in(client, editor.username, "pw-for-tests-only", address="198.51.100.4")
    assert other_address.status_code == 302


def test_fewer_wrong_passwords_than_the_limit_do_not_lock_the_account(client):
    editor = factories.user()
    for _ in range(4):
        assert _log_in(client, editor.username, "wrong password").status_code == 200
    assert _log_in(client, editor.username, "pw-for-tests-only").status_code == 302
