from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

from tests import factories

LOCALE = Path(settings.BASE_DIR) / "newsroom" / "locale"
VARIANTS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("language", VARIANTS)
def test_every_ui_string_is_translated(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as catalogue:
        catalog = read_po(catalogue, locale=language)

    missing = [
        message.id
        for message in catalog
        if message.id
        and (
            "fuzzy" in message.flags
            or not all(message.string if isinstance(message.string, tuple) else [message.string])
        )
    ]
    assert missing == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Latest stories"), ("de", "Neueste Artikel"), ("ar", "آخر الأخبار")],
)
def test_reader_pages_speak_the_readers_language(client, language, heading):
    factories.article(languages=("en", "de", "ar"))
    factories.article(languages=("en", "de", "ar"))

    assert heading in client.get(f"/{language}/").content.decode()


@pytest.mark.django_db
def test_the_admin_speaks_the_editors_language(client):
    client.force_login(factories.user(superuser=True))

    response = client.get("/admin/articles/article/add/", HTTP_ACCEPT_LANGUAGE="nl")

    assert "Beheer van Newsroom" in response.content.decode()
    assert "Brontaal" in response.content.decode() or "brontaal" in response.content.decode()
