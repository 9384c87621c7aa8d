"""Site-wide addresses: the redirect of `/`, unknown languages, health check, robots.txt."""

import pytest
from django.db import DatabaseError
from django.test import RequestFactory
from django.utils import translation

from newsroom import views
from newsroom.languages import language_codes

pytestmark = pytest.mark.django_db


def test_root_redirects_to_the_language_in_the_cookie(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get("/", headers={"accept-language": "nl"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_redirects_by_accept_language_without_a_cookie(client):
    response = client.get("/", headers={"accept-language": "de-DE,de;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/de/"


def test_root_redirects_to_english_by_default(client):
    assert client.get("/")["Location"] == "/en/"
    assert client.get("/", headers={"accept-language": "ja"})["Location"] == "/en/"


def test_root_redirect_varies_on_cookie_and_language(client):
    vary = client.get("/")["Vary"]
    assert "Accept-Language" in vary and "Cookie" in vary


def test_unprefixed_page_address_redirects_into_the_readers_language(client):
    response = client.get("/sections/world/", headers={"accept-language": "nl"})
    assert response.status_code == 302
    assert response["Location"] == "/nl/sections/world/"


def test_unknown_language_prefix_gives_a_404_in_the_readers_language(client):
    response = client.get("/xx/", headers={"accept-language": "nl"})
    assert response.status_code == 404
    body = response.content.decode()
    assert '<html lang="nl" dir="ltr">' in body
    assert "Pagina niet gevonden" in body
    assert 'href="/nl/" rel="home"' in body


def test_404_page_offers_every_language_home(client):
    body = client.get("/xx/").content.decode()
    for code in language_codes():
        assert f'href="/{code}/?lang-switch" lang="{code}" hreflang="{code}"' in body
    # The links lead to the home pages, not to this page.
    assert 'aria-current="page"' not in body
    assert 'hreflang="en" dir="ltr" aria-current="true"' in body


def test_arabic_404_page_is_right_to_left(client):
    body = client.get("/ar/sections/nothing-here/").content.decode()
    assert '<html lang="ar" dir="rtl">' in body


def test_500_page_renders_without_context_or_database():
    with translation.override("nl"):
        response = views.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert '<html lang="nl" dir="ltr">' in response.content.decode()


def test_healthz_answers_ok_after_asking_the_database(client, django_assert_num_queries):
    # SELECT 1, then the home page: its articles and the section navigation.
    with django_assert_num_queries(3):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken_cursor():
        raise DatabaseError("connection refused")

    monkeypatch.setattr(views.connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_robots_txt_allows_all_but_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_healthz_answers_503_when_the_home_page_cannot_render(client):
    from articles.models import Section
    from tests import factories

    # A row as an older version left it: its name has no letters, so it has no slug at all;
    # the home page's lead story links its section and cannot.
    section = factories.section(name_en="★")
    Section.objects.filter(pk=section.pk).update(
        **{f"slug_{code}": None for code in language_codes()}
    )
    factories.article(section=section)
    client.raise_request_exception = False
    assert client.get("/en/").status_code == 500

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"home page unavailable\n"


def test_healthz_renders_the_home_page_whatever_its_query_string(client):
    assert client.get("/healthz?page=99").status_code == 200


def test_favicon_is_a_real_icon(client):
    import io

    from PIL import Image

    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO"
    assert (16, 16) in icon.info["sizes"] and (32, 32) in icon.info["sizes"]
    assert "max-age=86400" in response["Cache-Control"]


def test_healthz_answers_503_when_the_cache_fails_but_reader_pages_still_render(client, settings):
    from tests import factories

    factories.article(title_en="Flood warning for the coast")
    # A Redis cache nobody answers for: port 1 refuses the connection at once.
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"cache unavailable\n"
    home = client.get("/en/")
    assert home.status_code == 200
    assert "Flood warning for the coast" in home.content.decode()
