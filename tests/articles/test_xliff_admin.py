"""XLIFF in the admin and the export command (articles/admin/xliff.py, export_xliff): the
import page's report, the export form's languages, the links that lead to the import page."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from articles import linked, xliff
from articles.models import PendingChange
from tests import factories
from tests.articles.test_xliff import _cat_tool, _dump, _export, _story, _translator

pytestmark = pytest.mark.django_db

IMPORT = "/admin/articles/article/xliff-import/"
LIST = "/admin/articles/article/"
DESK = "/admin/articles/translationdesk/"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(data: bytes, name="story-nl.xlf"):
    return SimpleUploadedFile(name, data, content_type="application/xliff+xml")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


# -- The import page --


def test_the_import_page_saves_the_file_and_reports_what_it_saved():
    story = _story()
    translator = _translator()
    data = _cat_tool(_export([story]), "2.0")

    response = _client(translator).post(IMPORT, {"file": _upload(data)})

    assert response.status_code == 200
    html = response.content.decode()
    assert "15 texts of 15 in Dutch were saved for review." in _text(html)
    assert f'href="/admin/articles/article/{story.pk}/change/"' in html
    assert "Tag name: " in html and "Body, block 5" in html
    assert PendingChange.objects.get(article=story, language="nl").created_by == translator
    assert linked.pending_texts(story, "nl")[f"tag:{story.tags.get().pk}.name"].startswith("NL[")


def test_the_import_page_lists_the_problems_of_a_refused_file_and_saves_nothing():
    story = _story()
    data = _cat_tool(_export([story]), "2.0").replace(b".body.p5", b".body.p9")
    client = _client(_translator())
    before = _dump()

    response = client.post(IMPORT, {"file": _upload(data)}, HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Het bestand is geweigerd; er is niets opgeslagen." in html
    assert f"<code>article-{story.pk}.body.p9</code>" in html
    assert _dump() == before


def test_the_import_page_with_force_names_the_texts_to_check():
    story = _story()
    data = _cat_tool(_export([story]), "2.0")
    tag = story.tags.get()
    from articles import services

    services.tag_update(tag=tag, by=factories.superuser(), name_en="Night buses")
    client = _client(_translator())

    refused = client.post(IMPORT, {"file": _upload(data)}).content.decode()
    forced = client.post(IMPORT, {"file": _upload(data), "force": "on"}).content.decode()

    assert f"<code>tag-{tag.pk}.name</code>" in refused
    assert "the reviewer is asked to check:" in forced
    assert "Tag name: " in _text(forced).split("the reviewer is asked to check:")[1]


def test_the_import_page_refuses_a_file_that_is_not_xliff():
    response = _client(_translator()).post(IMPORT, {"file": _upload(b"not xml at all")})

    assert "not well-formed XML" in response.content.decode()
    assert not PendingChange.objects.exists()


# -- The export form --


def _export_form(user, story, **extra) -> Client:
    data = {"action": "export_xliff", "_selected_action": [story.pk], **extra}
    return _client(user).post(LIST, data)


def _languages(response) -> list[str]:
    select = re.search(
        r'<select name="language"[^>]*>(.*?)</select>', response.content.decode(), re.S
    )
    return re.findall(r'<option value="(\w+)"', select[1])


def test_the_export_form_offers_a_translator_only_their_languages():
    story = _story()

    assert _languages(_export_form(_translator(["nl"]), story)) == ["nl"]
    assert _languages(_export_form(_translator(["de", "fr"]), story)) == ["de", "fr"]
    assert "nl" in _languages(_export_form(factories.superuser(), story))


def test_the_export_form_refuses_a_translator_another_language():
    story = _story()

    response = _export_form(_translator(["nl"]), story, language="de", version="2.0", apply="1")

    assert "Content-Disposition" not in response
    assert "Select a valid choice" in response.content.decode()


# -- Where a translator finds the import page --


def test_the_article_list_and_the_desk_link_the_import_page():
    _story()
    client = _client(_translator())

    for page in (LIST, DESK):
        html = client.get(page).content.decode()
        assert f'href="{IMPORT}"' in html, page


# -- export_xliff --source-language --


def test_export_command_source_language_keeps_one_source_language(tmp_path):
    english = _story()
    dutch = factories.article(languages=("nl",), source_language="nl", title_nl="Nachtbussen")
    out = tmp_path / "de.xlf"

    with pytest.raises(CommandError, match="--source-language"):
        call_command("export_xliff", "--language", "de", "--all", "-o", out)
    call_command(
        "export_xliff",
        "--language",
        "de",
        "--all",
        "--source-language",
        "nl",
        "-o",
        out,
        stdout=io.StringIO(),
    )

    document = xliff.parse(out.read_bytes())
    assert [f.id for f in document.files] == [f"article-{dutch.pk}"]
    assert document.source_languages == ("nl",)
    assert f"article-{english.pk}" not in out.read_text()


def test_export_command_reports_units_bytes_and_seconds(tmp_path):
    _story()
    out, stdout = tmp_path / "nl.xlf", io.StringIO()

    call_command("export_xliff", "--language", "nl", "--all", "-o", out, stdout=stdout)

    assert re.match(
        r"Wrote .*: 15 units from 1 articles, \d+ bytes, in [\d.]+ s\.", stdout.getvalue()
    )
